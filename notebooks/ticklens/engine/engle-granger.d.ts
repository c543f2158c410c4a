import type { AdfCriticalValues } from "./adf.ts";
import { type Series } from "./validate.ts";
export interface EngleGrangerResult {
    /** ADF statistic (no constant, AIC lag choice) of the residuals y − intercept − hedgeRatio·x (`coint_t`). */
    readonly statistic: number;
    /** MacKinnon (1994) p-value for two series with a constant (`pvalue`); small means cointegrated. */
    readonly pValue: number;
    /** MacKinnon (2010) critical values for N = 2, constant, n − 1 observations (`crit_value`). */
    readonly criticalValues: AdfCriticalValues;
    /** Slope of the OLS of y on x with a constant: units of x per unit of y. */
    readonly hedgeRatio: number;
    /** Constant of that regression. */
    readonly intercept: number;
    /** Lagged differences the residual ADF regression kept (AIC choice). */
    readonly usedLag: number;
    /** Observations in the residual ADF regression. */
    readonly nobs: number;
}
/**
 * Tests the null hypothesis that y and x are NOT cointegrated, equal to statsmodels `coint(y, x, trend="c",
 * autolag="aic")` (default maximum lag). Where statsmodels warns that the two are (almost) perfectly collinear
 * (R² ≥ 1 − 100·√eps) and returns a statistic of −Infinity and a p-value of 0, this throws ZeroVarianceError
 * instead: the residual is numerically zero and the test says nothing.
 *
 * @param y dependent price series (the leg bought when the spread is long)
 * @param x hedge leg, same length
 * @returns statistic, p-value, critical values, the hedge ratio and intercept, and the residual test's lag and size
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the message names the index)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} too few points: an odd length of at least 5, or any length of at least 21. At even
 *   lengths up to 20 statsmodels' own lag cap leaves the largest search regression no residual degree of freedom
 *   (it then reports a meaningless t of 0), so those are refused too
 * @throws {ZeroVarianceError} y or x is constant, or y is (almost) exactly linear in x
 * @example
 * const x = Array.from({ length: 30 }, (_, i) => 100 + i + 3 * Math.sin(i));
 * const y = x.map((v, i) => 2 * v + 1 + (i % 2 ? 0.3 : -0.3));
 * engleGranger(y, x).hedgeRatio; // ≈ 2.0018
 */
export declare function engleGranger(y: Series, x: Series): EngleGrangerResult;
