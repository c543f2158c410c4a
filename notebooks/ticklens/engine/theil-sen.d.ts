import { type Series } from "./validate.ts";
export interface TheilSenOptions {
    /**
     * Confidence level of the slope interval (scipy's `alpha` argument); default 0.95. As in scipy a level
     * below 0.5 is read as its complement, so 0.05 and 0.95 give the same interval. Must lie in (0, 1).
     */
    readonly confidence?: number;
    /**
     * Largest number of points accepted; default 20,000. The estimate is exact and needs every one of the
     * n(n−1)/2 pairwise slopes, so time grows as n² (memory stays near n + n²/128 values); this cap makes a
     * caller opt in to that cost explicitly rather than stall a browser by accident.
     */
    readonly maxPoints?: number;
}
export interface TheilSenResult {
    /** Intercept: median(y) − beta·median(x) (scipy `intercept`, method="separate"). */
    readonly alpha: number;
    /** Median of the slopes (yᵢ−yⱼ)/(xᵢ−xⱼ) over pairs with xᵢ ≠ xⱼ (scipy `slope`). */
    readonly beta: number;
    /** Lower confidence bound of the slope (scipy `low_slope`); NaN where scipy gives NaN (Sen's variance < 0). */
    readonly lowSlope: number;
    /** Upper confidence bound of the slope (scipy `high_slope`); NaN where scipy gives NaN. */
    readonly highSlope: number;
    /** Number of pairwise slopes: pairs of points whose x differ. */
    readonly pairs: number;
    /** Number of observations. */
    readonly n: number;
}
/**
 * Fits y = alpha + beta·x by Theil–Sen, bit for bit as scipy.stats.theilslopes(y, x, confidence): every slope
 * is computed as scipy does, the median of an even count is the mean of the two middle slopes, and the
 * confidence bounds are the slopes at Sen's (1968) ranks (eq. 2.6, with the tie corrections for x and y).
 *
 * Cost: n(n−1)/2 slope evaluations, O(n²) time. Up to 2^22 pairs (n ≈ 2,900) the slopes are stored and
 * sorted; beyond, they are streamed: a deterministic random sample of pairs brackets the wanted ranks, one
 * pass counts the slopes below each bracket and keeps those inside, and the ranks are read from the kept
 * ones (a missed bracket is widened and the pass repeated) — exact, with memory near n²/128 values.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param options `{ confidence = 0.95, maxPoints = 20000 }`
 * @returns slope, intercept, the slope's confidence bounds and the number of pairs used
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 2 points
 * @throws {ZeroVarianceError} every x is the same, so no pair has a slope
 * @throws {InvalidParameterError} confidence is not in (0, 1), maxPoints is not a whole number ≥ 2, or the
 *   series is longer than maxPoints
 * @example
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * theilSenRegression([1.1, 1.9, 3.2, 3.8, 5.1, 5.9, 7.2, 7.8, 9.1, 30], x).beta; // ≈ 1.0167 (OLS: 2.0879)
 */
export declare function theilSenRegression(y: Series, x: Series, options?: TheilSenOptions): TheilSenResult;
export interface PairwiseSlopeOptions {
    /** Largest number of points accepted (see {@link TheilSenOptions.maxPoints}); default 20,000. */
    readonly maxPoints?: number;
    /**
     * Force the streaming selection (true) or the store-and-sort one (false) instead of choosing by size
     * (streaming above 2^22 pairs); both are exact.
     */
    readonly streaming?: boolean;
    /** Random pairs drawn to bracket the ranks when streaming; default 2^20. Only speed depends on it. */
    readonly sampleSize?: number;
}
/**
 * The slopes of given ranks among all pairwise slopes (yᵢ−yⱼ)/(xᵢ−xⱼ), xᵢ ≠ xⱼ, sorted ascending: the
 * building block of {@link theilSenRegression}, for other quantiles of the slope distribution.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param ranks 0-based ranks among the sorted pairwise slopes, each in [0, pairs − 1]
 * @param options `{ maxPoints = 20000, streaming, sampleSize = 2^20 }`
 * @returns the slope at each requested rank, in the order asked
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 2 points
 * @throws {ZeroVarianceError} every x is the same
 * @throws {InvalidParameterError} a rank is not a whole number in [0, pairs − 1], or the series is longer than maxPoints
 * @example
 * pairwiseSlopeOrderStatistics([0, 1, 4], [0, 1, 2], [0, 2]); // Float64Array [1, 3]: slopes are 1, 2, 3
 */
export declare function pairwiseSlopeOrderStatistics(y: Series, x: Series, ranks: ArrayLike<number>, options?: PairwiseSlopeOptions): Float64Array;
