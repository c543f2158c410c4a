/**
 * Centred first and second moments of two series over a sliding window, in O(n) total.
 *
 * Plain running sums of x, x², x·y lose every digit of the variance at prices near 87,000 (x² ≈ 7.7e9 against a
 * window variance of ~1). Here the sums are kept as deviations from an anchor near the window's mean, and the
 * anchor is re-chosen (with an exact two-pass sum) every `window` steps, so rounding can build up over at most
 * one window of updates and the cost stays at about two passes over the data.
 */
/** Receives the window that ends at index `end` (inclusive): means and centred sums of squares and products. */
export type CoMomentVisitor = (end: number, meanX: number, meanY: number, sxx: number, syy: number, sxy: number) => void;
/**
 * Visits every full window of `window` points, in order of its last index (`window - 1` … `n - 1`).
 * Inputs must already be validated (finite, equal length, window ≤ n); this is an internal kernel.
 */
export declare function forEachRollingCoMoment(x: Float64Array, y: Float64Array, window: number, visit: CoMomentVisitor): void;
