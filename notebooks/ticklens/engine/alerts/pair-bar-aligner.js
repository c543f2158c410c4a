/**
 * Closed bars of two symbols, built from their live trades and aligned on bucket start (an inner join, as
 * `alignBars`): the input of the pair alert metrics, produced as each bucket closes rather than by re-reading bars.
 */
const NOTHING_CLOSED = Object.freeze([]);
/**
 * Builds both legs' bars from trades and emits the aligned close of every bucket once it is final.
 *
 * A bucket is final when the stream's clock (the newest trade time of any symbol) has passed its end by
 * `graceMs`. Until then a trade stamped in it still counts, even if it arrives after trades of later buckets
 * (exchange timestamps arrive slightly out of order), and the close is the price of the trade with the latest
 * (time, id), exactly as the stored bars define it. A trade for a bucket already final is late and left out (the
 * stored bars, re-resampled, do include it).
 *
 * @example
 * const aligner = new PairBarAligner(1_000, 500);
 * aligner.trade("a", 10, 100, 1);
 * aligner.trade("b", 20, 200, 1);
 * aligner.advance(1_400); // []: bucket 0 ends at 1 000 and gets 500 ms of grace
 * aligner.advance(1_500); // [{ bucketStart: 0, closeA: 10, closeB: 20 }]
 */
export class PairBarAligner {
    timeframeMs;
    graceMs;
    #a = new Map();
    #b = new Map();
    /** Every bucket starting before this is final. */
    #finalBefore = Number.NEGATIVE_INFINITY;
    /**
     * @param timeframeMs bar length in ms
     * @param graceMs how long past a bucket's end (in stream time) its trades may still arrive
     */
    constructor(timeframeMs, graceMs) {
        this.timeframeMs = timeframeMs;
        this.graceMs = graceMs;
    }
    /**
     * Folds one trade of a leg in.
     *
     * @param leg "a" or "b"
     * @param price trade price
     * @param timeMs exchange trade time
     * @param tradeId exchange trade id (breaks ties of time, as the stored bars do)
     * @returns false when the trade is late (its bucket is already final) and was left out
     */
    trade(leg, price, timeMs, tradeId) {
        const bucket = Math.floor(timeMs / this.timeframeMs) * this.timeframeMs;
        if (bucket < this.#finalBefore)
            return false;
        const buckets = leg === "a" ? this.#a : this.#b;
        const open = buckets.get(bucket);
        if (open === undefined)
            buckets.set(bucket, { close: price, time: timeMs, tradeId });
        else if (timeMs > open.time || (timeMs === open.time && tradeId >= open.tradeId)) {
            open.close = price;
            open.time = timeMs;
            open.tradeId = tradeId;
        }
        return true;
    }
    /**
     * Moves the clock to `clockMs` and returns the buckets that became final in which both legs traded.
     *
     * @param clockMs the stream's clock: the newest trade time seen on any symbol
     * @returns aligned closes in bucket order (often empty)
     */
    advance(clockMs) {
        const edge = Math.floor((clockMs - this.graceMs) / this.timeframeMs) * this.timeframeMs;
        // Called at every trade, and most trades close nothing: answer that without allocating.
        if (edge <= this.#finalBefore)
            return NOTHING_CLOSED;
        this.#finalBefore = edge;
        const out = [];
        for (const [start, a] of this.#a) {
            if (start >= edge)
                continue;
            const b = this.#b.get(start);
            if (b !== undefined)
                out.push({ bucketStart: start, closeA: a.close, closeB: b.close });
            this.#a.delete(start);
        }
        for (const start of this.#b.keys())
            if (start < edge)
                this.#b.delete(start);
        return out.sort((x, y) => x.bucketStart - y.bucketStart);
    }
}
