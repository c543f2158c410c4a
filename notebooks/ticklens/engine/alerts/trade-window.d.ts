/**
 * One trailing time window over one symbol's trades, kept current trade by trade in O(1) amortised: the change in
 * percent since the window's start, the traded volume and the deviation of the last price from the window's VWAP.
 * These are the single-symbol alert metrics other than the last price.
 */
/**
 * Trades in the window (t − windowMs, t], where t is the newest trade's time, plus the price as it stood at the
 * window's start (the last trade at or before t − windowMs).
 *
 * Every metric is NaN until the symbol's history covers the whole window, i.e. until a trade at or before
 * t − windowMs has been seen: a half-filled window would under-state volume and make "volume < X" fire at start-up.
 *
 * @example
 * const w = new TradeWindow(60_000);
 * w.push(100, 1, 0);
 * w.push(101, 2, 60_000);
 * w.changePct(); // 1: 101 against 100, the price 60 s earlier
 * w.volume(); // 2: the trade at 0 is outside (60 000 − 60 000, 60 000]
 */
export declare class TradeWindow {
    #private;
    readonly windowMs: number;
    /** @param windowMs window length in milliseconds (≥ 1; validated by the rule that asks for it) */
    constructor(windowMs: number);
    /**
     * Adds the newest trade; trades must come in time order (callers drop late ones).
     *
     * @param price trade price (> 0)
     * @param qty trade quantity (> 0)
     * @param timeMs trade time, ms since the Unix epoch, not earlier than the previous trade's
     * @returns nothing
     * @throws nothing
     */
    push(price: number, qty: number, timeMs: number): void;
    /** Percent change of the last price against the price at the window's start; NaN until the window is covered. */
    changePct(): number;
    /** Base quantity traded in (t − windowMs, t]; NaN until the window is covered. */
    volume(): number;
    /** Percent deviation of the last price from the VWAP of (t − windowMs, t]; NaN until the window is covered. */
    vwapDeviationPct(): number;
}
