/**
 * The pair spread y − (alpha + beta·x): the residual a pairs trade bets will revert.
 */
import { LengthMismatchError } from "./errors.js";
import { finitePair, requireFiniteOption } from "./validate.js";
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
export function spread(y, x, beta, alpha = 0) {
    const fn = "spread";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const betaAt = coefficient(fn, "beta", beta, ys.length);
    const alphaAt = coefficient(fn, "alpha", alpha, ys.length);
    const out = new Float64Array(ys.length);
    for (let i = 0; i < ys.length; i++)
        out[i] = ys[i] - alphaAt(i) - betaAt(i) * xs[i];
    return out;
}
function coefficient(fn, name, value, n) {
    if (typeof value === "number") {
        requireFiniteOption(fn, name, value);
        return () => value;
    }
    // A series coefficient may hold NaN during a rolling warm-up; it passes through as NaN spread.
    if (value.length !== n)
        throw new LengthMismatchError(fn, "y", n, name, value.length);
    return (i) => value[i];
}
