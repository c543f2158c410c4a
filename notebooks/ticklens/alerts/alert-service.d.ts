/**
 * The live alert manager: the stored rules evaluated on every stored batch of trades (by the engine's
 * `AlertFeed`), each fire written to `alert_history`, handed to listeners (the `/ws/live` `alerts` channel) and
 * POSTed to the rule's webhook. Rule state is rebuilt from stored trades on start and whenever the rules change.
 */
import { type AlertChannel, type AlertEvaluatorState, type AlertSeverity } from "../engine/index.ts";
import { type AlertHistoryEntry } from "../store/alert-store.ts";
import { type Store, type TickBatch } from "../store/index.ts";
import { WebhookNotifier, type WebhookStats } from "./webhook-notifier.ts";
/** Where stored batches come from (the collector). */
export interface TradeBatchSource {
    /** Calls `listener` with every batch once stored; returns the unsubscribe function. */
    onBatch(listener: (batch: TickBatch) => void): () => void;
}
/** A fired alert as delivered: the stored history entry plus what a client needs to show and sound it. */
export interface FiredAlert {
    /** History entry id, to acknowledge it (the row is written just after the alert goes out). */
    readonly id: number;
    readonly ruleId: string;
    readonly name: string;
    readonly severity: AlertSeverity;
    /** The rule's delivery channels: the dashboard shows `dashboard`, plays a sound for `sound`. */
    readonly channels: readonly AlertChannel[];
    /** The metric key the value came in on, e.g. `zScore:ETHUSDT:BTCUSDT:1s:300`. */
    readonly metricKey: string;
    /** Time of the observation that fired, ISO 8601 UTC. */
    readonly firedAt: string;
    /** Since when the condition had held, ISO 8601 UTC. */
    readonly holdingSince: string;
    readonly value: number;
    readonly threshold: number | null;
    readonly band: {
        readonly low: number;
        readonly high: number;
    } | null;
    readonly message: string;
}
/** What listeners hear: a new fire, or an event acknowledged through the API. */
export type AlertNotice = {
    readonly kind: "fired";
    readonly alert: FiredAlert;
} | {
    readonly kind: "acknowledged";
    readonly event: AlertHistoryEntry;
};
/** Tunables of an {@link AlertService}; every field has a default. */
export interface AlertServiceOptions {
    /** Grace of pair bars, ms of stream time (default 2,000; see `AlertFeedOptions.pairGraceMs`). */
    readonly pairGraceMs?: number;
    /** Longest stretch of stored trades replayed to rebuild rule state, ms (default 6 h). */
    readonly rebuildLookbackMs?: number;
    /** Most trades replayed to rebuild rule state, the newest kept (default 2,000,000). */
    readonly rebuildTradeLimit?: number;
    /** Webhook delivery (default: a {@link WebhookNotifier} with its defaults). */
    readonly webhooks?: Pick<WebhookNotifier, "notify" | "stats" | "close">;
    /** Where the service reports (default stderr). */
    readonly log?: (line: string) => void;
}
/** Counters for health and metrics. */
export interface AlertServiceStatus {
    /** Rules held, and how many are enabled. */
    readonly rules: number;
    readonly enabledRules: number;
    /** Alerts fired since start. */
    readonly fired: number;
    /** Trades evaluated since the last rebuild, and those left out as late. */
    readonly trades: number;
    readonly lateTrades: number;
    /** Rebuilds of rule state done (start and every rule change). */
    readonly rebuilds: number;
    readonly webhooks: WebhookStats;
}
/**
 * @example
 * const alerts = await AlertService.start(store, collector);
 * alerts.onNotice((n) => console.log(n.kind === "fired" ? n.alert.message : `acknowledged ${n.event.id}`));
 * await alerts.reload(); // after rules changed in the store
 */
export declare class AlertService {
    #private;
    private constructor();
    /**
     * Loads the stored rules, rebuilds their state from stored trades (restoring each rule's last fire from
     * `alert_history`, so cooldowns hold across restarts) and starts evaluating every batch `source` stores.
     *
     * @param store the open store
     * @param source the collector (or anything announcing stored batches); null evaluates nothing live
     * @param options tunables
     * @returns the running service
     * @throws {StoreClosedError} the store is closed
     */
    static start(store: Store, source: TradeBatchSource | null, options?: AlertServiceOptions): Promise<AlertService>;
    /**
     * Hears every fire and acknowledgement.
     *
     * @param listener called synchronously as the alert fires (its `alert_history` row is written just after)
     * @returns the unsubscribe function
     */
    onNotice(listener: (notice: AlertNotice) => void): () => void;
    /**
     * Re-reads the rules after they changed in the store. Unchanged rules keep their live state; new and changed
     * ones start fresh (armed) on metrics rebuilt from stored trades, so a new rule can fire at once.
     *
     * @returns when the new rules are being evaluated
     * @throws {StoreClosedError} the store is closed
     */
    reload(): Promise<void>;
    /**
     * Tells listeners that an event was acknowledged (the API calls this after storing the acknowledgement).
     *
     * @param event the acknowledged history entry
     */
    acknowledged(event: AlertHistoryEntry): void;
    /** Resolves once every fire announced so far is in `alert_history` (an acknowledgement may follow at once). */
    historyWritten(): Promise<void>;
    /** Each rule's evaluation state now (armed, holding since, last fire, last value), as plain JSON. */
    ruleStates(): AlertEvaluatorState;
    /** Counters for /api/health and /metrics. */
    status(): AlertServiceStatus;
    /**
     * Stops evaluating, waits for pending history writes and in-flight webhooks.
     *
     * @returns when done
     */
    close(): Promise<void>;
}
