/**
 * What has been published so far, per symbol: REST history lookups (by id, by time, most recent) over the
 * records the replay cursor has passed, and the published-id ledger tests check a collector against.
 * A record at base position p of pass k is published once the cursor is past `k × length + p`.
 */
import type { CaptureAggTrade, CaptureTrade } from "./capture.ts";
import type { IdList, ReplayTimeline } from "./replay-timeline.ts";

/** One history row: which base record, in which pass. */
export interface HistoryHit {
  /** Index into the id list. */
  readonly index: number;
  readonly pass: number;
}

type AnyList = IdList<CaptureTrade> | IdList<CaptureAggTrade>;

/** Published ids of one symbol and kind. */
export interface PublishedSummary {
  /** How many records have been published. */
  readonly count: number;
  /** Smallest and largest published id; null when none. */
  readonly firstId: number | null;
  readonly lastId: number | null;
}

function isPublished(tl: ReplayTimeline, list: AnyList, index: number, pass: number, cursor: number): boolean {
  return pass * tl.length + list.pos[index] < cursor;
}

/** First index whose id is >= id. */
function lowerBoundId(list: AnyList, id: number): number {
  let lo = 0;
  let hi = list.records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list.records[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The id of a history hit (its base id moved to its pass).
 * @param list the id list the hit came from
 * @param hit index and pass
 * @returns the id as sent
 * @throws never
 * @example
 * historyRecent(tl, book.trades, 1, cursor).map((h) => idOf(book.trades, h));
 */
export function idOf(list: AnyList, hit: HistoryHit): number {
  return list.records[hit.index].id + hit.pass * list.idStep;
}

/** Where id `fromId` (or the next id above it) sits: pass and index, or null past the last pass. */
function locate(tl: ReplayTimeline, list: AnyList, fromId: number): HistoryHit | null {
  const n = list.records.length;
  if (n === 0) return null;
  const first = list.records[0].id;
  let pass = fromId <= first ? 0 : Math.floor((fromId - first) / list.idStep);
  let index = lowerBoundId(list, fromId - pass * list.idStep);
  if (index === n) {
    pass++;
    index = 0;
  }
  return pass < tl.repeat ? { index, pass } : null;
}

/**
 * Published records with id >= `fromId`, in id order, stopping at the first one not yet published.
 * @param tl the timeline
 * @param list a symbol's trades or aggTrades
 * @param fromId first id wanted (inclusive)
 * @param limit most rows
 * @param cursor replay cursor: positions below it are published
 * @returns up to `limit` hits
 * @throws never
 * @example
 * historyFromId(tl, book.trades, 1, 500, cursor).map((h) => idOf(book.trades, h));
 */
export function historyFromId(tl: ReplayTimeline, list: AnyList, fromId: number, limit: number, cursor: number): HistoryHit[] {
  const start = locate(tl, list, fromId);
  return start === null ? [] : walk(tl, list, start, limit, cursor, () => true, Infinity);
}

/**
 * The `limit` most recent published records, in id order.
 * @param tl the timeline
 * @param list a symbol's trades or aggTrades
 * @param limit most rows
 * @param cursor replay cursor
 * @returns up to `limit` hits, oldest first
 * @throws never
 * @example
 * historyRecent(tl, book.trades, 500, cursor);
 */
export function historyRecent(tl: ReplayTimeline, list: AnyList, limit: number, cursor: number): HistoryHit[] {
  const n = list.records.length;
  if (n === 0 || cursor <= 0) return [];
  let pass = Math.min(tl.repeat - 1, Math.floor((cursor - 1) / tl.length));
  let index = n - 1;
  if (list.inOrder) {
    // Publication is a prefix in id order: count this pass's published records instead of scanning.
    index = lowerBound(list.sortedPos, cursor - pass * tl.length) - 1;
    if (index < 0) {
      pass--;
      index = n - 1;
    }
  }
  const hits: HistoryHit[] = [];
  while (hits.length < limit && pass >= 0) {
    if (isPublished(tl, list, index, pass, cursor)) hits.push({ index, pass });
    if (--index < 0) {
      pass--;
      index = n - 1;
    }
  }
  return hits.reverse();
}

/**
 * Published records whose trade time (as sent, i.e. shifted) lies in `[startUs, endUs]`, in id order, optionally
 * from `fromId` on.
 * @param tl the timeline
 * @param list a symbol's trades or aggTrades
 * @param startUs inclusive lower bound, µs, as the client sees times
 * @param endUs inclusive upper bound, µs
 * @param fromId first id wanted, or null
 * @param limit most rows
 * @param cursor replay cursor
 * @returns up to `limit` hits
 * @throws never
 * @example
 * historyByTime(tl, book.aggTrades, t0, t0 + 60e6, null, 500, cursor);
 */
export function historyByTime(
  tl: ReplayTimeline,
  list: AnyList,
  startUs: number,
  endUs: number,
  fromId: number | null,
  limit: number,
  cursor: number,
): HistoryHit[] {
  if (list.records.length === 0) return [];
  const lo = startUs - tl.timeOffsetUs;
  const hi = endUs - tl.timeOffsetUs;
  const firstPass = Math.max(0, Math.floor((lo - list.maxTimeUs) / tl.periodUs));
  const lastPass = Math.floor((hi - list.minTimeUs) / tl.periodUs);
  let start: HistoryHit | null = { index: 0, pass: firstPass };
  if (fromId !== null) {
    start = locate(tl, list, fromId);
    if (start !== null && start.pass < firstPass) start = { index: 0, pass: firstPass };
  }
  if (start === null || start.pass >= tl.repeat) return [];
  const inRange = (hit: HistoryHit) => {
    const t = list.records[hit.index].timeUs + hit.pass * tl.periodUs;
    return t >= lo && t <= hi;
  };
  return walk(tl, list, start, limit, cursor, inRange, lastPass);
}

function walk(
  tl: ReplayTimeline,
  list: AnyList,
  start: HistoryHit,
  limit: number,
  cursor: number,
  keep: (hit: HistoryHit) => boolean,
  lastPass: number,
): HistoryHit[] {
  const n = list.records.length;
  const hits: HistoryHit[] = [];
  let { index, pass } = start;
  while (hits.length < limit && pass < tl.repeat && pass <= lastPass) {
    if (!isPublished(tl, list, index, pass, cursor)) break;
    const hit = { index, pass };
    if (keep(hit)) hits.push(hit);
    if (++index === n) {
      index = 0;
      pass++;
    }
  }
  return hits;
}

/**
 * How many records of a list the cursor has published, and the id range.
 * @param tl the timeline
 * @param list a symbol's trades, off-book events or aggTrades
 * @param cursor replay cursor
 * @returns count, first and last published id
 * @throws never
 * @example
 * publishedSummary(tl, book.trades, tl.total); // { count: 8320, firstId: 1, lastId: 8330 }
 */
export function publishedSummary(tl: ReplayTimeline, list: AnyList, cursor: number): PublishedSummary {
  const n = list.records.length;
  if (n === 0 || cursor <= 0) return { count: 0, firstId: null, lastId: null };
  const fullPasses = Math.min(tl.repeat, Math.floor(cursor / tl.length));
  const rest = fullPasses === tl.repeat ? 0 : lowerBound(list.sortedPos, cursor - fullPasses * tl.length);
  const count = fullPasses * n + rest;
  if (count === 0) return { count, firstId: null, lastId: null };
  const last = historyRecent(tl, list, 1, cursor)[0];
  let firstId = list.records[0].id; // id order is publication order: the first record went out first
  if (!list.inOrder) {
    firstId = Infinity;
    for (let i = 0; i < n; i++) if (isPublished(tl, list, i, 0, cursor)) firstId = Math.min(firstId, list.records[i].id);
  }
  return { count, firstId, lastId: idOf(list, last) };
}

/**
 * Every published id of a list, ascending: what a collector must hold exactly once after backfilling.
 * @param tl the timeline
 * @param list a symbol's trades, off-book events or aggTrades
 * @param cursor replay cursor
 * @returns the ids
 * @throws never
 * @example
 * publishedIdList(tl, book.trades, tl.total).length === book.trades.records.length * tl.repeat;
 */
export function publishedIdList(tl: ReplayTimeline, list: AnyList, cursor: number): number[] {
  const ids: number[] = [];
  const n = list.records.length;
  const lastPass = Math.min(tl.repeat - 1, Math.floor(cursor / tl.length));
  for (let pass = 0; pass <= lastPass; pass++) {
    for (let i = 0; i < n; i++) if (isPublished(tl, list, i, pass, cursor)) ids.push(list.records[i].id + pass * list.idStep);
  }
  return ids;
}
