/**
 * Alert rules and their fire history in DuckDB (`alerts`, `alert_history`): create, read, patch, delete rules (every
 * write re-validated by the engine's `parseAlertRule`), append fired events and acknowledge them.
 */
import { randomUUID } from "node:crypto";
import { BIGINT, DOUBLE, VARCHAR } from "@duckdb/node-api";
import { InvalidAlertRuleError, parseAlertRule } from "../engine/index.js";
import { StoreError, StoreInputError } from "./errors.js";
/** A rule or history event id that is not stored. */
export class AlertNotFoundError extends StoreError {
    /** What was looked up: `"rule"` or `"event"`. */
    what;
    /** The id asked for. */
    id;
    constructor(operation, what, id) {
        super(operation, `no alert ${what} with id ${JSON.stringify(id)}`);
        this.what = what;
        this.id = id;
    }
}
/** An event acknowledged a second time. */
export class AlertAlreadyAcknowledgedError extends StoreError {
    /** The event id. */
    eventId;
    /** When it was first acknowledged, ISO 8601 UTC. */
    acknowledgedAt;
    constructor(operation, eventId, acknowledgedAt) {
        super(operation, `alert event ${eventId} was already acknowledged at ${acknowledgedAt}`);
        this.eventId = eventId;
        this.acknowledgedAt = acknowledgedAt;
    }
}
/** Largest page of history returned at once. */
export const MAX_HISTORY_LIMIT = 10_000;
const RULE_COLUMNS = "rule::VARCHAR, epoch_ms(created_at)::DOUBLE, epoch_ms(updated_at)::DOUBLE";
const HISTORY_COLUMNS = "id::DOUBLE, rule_id, epoch_us(fired_at)::DOUBLE, value, threshold, message, epoch_us(acknowledged_at)::DOUBLE";
const iso = (ms) => new Date(ms).toISOString();
const micros = (ms) => Math.round(ms * 1000);
function ruleRow(r) {
    // Stored rules were validated on the way in; parsing again keeps the shape canonical if the engine's grows.
    return { ...parseAlertRule(JSON.parse(String(r[0]))), createdAt: iso(Number(r[1])), updatedAt: iso(Number(r[2])) };
}
function historyRow(r) {
    return {
        id: Number(r[0]),
        ruleId: String(r[1]),
        firedAt: iso(Number(r[2]) / 1000),
        value: r[3] === null ? null : Number(r[3]),
        threshold: r[4] === null ? null : Number(r[4]),
        message: String(r[5]),
        acknowledgedAt: r[6] === null ? null : iso(Number(r[6]) / 1000),
    };
}
async function selectRule(c, id) {
    const rows = (await c.runAndReadAll(`SELECT ${RULE_COLUMNS} FROM alerts WHERE id = $1`, [id])).getRows();
    return rows.length === 0 ? null : ruleRow(rows[0]);
}
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
export async function createRule(store, input, now = Date.now()) {
    if (typeof input === "object" && input !== null && !Array.isArray(input) && "id" in input) {
        throw new InvalidAlertRuleError("createRule", "id", "is assigned by the server; leave it out");
    }
    const candidate = typeof input === "object" && input !== null && !Array.isArray(input) ? { id: randomUUID(), ...input } : input;
    const rule = parseAlertRule(candidate);
    await store.write((c) => c.run("INSERT INTO alerts (id, rule, enabled, created_at, updated_at) VALUES ($1, $2, $3, make_timestamp($4::BIGINT), make_timestamp($4::BIGINT))", [
        rule.id,
        JSON.stringify(rule),
        rule.enabled,
        micros(now),
    ]), "createRule");
    return { ...rule, createdAt: iso(now), updatedAt: iso(now) };
}
/**
 * Every stored rule, oldest first.
 *
 * @param store the store
 * @returns the rules with their times
 * @throws {StoreClosedError} the store is closed
 * @example
 * const rules = await listRules(store);
 */
export async function listRules(store) {
    return store.read(async (c) => (await c.runAndReadAll(`SELECT ${RULE_COLUMNS} FROM alerts ORDER BY created_at, id`)).getRows().map(ruleRow), "listRules");
}
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
export async function getRule(store, id) {
    const rule = await store.read((c) => selectRule(c, id), "getRule");
    if (rule === null)
        throw new AlertNotFoundError("getRule", "rule", id);
    return rule;
}
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
export async function updateRule(store, id, patch, now = Date.now()) {
    const fn = "updateRule";
    if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
        throw new InvalidAlertRuleError(fn, "rule", "patch must be an object");
    }
    const p = patch;
    if ("id" in p && p.id !== id)
        throw new InvalidAlertRuleError(fn, "id", "cannot be changed");
    // Read, merge and write on the writer connection in one transaction: two patches cannot interleave.
    return store.transaction(async (c) => {
        const current = await selectRule(c, id);
        if (current === null)
            throw new AlertNotFoundError(fn, "rule", id);
        const { createdAt, updatedAt: _updated, ...rule } = current;
        const merged = mergePatch(rule, p);
        const next = parseAlertRule(merged);
        await c.run("UPDATE alerts SET rule = $2, enabled = $3, updated_at = make_timestamp($4::BIGINT) WHERE id = $1", [
            id,
            JSON.stringify(next),
            next.enabled,
            micros(now),
        ]);
        return { ...next, createdAt, updatedAt: iso(now) };
    }, fn);
}
function mergePatch(target, patch) {
    const out = { ...target };
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
            delete out[key];
            continue;
        }
        const old = out[key];
        const mergeable = typeof value === "object" && !Array.isArray(value) && typeof old === "object" && old !== null && !Array.isArray(old);
        const v = value;
        const o = old;
        const switchesKind = mergeable && (("kind" in v && v.kind !== o.kind) || ("op" in v && v.op !== o.op));
        out[key] = mergeable && !switchesKind ? mergePatch(o, v) : value;
    }
    return out;
}
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
export async function deleteRule(store, id) {
    const deleted = await store.write(async (c) => (await c.runAndReadAll("DELETE FROM alerts WHERE id = $1 RETURNING id", [id])).getRows().length, "deleteRule");
    if (deleted === 0)
        throw new AlertNotFoundError("deleteRule", "rule", id);
}
/**
 * Hands out `alert_history` ids in this process without a round trip, so a fired alert can be announced with its
 * id before its row is written. One per store: a DuckDB file has one writing process, and every history row of it
 * is written through {@link appendHistory}, which takes its ids from here.
 */
export class HistoryIds {
    #next;
    constructor(next) {
        this.#next = next;
    }
    /** The next `n` ids, consecutive. */
    reserve(n) {
        const first = this.#next;
        this.#next += n;
        return Array.from({ length: n }, (_, i) => first + i);
    }
}
const historyIdsByStore = new WeakMap();
/**
 * The store's history id allocator, starting after the largest stored id.
 *
 * @param store the store
 * @returns the allocator (the same one on every call for this store)
 * @throws {StoreClosedError} the store is closed
 * @example
 * const [id] = (await historyIds(store)).reserve(1);
 */
export function historyIds(store) {
    let ids = historyIdsByStore.get(store);
    if (ids === undefined) {
        ids = store
            .read(async (c) => Number((await c.runAndReadAll("SELECT coalesce(max(id), 0)::DOUBLE FROM alert_history")).getRows()[0][0]), "historyIds")
            .then((max) => new HistoryIds(max + 1));
        historyIdsByStore.set(store, ids);
        ids.catch(() => historyIdsByStore.delete(store));
    }
    return ids;
}
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
export async function appendHistory(store, events, ids) {
    events.forEach((e, i) => {
        if (!Number.isFinite(e.time))
            throw new StoreInputError("appendHistory", `events[${i}].time`, `must be a finite number, got ${e.time}`);
    });
    if (ids !== undefined && ids.length !== events.length) {
        throw new StoreInputError("appendHistory", "ids", `must hold one id per event (${events.length}), got ${ids.length}`);
    }
    if (events.length === 0)
        return [];
    const rowIds = ids ?? (await historyIds(store)).reserve(events.length);
    // One statement for the whole group keeps a burst of fires to one round trip. Types are bound explicitly: a
    // whole-number double such as a threshold of 1e20 would otherwise be bound as an out-of-range BIGINT.
    const tuples = events.map((_, i) => `($${6 * i + 1}, $${6 * i + 2}, make_timestamp($${6 * i + 3}), $${6 * i + 4}, $${6 * i + 5}, $${6 * i + 6})`);
    const values = events.flatMap((e, i) => [
        BigInt(rowIds[i]),
        e.ruleId,
        BigInt(micros(e.time)),
        Number.isFinite(e.value) ? e.value : null,
        e.threshold ?? null,
        e.message,
    ]);
    const types = events.flatMap(() => [BIGINT, VARCHAR, BIGINT, DOUBLE, DOUBLE, VARCHAR]);
    return store.write(async (c) => {
        const rows = (await c.runAndReadAll(`INSERT INTO alert_history (id, rule_id, fired_at, value, threshold, message) VALUES ${tuples.join(", ")} RETURNING ${HISTORY_COLUMNS}`, values, types)).getRows();
        const byId = new Map(rows.map((r) => [Number(r[0]), historyRow(r)]));
        return rowIds.map((id) => byId.get(id));
    }, "appendHistory");
}
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
export async function listHistory(store, options = {}) {
    const limit = options.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
        throw new StoreInputError("listHistory", "limit", `must be a whole number from 1 to ${MAX_HISTORY_LIMIT}, got ${limit}`);
    }
    const where = options.ruleId === undefined ? "" : "WHERE rule_id = $1";
    const params = options.ruleId === undefined ? [] : [options.ruleId];
    return store.read(async (c) => (await c.runAndReadAll(`SELECT ${HISTORY_COLUMNS} FROM alert_history ${where} ORDER BY fired_at DESC, id DESC LIMIT ${limit}`, params))
        .getRows()
        .map(historyRow), "listHistory");
}
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
export async function acknowledge(store, eventId, now = Date.now()) {
    const fn = "acknowledge";
    if (!Number.isSafeInteger(eventId))
        throw new AlertNotFoundError(fn, "event", String(eventId));
    return store.transaction(async (c) => {
        const rows = (await c.runAndReadAll(`SELECT ${HISTORY_COLUMNS} FROM alert_history WHERE id = $1::BIGINT`, [eventId])).getRows();
        if (rows.length === 0)
            throw new AlertNotFoundError(fn, "event", String(eventId));
        const entry = historyRow(rows[0]);
        if (entry.acknowledgedAt !== null)
            throw new AlertAlreadyAcknowledgedError(fn, eventId, entry.acknowledgedAt);
        await c.run("UPDATE alert_history SET acknowledged_at = make_timestamp($2::BIGINT) WHERE id = $1::BIGINT", [eventId, micros(now)]);
        return { ...entry, acknowledgedAt: iso(now) };
    }, fn);
}
/**
 * When each rule last fired, from `alert_history`: a restarted evaluator needs it to keep honouring cooldowns.
 *
 * @param store the store
 * @returns rule id → time of its newest event, ms since the Unix epoch
 * @throws {StoreClosedError} the store is closed
 * @example
 * const last = await lastFireTimes(store); // Map { "eth-btc-z" => 1765923012000 }
 */
export async function lastFireTimes(store) {
    const rows = await store.read(async (c) => (await c.runAndReadAll("SELECT rule_id, (epoch_us(max(fired_at)) / 1000)::DOUBLE FROM alert_history GROUP BY rule_id")).getRows(), "lastFireTimes");
    return new Map(rows.map((r) => [String(r[0]), Number(r[1])]));
}
