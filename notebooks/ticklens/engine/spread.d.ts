import { type Series } from "./validate.ts";
/**
 * Spread of y against x for a static hedge ratio, or a per-point one (e.g. from `rollingOls` or the Kalman filter).
 *
 * @param y leg bought when the spread is long
 * @param x hedge leg
 * @param beta hedge ratio: one number, or one per point (NaN entries, such as a rolling warm-up, give NaN)
 * @param alpha intercept: one number (default 0), or one per point
 * @returns y − alpha − beta·x per point
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity, or a scalar beta/alpha is not finite
 * @throws {LengthMismatchError} y, x (and series beta/alpha) differ in length
 * @example
 * spread([10, 12], [4, 5], 2, 1); // Float64Array [1, 1]
 */
export declare function spread(y: Series, x: Series, beta: number | Series, alpha?: number | Series): Float64Array;
