import { type AlertEvent, type AlertRule } from "../engine/index.ts";
import type { Store } from "./database.ts";
import { StoreError } from "./errors.ts";
/** A stored rule: the validated rule and when it was created and last changed (ISO 8601 UTC). */
export type StoredAlertRule = AlertRule & {
    /** When the rule was created, ISO 8601 UTC. */
    readonly createdAt: string;
    /** When the rule was last changed, ISO 8601 UTC. */
    readonly updatedAt: string;
};
/** One fired alert as stored. */
export interface AlertHistoryEntry {
    /** Event id (the `alert_history` key), used to acknowledge it. */
    readonly id: number;
    /** Id of the rule that fired. */
    readonly ruleId: string;
    /** Time of the observation that fired, ISO 8601 UTC. */
    readonly firedAt: string;
    /** The observed value that fired, or null. */
    readonly value: number | null;
    /** The rule's threshold, or null (`outsideBand` rules have none). */
    readonly threshold: number | null;
    /** One-line human description. */
    readonly message: string;
    /** When a person acknowledged it, ISO 8601 UTC, or null while unacknowledged. */
    readonly acknowledgedAt: string | null;
}
/** A rule or history event id that is not stored. */
export declare class AlertNotFoundError extends StoreError {
    /** What was looked up: `"rule"` or `"event"`. */
    readonly what: "rule" | "event";
    /** The id asked for. */
    readonly id: string;
    constructor(operation: string, what: "rule" | "event", id: string);
}
/** An event acknowledged a second time. */
export declare class AlertAlreadyAcknowledgedError extends StoreError {
    /** The event id. */
    readonly eventId: number;
    /** When it was first acknowledged, ISO 8601 UTC. */
    readonly acknowledgedAt: string;
    constructor(operation: string, eventId: number, acknowledgedAt: string);
}
/** Largest page of history returned at once. */
export declare const MAX_HISTORY_LIMIT = 10000;
/**
 * Validates and stores a new rule under a generated id.
 *
 * @param store the store
 * @param input the rule JSON without `id` (as a client posts it)
 * @param now creation time, ms since the Unix epoch (default `Date.now()`)
 * @returns the stored rule with its id and times
 * @throws {InvalidAlertRuleError} the rule is malformed (`path` names the field; `"id"` when the input carries one)
 * @throws {ReadOnlyStoreError} the store is read-only
 * @throws {StoreClosedError} the store is closed
 * @example
 * const rule = await createRule(store, { name: "BTC > 100k", severity: "info", enabled: true,
 *   metric: { kind: "price", symbol: "BTCUSDT" }, condition: { op: ">", threshold: 100000 }, channels: ["dashboard"] });
 */
export declare function createRule(store: Store, input: unknown, now?: number): Promise<StoredAlertRule>;
/**
 * Every stored rule, oldest first.
 *
 * @param store the store
 * @returns the rules with their times
 * @throws {StoreClosedError} the store is closed
 * @example
 * const rules = await listRules(store);
 */
export declare function listRules(store: Store): Promise<StoredAlertRule[]>;
/**
 * One stored rule.
 *
 * @param store the store
 * @param id the rule id
 * @returns the rule
 * @throws {AlertNotFoundError} no rule has this id
 * @throws {StoreClosedError} the store is closed
 * @example
 * const rule = await getRule(store, "0b6f…");
 */
export declare function getRule(store: Store, id: string): Promise<StoredAlertRule>;
/**
 * Applies a partial update (JSON merge patch, RFC 7386: objects merge field by field, `null` removes an optional
 * field) and re-validates the whole rule. A patch changing `metric.kind` or `condition.op` replaces that object
 * rather than merging into it, since the fields of one kind are not those of another.
 *
 * @param store the store
 * @param id the rule id
 * @param patch e.g. `{ enabled: false }` or `{ condition: { threshold: 3 } }`
 * @param now update time, ms since the Unix epoch (default `Date.now()`)
 * @returns the updated rule
 * @throws {AlertNotFoundError} no rule has this id
 * @throws {InvalidAlertRuleError} the patch is not an object, changes `id`, or the merged rule is malformed
 * @throws {ReadOnlyStoreError} the store is read-only
 * @throws {StoreClosedError} the store is closed
 * @example
 * await updateRule(store, id, { enabled: false });
 */
export declare function updateRule(store: Store, id: string, patch: unknown, now?: number): Promise<StoredAlertRule>;
/**
 * Deletes a rule. Its history stays (it records what was sent).
 *
 * @param store the store
 * @param id the rule id
 * @returns when deleted
 * @throws {AlertNotFoundError} no rule has this id
 * @throws {ReadOnlyStoreError} the store is read-only
 * @throws {StoreClosedError} the store is closed
 * @example
 * await deleteRule(store, id);
 */
export declare function deleteRule(store: Store, id: string): Promise<void>;
/**
 * Hands out `alert_history` ids in this process without a round trip, so a fired alert can be announced with its
 * id before its row is written. One per store: a DuckDB file has one writing process, and every history row of it
 * is written through {@link appendHistory}, which takes its ids from here.
 */
export declare class HistoryIds {
    #private;
    constructor(next: number);
    /** The next `n` ids, consecutive. */
    reserve(n: number): number[];
}
/**
 * The store's history id allocator, starting after the largest stored id.
 *
 * @param store the store
 * @returns the allocator (the same one on every call for this store)
 * @throws {StoreClosedError} the store is closed
 * @example
 * const [id] = (await historyIds(store)).reserve(1);
 */
export declare function historyIds(store: Store): Promise<HistoryIds>;
/**
 * Stores fired events (from `AlertEvaluator.update` or `backtestAlertRule`) in one statement: all or none.
 *
 * @param store the store
 * @param events the events, in any order
 * @param ids their history ids, reserved from {@link historyIds} (default: reserved here)
 * @returns the stored entries with their ids, in the order given
 * @throws {StoreInputError} an event's time is not finite (field `events[i].time`), or `ids` does not match
 * @throws {ReadOnlyStoreError} the store is read-only
 * @throws {StoreClosedError} the store is closed
 * @example
 * const entries = await appendHistory(store, evaluator.update(key, value, Date.now()));
 */
export declare function appendHistory(store: Store, events: readonly AlertEvent[], ids?: readonly number[]): Promise<AlertHistoryEntry[]>;
/**
 * Fired events, newest first.
 *
 * @param store the store
 * @param options `ruleId`: only this rule's events; `limit`: at most this many (default 100, 1 … {@link MAX_HISTORY_LIMIT})
 * @returns the entries
 * @throws {StoreInputError} `limit` out of range (field `limit`)
 * @throws {StoreClosedError} the store is closed
 * @example
 * const last10 = await listHistory(store, { ruleId: "eth-btc-z", limit: 10 });
 */
export declare function listHistory(store: Store, options?: {
    readonly ruleId?: string;
    readonly limit?: number;
}): Promise<AlertHistoryEntry[]>;
/**
 * Marks a fired event acknowledged, once.
 *
 * @param store the store
 * @param eventId the history entry id
 * @param now acknowledgement time, ms since the Unix epoch (default `Date.now()`)
 * @returns the acknowledged entry
 * @throws {AlertNotFoundError} no event has this id
 * @throws {AlertAlreadyAcknowledgedError} the event was acknowledged before (nothing changes)
 * @throws {ReadOnlyStoreError} the store is read-only
 * @throws {StoreClosedError} the store is closed
 * @example
 * const entry = await acknowledge(store, 42); // entry.acknowledgedAt
 */
export declare function acknowledge(store: Store, eventId: number, now?: number): Promise<AlertHistoryEntry>;
/**
 * When each rule last fired, from `alert_history`: a restarted evaluator needs it to keep honouring cooldowns.
 *
 * @param store the store
 * @returns rule id → time of its newest event, ms since the Unix epoch
 * @throws {StoreClosedError} the store is closed
 * @example
 * const last = await lastFireTimes(store); // Map { "eth-btc-z" => 1765923012000 }
 */
export declare function lastFireTimes(store: Store): Promise<Map<string, number>>;
