/**
 * The pairs analytics series of two stored symbols (aligned closes, hedge ratio, spread, rolling z-score, beta and
 * correlation), computed once here for both `GET /api/analytics/pairs` and the `dataset=pairs` exports
 * (`export-pairs.ts` turns it into rows).
 */
import { z } from "zod";
import { type AlignedBars, type HedgeRatioResult, type RollingOlsResult } from "../engine/index.ts";
import type { Store } from "../store/index.ts";
/** The query of `GET /api/analytics/pairs`: `a`, `b`, `timeframe` (1m), `window` (60), `method` (ols), `join` (inner), `from`, `to`. */
export declare const pairsQuery: z.ZodObject<{
    a: z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, z.ZodString>;
    b: z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, z.ZodString>;
    timeframe: z.ZodDefault<z.ZodString>;
    window: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    method: z.ZodDefault<z.ZodEnum<{
        [x: string]: string;
    }>>;
    join: z.ZodDefault<z.ZodEnum<{
        inner: "inner";
        ffill: "ffill";
    }>>;
    from: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>>;
    to: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>>;
}, z.core.$strict>;
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
export declare function computePairsSeries(store: Store, q: PairsQuery): Promise<PairsSeries>;
/**
 * The JSON answer of `GET /api/analytics/pairs` (and the live `pairs:` channel's snapshot): every series, the
 * hedge, and the stationarity tests of the static spread.
 */
export declare function pairsReport(s: PairsSeries): {
    a: string;
    b: string;
    timeframe: string;
    window: number;
    method: string;
    n: number;
    bucketStart: number[];
    closeA: number[];
    closeB: number[];
    hedge: {
        alpha: number;
        beta: number;
    };
    hedgeSeries: {
        alpha: (number | null)[];
        beta: (number | null)[];
    } | null;
    rollingBeta: (number | null)[];
    spread: (number | null)[];
    zScore: (number | null)[];
    rollingSpreadZScore: (number | null)[];
    rollingCorrelation: (number | null)[];
    adf: import("../engine/adf.ts").AdfResult;
    engleGranger: import("../engine/engle-granger.ts").EngleGrangerResult;
    halfLife: import("../engine/half-life.ts").HalfLifeResult;
};
/** The JSON of a pairs report. */
export type PairsReport = ReturnType<typeof pairsReport>;
/** The latest point of a report: what the live `pairs:` channel sends on each update. */
export declare function latestPairsPoint(r: PairsReport): {
    bucketStart: number;
    closeA: number;
    closeB: number;
    hedge: {
        alpha: number;
        beta: number;
    };
    spread: number | null;
    zScore: number | null;
    rollingBeta: number | null;
    rollingCorrelation: number | null;
    adf: {
        statistic: number;
        pValue: number;
    };
    halfLife: number;
};
