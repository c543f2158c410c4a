/**
 * Edge checks shared by the engine's public functions: inputs are validated once on entry and trusted inside.
 */
import { InsufficientDataError, InvalidParameterError, LengthMismatchError, NonFiniteValueError } from "./errors.ts";

/** A numeric series as the engine accepts it: any array-like of numbers (Float64Array preferred). */
export type Series = ArrayLike<number>;

/**
 * Throws {@link NonFiniteValueError} naming the first NaN/±Infinity; returns the values as a Float64Array.
 * `offset` is added to the reported index when `values` is a slice of the caller's argument.
 */
export function finiteSeries(fn: string, argument: string, values: Series, offset = 0): Float64Array {
  const out = values instanceof Float64Array ? values : Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new NonFiniteValueError(fn, argument, offset + i, out[i]);
  }
  return out;
}

/** Both series finite and of one length. */
export function finitePair(fn: string, yName: string, y: Series, xName: string, x: Series): [Float64Array, Float64Array] {
  if (y.length !== x.length) throw new LengthMismatchError(fn, yName, y.length, xName, x.length);
  return [finiteSeries(fn, yName, y), finiteSeries(fn, xName, x)];
}

/** At least `required` values. */
export function requireLength(fn: string, what: string, length: number, required: number): void {
  if (length < required) throw new InsufficientDataError(fn, what, required, length);
}

/** A whole number window of at least `min` that fits in a series of `length` values. */
export function requireWindow(fn: string, window: number, length: number, min = 2): void {
  if (!Number.isInteger(window) || window < min) {
    throw new InvalidParameterError(fn, "window", `must be a whole number >= ${min}, got ${window}`);
  }
  if (window > length) throw new InsufficientDataError(fn, `a window of ${window}`, window, length);
}

/** A finite number option. */
export function requireFiniteOption(fn: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidParameterError(fn, name, `must be a finite number, got ${value}`);
  }
}

/** A Float64Array of `n` NaNs: the "not yet defined" prefix of rolling outputs. */
export function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}

/** True when every value equals the first (an empty or one-value series too): no variance to estimate from. */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** numpy's median of an ascending array: the middle value, or the mean of the two middle values. */
export function sortedMedian(sorted: Float64Array): number {
  const n = sorted.length;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}
