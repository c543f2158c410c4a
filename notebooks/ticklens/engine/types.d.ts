/**
 * Market-data types that cross the engine's boundary (collector, store, API, dashboard, notebooks).
 * Defined once here; every other part imports them.
 */
/** One executed trade, normalised from any Binance market and stream kind. */
export interface Trade {
    /** Upper-case exchange symbol, e.g. `"BTCUSDT"`. */
    readonly symbol: string;
    /** Exchange trade id (`t` for `@trade`, `a` for `@aggTrade`); contiguous per symbol. */
    readonly tradeId: number;
    /** Execution price in quote currency. */
    readonly price: number;
    /** Executed quantity in base currency. */
    readonly qty: number;
    /** True when the buyer was the maker (Binance `m`), i.e. the aggressor (taker) sold. */
    readonly isBuyerMaker: boolean;
    /** Exchange trade time (Binance `T`), milliseconds since the Unix epoch, UTC. */
    readonly tradeTime: number;
}
/** One OHLCV bar for a symbol and timeframe; the bucket is labelled by its left (start) edge, UTC. */
export interface Bar {
    readonly symbol: string;
    /** Canonical timeframe label, e.g. `"1s"`, `"1m"`, `"5m"`, `"15s"`, `"1h"`. */
    readonly timeframe: string;
    /** Bucket start, milliseconds since the Unix epoch, UTC (closed on the left, open on the right). */
    readonly bucketStart: number;
    readonly open: number;
    readonly high: number;
    readonly low: number;
    readonly close: number;
    /** Sum of base quantity. */
    readonly volume: number;
    /** Sum of price × quantity, in quote currency. */
    readonly quoteVolume: number;
    /** Number of trades in the bucket. */
    readonly trades: number;
    /** Volume-weighted average price: quoteVolume / volume. */
    readonly vwap: number;
    /** Base quantity bought by takers (trades with isBuyerMaker = false). */
    readonly buyVolume: number;
    /** Base quantity sold by takers (trades with isBuyerMaker = true). */
    readonly sellVolume: number;
}
