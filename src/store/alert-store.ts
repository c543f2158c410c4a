/**
 * Alert rules and their fire history in DuckDB (`alerts`, `alert_history`): create, read, patch, delete rules (every
 * write re-validated by the engine's `parseAlertRule`), append fired events and acknowledge them.
 */
import { randomUUID } from "node:crypto";
import { BIGINT, DOUBLE, VARCHAR, type DuckDBConnection } from "@duckdb/node-api";
import { InvalidAlertRuleError, parseAlertRule, type AlertEvent, type AlertRule } from "../engine/index.ts";
import type { Store } from "./database.ts";
import { StoreError, StoreInputError } from "./errors.ts";

/** A stored rule: the validated rule and when it was created and last changed (ISO 8601 UTC). */
export type StoredAlertRule = AlertRule & {
  /** When the rule was created, ISO 8601 UTC. */
  readonly createdAt: string;
  /** When the rule was last changed, ISO 8601 UTC. */
  readonly updatedAt: string;
};

/**
 * A stored rule that today's validation refuses (written by an older version, or by hand): listed disabled with
 * what is wrong, never evaluated, and fixed by a PATCH or removed by a DELETE.
 */
export interface RefusedAlertRule {
  readonly id: string;
  /** The stored name when it is a string, else the id. */
  readonly name: string;
  readonly enabled: false;
  /** What is wrong, e.g. `metric.window must be a whole number of bars from 2 to 100000, got 9007199254740991`. */
  readonly error: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A stored rule as listed: valid, or refused by today's validation. */
export type ListedAlertRule = StoredAlertRule | RefusedAlertRule;

/** Whether a listed rule is one today's validation refuses. */
export function isRefusedRule(rule: ListedAlertRule): rule is RefusedAlertRule {
  return "error" in rule;
}

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
export class AlertNotFoundError extends StoreError {
  /** What was looked up: `"rule"` or `"event"`. */
  readonly what: "rule" | "event";
  /** The id asked for. */
  readonly id: string;
  constructor(operation: string, what: "rule" | "event", id: string) {
    super(operation, `no alert ${what} with id ${JSON.stringify(id)}`);
    this.what = what;
    this.id = id;
  }
}

/** An event acknowledged a second time. */
export class AlertAlreadyAcknowledgedError extends StoreError {
  /** The event id. */
  readonly eventId: number;
  /** When it was first acknowledged, ISO 8601 UTC. */
  readonly acknowledgedAt: string;
  constructor(operation: string, eventId: number, acknowledgedAt: string) {
    super(operation, `alert event ${eventId} was already acknowledged at ${acknowledgedAt}`);
    this.eventId = eventId;
    this.acknowledgedAt = acknowledgedAt;
  }
}

/** Largest page of history returned at once. */
export const MAX_HISTORY_LIMIT = 10_000;

/** Keys a merge would write into an object's prototype. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const RULE_COLUMNS = "id::VARCHAR, rule::VARCHAR, epoch_ms(created_at)::DOUBLE, epoch_ms(updated_at)::DOUBLE";
const HISTORY_COLUMNS =
  "id::DOUBLE, rule_id, epoch_us(fired_at)::DOUBLE, value, threshold, message, epoch_us(acknowledged_at)::DOUBLE";

/** Largest |ms| a JavaScript Date holds. */
const MAX_DATE_MS = 8.64e15;
// A stored time out of a Date's range (a row written by hand) is shown clamped rather than thrown on.
const iso = (ms: number): string => new Date(Number.isNaN(ms) ? 0 : Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, ms))).toISOString();
const micros = (ms: number): number => Math.round(ms * 1000);

/** A stored row: its id, the rule JSON as stored, its times. */
interface RuleRow {
  readonly id: string;
  readonly raw: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function readRow(r: readonly unknown[]): RuleRow {
  let raw: unknown;
  try {
    raw = JSON.parse(String(r[1]));
  } catch {
    raw = undefined;
  }
  return { id: String(r[0]), raw, createdAt: iso(Number(r[2])), updatedAt: iso(Number(r[3])) };
}

/** The row's rule with the row's id (the key is the truth), as an object to merge into. */
function rawRule(row: RuleRow): Record<string, unknown> {
  const raw = typeof row.raw === "object" && row.raw !== null && !Array.isArray(row.raw) ? (row.raw as Record<string, unknown>) : {};
  return { ...raw, id: row.id };
}

function ruleOfRow(row: RuleRow): ListedAlertRule {
  // Stored rules are parsed again: the shape stays canonical if the engine's grows, and a row today's rules refuse
  // (an older version's, one written by hand) is listed disabled with its error instead of failing every read.
  try {
    return { ...parseAlertRule(rawRule(row)), createdAt: row.createdAt, updatedAt: row.updatedAt };
  } catch (error) {
    if (!(error instanceof InvalidAlertRuleError)) throw error;
    const name = rawRule(row).name;
    return {
      id: row.id,
      name: typeof name === "string" && name.trim() !== "" ? name.slice(0, 200) : row.id,
      enabled: false,
      error: error.message.slice(error.fn.length + 2),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

function historyRow(r: readonly unknown[]): AlertHistoryEntry {
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

async function selectRow(c: DuckDBConnection, id: string): Promise<RuleRow | null> {
  const rows = (await c.runAndReadAll(`SELECT ${RULE_COLUMNS} FROM alerts WHERE id = $1`, [id])).getRows();
  return rows.length === 0 ? null : readRow(rows[0]);
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
export async function createRule(store: Store, input: unknown, now = Date.now()): Promise<StoredAlertRule> {
  if (typeof input === "object" && input !== null && !Array.isArray(input) && "id" in input) {
    throw new InvalidAlertRuleError("createRule", "id", "is assigned by the server; leave it out");
  }
  const candidate = typeof input === "object" && input !== null && !Array.isArray(input) ? { id: randomUUID(), ...input } : input;
  const rule = parseAlertRule(candidate);
  await store.write(
    (c) =>
      c.run("INSERT INTO alerts (id, rule, enabled, created_at, updated_at) VALUES ($1, $2, $3, make_timestamp($4::BIGINT), make_timestamp($4::BIGINT))", [
        rule.id,
        JSON.stringify(rule),
        rule.enabled,
        micros(now),
      ]),
    "createRule",
  );
  return { ...rule, createdAt: iso(now), updatedAt: iso(now) };
}

/**
 * Every stored rule, oldest first; a row today's validation refuses is listed as a {@link RefusedAlertRule}.
 *
 * @param store the store
 * @returns the rules with their times
 * @throws {StoreClosedError} the store is closed
 * @example
 * const rules = await listRules(store);
 */
export async function listRules(store: Store): Promise<ListedAlertRule[]> {
  return store.read(
    async (c) => (await c.runAndReadAll(`SELECT ${RULE_COLUMNS} FROM alerts ORDER BY created_at, id`)).getRows().map((r) => ruleOfRow(readRow(r))),
    "listRules",
  );
}

/**
 * One stored rule.
 *
 * @param store the store
 * @param id the rule id
 * @returns the rule (a {@link RefusedAlertRule} when today's validation refuses it)
 * @throws {AlertNotFoundError} no rule has this id
 * @throws {StoreClosedError} the store is closed
 * @example
 * const rule = await getRule(store, "0b6f…");
 */
export async function getRule(store: Store, id: string): Promise<ListedAlertRule> {
  const row = await store.read((c) => selectRow(c, id), "getRule");
  if (row === null) throw new AlertNotFoundError("getRule", "rule", id);
  return ruleOfRow(row);
}

/**
 * Applies a partial update (JSON merge patch, RFC 7386: objects merge field by field, `null` removes an optional
 * field) and re-validates the whole rule. A patch changing `metric.kind` or `condition.op` replaces that object
 * rather than merging into it, since the fields of one kind are not those of another. A stored rule today's
 * validation refuses is patched as stored, so a patch can mend it.
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
export async function updateRule(store: Store, id: string, patch: unknown, now = Date.now()): Promise<StoredAlertRule> {
  const fn = "updateRule";
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new InvalidAlertRuleError(fn, "rule", "patch must be an object");
  }
  const p = patch as Record<string, unknown>;
  if ("id" in p && p.id !== id) throw new InvalidAlertRuleError(fn, "id", "cannot be changed");
  // Read, merge and write on the writer connection in one transaction: two patches cannot interleave.
  return store.transaction(async (c) => {
    const current = await selectRow(c, id);
    if (current === null) throw new AlertNotFoundError(fn, "rule", id);
    const { createdAt } = current;
    const merged = mergePatch(rawRule(current), p);
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

function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (PROTOTYPE_KEYS.has(key)) throw new InvalidAlertRuleError("updateRule", key, "is not a field of an alert rule");
    if (value === null) {
      delete out[key];
      continue;
    }
    const old = out[key];
    const mergeable =
      typeof value === "object" && !Array.isArray(value) && typeof old === "object" && old !== null && !Array.isArray(old);
    const v = value as Record<string, unknown>;
    const o = old as Record<string, unknown>;
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
export async function deleteRule(store: Store, id: string): Promise<void> {
  const deleted = await store.write(
    async (c) => (await c.runAndReadAll("DELETE FROM alerts WHERE id = $1 RETURNING id", [id])).getRows().length,
    "deleteRule",
  );
  if (deleted === 0) throw new AlertNotFoundError("deleteRule", "rule", id);
}

/**
 * Hands out `alert_history` ids in this process without a round trip, so a fired alert can be announced with its
 * id before its row is written. One per store: a DuckDB file has one writing process, and every history row of it
 * is written through {@link appendHistory}, which takes its ids from here.
 */
export class HistoryIds {
  #next: number;
  constructor(next: number) {
    this.#next = next;
  }
  /** The next `n` ids, consecutive. */
  reserve(n: number): number[] {
    const first = this.#next;
    this.#next += n;
    return Array.from({ length: n }, (_, i) => first + i);
  }
}

const historyIdsByStore = new WeakMap<Store, Promise<HistoryIds>>();

/**
 * The store's history id allocator, starting after the largest stored id.
 *
 * @param store the store
 * @returns the allocator (the same one on every call for this store)
 * @throws {StoreClosedError} the store is closed
 * @example
 * const [id] = (await historyIds(store)).reserve(1);
 */
export function historyIds(store: Store): Promise<HistoryIds> {
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
export async function appendHistory(store: Store, events: readonly AlertEvent[], ids?: readonly number[]): Promise<AlertHistoryEntry[]> {
  events.forEach((e, i) => {
    if (!Number.isFinite(e.time)) throw new StoreInputError("appendHistory", `events[${i}].time`, `must be a finite number, got ${e.time}`);
  });
  if (ids !== undefined && ids.length !== events.length) {
    throw new StoreInputError("appendHistory", "ids", `must hold one id per event (${events.length}), got ${ids.length}`);
  }
  if (events.length === 0) return [];
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
    const rows = (
      await c.runAndReadAll(
        `INSERT INTO alert_history (id, rule_id, fired_at, value, threshold, message) VALUES ${tuples.join(", ")} RETURNING ${HISTORY_COLUMNS}`,
        values,
        types,
      )
    ).getRows();
    const byId = new Map(rows.map((r) => [Number(r[0]), historyRow(r)]));
    return rowIds.map((id) => byId.get(id)!);
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
export async function listHistory(store: Store, options: { readonly ruleId?: string; readonly limit?: number } = {}): Promise<AlertHistoryEntry[]> {
  const limit = options.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
    throw new StoreInputError("listHistory", "limit", `must be a whole number from 1 to ${MAX_HISTORY_LIMIT}, got ${limit}`);
  }
  const where = options.ruleId === undefined ? "" : "WHERE rule_id = $1";
  const params = options.ruleId === undefined ? [] : [options.ruleId];
  return store.read(
    async (c) =>
      (await c.runAndReadAll(`SELECT ${HISTORY_COLUMNS} FROM alert_history ${where} ORDER BY fired_at DESC, id DESC LIMIT ${limit}`, params))
        .getRows()
        .map(historyRow),
    "listHistory",
  );
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
export async function acknowledge(store: Store, eventId: number, now = Date.now()): Promise<AlertHistoryEntry> {
  const fn = "acknowledge";
  if (!Number.isSafeInteger(eventId)) throw new AlertNotFoundError(fn, "event", String(eventId));
  return store.transaction(async (c) => {
    const rows = (await c.runAndReadAll(`SELECT ${HISTORY_COLUMNS} FROM alert_history WHERE id = $1::BIGINT`, [eventId])).getRows();
    if (rows.length === 0) throw new AlertNotFoundError(fn, "event", String(eventId));
    const entry = historyRow(rows[0]);
    if (entry.acknowledgedAt !== null) throw new AlertAlreadyAcknowledgedError(fn, eventId, entry.acknowledgedAt);
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
export async function lastFireTimes(store: Store): Promise<Map<string, number>> {
  const rows = await store.read(
    async (c) => (await c.runAndReadAll("SELECT rule_id, (epoch_us(max(fired_at)) / 1000)::DOUBLE FROM alert_history GROUP BY rule_id")).getRows(),
    "lastFireTimes",
  );
  return new Map(rows.map((r) => [String(r[0]), Number(r[1])]));
}
