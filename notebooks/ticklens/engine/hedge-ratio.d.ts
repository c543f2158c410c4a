import { type HuberOptions, type HuberResult } from "./huber.ts";
import { type KalmanOptions, type KalmanResult } from "./kalman.ts";
import { type OlsResult } from "./ols.ts";
import { type TheilSenOptions, type TheilSenResult } from "./theil-sen.ts";
import { type Series } from "./validate.ts";
/** The estimators `hedgeRatio` dispatches to. */
export type HedgeRatioMethod = "ols" | "huber" | "theil-sen" | "kalman";
/** Every accepted `method`, in a stable order (for menus and validation). */
export declare const HEDGE_RATIO_METHODS: readonly HedgeRatioMethod[];
/** Options of `hedgeRatio`: the method, plus that method's own options. */
export type HedgeRatioOptions = {
    readonly method: "ols";
} | ({
    readonly method: "huber";
} & HuberOptions) | ({
    readonly method: "theil-sen";
} & TheilSenOptions) | ({
    readonly method: "kalman";
} & KalmanOptions);
/** Static least-squares fit (statsmodels OLS with a constant). */
export interface OlsHedgeRatio extends OlsResult {
    readonly method: "ols";
}
/** Static robust fit (statsmodels RLM with HuberT). */
export interface HuberHedgeRatio extends HuberResult {
    readonly method: "huber";
}
/** Static median-of-slopes fit (scipy theilslopes). */
export interface TheilSenHedgeRatio extends TheilSenResult {
    readonly method: "theil-sen";
}
/** Dynamic fit: `alpha`/`beta` are the latest filtered values, `alphaSeries`/`betaSeries` their history. */
export interface KalmanHedgeRatio extends KalmanResult {
    readonly method: "kalman";
}
/**
 * A hedge ratio by any method. Narrow on `method` for what only one method has; `alpha`, `beta` and `n` are
 * common to all, so `y − alpha − beta·x` is the current spread whichever method produced them.
 */
export type HedgeRatioResult = OlsHedgeRatio | HuberHedgeRatio | TheilSenHedgeRatio | KalmanHedgeRatio;
/**
 * Estimates the hedge ratio of y on x (y ≈ alpha + beta·x) by the chosen method:
 * - `"ols"`: ordinary least squares ({@link ols}),
 * - `"huber"`: Huber M-estimate by IRLS, as statsmodels RLM ({@link huberRegression}),
 * - `"theil-sen"`: median of pairwise slopes, as scipy theilslopes ({@link theilSenRegression}),
 * - `"kalman"`: time-varying alpha and beta by a random-walk Kalman filter ({@link kalmanRegression}).
 *
 * Input rules are the same for every method (checked here, before dispatch): finite values, equal lengths,
 * at least 3 points and a non-constant x. Each method then applies its own option checks.
 *
 * @param y dependent series (e.g. ETH prices)
 * @param x regressor (e.g. BTC prices), same length as y
 * @param options `{ method = "ols", ...that method's options }`
 * @returns the method's result tagged with `method`; always with scalar `alpha`, `beta` and `n`
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 3 points
 * @throws {ZeroVarianceError} x is constant
 * @throws {InvalidParameterError} `method` is not one of {@link HEDGE_RATIO_METHODS}, or a method option is out
 *   of its domain
 * @example
 * const eth = [2950.1, 2951.3, 2949.8, 2952.6, 2953.0];
 * const btc = [87700.5, 87741.0, 87690.2, 87780.9, 87790.1];
 * for (const method of HEDGE_RATIO_METHODS) {
 *   const { alpha, beta } = hedgeRatio(eth, btc, { method });
 *   console.log(method, beta, eth[4] - alpha - beta * btc[4]);
 * }
 */
export declare function hedgeRatio(y: Series, x: Series, options: {
    readonly method: "ols";
}): OlsHedgeRatio;
export declare function hedgeRatio(y: Series, x: Series, options: {
    readonly method: "huber";
} & HuberOptions): HuberHedgeRatio;
export declare function hedgeRatio(y: Series, x: Series, options: {
    readonly method: "theil-sen";
} & TheilSenOptions): TheilSenHedgeRatio;
export declare function hedgeRatio(y: Series, x: Series, options: {
    readonly method: "kalman";
} & KalmanOptions): KalmanHedgeRatio;
export declare function hedgeRatio(y: Series, x: Series, options?: HedgeRatioOptions): HedgeRatioResult;
