/**
 * `GET /api/analytics/pairs` within a compute budget: the cost of the report is estimated from the bar counts
 * before any work (Theil–Sen needs every pairwise slope, n²/2; the other estimators and ADF grow with n), a request
 * beyond the budget is refused with 422 `compute_budget`, and a costly one runs on a worker thread, so the event
 * loop keeps ingesting and serving meanwhile. Small reports are computed in process (a worker's hand-off costs
 * more than they do).
 */
import type { Bar } from "../../engine/types.ts";
import type { Store } from "../../store/index.ts";
import { buffersOf, packRecords, recordViews } from "../../compute/transfer.ts";
import type { ComputePool } from "../../compute/pool.ts";
import { runCompute } from "../compute.ts";
import { ApiError } from "../errors.ts";
import { pairsReport, readPairBars, seriesOfBars, type PairsQuery } from "./pairs-series.ts";

/** Per-bar work units of the estimators other than Theil–Sen (hedge, rolling statistics, ADF's lag search). */
const LINEAR_COST_PER_BAR = 64;

export interface PairsBudget {
  /** Estimated cost above which the report runs on a worker (default 250,000 units: ~700 bars of Theil–Sen). */
  readonly offloadCost: number;
  /** Estimated cost beyond which the request is refused (default 2.5×10⁸: Theil–Sen on ~22,000 bars). */
  readonly maxCost: number;
  /** Time a worker may spend on one report before it is stopped, ms (default 15 s). */
  readonly timeMs: number;
  /** The pool to run on (default the process's). */
  readonly pool?: ComputePool;
}

export const DEFAULT_PAIRS_BUDGET: PairsBudget = { offloadCost: 250_000, maxCost: 2.5e8, timeMs: 15_000 };

/**
 * The estimated cost of a pairs report, in work units (one Theil–Sen slope, or one bar's share of a linear pass).
 *
 * @param q the query (method and join)
 * @param barsA bars of leg a
 * @param barsB bars of leg b
 * @returns the aligned bars at most and the cost
 * @example
 * pairsCost({ method: "theil-sen", join: "inner" }, 20_000, 20_000); // { bars: 20000, cost: 199990000 }
 */
export function pairsCost(q: Pick<PairsQuery, "method" | "join">, barsA: number, barsB: number): { bars: number; cost: number } {
  const bars = q.join === "inner" ? Math.min(barsA, barsB) : barsA + barsB;
  const linear = bars * LINEAR_COST_PER_BAR;
  return { bars, cost: q.method === "theil-sen" ? (bars * (bars - 1)) / 2 + linear : linear };
}

/**
 * The JSON text of `GET /api/analytics/pairs` for a query, within the budget.
 *
 * @param store the store
 * @param q a parsed pairs query
 * @param budget the budget (default {@link DEFAULT_PAIRS_BUDGET})
 * @returns the report as JSON text
 * @throws {ApiError} what {@link readPairBars} and {@link seriesOfBars} throw; 422 `compute_budget` (field `from`)
 *   beyond the budget, before any work or when the worker ran past its time
 * @example
 * return c.body(await pairsReportJson(store, q), 200, { "content-type": "application/json" });
 */
export async function pairsReportJson(store: Store, q: PairsQuery, budget: PairsBudget = DEFAULT_PAIRS_BUDGET): Promise<string> {
  const { barsA, barsB } = await readPairBars(store, q);
  const { bars, cost } = pairsCost(q, barsA.length, barsB.length);
  if (cost > budget.maxCost) {
    const hint = q.method === "theil-sen" ? ` (Theil–Sen needs all ${bars}²/2 slopes)` : "";
    throw new ApiError(
      422,
      "compute_budget",
      `${q.method} over ${bars} bars costs ~${cost.toExponential(1)} units${hint}, beyond the budget of ${budget.maxCost.toExponential(1)}: narrow from/to, or take a coarser timeframe`,
      "from",
    );
  }
  if (cost <= budget.offloadCost) return JSON.stringify(pairsReport(seriesOfBars(barsA, barsB, q)));
  return offloadPairs(barsA, barsB, q, budget);
}

function offloadPairs(barsA: Bar[], barsB: Bar[], query: PairsQuery, budget: PairsBudget): Promise<string> {
  const packedA = packRecords(barsA);
  const packedB = packRecords(barsB);
  return runCompute(
    { kind: "pairs", barsA: packedA, barsB: packedB, query },
    { budgetMs: budget.timeMs, transfer: buffersOf([...recordViews(packedA), ...recordViews(packedB)]), pool: budget.pool, field: "from" },
  );
}
