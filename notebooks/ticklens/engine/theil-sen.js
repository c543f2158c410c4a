/**
 * Theil–Sen regression of y on x: slope = median of pairwise slopes, as scipy.stats.theilslopes(y, x)
 * (scipy 1.10, method="separate"), with Sen's confidence bounds; and exact order statistics of pairwise slopes.
 */
import { InvalidParameterError, ZeroVarianceError } from "./errors.js";
import { finitePair, finiteSeries, requireLength } from "./validate.js";
/** Above this many pairs the slopes are streamed instead of stored (2^22 pairs = 32 MB of Float64Array). */
const MATERIALIZE_LIMIT = 1 << 22;
/** Random pairs drawn to bracket the wanted ranks when streaming. */
const SAMPLE_SIZE = 1 << 20;
/**
 * Fits y = alpha + beta·x by Theil–Sen, bit for bit as scipy.stats.theilslopes(y, x, confidence): every slope
 * is computed as scipy does, the median of an even count is the mean of the two middle slopes, and the
 * confidence bounds are the slopes at Sen's (1968) ranks (eq. 2.6, with the tie corrections for x and y).
 *
 * Cost: n(n−1)/2 slope evaluations, O(n²) time. Up to 2^22 pairs (n ≈ 2,900) the slopes are stored and
 * sorted; beyond, they are streamed: a deterministic random sample of pairs brackets the wanted ranks, one
 * pass counts the slopes below each bracket and keeps those inside, and the ranks are read from the kept
 * ones (a missed bracket is widened and the pass repeated) — exact, with memory near n²/128 values.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param options `{ confidence = 0.95, maxPoints = 20000 }`
 * @returns slope, intercept, the slope's confidence bounds and the number of pairs used
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 2 points
 * @throws {ZeroVarianceError} every x is the same, so no pair has a slope
 * @throws {InvalidParameterError} confidence is not in (0, 1), maxPoints is not a whole number ≥ 2, or the
 *   series is longer than maxPoints
 * @example
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * theilSenRegression([1.1, 1.9, 3.2, 3.8, 5.1, 5.9, 7.2, 7.8, 9.1, 30], x).beta; // ≈ 1.0167 (OLS: 2.0879)
 */
export function theilSenRegression(y, x, options = {}) {
    const fn = "theilSenRegression";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const confidence = options.confidence ?? 0.95;
    if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
        throw new InvalidParameterError(fn, "confidence", `must be a number in (0, 1), got ${confidence}`);
    }
    const n = ys.length;
    requireMaxPoints(fn, options.maxPoints, n);
    requireLength(fn, "a Theil–Sen fit", n, 2);
    const sortedX = Float64Array.from(xs).sort();
    const sortedY = Float64Array.from(ys).sort();
    const pairs = (n * (n - 1)) / 2 - sumOverTies(sortedX, (k) => (k * (k - 1)) / 2);
    if (pairs === 0)
        throw new ZeroVarianceError(fn, "x");
    // Sen (1968) eq. 2.6 as scipy evaluates it: 1/18 · (n(n−1)(2n+5) − Σ ties in x − Σ ties in y).
    const tieTerm = (k) => k * (k - 1) * (2 * k + 5);
    const sigsq = (1 / 18) * (n * (n - 1) * (2 * n + 5) - sumOverTies(sortedX, tieTerm) - sumOverTies(sortedY, tieTerm));
    const level = confidence > 0.5 ? 1 - confidence : confidence;
    const z = normalQuantile(level / 2);
    // scipy gets NaN bounds when sqrt(sigsq) is NaN (int(nan) raises and is caught).
    const boundsDefined = sigsq >= 0;
    const sigma = Math.sqrt(sigsq);
    const upperRank = Math.min(roundHalfEven((pairs - z * sigma) / 2), pairs - 1);
    const lowerRank = Math.max(roundHalfEven((pairs + z * sigma) / 2) - 1, 0);
    const midLow = Math.floor((pairs - 1) / 2);
    const midHigh = Math.floor(pairs / 2);
    const ranks = boundsDefined ? [midLow, midHigh, lowerRank, upperRank] : [midLow, midHigh];
    const values = slopeOrderStatistics(xs, ys, ranks, pairs, SAMPLE_SIZE);
    const beta = midLow === midHigh ? values[0] : (values[0] + values[1]) / 2;
    return {
        alpha: sortedMedian(sortedY) - beta * sortedMedian(sortedX),
        beta,
        lowSlope: boundsDefined ? values[2] : Number.NaN,
        highSlope: boundsDefined ? values[3] : Number.NaN,
        pairs,
        n,
    };
}
/**
 * The slopes of given ranks among all pairwise slopes (yᵢ−yⱼ)/(xᵢ−xⱼ), xᵢ ≠ xⱼ, sorted ascending: the
 * building block of {@link theilSenRegression}, for other quantiles of the slope distribution.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param ranks 0-based ranks among the sorted pairwise slopes, each in [0, pairs − 1]
 * @param options `{ maxPoints = 20000, streaming, sampleSize = 2^20 }`
 * @returns the slope at each requested rank, in the order asked
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 2 points
 * @throws {ZeroVarianceError} every x is the same
 * @throws {InvalidParameterError} a rank is not a whole number in [0, pairs − 1], or the series is longer than maxPoints
 * @example
 * pairwiseSlopeOrderStatistics([0, 1, 4], [0, 1, 2], [0, 2]); // Float64Array [1, 3]: slopes are 1, 2, 3
 */
export function pairwiseSlopeOrderStatistics(y, x, ranks, options = {}) {
    const fn = "pairwiseSlopeOrderStatistics";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const n = ys.length;
    requireMaxPoints(fn, options.maxPoints, n);
    requireLength(fn, "a pairwise slope", n, 2);
    const pairs = (n * (n - 1)) / 2 - sumOverTies(Float64Array.from(xs).sort(), (k) => (k * (k - 1)) / 2);
    if (pairs === 0)
        throw new ZeroVarianceError(fn, "x");
    const wanted = Array.from(finiteSeries(fn, "ranks", ranks));
    wanted.forEach((r, i) => {
        if (!Number.isInteger(r) || r < 0 || r >= pairs) {
            throw new InvalidParameterError(fn, `ranks[${i}]`, `must be a whole number in [0, ${pairs - 1}], got ${r}`);
        }
    });
    const sampleSize = options.sampleSize ?? SAMPLE_SIZE;
    if (!Number.isInteger(sampleSize) || sampleSize < 1) {
        throw new InvalidParameterError(fn, "sampleSize", `must be a whole number >= 1, got ${sampleSize}`);
    }
    return Float64Array.from(slopeOrderStatistics(xs, ys, wanted, pairs, sampleSize, options.streaming));
}
function requireMaxPoints(fn, option, n) {
    const maxPoints = option ?? 20_000;
    if (!Number.isInteger(maxPoints) || maxPoints < 2) {
        throw new InvalidParameterError(fn, "maxPoints", `must be a whole number >= 2, got ${maxPoints}`);
    }
    if (n > maxPoints) {
        throw new InvalidParameterError(fn, "maxPoints", `is ${maxPoints} but the series has ${n} values; the exact estimate evaluates all n(n−1)/2 = ` +
            `${(n * (n - 1)) / 2} pairwise slopes (O(n²) time): raise maxPoints to accept that cost`);
    }
}
/**
 * Values at `ranks` among the ascending pairwise slopes. Every slope is (yᵢ − yⱼ)/(xᵢ − xⱼ) in float64 for
 * either orientation of the pair: negating both differences is exact, so the quotient is the one scipy takes
 * with xᵢ > xⱼ.
 */
function slopeOrderStatistics(xs, ys, ranks, pairs, sampleSize, streaming = pairs > MATERIALIZE_LIMIT) {
    const n = xs.length;
    if (!streaming) {
        const all = new Float64Array(pairs);
        let k = 0;
        for (let i = 1; i < n; i++) {
            const xi = xs[i];
            const yi = ys[i];
            for (let j = 0; j < i; j++) {
                const dx = xi - xs[j];
                if (dx !== 0)
                    all[k++] = (yi - ys[j]) / dx;
            }
        }
        all.sort();
        return ranks.map((r) => all[r]);
    }
    const sample = sampleSlopes(xs, ys, Math.min(sampleSize, pairs));
    for (let widen = 1;; widen *= 4) {
        const brackets = bracketRanks(ranks, pairs, sample, widen);
        const nb = brackets.length;
        const lo = Float64Array.from(brackets, (b) => b.lo);
        const hi = Float64Array.from(brackets, (b) => b.hi);
        const below = new Float64Array(nb);
        const kept = brackets.map(() => new GrowableArray());
        for (let i = 1; i < n; i++) {
            const xi = xs[i];
            const yi = ys[i];
            for (let j = 0; j < i; j++) {
                const dx = xi - xs[j];
                if (dx === 0)
                    continue;
                const s = (yi - ys[j]) / dx;
                for (let b = 0; b < nb; b++) {
                    if (s < lo[b])
                        below[b]++;
                    else if (s <= hi[b])
                        kept[b].push(s);
                }
            }
        }
        const sortedKept = kept.map((g) => g.values().sort());
        const out = [];
        for (const r of ranks) {
            for (let b = 0; b < nb; b++) {
                if (r >= below[b] && r < below[b] + sortedKept[b].length) {
                    out.push(sortedKept[b][r - below[b]]);
                    break;
                }
            }
        }
        // A rank outside every bracket (the sample misled us): widen the brackets and count again.
        if (out.length === ranks.length)
            return out;
    }
}
/** `count` slopes of pairs drawn uniformly (with replacement) by a fixed-seed xorshift32, sorted. */
function sampleSlopes(xs, ys, count) {
    const n = xs.length;
    const out = new Float64Array(count);
    let state = 0x2545f491;
    const nextIndex = () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return Math.floor(((state >>> 0) / 4294967296) * n);
    };
    let k = 0;
    while (k < count) {
        const i = nextIndex();
        const j = nextIndex();
        const dx = xs[i] - xs[j];
        if (dx !== 0)
            out[k++] = (ys[i] - ys[j]) / dx;
    }
    return out.sort();
}
/**
 * Slope intervals that, with overwhelming probability, hold the slopes of the wanted ranks: the sample's
 * quantile at each rank ± `widen`·4·√sample sample ranks (≈ 8 standard deviations of a sample quantile's
 * rank). Overlapping intervals are merged, so each slope falls in at most one.
 */
function bracketRanks(ranks, pairs, sample, widen) {
    const m = sample.length;
    const half = widen * 4 * Math.sqrt(m) + 2;
    const raw = [...ranks]
        .sort((a, b) => a - b)
        .map((r) => {
        const at = (r / pairs) * m;
        const loIndex = Math.floor(at - half);
        const hiIndex = Math.ceil(at + half);
        return {
            lo: loIndex < 0 ? Number.NEGATIVE_INFINITY : sample[loIndex],
            hi: hiIndex >= m ? Number.POSITIVE_INFINITY : sample[hiIndex],
        };
    });
    const merged = [];
    for (const b of raw) {
        const last = merged[merged.length - 1];
        if (last !== undefined && b.lo <= last.hi)
            last.hi = Math.max(last.hi, b.hi);
        else
            merged.push({ ...b });
    }
    return merged;
}
/** An append-only Float64Array that doubles its capacity as it fills. */
class GrowableArray {
    buffer = new Float64Array(1024);
    length = 0;
    push(v) {
        if (this.length === this.buffer.length) {
            const next = new Float64Array(this.buffer.length * 2);
            next.set(this.buffer);
            this.buffer = next;
        }
        this.buffer[this.length++] = v;
    }
    values() {
        return this.buffer.slice(0, this.length);
    }
}
/** Σ term(k) over the runs of k > 1 equal values of an ascending array (scipy's `_find_repeats` counts). */
function sumOverTies(sorted, term) {
    let sum = 0;
    let run = 1;
    for (let i = 1; i <= sorted.length; i++) {
        if (i < sorted.length && sorted[i] === sorted[i - 1]) {
            run++;
        }
        else {
            if (run > 1)
                sum += term(run);
            run = 1;
        }
    }
    return sum;
}
/** numpy's median of an ascending array: the middle value, or the mean of the two middle values. */
function sortedMedian(sorted) {
    const n = sorted.length;
    const h = n >> 1;
    return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}
/** numpy.round to a whole number: halves go to the even neighbour. */
function roundHalfEven(v) {
    const r = Math.round(v);
    return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
/**
 * Standard normal quantile by Wichura's AS241 (PPND16, Applied Statistics 37(3), 1988), ~1e-16 relative:
 * only used to place Sen's ranks, which it decides exactly unless a rank falls within 1e-15 of a half.
 */
function normalQuantile(p) {
    const q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
        const r = 0.180625 - q * q;
        const num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
            45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
            133.14166789178437745) * r + 3.387132872796366608) * q;
        const den = ((((((5226.495278852545561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
            21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
            42.313330701600911252) * r + 1;
        return num / den;
    }
    let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
    let num;
    let den;
    if (r <= 5) {
        r -= 1.6;
        num =
            ((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
                1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
                4.6303378461565452959) * r + 1.42343711074968357734;
        den =
            ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
                0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
                2.05319162663775882187) * r + 1;
    }
    else {
        r -= 5;
        num =
            ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
                0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
                5.4637849111641143699) * r + 6.6579046435011037772;
        den =
            ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
                7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
                0.59983220655588793769) * r + 1;
    }
    const x = num / den;
    return q < 0 ? -x : x;
}
