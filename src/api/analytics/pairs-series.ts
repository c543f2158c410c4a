/**
 * The pairs analytics series of two stored symbols (aligned closes, hedge ratio, spread, rolling z-score, beta and
 * correlation), computed once here for both `GET /api/analytics/pairs` and the `dataset=pairs` exports
 * (`../export/pairs.ts` turns it into rows).
 */
import { z } from "zod";
import {
  adfTest,
  alignBars,
  engleGranger,
  halfLife,
  HEDGE_RATIO_METHODS,
  hedgeRatio,
  rollingCorrelation,
  rollingOls,
  rollingZScore,
  spread,
  symbolSchema,
  timeframeSchema,
  type AlignedBars,
  type Bar,
  type HedgeRatioMethod,
  type HedgeRatioResult,
  type RollingOlsResult,
} from "../../engine/index.ts";
import type { Store } from "../../store/index.ts";
import { ApiError } from "../errors.ts";
import { requireKnownSymbol } from "../market/symbols.ts";
import { fromParam, toParam } from "../validation.ts";


/** The query of `GET /api/analytics/pairs`: `a`, `b`, `timeframe` (1m), `window` (60), `method` (ols), `join` (inner), `from`, `to`. */
export const pairsQuery = z
  .object({
    a: symbolSchema.meta({ description: "Dependent leg (y); the spread is a − alpha − beta·b", example: "ETHUSDT" }),
    b: symbolSchema.meta({ description: "Independent leg (x); must differ from a", example: "BTCUSDT" }),
    timeframe: timeframeSchema.default("1m"),
    window: z.coerce.number().int().min(3).max(100_000).default(60).meta({ description: "Rolling window, bars" }),
    method: z.enum(HEDGE_RATIO_METHODS as unknown as [string, ...string[]]).default("ols").meta({ description: "Hedge-ratio estimator" }),
    join: z.enum(["inner", "ffill"]).default("inner").meta({ description: "Bucket alignment: both traded, or forward-fill the missing leg" }),
    from: fromParam,
    to: toParam,
  })
  .strict();

/** A parsed pairs query. Times are ms since the Unix epoch. */
export type PairsQuery = z.infer<typeof pairsQuery>;

/** The export's query: the analytics parameters plus `dataset=pairs`, nothing else. */

/** Every series of a pair, index-aligned with `pair.bucketStart`; NaN marks a rolling warm-up. */
export interface PairsSeries {
  /** The checked request. */
  readonly query: PairsQuery;
  /** The bars of a and b aligned on bucket start; y = a, x = b. */
  readonly pair: AlignedBars;
  /** The hedge ratio of a on b over the whole range, by `query.method`. */
  readonly hedge: HedgeRatioResult;
  /** a − alpha − beta·b with the static hedge. */
  readonly staticSpread: Float64Array;
  /** Rolling OLS of a on b over `query.window` bars. */
  readonly rolling: RollingOlsResult;
  /** a − alpha_t − beta_t·b with the rolling OLS coefficients. */
  readonly rollingSpread: Float64Array;
  /** Rolling z-score of the static spread over `query.window` bars. */
  readonly zScore: Float64Array;
  /** Rolling z-score of the rolling spread over `query.window` bars. */
  readonly rollingSpreadZScore: Float64Array;
  /** Rolling Pearson correlation of the closes over `query.window` bars. */
  readonly rollingCorrelation: Float64Array;
}

/**
 * Reads both symbols' bars and computes the pair's series, as `GET /api/analytics/pairs` reports them.
 *
 * @param store the store
 * @param q a parsed {@link pairsQuery}
 * @returns the aligned closes, the hedge and every rolling series
 * @throws {ApiError} 400 `invalid_parameter` (field b) when a = b; 404 `unknown_symbol` naming field a or b;
 *   422 `insufficient_data` (field window) when the window is longer than the aligned bars
 * @throws {EngineInputError} (e.g. ZeroVarianceError, InsufficientDataError) when the engine refuses the data;
 *   `onApiError` answers 422 `unprocessable`
 * @example
 * const s = await computePairsSeries(store, parseQuery(c, pairsQuery));
 */
export async function computePairsSeries(store: Store, q: PairsQuery): Promise<PairsSeries> {
  if (q.a === q.b) throw new ApiError(400, "invalid_parameter", "a and b must be different symbols", "b");
  const barsOf = async (symbol: string, field: string): Promise<Bar[]> => {
    await requireKnownSymbol(store, symbol, field);
    return store.queryBars({ symbol, timeframe: q.timeframe, from: q.from, to: q.to });
  };
  const pair = alignBars(await barsOf(q.a, "a"), await barsOf(q.b, "b"), { join: q.join as "inner" | "ffill" });
  // y = a, x = b: the spread is a − alpha − beta·b, long the spread means long a.
  const y = pair.closeA;
  const x = pair.closeB;
  if (q.window > y.length) {
    throw new ApiError(422, "insufficient_data", `window ${q.window} is longer than the ${y.length} aligned bars`, "window");
  }
  const hedge = hedgeRatio(y, x, { method: q.method as HedgeRatioMethod });
  const staticSpread = spread(y, x, hedge.beta, hedge.alpha);
  const rolling = rollingOls(y, x, q.window);
  const rollingSpread = spread(y, x, rolling.beta, rolling.alpha);
  return {
    query: q,
    pair,
    hedge,
    staticSpread,
    rolling,
    rollingSpread,
    zScore: rollingZScore(staticSpread, q.window),
    rollingSpreadZScore: rollingZScore(rollingSpread, q.window),
    rollingCorrelation: rollingCorrelation(y, x, q.window),
  };
}

/** A series for JSON: NaN (a rolling warm-up) becomes null. */
function jsonSeries(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

/**
 * The JSON answer of `GET /api/analytics/pairs` (and the live `pairs:` channel's snapshot): every series, the
 * hedge, and the stationarity tests of the static spread.
 */
export function pairsReport(s: PairsSeries) {
  const { query: q, pair, hedge, staticSpread, rolling, zScore, rollingSpreadZScore, rollingCorrelation } = s;
  return {
    a: q.a,
    b: q.b,
    timeframe: pair.timeframe,
    window: q.window,
    method: q.method,
    n: pair.closeA.length,
    bucketStart: Array.from(pair.bucketStart),
    closeA: Array.from(pair.closeA),
    closeB: Array.from(pair.closeB),
    hedge: { alpha: hedge.alpha, beta: hedge.beta },
    hedgeSeries: "betaSeries" in hedge ? { alpha: jsonSeries(hedge.alphaSeries), beta: jsonSeries(hedge.betaSeries) } : null,
    rollingBeta: jsonSeries(rolling.beta),
    spread: jsonSeries(staticSpread),
    zScore: jsonSeries(zScore),
    rollingSpreadZScore: jsonSeries(rollingSpreadZScore),
    rollingCorrelation: jsonSeries(rollingCorrelation),
    adf: adfTest(staticSpread, { regression: "c", autolag: "AIC" }),
    engleGranger: engleGranger(pair.closeA, pair.closeB),
    halfLife: halfLife(staticSpread),
  };
}

/** The JSON of a pairs report. */
export type PairsReport = ReturnType<typeof pairsReport>;

/** The latest point of a report: what the live `pairs:` channel sends on each update. */
export function latestPairsPoint(r: PairsReport) {
  const i = r.n - 1;
  return {
    bucketStart: r.bucketStart[i],
    closeA: r.closeA[i],
    closeB: r.closeB[i],
    hedge: r.hedge,
    spread: r.spread[i],
    zScore: r.zScore[i],
    rollingBeta: r.rollingBeta[i],
    rollingCorrelation: r.rollingCorrelation[i],
    adf: { statistic: r.adf.statistic, pValue: r.adf.pValue },
    halfLife: r.halfLife.halfLife,
  };
}
