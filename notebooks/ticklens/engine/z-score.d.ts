import { type Series } from "./validate.ts";
/**
 * (value − mean) / sample standard deviation (ddof 1) of the whole series.
 *
 * @param series values, at least 2
 * @returns one z-score per value
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the index is named)
 * @throws {InsufficientDataError} fewer than 2 values
 * @throws {ZeroVarianceError} every value is the same
 * @example
 * zScore([1, 2, 3]); // Float64Array [-1, 0, 1]
 */
export declare function zScore(series: Series): Float64Array;
/**
 * Rolling z-score: each value against the mean and sample std (ddof 1) of the trailing `window` values,
 * itself included, as pandas computes it. NaN until the window is full, and NaN for a window with no
 * variation (0/0 in pandas too): a flat stretch of a live price is not an error.
 *
 * Leading NaNs are taken as the warm-up of an upstream rolling series (a spread from `rollingOls` betas) and
 * pass through, as in pandas; a NaN after the first number is an error.
 *
 * @param series values, optionally preceded by a NaN warm-up
 * @param window points per window, 2 ≤ window ≤ n
 * @returns z-scores of length n
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the index is named)
 * @throws {InvalidParameterError} window is not a whole number ≥ 2
 * @throws {InsufficientDataError} window is longer than the series
 * @example
 * rollingZScore([1, 2, 3, 4, 10], 3); // Float64Array [NaN, NaN, 1, 1, ≈1.1209]
 */
export declare function rollingZScore(series: Series, window: number): Float64Array;
