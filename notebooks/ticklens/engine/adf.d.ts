import { type Series } from "./validate.ts";
/** Deterministic terms of the ADF regression: constant ("c"), constant and linear trend ("ct"), or none ("n"). */
export type AdfRegression = "c" | "ct" | "n";
/** How the number of lagged differences is chosen: by AIC, BIC, the t-stat rule, or not at all (null: use maxLag). */
export type AdfAutolag = "AIC" | "BIC" | "t-stat" | null;
export interface AdfOptions {
    /** Deterministic terms of the test regression (default "c"). */
    readonly regression?: AdfRegression;
    /**
     * Largest number of lagged differences (the lag used when `autolag` is null). Default, as statsmodels:
     * ⌈12·(n/100)^¼⌉ capped at ⌊n/2⌋ − (number of deterministic terms) − 1.
     */
    readonly maxLag?: number;
    /** Lag selection (default "AIC"). */
    readonly autolag?: AdfAutolag;
}
/** Critical values of the test statistic (MacKinnon 2010, for the regression's sample size). */
export interface AdfCriticalValues {
    /** Reject a unit root at the 1 % level when the statistic is below this. */
    readonly "1%": number;
    /** 5 % critical value. */
    readonly "5%": number;
    /** 10 % critical value. */
    readonly "10%": number;
}
export interface AdfResult {
    /** The ADF statistic: the t-value of the lagged level in the test regression (statsmodels `adf`). */
    readonly statistic: number;
    /** MacKinnon (1994) approximate p-value of the statistic; small means a unit root is rejected (`pvalue`). */
    readonly pValue: number;
    /** Number of lagged differences in the final regression (`usedlag`). */
    readonly usedLag: number;
    /** Observations in the final regression: n − 1 − usedLag (`nobs`). */
    readonly nobs: number;
    /** MacKinnon (2010) critical values for `nobs` observations (`critical values`). */
    readonly criticalValues: AdfCriticalValues;
    /**
     * Best value of the selection criterion (`icbest`): the lowest AIC or BIC of the search, or for "t-stat" the
     * |t| of the last lag at the chosen length. `undefined` when `autolag` is null (statsmodels returns no icbest then).
     */
    readonly icBest: number | undefined;
}
/**
 * Augmented Dickey–Fuller test of the null hypothesis that `series` has a unit root, equal to statsmodels
 * `adfuller(x, maxlag, regression, autolag)`.
 *
 * Δx(t) = [const, trend] + γ·x(t−1) + Σ_{j=1..p} δj·Δx(t−j) + e(t); the statistic is γ's t-value. With autolag, every
 * p in 0..maxLag is fitted on the same observations (those the largest p leaves) so the criteria are comparable,
 * then the chosen p is refitted on all the observations it allows. Ties in AIC/BIC go to the smaller p.
 *
 * @param series the values, oldest first (raw prices are fine: the fit is a Householder QR, not normal equations)
 * @param options `{ regression = "c", maxLag, autolag = "AIC" }`
 * @returns statistic, p-value, lag used, observations used, critical values and the best criterion value
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the message names its index)
 * @throws {InvalidParameterError} regression or autolag is unknown, or maxLag is not a whole number ≥ 0
 * @throws {InsufficientDataError} the series is too short for the lags: statsmodels requires
 *   maxLag ≤ ⌊n/2⌋ − terms − 1, and every regression here also keeps at least one residual degree of freedom
 *   (statsmodels returns NaN statistics where it has none)
 * @throws {ZeroVarianceError} the series is constant, a regressor is collinear with the others (e.g. a straight line,
 *   whose differences are constant), or the regression fits exactly (no residual, so no t-value)
 * @example
 * const r = adfTest([0.3, -0.5, 0.8, -0.2, 0.1, -0.9, 0.4, 0.6, -0.7, 0.2, -0.1, 0.5], { maxLag: 1 });
 * r.usedLag; // 0: lag 0 has the lower AIC on the common sample
 * r.statistic; // ≈ -5.30, so r.pValue ≈ 5e-6: no unit root
 */
export declare function adfTest(series: Series, options?: AdfOptions): AdfResult;
/**
 * adfTest with the caller's name in its errors. Engine-internal (not for the barrel): engleGranger runs the test on
 * its residuals through this, so their errors name engleGranger.
 *
 * @param fn public function named in errors
 * @param argument names the series in errors
 * @param series the values, oldest first
 * @param options as {@link adfTest}
 * @returns as {@link adfTest}
 * @throws {NonFiniteValueError} as adfTest
 * @throws {InvalidParameterError} as adfTest
 * @throws {InsufficientDataError} as adfTest
 * @throws {ZeroVarianceError} as adfTest
 * @example
 * adfCore("myTest", "spread", [0.3, -0.5, 0.8, -0.2, 0.1, -0.9, 0.4, 0.6, -0.7, 0.2, -0.1, 0.5], { maxLag: 1 }).usedLag; // 0
 */
export declare function adfCore(fn: string, argument: string, series: Series, options: AdfOptions): AdfResult;
