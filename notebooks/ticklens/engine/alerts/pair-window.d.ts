import type { PairMetricKind } from "./rule.ts";
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
export declare function pairWindowMetric(kind: PairMetricKind, y: ArrayLike<number>, x: ArrayLike<number>, from: number, to: number): number;
/**
 * The last `capacity` aligned closes of a pair, always readable as one contiguous window (each value is written
 * twice, `capacity` apart, so no window ever wraps).
 */
export declare class PairCloses {
    #private;
    readonly capacity: number;
    /** @param capacity the largest window any metric on this pair asks for (≥ 2) */
    constructor(capacity: number);
    /** Closes held (at most `capacity`). */
    get length(): number;
    /**
     * A copy holding the same closes with room for `capacity` (the newest ones when it is smaller).
     *
     * @param capacity the new capacity (≥ 2)
     * @returns the copy
     */
    resized(capacity: number): PairCloses;
    /** Appends one aligned close, forgetting the oldest once full. */
    push(closeA: number, closeB: number): void;
    /**
     * A metric over the newest `window` closes, or NaN while fewer are held.
     *
     * @param kind the metric
     * @param window bars in the window (2 ≤ window ≤ capacity)
     * @returns the value or NaN
     */
    metric(kind: PairMetricKind, window: number): number;
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
export declare function pairMetricSeries(kind: PairMetricKind, closeA: ArrayLike<number>, closeB: ArrayLike<number>, window: number): Float64Array;
