/**
 * Standard scores of a series: over the whole sample, and over a trailing window with pandas semantics
 * (`(s - s.rolling(w).mean()) / s.rolling(w).std()`, sample std with ddof 1).
 */
import { ZeroVarianceError } from "./errors.js";
import { mean } from "./ols.js";
import { forEachRollingCoMoment } from "./rolling-moments.js";
import { isConstant } from "./rolling-ols.js";
import { finiteSeries, nanArray, requireLength, requireWindow } from "./validate.js";
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
export function zScore(series) {
    const fn = "zScore";
    const s = finiteSeries(fn, "series", series);
    requireLength(fn, "a sample standard deviation", s.length, 2);
    if (isConstant(s))
        throw new ZeroVarianceError(fn, "series");
    const m = mean(s);
    let ss = 0;
    for (let i = 0; i < s.length; i++)
        ss += (s[i] - m) * (s[i] - m);
    const sd = Math.sqrt(ss / (s.length - 1));
    const out = new Float64Array(s.length);
    for (let i = 0; i < s.length; i++)
        out[i] = (s[i] - m) / sd;
    return out;
}
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
export function rollingZScore(series, window) {
    const fn = "rollingZScore";
    let warmUp = 0;
    while (warmUp < series.length && Number.isNaN(series[warmUp]))
        warmUp++;
    const all = series instanceof Float64Array ? series : Float64Array.from(series);
    const s = all.subarray(warmUp);
    finiteSeries(fn, "series", s, warmUp);
    requireWindow(fn, window, s.length, 2);
    const out = nanArray(all.length);
    forEachRollingCoMoment(s, s, window, (end, m, _my, sxx) => {
        if (sxx === 0)
            return;
        out[warmUp + end] = (s[end] - m) / Math.sqrt(sxx / (window - 1));
    });
    return out;
}
