/**
 * Pearson correlation: of two series, over a trailing window (pandas `rolling(w).corr`), and as a matrix
 * across many symbols (pandas `DataFrame.corr()`).
 */
import { InvalidParameterError, LengthMismatchError, ZeroVarianceError } from "./errors.js";
import { mean } from "./ols.js";
import { centredGram } from "./gram.js";
import { forEachRollingCoMoment } from "./rolling-moments.js";
import { finitePair, finiteSeries, nanArray, requireLength, requireWindow } from "./validate.js";
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
export function pearson(x, y) {
    const fn = "pearson";
    const [xs, ys] = finitePair(fn, "x", x, "y", y);
    requireLength(fn, "a correlation", xs.length, 2);
    const cx = centred(xs);
    const cy = centred(ys);
    const sxx = dot(cx, cx);
    const syy = dot(cy, cy);
    if (sxx === 0)
        throw new ZeroVarianceError(fn, "x");
    if (syy === 0)
        throw new ZeroVarianceError(fn, "y");
    return clamp(dot(cx, cy) / Math.sqrt(sxx * syy));
}
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
export function rollingCorrelation(x, y, window) {
    const fn = "rollingCorrelation";
    const [xs, ys] = finitePair(fn, "x", x, "y", y);
    requireWindow(fn, window, xs.length, 2);
    const out = nanArray(xs.length);
    forEachRollingCoMoment(xs, ys, window, (end, _mx, _my, sxx, syy, sxy) => {
        if (sxx === 0 || syy === 0)
            return;
        out[end] = clamp(sxy / Math.sqrt(sxx * syy));
    });
    return out;
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
export function correlationMatrix(seriesBySymbol) {
    const fn = "correlationMatrix";
    const symbols = Object.keys(seriesBySymbol);
    if (symbols.length === 0)
        throw new InvalidParameterError(fn, "seriesBySymbol", "must hold at least one series");
    const n = seriesBySymbol[symbols[0]].length;
    requireLength(fn, "a correlation", n, 2);
    const columns = symbols.map((symbol) => {
        const values = seriesBySymbol[symbol];
        if (values.length !== n)
            throw new LengthMismatchError(fn, symbols[0], n, symbol, values.length);
        return finiteSeries(fn, symbol, values);
    });
    const gram = centredGram(columns);
    const k = symbols.length;
    const scale = symbols.map((symbol, i) => {
        const ss = gram[i * k + i];
        if (!(ss > 0))
            throw new ZeroVarianceError(fn, symbol);
        return 1 / Math.sqrt(ss);
    });
    const matrix = symbols.map((_, i) => symbols.map((__, j) => (i === j ? 1 : clamp(gram[Math.min(i, j) * k + Math.max(i, j)] * scale[i] * scale[j]))));
    return { symbols, matrix };
}
function centred(values) {
    const m = mean(values);
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++)
        out[i] = values[i] - m;
    return out;
}
function dot(a, b) {
    // Four accumulators: fewer dependent adds per step, which the JIT turns into a much faster loop.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const n = a.length;
    const end = n - (n % 4);
    for (let i = 0; i < end; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (let i = end; i < n; i++)
        s0 += a[i] * b[i];
    return s0 + s1 + (s2 + s3);
}
/** Rounding can push |r| a hair past 1; a correlation never is. */
function clamp(r) {
    return r > 1 ? 1 : r < -1 ? -1 : r;
}
