/**
 * The pair alert metrics of one trailing window of aligned closes (y = leg a, x = leg b): the window's OLS hedge
 * ratio, the latest spread and its z-score under that hedge, the closes' correlation, and the ADF p-value of the
 * window's spread. One definition serves the live feed and what-if replays, so both report the same numbers.
 */
import { adfTest } from "../adf.js";
import { EngineInputError } from "../errors.js";
/**
 * One pair metric over `y[from, to)` and `x[from, to)`, from centred sums so raw prices keep their digits.
 *
 * - `hedgeRatio`: β of the OLS fit y = α + β·x over the window.
 * - `spread`: the latest residual, y − α − β·x at the window's last bar.
 * - `zScore`: that residual standardised by the window's residuals (mean and sample standard deviation, ddof 1).
 * - `correlation`: Pearson's r of the closes.
 * - `adfPValue`: MacKinnon p-value of the ADF test (constant, lags by AIC) on the window's residuals.
 *
 * A window that cannot define the metric (x or y constant, too few bars for ADF's lags) gives NaN, which the
 * evaluator reads as "not defined yet".
 *
 * @param kind which metric
 * @param y closes of leg a
 * @param x closes of leg b, index-aligned with y
 * @param from first index of the window
 * @param to one past the last index (to − from ≥ 2)
 * @returns the value, or NaN
 * @throws nothing
 * @example
 * pairWindowMetric("hedgeRatio", [2, 4, 6.5], [1, 2, 3], 0, 3); // 2.25
 */
export function pairWindowMetric(kind, y, x, from, to) {
    const n = to - from;
    let meanY = 0;
    let meanX = 0;
    for (let i = from; i < to; i++) {
        meanY += y[i];
        meanX += x[i];
    }
    meanY /= n;
    meanX /= n;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = from; i < to; i++) {
        const dx = x[i] - meanX;
        const dy = y[i] - meanY;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (kind === "correlation")
        return sxx === 0 || syy === 0 ? Number.NaN : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    if (sxx === 0)
        return Number.NaN;
    const beta = sxy / sxx;
    if (kind === "hedgeRatio")
        return beta;
    const last = to - 1;
    const latestResidual = y[last] - meanY - beta * (x[last] - meanX);
    if (kind === "spread")
        return latestResidual;
    const residuals = new Float64Array(n);
    let meanResidual = 0;
    for (let i = 0; i < n; i++) {
        residuals[i] = y[from + i] - meanY - beta * (x[from + i] - meanX);
        meanResidual += residuals[i];
    }
    meanResidual /= n;
    if (kind === "zScore") {
        let squares = 0;
        for (let i = 0; i < n; i++)
            squares += (residuals[i] - meanResidual) ** 2;
        const sd = Math.sqrt(squares / (n - 1));
        return sd === 0 ? Number.NaN : (latestResidual - meanResidual) / sd;
    }
    try {
        return adfTest(residuals, { regression: "c", autolag: "AIC" }).pValue;
    }
    catch (error) {
        if (error instanceof EngineInputError)
            return Number.NaN;
        throw error;
    }
}
/**
 * The last `capacity` aligned closes of a pair, always readable as one contiguous window (each value is written
 * twice, `capacity` apart, so no window ever wraps).
 */
export class PairCloses {
    capacity;
    #y;
    #x;
    #next = 0;
    #count = 0;
    /** @param capacity the largest window any metric on this pair asks for (≥ 2) */
    constructor(capacity) {
        this.capacity = capacity;
        this.#y = new Float64Array(2 * capacity);
        this.#x = new Float64Array(2 * capacity);
    }
    /** Closes held (at most `capacity`). */
    get length() {
        return this.#count;
    }
    /**
     * A copy holding the same closes with room for `capacity` (the newest ones when it is smaller).
     *
     * @param capacity the new capacity (≥ 2)
     * @returns the copy
     */
    resized(capacity) {
        const copy = new PairCloses(capacity);
        const kept = Math.min(this.#count, capacity);
        const to = this.#next + this.capacity;
        for (let i = to - kept; i < to; i++)
            copy.push(this.#y[i], this.#x[i]);
        return copy;
    }
    /** Appends one aligned close, forgetting the oldest once full. */
    push(closeA, closeB) {
        const i = this.#next;
        this.#y[i] = this.#y[i + this.capacity] = closeA;
        this.#x[i] = this.#x[i + this.capacity] = closeB;
        this.#next = (i + 1) % this.capacity;
        if (this.#count < this.capacity)
            this.#count++;
    }
    /**
     * A metric over the newest `window` closes, or NaN while fewer are held.
     *
     * @param kind the metric
     * @param window bars in the window (2 ≤ window ≤ capacity)
     * @returns the value or NaN
     */
    metric(kind, window) {
        if (this.#count < window)
            return Number.NaN;
        // The newest close sits just before #next; in the doubled buffer the window ends at #next + capacity.
        const to = this.#next + this.capacity;
        return pairWindowMetric(kind, this.#y, this.#x, to - window, to);
    }
}
/**
 * A pair metric at every bar of aligned closes, over the trailing `window` bars ending there (NaN before the
 * first full window): what the live feed would have observed at each bar close, for what-if replays on stored bars.
 *
 * @param kind the metric
 * @param closeA closes of leg a
 * @param closeB closes of leg b, index-aligned
 * @param window bars per window (≥ 2)
 * @returns one value per bar
 * @throws nothing; a window longer than the series gives all NaN
 * @example
 * pairMetricSeries("hedgeRatio", [2, 4, 6.5, 8], [1, 2, 3, 4], 3); // Float64Array [NaN, NaN, 2.25, 2]
 */
export function pairMetricSeries(kind, closeA, closeB, window) {
    const out = new Float64Array(closeA.length).fill(Number.NaN);
    for (let end = window; end <= closeA.length; end++)
        out[end - 1] = pairWindowMetric(kind, closeA, closeB, end - window, end);
    return out;
}
