import { type Series } from "./validate.ts";
export interface OlsOptions {
    /** Fit a constant (default true). Without it alpha is 0 and has no standard error (NaN). */
    readonly intercept?: boolean;
}
export interface OlsResult {
    /** Constant term (statsmodels `params[0]`); 0 when fitted without intercept. */
    readonly alpha: number;
    /** Slope on x (statsmodels `params[1]`): the hedge ratio when y and x are prices. */
    readonly beta: number;
    /** Coefficient of determination: centred with an intercept, uncentred without (as statsmodels). */
    readonly rSquared: number;
    /** Standard error of alpha (statsmodels `bse[0]`); NaN without intercept. */
    readonly stdErrAlpha: number;
    /** Standard error of beta (statsmodels `bse[1]`). */
    readonly stdErrBeta: number;
    /** y − alpha − beta·x, one per observation. */
    readonly residuals: Float64Array;
    /** Number of observations. */
    readonly n: number;
}
/**
 * Fits y on x by ordinary least squares.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param options `{ intercept = true }`
 * @returns coefficients, their standard errors, R² and residuals
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 3 points with an intercept (2 without): no residual degree of freedom
 * @throws {ZeroVarianceError} x is constant (with intercept) or all zero (without)
 * @example
 * ols([1, 3, 5, 7.5], [0, 1, 2, 3]).beta; // ≈ 2.15
 */
export declare function ols(y: Series, x: Series, options?: OlsOptions): OlsResult;
/** Mean with one correction pass, exact to rounding for the price-like series the engine sees. */
export declare function mean(values: Float64Array): number;
