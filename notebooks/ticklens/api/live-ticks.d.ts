/**
 * Ticks as /ws/live sends them: read out of a stored Arrow batch grouped by symbol, or out of the store for a
 * snapshot. Both give the same JSON shape, the engine's `Trade`.
 */
import type { Trade } from "../engine/types.ts";
import { type Store, type TickBatch } from "../store/index.ts";
/**
 * The ticks of one batch, per symbol, in batch order.
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns symbol → its trades
 * @throws nothing for a `TICK_SCHEMA` batch
 * @example
 * batchTradesBySymbol(builder.finish()).get("BTCUSDT"); // [{ symbol: "BTCUSDT", tradeId: 1, price: 87000, … }]
 */
export declare function batchTradesBySymbol(batch: TickBatch): Map<string, Trade[]>;
/** The newest trades of a symbol and the highest trade id stored for it, read in one statement (one snapshot). */
export interface TradeSnapshot {
    /** Up to `limit` trades, oldest first (by trade time, then id). */
    readonly trades: Trade[];
    /** Highest trade id stored for the symbol when read (−∞ when none): later updates start above it. */
    readonly maxTradeId: number;
}
/**
 * Reads the last `limit` trades of a symbol.
 *
 * @param store the open store
 * @param symbol upper-case symbol
 * @param limit how many trades at most (≥ 1)
 * @returns the trades and the highest stored id, from one consistent read
 * @throws {StoreClosedError} the store is closed
 * @example
 * const { trades } = await readTradeSnapshot(store, "BTCUSDT", 500);
 */
export declare function readTradeSnapshot(store: Store, symbol: string, limit: number): Promise<TradeSnapshot>;
