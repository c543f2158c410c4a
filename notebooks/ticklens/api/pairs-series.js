/**
 * The pairs analytics series of two stored symbols (aligned closes, hedge ratio, spread, rolling z-score, beta and
 * correlation), computed once here for both `GET /api/analytics/pairs` and the `dataset=pairs` exports
 * (`export-pairs.ts` turns it into rows).
 */
import { z } from "zod";
import { adfTest, alignBars, engleGranger, halfLife, HEDGE_RATIO_METHODS, hedgeRatio, rollingCorrelation, rollingOls, rollingZScore, spread, } from "../engine/index.js";
import { ApiError } from "./errors.js";
import { requireKnownSymbol } from "./symbols.js";
import { symbolParam, timeParam } from "./validation.js";
/** The query of `GET /api/analytics/pairs`: `a`, `b`, `timeframe` (1m), `window` (60), `method` (ols), `join` (inner), `from`, `to`. */
export const pairsQuery = z
    .object({
    a: symbolParam,
    b: symbolParam,
    timeframe: z.string().regex(/^[1-9][0-9]*[smhd]$/, "must be <N>s, <N>m, <N>h or 1d").default("1m"),
    window: z.coerce.number().int().min(3).max(100_000).default(60),
    method: z.enum(HEDGE_RATIO_METHODS).default("ols"),
    join: z.enum(["inner", "ffill"]).default("inner"),
    from: timeParam.optional(),
    to: timeParam.optional(),
})
    .strict();
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
export async function computePairsSeries(store, q) {
    if (q.a === q.b)
        throw new ApiError(400, "invalid_parameter", "a and b must be different symbols", "b");
    const barsOf = async (symbol, field) => {
        await requireKnownSymbol(store, symbol, field);
        return store.queryBars({ symbol, timeframe: q.timeframe, from: q.from, to: q.to });
    };
    const pair = alignBars(await barsOf(q.a, "a"), await barsOf(q.b, "b"), { join: q.join });
    // y = a, x = b: the spread is a − alpha − beta·b, long the spread means long a.
    const y = pair.closeA;
    const x = pair.closeB;
    if (q.window > y.length) {
        throw new ApiError(422, "insufficient_data", `window ${q.window} is longer than the ${y.length} aligned bars`, "window");
    }
    const hedge = hedgeRatio(y, x, { method: q.method });
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
function jsonSeries(values) {
    return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}
/**
 * The JSON answer of `GET /api/analytics/pairs` (and the live `pairs:` channel's snapshot): every series, the
 * hedge, and the stationarity tests of the static spread.
 */
export function pairsReport(s) {
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
/** The latest point of a report: what the live `pairs:` channel sends on each update. */
export function latestPairsPoint(r) {
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
