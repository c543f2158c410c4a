import { type Series } from "./validate.ts";
export interface RollingOlsResult {
    /** Intercept of the window ending at each index; NaN until the window is full. */
    readonly alpha: Float64Array;
    /** Slope (hedge ratio) of the window ending at each index; NaN until the window is full. */
    readonly beta: Float64Array;
}
/**
 * Regresses y on x with a constant over each trailing window of `window` points.
 * A window in which x does not move has no defined slope: its alpha and beta are NaN (as statsmodels gives).
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param window points per regression, 3 ≤ window ≤ n
 * @returns alpha and beta series of length n, NaN before index `window - 1`
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InvalidParameterError} window is not a whole number ≥ 3
 * @throws {InsufficientDataError} window is longer than the series
 * @throws {ZeroVarianceError} x is constant over the whole series
 * @example
 * rollingOls([1, 2, 4, 8], [1, 2, 3, 4], 3).beta; // Float64Array [NaN, NaN, 1.5, 3]
 */
export declare function rollingOls(y: Series, x: Series, window: number): RollingOlsResult;
/** True when every value equals the first. */
export declare function isConstant(values: Float64Array): boolean;
