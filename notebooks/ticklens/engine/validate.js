/**
 * Edge checks shared by the engine's public functions: inputs are validated once on entry and trusted inside.
 */
import { InsufficientDataError, InvalidParameterError, LengthMismatchError, NonFiniteValueError } from "./errors.js";
/**
 * Throws {@link NonFiniteValueError} naming the first NaN/±Infinity; returns the values as a Float64Array.
 * `offset` is added to the reported index when `values` is a slice of the caller's argument.
 */
export function finiteSeries(fn, argument, values, offset = 0) {
    const out = values instanceof Float64Array ? values : Float64Array.from(values);
    for (let i = 0; i < out.length; i++) {
        if (!Number.isFinite(out[i]))
            throw new NonFiniteValueError(fn, argument, offset + i, out[i]);
    }
    return out;
}
/** Both series finite and of one length. */
export function finitePair(fn, yName, y, xName, x) {
    if (y.length !== x.length)
        throw new LengthMismatchError(fn, yName, y.length, xName, x.length);
    return [finiteSeries(fn, yName, y), finiteSeries(fn, xName, x)];
}
/** At least `required` values. */
export function requireLength(fn, what, length, required) {
    if (length < required)
        throw new InsufficientDataError(fn, what, required, length);
}
/** A whole number window of at least `min` that fits in a series of `length` values. */
export function requireWindow(fn, window, length, min = 2) {
    if (!Number.isInteger(window) || window < min) {
        throw new InvalidParameterError(fn, "window", `must be a whole number >= ${min}, got ${window}`);
    }
    if (window > length)
        throw new InsufficientDataError(fn, `a window of ${window}`, window, length);
}
/** A finite number option. */
export function requireFiniteOption(fn, name, value) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InvalidParameterError(fn, name, `must be a finite number, got ${value}`);
    }
}
/** A Float64Array of `n` NaNs: the "not yet defined" prefix of rolling outputs. */
export function nanArray(n) {
    return new Float64Array(n).fill(Number.NaN);
}
