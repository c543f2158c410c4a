import { type Series } from "./validate.ts";
export interface HuberOptions {
    /** Huber's tuning constant t (statsmodels `HuberT(t)`); default 1.345. Residuals beyond t·scale are down-weighted. */
    readonly t?: number;
    /** Most IRLS iterations, counting the OLS start as statsmodels does (`fit(maxiter)`); default 50. */
    readonly maxIter?: number;
    /** Convergence tolerance on the change of the deviance between iterations (`fit(tol)`, conv="dev"); default 1e-8. */
    readonly tol?: number;
}
export interface HuberResult {
    /** Constant term (statsmodels `params[0]`). */
    readonly alpha: number;
    /** Slope on x (statsmodels `params[1]`): the robust hedge ratio. */
    readonly beta: number;
    /** Standard error of alpha from the H1 robust covariance (statsmodels `bse[0]`, default `cov="H1"`). */
    readonly stdErrAlpha: number;
    /** Standard error of beta from the H1 robust covariance (statsmodels `bse[1]`). */
    readonly stdErrBeta: number;
    /** Robust scale: MAD about 0 of the final residuals / 0.6745 (statsmodels `scale`); 0 for an exact fit. */
    readonly scale: number;
    /** IRLS iterations including the OLS start (statsmodels `fit_history["iteration"]`). */
    readonly iterations: number;
    /** Huber weights of the last weighted least-squares pass, in (0, 1] (statsmodels `weights`); all 1 if none ran. */
    readonly weights: Float64Array;
    /** y − alpha − beta·x, one per observation (statsmodels `resid`). */
    readonly residuals: Float64Array;
    /** Number of observations. */
    readonly n: number;
}
/**
 * Fits y = alpha + beta·x robustly with Huber's T norm by iteratively reweighted least squares, replicating
 * statsmodels RLM step for step: start from OLS; scale = median(|r|)/0.6745 (MAD about 0, not about the median);
 * then repeat { weights from r/scale; weighted LS; new scale from its residuals } until the deviance
 * Σρ(r/s²) — where s² is the weighted residual variance of the pass, as statsmodels computes it — changes by
 * at most `tol`, or `maxIter` iterations (the OLS start counts as one) have run. If the scale is 0 (more than
 * half the residuals are exactly 0) the iteration stops there, as statsmodels does (it warns).
 *
 * At price-like magnitudes the deviance carries rounding noise larger than the default tol (its terms are
 * residuals divided by a variance), so the loop often runs to `maxIter`; the estimate then sits on the IRLS
 * fixed point within rounding, and `iterations` can differ from statsmodels', whose own noise is larger.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param options `{ t = 1.345, maxIter = 50, tol = 1e-8 }`
 * @returns robust alpha and beta with H1 standard errors, the MAD scale, the final weights and residuals
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 3 points (no residual degree of freedom)
 * @throws {ZeroVarianceError} x is constant
 * @throws {InvalidParameterError} t or tol is not a finite positive number, or maxIter not a whole number ≥ 1
 * @example
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * huberRegression([1.1, 1.9, 3.2, 3.8, 5.1, 5.9, 7.2, 7.8, 9.1, 30], x).beta; // ≈ 1.0228 (OLS: 2.0879)
 */
export declare function huberRegression(y: Series, x: Series, options?: HuberOptions): HuberResult;
