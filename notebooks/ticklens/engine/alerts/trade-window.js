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
export class TradeWindow {
    windowMs;
    #time = new Float64Array(64);
    #price = new Float64Array(64);
    #qty = new Float64Array(64);
    #head = 0;
    #tail = 0;
    #qtySum = 0;
    #quoteSum = 0;
    /** Evictions since the sums were last recomputed from the window's trades (bounds rounding drift). */
    #evictedSinceResum = 0;
    #startPrice = Number.NaN;
    #lastPrice = Number.NaN;
    /** @param windowMs window length in milliseconds (≥ 1; validated by the rule that asks for it) */
    constructor(windowMs) {
        this.windowMs = windowMs;
    }
    /**
     * Adds the newest trade; trades must come in time order (callers drop late ones).
     *
     * @param price trade price (> 0)
     * @param qty trade quantity (> 0)
     * @param timeMs trade time, ms since the Unix epoch, not earlier than the previous trade's
     * @returns nothing
     * @throws nothing
     */
    push(price, qty, timeMs) {
        if (this.#tail === this.#time.length)
            this.#makeRoom();
        const i = this.#tail++;
        this.#time[i] = timeMs;
        this.#price[i] = price;
        this.#qty[i] = qty;
        this.#qtySum += qty;
        this.#quoteSum += price * qty;
        this.#lastPrice = price;
        const edge = timeMs - this.windowMs;
        while (this.#time[this.#head] <= edge) {
            const j = this.#head++;
            this.#startPrice = this.#price[j];
            this.#qtySum -= this.#qty[j];
            this.#quoteSum -= this.#price[j] * this.#qty[j];
            this.#evictedSinceResum++;
        }
        // Running sums lose a little with every subtraction; re-adding the window once per window's worth of
        // evictions keeps the error at one window's rounding while the cost stays O(1) amortised.
        if (this.#evictedSinceResum > this.#tail - this.#head)
            this.#resum();
    }
    /** Percent change of the last price against the price at the window's start; NaN until the window is covered. */
    changePct() {
        return 100 * (this.#lastPrice / this.#startPrice - 1);
    }
    /** Base quantity traded in (t − windowMs, t]; NaN until the window is covered. */
    volume() {
        return Number.isNaN(this.#startPrice) ? Number.NaN : this.#qtySum;
    }
    /** Percent deviation of the last price from the VWAP of (t − windowMs, t]; NaN until the window is covered. */
    vwapDeviationPct() {
        if (Number.isNaN(this.#startPrice))
            return Number.NaN;
        return 100 * (this.#lastPrice / (this.#quoteSum / this.#qtySum) - 1);
    }
    #resum() {
        let qty = 0;
        let quote = 0;
        for (let i = this.#head; i < this.#tail; i++) {
            qty += this.#qty[i];
            quote += this.#price[i] * this.#qty[i];
        }
        this.#qtySum = qty;
        this.#quoteSum = quote;
        this.#evictedSinceResum = 0;
    }
    /** Moves the live trades to the front, growing the buffers only when the window itself needs more room. */
    #makeRoom() {
        const live = this.#tail - this.#head;
        const capacity = live * 2 > this.#time.length ? this.#time.length * 2 : this.#time.length;
        this.#time = compact(this.#time, this.#head, this.#tail, capacity);
        this.#price = compact(this.#price, this.#head, this.#tail, capacity);
        this.#qty = compact(this.#qty, this.#head, this.#tail, capacity);
        this.#head = 0;
        this.#tail = live;
    }
}
/** values[from, to) moved to the start of a buffer of `capacity` (the same buffer when it is big enough). */
function compact(values, from, to, capacity) {
    if (capacity === values.length) {
        values.copyWithin(0, from, to);
        return values;
    }
    const grown = new Float64Array(capacity);
    grown.set(values.subarray(from, to));
    return grown;
}
