/**
 * One leg's bars, kept current: the history from `GET /api/ohlc`, then the live `bars:<SYM>:<tf>` channel, whose
 * updates carry the open bar (replaced while it fills, appended when a new bucket opens) and whose snapshot, sent
 * again after every reconnect, fills what was missed while the socket was down.
 */
import type { Bar } from "../../../engine/index.ts";

/** The bars of one symbol and timeframe, oldest first, one per bucket, at most `capacity` (the newest). */
export class LegBars {
  #bars: Bar[] = [];
  /** Increases on every change, so the analytics know when the data moved. */
  version = 0;

  constructor(readonly capacity: number) {}

  get bars(): readonly Bar[] {
    return this.#bars;
  }

  /** Replaces everything with the history. */
  reset(history: readonly Bar[]): void {
    this.#bars = history.slice(-this.capacity);
    this.version++;
  }

  /**
   * Applies live bars (an update frame): the open bar replaces the last bar of its bucket or opens a new one.
   * A bar older than the last is a rewrite of a closed bucket (a late trade): it replaces that bucket if held.
   *
   * @returns whether anything changed
   */
  apply(bars: readonly Bar[]): boolean {
    let changed = false;
    for (const bar of bars) {
      const held = this.#bars;
      const last = held[held.length - 1];
      if (last === undefined || bar.bucketStart > last.bucketStart) held.push(bar);
      else if (bar.bucketStart === last.bucketStart) held[held.length - 1] = bar;
      else {
        const i = indexOfBucket(held, bar.bucketStart);
        if (i < 0) continue; // older than anything held, or a bucket the history did not have: not worth a re-sort
        held[i] = bar;
      }
      changed = true;
    }
    if (!changed) return false;
    if (this.#bars.length > this.capacity) this.#bars = this.#bars.slice(-this.capacity);
    this.version++;
    return true;
  }

  /** Merges a snapshot (the channel's recent bars): its bars win, buckets missing here are inserted. */
  merge(snapshot: readonly Bar[]): void {
    if (snapshot.length === 0) return;
    const byBucket = new Map<number, Bar>();
    for (const bar of this.#bars) byBucket.set(bar.bucketStart, bar);
    for (const bar of snapshot) byBucket.set(bar.bucketStart, bar);
    this.#bars = [...byBucket.values()].sort((p, q) => p.bucketStart - q.bucketStart).slice(-this.capacity);
    this.version++;
  }
}

/** Index of the bar of `bucketStart` (binary search over sorted buckets), or −1. */
function indexOfBucket(bars: readonly Bar[], bucketStart: number): number {
  let lo = 0;
  let hi = bars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = bars[mid].bucketStart;
    if (t === bucketStart) return mid;
    if (t < bucketStart) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
