import { type Series } from "./validate.ts";
/**
 * Where the hedge ratio beta comes from.
 * - `"rolling"` (default): OLS of y on x with a constant over the trailing `window` bars, ending at t.
 * - a number: that fixed beta at every bar.
 * - `"static"`: one OLS beta over the whole sample. It LOOKS AHEAD (bar t uses prices after t); keep it for
 *   research comparisons, never for a result you would trade on.
 */
export type HedgeMode = "rolling" | "static" | number;
export interface MeanReversionOptions {
    /** Bars per rolling window, used for the rolling hedge ratio and for the z-score's mean and std. */
    readonly window: number;
    /** Enter when |z| exceeds this (default 2): short the spread above +entryZ, long below −entryZ. */
    readonly entryZ?: number;
    /** Leave when z has come back inside this band (default 0.5), 0 ≤ exitZ < entryZ. */
    readonly exitZ?: number;
    /** Stop out when z runs past this against the position (default Infinity: no stop), stopZ > entryZ. */
    readonly stopZ?: number;
    /** Source of the hedge ratio (default `"rolling"`). */
    readonly hedge?: HedgeMode;
    /** Fee in basis points of traded notional, both legs, charged on every change of holdings (default 0). */
    readonly feeBps?: number;
}
/** One round trip of the spread position. */
export interface BacktestTrade {
    /** Bar at whose close the position was opened. */
    readonly entryIndex: number;
    /** Bar at whose close it was closed, or the last bar for reason `"end"`. */
    readonly exitIndex: number;
    /** `"long"`: long 1 y, short beta x (entered below −entryZ); `"short"`: the opposite (entered above +entryZ). */
    readonly side: "long" | "short";
    /** z-score at the entry bar. */
    readonly entryZ: number;
    /** z-score at the exit bar (NaN if that bar's window was flat). */
    readonly exitZ: number;
    /** Sum of `pnl` over entryIndex … exitIndex: price moves while held, minus entry, rebalancing and exit fees. */
    readonly pnl: number;
    /** `"exit"`: z came back inside exitZ; `"stop"`: z ran past stopZ; `"end"`: still open at the last bar (marked, not closed). */
    readonly reason: "exit" | "stop" | "end";
}
export interface BacktestSummary {
    /** Final equity: the sum of every bar's pnl, quote currency per unit of y. */
    readonly totalPnl: number;
    /** Sum of the fees charged. */
    readonly totalFees: number;
    /** Number of round trips, including one still open at the end. */
    readonly tradeCount: number;
    /** Share of trades with pnl > 0; NaN when there is no trade. */
    readonly winRate: number;
    /** Largest fall of equity from its running peak (the peak starts at 0 before the first bar); ≥ 0. */
    readonly maxDrawdown: number;
    /**
     * mean / sample std (ddof 1) of the per-bar pnl, over the bars on which a position could be held (from the bar
     * after the first defined z-score to the end); not annualised. NaN when fewer than 2 such bars or pnl never varies.
     */
    readonly sharpePerBar: number;
}
export interface MeanReversionBacktest {
    /** Hedge ratio used at each bar; NaN during the rolling warm-up. */
    readonly beta: Float64Array;
    /** y − beta·x at each bar, with that bar's beta; NaN during the warm-up. */
    readonly spread: Float64Array;
    /** Rolling z-score of the spread (pandas: mean and ddof-1 std of the last `window` spreads); NaN in warm-up or a flat window. */
    readonly zScore: Float64Array;
    /** Position held from the close of bar t to the close of bar t + 1: 1 long spread, −1 short, 0 flat. */
    readonly positions: Int8Array;
    /** Profit of bar t: positions[t−1]·(Δy_t − beta_{t−1}·Δx_t) − fees charged at t. pnl[0] = 0. */
    readonly pnl: Float64Array;
    /** Running sum of pnl. */
    readonly equity: Float64Array;
    /** Fee charged at each bar (included in pnl). */
    readonly fees: Float64Array;
    /** Round trips in order. */
    readonly trades: readonly BacktestTrade[];
    /** Totals and ratios of the run. */
    readonly summary: BacktestSummary;
}
/**
 * Backtests z-score mean reversion on the spread y − beta·x, one unit of y against beta units of x.
 *
 * Timing (no look-ahead). At each bar t, with the close of t known:
 * 1. beta_t comes from bars ≤ t (see {@link HedgeMode}; a rolling window in which x does not move has no slope,
 *    and the last defined beta is kept);
 * 2. spread_t = y_t − beta_t·x_t, and z_t = (spread_t − mean) / std over spreads t − window + 1 … t (ddof 1);
 * 3. the rule below sets positions[t], traded at the close of t and held until the close of t + 1;
 * 4. bar t + 1 earns positions[t]·(Δy − beta_t·Δx): holdings are 1 y and −beta x per unit of position,
 *    re-hedged to the new beta at each close while open.
 *
 * The rule, one change per bar at most (a position closed at t can re-open at t + 1 at the earliest):
 * - flat: short the spread when entryZ < z ≤ stopZ, long when −stopZ ≤ z < −entryZ;
 * - short: stop when z > stopZ, else exit when z < exitZ (an overshoot past zero also exits);
 *   long: stop when z < −stopZ, else exit when z > −exitZ;
 * - after a stop, no new entry on the same side until a bar at which that side's entry condition fails
 *   (z ≤ entryZ after a short stop, z ≥ −entryZ after a long one): the spread must come back inside entryZ;
 * - a NaN z (warm-up, or a window in which the spread did not move) changes nothing.
 * A position still open at the last bar is reported as a trade with reason "end", marked to market, no exit fee.
 *
 * Fees: feeBps / 10⁴ × traded notional, where at the close of t the traded notional is
 * |Δ(y units)|·y_t + |Δ(x units)|·x_t: entry and exit trade both legs, and a rolling beta's re-hedge trades x.
 *
 * @param y leg bought when the spread is long, e.g. closes of ETHUSDT
 * @param x hedge leg, same length, e.g. closes of BTCUSDT
 * @param options `{ window, entryZ = 2, exitZ = 0.5, stopZ = Infinity, hedge = "rolling", feeBps = 0 }`
 * @returns per-bar beta, spread, z-score, positions, pnl, equity and fees, the trade list and a summary
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InvalidParameterError} window not a whole number ≥ 3 (rolling hedge) or ≥ 2; entryZ not > 0; exitZ
 *   outside [0, entryZ); stopZ not > entryZ; feeBps not a finite number ≥ 0; hedge not "rolling", "static" or a
 *   finite number
 * @throws {InsufficientDataError} fewer bars than the window, or than 2·window − 1 with a rolling hedge (its
 *   z-score needs `window` defined spreads; more if x is flat at the start, which delays the first beta)
 * @throws {ZeroVarianceError} x never moves, so no regression hedge ratio exists ("rolling" or "static")
 * @example
 * const x = Array.from({ length: 300 }, (_, i) => 100 + Math.sin(i / 7) * 5 + i * 0.01);
 * const y = x.map((v, i) => 1.5 * v + Math.sin(i / 3));
 * const run = backtestMeanReversion(y, x, { window: 30, entryZ: 1.5, exitZ: 0.25, stopZ: 4 });
 * run.summary.tradeCount; // number of round trips
 * run.equity[run.equity.length - 1] === run.summary.totalPnl; // true
 */
export declare function backtestMeanReversion(y: Series, x: Series, options: MeanReversionOptions): MeanReversionBacktest;
