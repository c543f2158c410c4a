/**
 * The collector's periodic one-line status for humans (stderr), computed from two status snapshots.
 */
import type { CollectorStatus } from "./collector.ts";

/**
 * e.g. `live | 1,234 trades/s | stored 98,765 | gaps 2 found, 2 filled | reconnects 1 | quarantined 3 | lag 41 ms`, or
 * `stalled (receiving but storing nothing: 5,210 duplicates in the last 30 s) | 0 trades/s | …`.
 */
export function formatStatusLine(now: CollectorStatus, before: CollectorStatus | null, seconds: number): string {
  const rate = before === null ? 0 : (now.stored - before.stored) / seconds;
  const n = (v: number) => Math.round(v).toLocaleString("en-US");
  return [
    now.stall ? `${now.state} (${now.stall.reason})` : now.state,
    `${n(rate)} trades/s`,
    `stored ${n(now.stored)} (backfilled ${n(now.backfilled)})`,
    `gaps ${n(now.gapsFound)} found, ${n(now.gapsFilled)} filled${now.missingIds ? `, ${n(now.missingIds)} ids missing` : ""}`,
    `duplicates ${n(now.duplicatesDropped)}`,
    `reconnects ${n(now.reconnects)}`,
    `quarantined ${n(now.quarantined)}`,
    `rate-limited ${n(now.rateLimited)}`,
    `lag ${now.lagMs === null ? "-" : `${n(now.lagMs)} ms`}`,
  ].join(" | ");
}
