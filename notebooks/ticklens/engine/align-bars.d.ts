import type { Bar } from "./types.ts";
/** How buckets where only one symbol traded are treated. */
export type BarJoin = "inner" | "ffill";
export interface AlignBarsOptions {
    /**
     * `"inner"` (default): only buckets where both symbols have a bar. `"ffill"`: every bucket where at least one
     * traded, from the first bucket by which both have traded, the silent one carried at its last bar.
     */
    readonly join?: BarJoin;
}
/** Two symbols' bars aligned on common buckets; every array has one entry per aligned bucket. */
export interface AlignedBars {
    /** Symbol of the bars passed as `a`. */
    readonly symbolA: string;
    /** Symbol of the bars passed as `b`. */
    readonly symbolB: string;
    /** Canonical timeframe label shared by both inputs. */
    readonly timeframe: string;
    /** The join that produced the rows. */
    readonly join: BarJoin;
    /** Bucket start of each row, ms since the Unix epoch, UTC. */
    readonly bucketStart: Float64Array;
    /** Close of `a` in effect at each bucket (carried forward where `filledA` is 1). */
    readonly closeA: Float64Array;
    /** Close of `b` in effect at each bucket (carried forward where `filledB` is 1). */
    readonly closeB: Float64Array;
    /** The bar of `a` in effect at each bucket; a carried bar keeps its own, earlier, `bucketStart`. */
    readonly barsA: readonly Bar[];
    /** The bar of `b` in effect at each bucket; a carried bar keeps its own, earlier, `bucketStart`. */
    readonly barsB: readonly Bar[];
    /** 1 where `a` did not trade in the bucket and its last bar was carried forward (always 0 for "inner"). */
    readonly filledA: Uint8Array;
    /** 1 where `b` did not trade in the bucket and its last bar was carried forward (always 0 for "inner"). */
    readonly filledB: Uint8Array;
}
/**
 * Aligns the bars of two symbols on their buckets.
 *
 * "inner" is pandas `pd.concat([a.close, b.close], axis=1, join="inner")`; "ffill" is
 * `pd.concat([a.close, b.close], axis=1).ffill().dropna()`, where each input holds only its non-empty buckets (as
 * `toBars` emits them). A bucket in which neither symbol traded brings no new price and is not emitted.
 *
 * @param a bars of the first symbol (the `y` of a regression), sorted by bucket, one bar per bucket
 * @param b bars of the second symbol, same timeframe
 * @param options `{ join = "inner" }`
 * @returns bucket starts, both closes as Float64Arrays, and the bars in effect, row by row
 * @throws {InsufficientDataError} `a` or `b` is empty
 * @throws {InvalidParameterError} a list mixes symbols or timeframes, is not strictly increasing in bucketStart, has
 *   a non-finite close or bucketStart (the message names the list and index), the two timeframes differ, or
 *   `join` is unknown
 * @example
 * const bars = toBars(
 *   [
 *     { symbol: "ETHUSDT", tradeId: 1, price: 2900, qty: 1, isBuyerMaker: false, tradeTime: 0 },
 *     { symbol: "BTCUSDT", tradeId: 7, price: 87000, qty: 1, isBuyerMaker: false, tradeTime: 400 },
 *     { symbol: "BTCUSDT", tradeId: 8, price: 87010, qty: 1, isBuyerMaker: true, tradeTime: 1400 },
 *   ],
 *   "1s",
 * );
 * const eth = bars.filter((bar) => bar.symbol === "ETHUSDT");
 * const btc = bars.filter((bar) => bar.symbol === "BTCUSDT");
 * alignBars(eth, btc, { join: "inner" }).closeA; // Float64Array [2900]
 * alignBars(eth, btc, { join: "ffill" }).closeA; // Float64Array [2900, 2900] (ETH carried into the 1 s bucket)
 */
export declare function alignBars(a: readonly Bar[], b: readonly Bar[], options?: AlignBarsOptions): AlignedBars;
