/** Deterministic terms of the test regression: none, a constant, or a constant and a linear trend. */
export type MacKinnonRegression = "n" | "c" | "ct";
/** Critical values at the 1 %, 5 % and 10 % levels, in that order. */
export type CriticalValueTriple = readonly [number, number, number];
/**
 * MacKinnon's (1994) approximate asymptotic p-value of a Dickey–Fuller / Engle–Granger tau statistic, as statsmodels
 * `mackinnonp(teststat, regression, N)`. Left-tail test: small (very negative) statistics give small p-values.
 *
 * @param stat the tau (t) statistic; −Infinity gives 0 and +Infinity gives 1
 * @param regression deterministic terms of the test regression: "n", "c" (default) or "ct"
 * @param N number of I(1) series: 1 for ADF, 2 for a pair's Engle–Granger test (1..6)
 * @returns the p-value in [0, 1]
 * @throws {InvalidParameterError} stat is NaN, regression is unknown, or N is outside 1..6
 * @example
 * mackinnonp(-2.86154, "c", 1); // ≈ 0.05
 */
export declare function mackinnonp(stat: number, regression?: MacKinnonRegression, N?: number): number;
/**
 * MacKinnon's (2010) critical values for a sample of `nobs` observations, as statsmodels
 * `mackinnoncrit(N, regression, nobs)`: β∞ + β1/T + β2/T² + β3/T³ at the 1 %, 5 % and 10 % levels.
 *
 * @param N number of I(1) series: 1 for ADF, 2 for a pair's Engle–Granger test (1..12; only 1 for "n")
 * @param regression deterministic terms: "n", "c" (default) or "ct"
 * @param nobs sample size T; Infinity (default) gives the asymptotic values
 * @returns [1 %, 5 %, 10 %] critical values
 * @throws {InvalidParameterError} regression is unknown, N is out of range, or nobs is not a positive number
 * @example
 * mackinnoncrit(1, "c", Infinity); // [-3.43035, -2.86154, -2.56677]
 */
export declare function mackinnoncrit(N?: number, regression?: MacKinnonRegression, nobs?: number): CriticalValueTriple;
