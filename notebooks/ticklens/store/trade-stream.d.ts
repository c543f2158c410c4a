/**
 * Trades as a stream for consumers that fold them in order (the alert feed): out of a stored Arrow batch in arrival
 * order, or out of `tick_data` over a time range in the order a live feed would have delivered them.
 */
import type { Trade } from "../engine/types.ts";
import type { Store } from "./database.ts";
import type { TickBatch } from "./tick-batch.ts";
/**
 * The trades of one batch, in batch (arrival) order.
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns one `Trade` per row
 * @throws nothing for a `TICK_SCHEMA` batch
 * @example
 * feed.ingest(tradesOfBatch(batch));
 */
export declare function tradesOfBatch(batch: TickBatch): Trade[];
/** Which stored trades {@link readTradeStream} reads. */
export interface TradeStreamQuery {
    /** Upper-case symbols (at least one). */
    readonly symbols: readonly string[];
    /** Earliest trade time, ms since the Unix epoch (inclusive); default: the first stored. */
    readonly from?: number;
    /** Latest trade time, ms (inclusive); default: the last stored. */
    readonly to?: number;
    /** Most trades read; the newest are kept when there are more (default 2,000,000). */
    readonly limit?: number;
}
/** The trades read and whether older ones in the range were left out by the limit. */
export interface TradeStream {
    /** Each symbol's trades in id order, symbols interleaved by stream time (see {@link readTradeStream}). */
    readonly trades: Trade[];
    /** True when the range held more than `limit` trades and the oldest were not read. */
    readonly truncated: boolean;
}
/**
 * Reads stored trades of some symbols in the order a live feed delivers them: each symbol's in id order, the
 * symbols interleaved by stream time (each symbol's running maximum of trade time, since exchange timestamps may
 * step back slightly between consecutive ids), ties by symbol then id.
 *
 * @param store the store
 * @param query symbols, time range and limit
 * @returns the trades, oldest first, and whether the limit cut the range short
 * @throws {StoreInputError} no symbol, or a limit that is not a whole number ≥ 1 (the field is named)
 * @throws {StoreClosedError} the store is closed
 * @example
 * const { trades } = await readTradeStream(store, { symbols: ["BTCUSDT", "ETHUSDT"], from: Date.now() - 3_600_000 });
 */
export declare function readTradeStream(store: Store, query: TradeStreamQuery): Promise<TradeStream>;
