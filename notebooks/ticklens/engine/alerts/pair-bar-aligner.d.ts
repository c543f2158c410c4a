/**
 * Closed bars of two symbols, built from their live trades and aligned on bucket start (an inner join, as
 * `alignBars`): the input of the pair alert metrics, produced as each bucket closes rather than by re-reading bars.
 */
/** One bucket in which both legs traded: the last price of each. */
export interface AlignedClose {
    /** Bucket start, ms since the Unix epoch (left edge, UTC grid). */
    readonly bucketStart: number;
    /** Last price of leg a in the bucket. */
    readonly closeA: number;
    /** Last price of leg b in the bucket. */
    readonly closeB: number;
}
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
export declare class PairBarAligner {
    #private;
    readonly timeframeMs: number;
    readonly graceMs: number;
    /**
     * @param timeframeMs bar length in ms
     * @param graceMs how long past a bucket's end (in stream time) its trades may still arrive
     */
    constructor(timeframeMs: number, graceMs: number);
    /**
     * Folds one trade of a leg in.
     *
     * @param leg "a" or "b"
     * @param price trade price
     * @param timeMs exchange trade time
     * @param tradeId exchange trade id (breaks ties of time, as the stored bars do)
     * @returns false when the trade is late (its bucket is already final) and was left out
     */
    trade(leg: "a" | "b", price: number, timeMs: number, tradeId: number): boolean;
    /**
     * Moves the clock to `clockMs` and returns the buckets that became final in which both legs traded.
     *
     * @param clockMs the stream's clock: the newest trade time seen on any symbol
     * @returns aligned closes in bucket order (often empty)
     */
    advance(clockMs: number): readonly AlignedClose[];
}
