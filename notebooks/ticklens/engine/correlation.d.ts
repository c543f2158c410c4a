import { type Series } from "./validate.ts";
/**
 * Pearson correlation coefficient of x and y.
 *
 * @param x first series
 * @param y second series, same length
 * @returns r in [−1, 1]
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} x and y differ in length
 * @throws {InsufficientDataError} fewer than 2 points
 * @throws {ZeroVarianceError} x or y is constant
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // ≈ 0.9934
 */
export declare function pearson(x: Series, y: Series): number;
/**
 * Correlation of x and y over each trailing window of `window` points, as pandas `x.rolling(window).corr(y)`.
 * NaN until the window is full, and NaN for a window in which either series does not move.
 *
 * @param x first series
 * @param y second series, same length
 * @param window points per window, 2 ≤ window ≤ n
 * @returns correlations of length n
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} x and y differ in length
 * @throws {InvalidParameterError} window is not a whole number ≥ 2
 * @throws {InsufficientDataError} window is longer than the series
 * @example
 * rollingCorrelation([1, 2, 3, 4], [1, 3, 2, 5], 3); // Float64Array [NaN, NaN, 0.5, ≈0.3273]
 */
export declare function rollingCorrelation(x: Series, y: Series, window: number): Float64Array;
/** Correlations of every pair of symbols; `matrix[i][j]` pairs `symbols[i]` with `symbols[j]`. */
export interface CorrelationMatrix {
    /** Symbols in the order of the input object's keys. */
    readonly symbols: readonly string[];
    /** Symmetric, ones on the diagonal. */
    readonly matrix: readonly (readonly number[])[];
}
/**
 * Pearson correlation matrix of several equally long, aligned series (pandas `DataFrame(series).corr()`).
 *
 * @param seriesBySymbol `{ [symbol]: series }`, at least one symbol, all series the same length
 * @returns the symbols and their correlation matrix
 * @throws {InvalidParameterError} no series given
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the symbol and index are named)
 * @throws {LengthMismatchError} two series differ in length
 * @throws {InsufficientDataError} fewer than 2 points
 * @throws {ZeroVarianceError} a series is constant
 * @example
 * correlationMatrix({ BTC: [1, 2, 3], ETH: [2, 4, 7] }).matrix; // [[1, ≈0.9934], [≈0.9934, 1]]
 */
export declare function correlationMatrix(seriesBySymbol: Readonly<Record<string, Series>>): CorrelationMatrix;
