/**
 * The pairs analytics of two stored symbols for `GET /api/analytics/pairs`, the `dataset=pairs` exports
 * (`../export/pairs.ts` turns it into rows) and the live `pairs:` channel: the stored bars of both legs, reported by
 * the engine's `analysePair` (the function the dashboard and the notebooks call too), and its JSON.
 */
import { z } from "zod";
import {
  analysePair,
  BAR_JOINS,
  HEDGE_RATIO_METHODS,
  InsufficientDataError,
  unwrap,
  symbolSchema,
  timeframeSchema,
  type Bar,
  type PairAnalysis,
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
    method: z.enum(HEDGE_RATIO_METHODS).default("ols").meta({ description: "Hedge-ratio estimator" }),
    join: z.enum(BAR_JOINS).default("inner").meta({ description: "Bucket alignment: both traded, or forward-fill the missing leg" }),
    from: fromParam,
    to: toParam,
  })
  .strict();

/** A parsed pairs query. Times are ms since the Unix epoch. */
export type PairsQuery = z.infer<typeof pairsQuery>;

/** The export's query: the analytics parameters plus `dataset=pairs`, nothing else. */

/** The engine's report of a pair ({@link analysePair}) and the request it answers. */
export interface PairsSeries extends PairAnalysis {
  /** The checked request. */
  readonly query: PairsQuery;
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
  const { barsA, barsB } = await readPairBars(store, q);
  return seriesOfBars(barsA, barsB, q);
}

/**
 * Both legs' stored bars for a pairs query, each symbol checked first.
 *
 * @param store the store
 * @param q a parsed {@link pairsQuery}
 * @returns the bars of a and of b over the query's range
 * @throws {ApiError} 400 `invalid_parameter` (field b) when a = b; 404 `unknown_symbol` naming field a or b
 * @example
 * const { barsA, barsB } = await readPairBars(store, q);
 */
export async function readPairBars(store: Store, q: PairsQuery): Promise<{ barsA: Bar[]; barsB: Bar[] }> {
  if (q.a === q.b) throw new ApiError(400, "invalid_parameter", "a and b must be different symbols", "b");
  const barsOf = async (symbol: string, field: string): Promise<Bar[]> => {
    await requireKnownSymbol(store, symbol, field);
    return store.queryBars({ symbol, timeframe: q.timeframe, from: q.from, to: q.to });
  };
  const barsA = await barsOf(q.a, "a");
  const barsB = await barsOf(q.b, "b");
  return { barsA, barsB };
}

/**
 * The pair's series from both legs' bars: pure computation, which a worker thread runs for long windows.
 *
 * @param barsA the bars of leg a
 * @param barsB the bars of leg b
 * @param q a parsed {@link pairsQuery}
 * @returns the engine's report and the request
 * @throws {ApiError} 422 `insufficient_data` (field window) when the window is longer than the aligned bars
 * @throws {EngineInputError} when the engine refuses the data
 * @example
 * const s = seriesOfBars(barsA, barsB, q);
 */
export function seriesOfBars(barsA: readonly Bar[], barsB: readonly Bar[], q: PairsQuery): PairsSeries {
  let analysis: PairAnalysis;
  try {
    analysis = analysePair(barsA, barsB, { window: q.window, method: q.method, join: q.join });
  } catch (error) {
    if (error instanceof InsufficientDataError && error.fn === "analysePair") {
      throw new ApiError(422, "insufficient_data", `window ${q.window} is longer than the ${error.actual} aligned bars`, "window");
    }
    throw error;
  }
  // Every series of the answer and the exports is defined: a refused rolling-spread z-score is the request's error.
  unwrap(analysis.rollingSpreadZScore);
  // The tests stay unread (uncomputed) until the JSON report asks for them: an export pays nothing for them.
  return Object.assign(analysis, { query: q });
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
    rollingSpreadZScore: jsonSeries(unwrap(rollingSpreadZScore)),
    rollingCorrelation: jsonSeries(rollingCorrelation),
    // A test the engine refuses for this data is the request's error (422), as it always was.
    adf: unwrap(s.adf),
    engleGranger: unwrap(s.engleGranger),
    halfLife: unwrap(s.halfLife),
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
