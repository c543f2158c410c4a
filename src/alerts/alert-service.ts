/**
 * The live alert manager: the stored rules evaluated on every stored batch of trades (by the engine's
 * `AlertFeed`), each fire written to `alert_history`, handed to listeners (the `/ws/live` `alerts` channel) and
 * POSTed to the rule's webhook. Rule state is rebuilt from stored trades on start and whenever the rules change.
 */
import {
  AlertFeed,
  parseTimeframe,
  type AlertChannel,
  type AlertEvent,
  type AlertEvaluatorState,
  type AlertRule,
  type AlertSeverity,
  type Trade,
} from "../engine/index.ts";
import {
  appendHistory,
  historyIds,
  isRefusedRule,
  lastFireTimes,
  listRules,
  type AlertHistoryEntry,
  type HistoryIds,
  type StoredAlertRule,
} from "../store/alert-store.ts";
import { readTradeStream, tradesOfBatch, type Store, type TickBatch } from "../store/index.ts";
import { componentLogger, type Logger } from "../runtime/logger.ts";
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
  readonly band: { readonly low: number; readonly high: number } | null;
  readonly message: string;
}

/** What listeners hear: a new fire, or an event acknowledged through the API. */
export type AlertNotice = { readonly kind: "fired"; readonly alert: FiredAlert } | { readonly kind: "acknowledged"; readonly event: AlertHistoryEntry };

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
  /** Where the service logs (default the process's logger, component `alerts`). */
  readonly logger?: Logger;
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
 * How far back to replay for a rule's state: its window plus its holding time. A pair window counts aligned bars,
 * and buckets where a leg did not trade are not bars, so three windows' worth of time is replayed.
 */
function lookbackMs(rule: AlertRule, pairGraceMs: number): number {
  const m = rule.metric;
  const hold = rule.forMs ?? 0;
  if (m.kind === "price") return hold + 1_000;
  if ("windowMs" in m) return m.windowMs + hold + 1_000;
  return 3 * (m.window + 2) * parseTimeframe(m.timeframe).ms + pairGraceMs + hold;
}

function symbolsOf(rule: AlertRule): string[] {
  return "symbol" in rule.metric ? [rule.metric.symbol] : [rule.metric.a, rule.metric.b];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Trades evaluated before the event loop gets a turn. A burst (thousands of trades in one stored batch) is
 * evaluated a slice at a time: each slice's fires go out before the next slice starts, and the HTTP and WebSocket
 * work of the same process waits one slice (a few ms), not the whole batch.
 */
const SLICE_TRADES = 1_024;

/**
 * @example
 * const alerts = await AlertService.start(store, collector);
 * alerts.onNotice((n) => console.log(n.kind === "fired" ? n.alert.message : `acknowledged ${n.event.id}`));
 * await alerts.reload(); // after rules changed in the store
 */
export class AlertService {
  readonly #store: Store;
  readonly #options: Required<Omit<AlertServiceOptions, "webhooks">>;
  readonly #webhooks: Pick<WebhookNotifier, "notify" | "stats" | "close">;
  readonly #listeners = new Set<(notice: AlertNotice) => void>();
  #feed = new AlertFeed();
  #historyIds: HistoryIds | null = null;
  /** Batches that arrived while a rebuild was reading the store; ingested into the rebuilt feed. */
  #pending: TickBatch[] | null = null;
  /** Trades of stored batches not evaluated yet, in slices of at most {@link SLICE_TRADES}, oldest first. */
  #slices: Trade[][] = [];
  /** Set while slices wait for their turn of the event loop; resolves once all are evaluated. */
  #evaluating: Promise<void> | null = null;
  /** Rebuilds run one at a time. */
  #rebuilding: Promise<void> = Promise.resolve();
  /** A rebuild waiting for the one running to end, which later rule changes join. */
  #queued: Promise<void> | null = null;
  /** History writes run one at a time, in fire order. */
  #writing: Promise<void> = Promise.resolve();
  #unsubscribe: () => void = () => {};
  #fired = 0;
  #rebuilds = 0;
  #closed = false;

  private constructor(store: Store, options: AlertServiceOptions) {
    this.#store = store;
    this.#options = {
      pairGraceMs: options.pairGraceMs ?? 2_000,
      rebuildLookbackMs: options.rebuildLookbackMs ?? 6 * 3_600_000,
      rebuildTradeLimit: options.rebuildTradeLimit ?? 2_000_000,
      logger: options.logger ?? componentLogger("alerts"),
    };
    this.#webhooks = options.webhooks ?? new WebhookNotifier({ logger: this.#options.logger });
  }

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
  static async start(store: Store, source: TradeBatchSource | null, options: AlertServiceOptions = {}): Promise<AlertService> {
    const service = new AlertService(store, options);
    service.#historyIds = await historyIds(store);
    // Subscribe first: batches stored while the state is rebuilt wait in #pending, so none is missed.
    service.#pending = [];
    service.#unsubscribe = source?.onBatch((batch) => service.#onBatch(batch)) ?? (() => {});
    await service.#rebuild(true);
    return service;
  }

  /**
   * Hears every fire and acknowledgement.
   *
   * @param listener called synchronously as the alert fires (its `alert_history` row is written just after)
   * @returns the unsubscribe function
   */
  onNotice(listener: (notice: AlertNotice) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Re-reads the rules after they changed in the store. Unchanged rules keep their live state; new and changed
   * ones start fresh (armed) on metrics rebuilt from stored trades, so a new rule can fire at once.
   *
   * @returns when the new rules are being evaluated
   * @throws {StoreClosedError} the store is closed
   */
  reload(): Promise<void> {
    return this.#rebuild(false);
  }

  /**
   * Tells listeners that an event was acknowledged (the API calls this after storing the acknowledgement).
   *
   * @param event the acknowledged history entry
   */
  acknowledged(event: AlertHistoryEntry): void {
    this.#publish({ kind: "acknowledged", event });
  }

  /** Resolves once every fire announced so far is in `alert_history` (an acknowledgement may follow at once). */
  historyWritten(): Promise<void> {
    return this.#writing;
  }

  /** Each rule's evaluation state now (armed, holding since, last fire, last value), as plain JSON. */
  ruleStates(): AlertEvaluatorState {
    return this.#feed.snapshotState();
  }

  /** Counters for /api/health and /metrics. */
  status(): AlertServiceStatus {
    const rules = this.#feed.rules();
    const stats = this.#feed.stats();
    return {
      rules: rules.length,
      enabledRules: rules.filter((r) => r.enabled).length,
      fired: this.#fired,
      trades: stats.trades,
      lateTrades: stats.lateTrades,
      rebuilds: this.#rebuilds,
      webhooks: this.#webhooks.stats(),
    };
  }

  /**
   * Stops evaluating, waits for pending history writes and in-flight webhooks.
   *
   * @returns when done
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    await this.#rebuilding.catch(() => {});
    await this.#writing;
    await this.#webhooks.close();
    this.#listeners.clear();
  }

  #onBatch(batch: TickBatch): void {
    if (this.#closed) return;
    if (this.#pending !== null) this.#pending.push(batch);
    else this.#ingest(batch);
  }

  #ingest(batch: TickBatch): void {
    const trades = tradesOfBatch(batch);
    if (trades.length <= SLICE_TRADES) this.#slices.push(trades);
    else for (let i = 0; i < trades.length; i += SLICE_TRADES) this.#slices.push(trades.slice(i, i + SLICE_TRADES));
    if (this.#evaluating === null) this.#evaluateSlices();
  }

  /** Evaluates the first waiting slice now, and each further one on a later turn of the event loop. */
  #evaluateSlices(): void {
    const slice = this.#slices.shift();
    if (slice === undefined || this.#closed) {
      this.#slices = [];
      return;
    }
    const events = this.#feed.ingest(slice);
    if (events.length > 0) this.#record(events);
    if (this.#slices.length > 0) {
      this.#evaluating = new Promise((resolve) =>
        setImmediate(() => {
          this.#evaluating = null;
          this.#evaluateSlices();
          resolve(this.#evaluated());
        }),
      );
    }
  }

  /** Resolves once every trade handed to the service so far has been evaluated. */
  #evaluated(): Promise<void> {
    return this.#evaluating ?? Promise.resolve();
  }

  #rebuild(starting: boolean): Promise<void> {
    // Rule changes that arrive while a rebuild runs share the next one: it reads the rules as they are then, so
    // a burst of API calls costs two replays of the stored trades, not one per call.
    if (this.#queued !== null) return this.#queued;
    const run = this.#rebuilding.then(() => {
      this.#queued = null;
      return this.#rebuildNow(starting);
    });
    this.#queued = run;
    this.#rebuilding = run.catch(() => {});
    return run;
  }

  async #rebuildNow(starting: boolean): Promise<void> {
    if (this.#closed) return;
    this.#pending ??= [];
    try {
      // The old feed's state is read once the batches it was given are evaluated in full.
      await this.#evaluated();
      const old = this.#feed;
      const oldState = old.snapshotState();
      const oldRules = new Map(old.rules().map((r) => [r.id, JSON.stringify(r)]));
      const listed = await listRules(this.#store);
      // A stored rule today's validation refuses is left out (the API lists it disabled with its error).
      for (const r of listed.filter(isRefusedRule)) this.#options.logger.warn(`rule ${JSON.stringify(r.id)} is not evaluated: ${r.error}`);
      const stored = listed.filter((r): r is StoredAlertRule => !isRefusedRule(r));
      const rules: AlertRule[] = stored.map(({ createdAt: _c, updatedAt: _u, ...rule }) => rule);
      const feed = new AlertFeed(rules, { pairGraceMs: this.#options.pairGraceMs });
      await this.#replayRecentTrades(feed, rules.filter((r) => r.enabled));

      // The replay leaves each rule where the stored trades put it (armed or not, holding since when). On start
      // that is the state to resume, plus each rule's last fire for its cooldown. On a reload, unchanged rules
      // resume the live state they had, and new or changed rules start fresh.
      const state = feed.snapshotState();
      const next: Record<string, AlertEvaluatorState["rules"][string]> = {};
      if (starting) {
        const lastFired = await lastFireTimes(this.#store);
        for (const [id, s] of Object.entries(state.rules)) next[id] = { ...s, lastFiredAt: lastFired.get(id) ?? null };
      } else {
        for (const rule of rules) {
          if (oldRules.get(rule.id) === JSON.stringify(rule) && oldState.rules[rule.id] !== undefined) next[rule.id] = oldState.rules[rule.id];
        }
      }
      feed.restoreState({ version: 1, rules: next });
      this.#feed = feed;
      this.#rebuilds++;
    } finally {
      // Whatever happened, batches flow again (into the old feed if the rebuild failed).
      const pending = this.#pending ?? [];
      this.#pending = null;
      for (const batch of pending) this.#ingest(batch);
    }
  }

  /** Replays the stored trades the rules' windows need into `feed`, its fires discarded (they are past). */
  async #replayRecentTrades(feed: AlertFeed, rules: readonly AlertRule[]): Promise<void> {
    if (rules.length === 0) return;
    const symbols = [...new Set(rules.flatMap(symbolsOf))];
    const need = Math.min(this.#options.rebuildLookbackMs, Math.max(...rules.map((r) => lookbackMs(r, this.#options.pairGraceMs))));
    const latest = await this.#store.read(async (c) => {
      const rows = (
        await c.runAndReadAll(
          `SELECT (epoch_us(max(last_trade_time)) / 1000)::DOUBLE FROM tick_symbols WHERE symbol IN (${symbols.map((_, i) => `$${i + 1}`).join(", ")})`,
          symbols,
        )
      ).getRows();
      return rows[0]?.[0] as number | null;
    }, "alertRebuildLatest");
    if (latest === null || latest === undefined) return;
    const { trades, truncated } = await readTradeStream(this.#store, { symbols, from: latest - need, limit: this.#options.rebuildTradeLimit });
    if (truncated) this.#options.logger.warn(`rule state rebuilt from the newest ${trades.length} trades only (limit reached)`);
    feed.ingest(trades);
  }

  #record(events: readonly AlertEvent[]): void {
    this.#fired += events.length;
    // Ids are reserved in process, so each alert goes out at once, with the id its history row will have; the
    // row is written right after, off the path to the trader.
    const ids = this.#historyIds!.reserve(events.length);
    events.forEach((e, i) => {
      const rule = this.#feed.rule(e.ruleId);
      const alert: FiredAlert = {
        id: ids[i],
        ruleId: e.ruleId,
        name: e.name,
        severity: e.severity,
        channels: rule?.channels ?? ["dashboard"],
        metricKey: e.metricKey,
        firedAt: iso(e.time),
        holdingSince: iso(e.holdingSince),
        value: e.value,
        threshold: e.threshold ?? null,
        band: e.band ?? null,
        message: e.message,
      };
      this.#publish({ kind: "fired", alert });
      if (rule?.webhookUrl !== undefined) this.#webhooks.notify(rule.webhookUrl, { type: "ticklens.alert", alert });
    });
    this.#writing = this.#writing.then(async () => {
      try {
        await appendHistory(this.#store, events, ids);
      } catch (error) {
        this.#options.logger.error({ err: error }, `could not write ${events.length} fired alert(s) to alert_history: ${(error as Error).message}`);
      }
    });
  }

  #publish(notice: AlertNotice): void {
    for (const listener of this.#listeners) {
      try {
        listener(notice);
      } catch (error) {
        this.#options.logger.error({ err: error }, `a listener failed: ${(error as Error).message}`);
      }
    }
  }
}
