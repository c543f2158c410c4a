/**
 * Rolling one-regressor OLS with a constant (statsmodels `RollingOLS(y, add_constant(x), window)`), O(n) total.
 */
import { ZeroVarianceError } from "./errors.js";
import { forEachRollingCoMoment } from "./rolling-moments.js";
import { finitePair, nanArray, requireWindow } from "./validate.js";
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
export function rollingOls(y, x, window) {
    const fn = "rollingOls";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    requireWindow(fn, window, ys.length, 3);
    if (isConstant(xs))
        throw new ZeroVarianceError(fn, "x");
    const alpha = nanArray(ys.length);
    const beta = nanArray(ys.length);
    forEachRollingCoMoment(xs, ys, window, (end, meanX, meanY, sxx, _syy, sxy) => {
        if (sxx === 0)
            return;
        const b = sxy / sxx;
        beta[end] = b;
        alpha[end] = meanY - b * meanX;
    });
    return { alpha, beta };
}
/** True when every value equals the first. */
export function isConstant(values) {
    for (let i = 1; i < values.length; i++)
        if (values[i] !== values[0])
            return false;
    return true;
}
