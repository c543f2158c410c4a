import { type Series } from "./validate.ts";
export interface HalfLifeResult {
    /**
     * Periods for a deviation to halve, −ln 2 / lambda, in the series' sampling interval (e.g. seconds for 1 s bars).
     * Infinity when lambda ≥ 0: the series does not revert to a mean, so a deviation never halves.
     */
    readonly halfLife: number;
    /** Slope b of Δs(t) on s(t−1) (statsmodels `params[1]`): the reversion speed, negative when mean-reverting. */
    readonly lambda: number;
    /** Constant of that regression (`params[0]`); the implied mean is −alpha / lambda. */
    readonly alpha: number;
    /** Standard error of lambda (`bse[1]`). */
    readonly stdErrLambda: number;
    /** lambda / stdErrLambda (`tvalues[1]`): the Dickey–Fuller statistic of the series with a constant and no lags. */
    readonly tStat: number;
    /**
     * MacKinnon p-value of tStat as a Dickey–Fuller statistic (constant, one series), equal to statsmodels
     * `adfuller(s, maxlag=0, autolag=None, regression="c")[1]`. This is NOT the Student-t p-value OLS prints
     * (`pvalues[1]`): under the null of no mean reversion tStat does not follow a t distribution.
     */
    readonly pValue: number;
    /** Observations in the regression: the series length − 1. */
    readonly nobs: number;
}
/**
 * Estimates the half-life of mean reversion of a series (typically a pair spread).
 *
 * A non-reverting series (lambda ≥ 0, e.g. a trending or explosive one) is a defined answer, not bad input: halfLife is
 * Infinity and pValue is large. lambda below −1 (overshooting each period) still gives the finite −ln 2 / lambda.
 *
 * @param series the values, oldest first
 * @returns half-life in periods, the regression's slope (lambda), constant, its standard error, t and p-value
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the message names its index)
 * @throws {InsufficientDataError} fewer than 4 values (the regression needs 3 differences for a residual degree of freedom)
 * @throws {ZeroVarianceError} the series (or all of it but its last value, the lagged level) is constant, or it
 *   follows an exact path (a straight line, an exact geometric decay) that leaves no residual, so t is undefined
 * @example
 * const s = [1, -0.5, 0.3, -0.1, 0.6, -0.4, 0.2, 0.1, -0.3, 0.5];
 * halfLife(s).halfLife; // ≈ 0.4 periods: the series flips sign almost every step
 */
export declare function halfLife(series: Series): HalfLifeResult;
