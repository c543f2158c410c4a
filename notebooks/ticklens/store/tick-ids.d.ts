/**
 * Trade-id bookkeeping over `tick_data`: where each symbol's stream left off (resume after a restart) and which
 * ids in a span are not stored (holes to backfill). Ids per symbol are contiguous on Binance, so a hole is loss.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
/** An inclusive range of trade ids. */
export interface TradeIdRange {
    /** First id of the range. */
    readonly first: number;
    /** Last id of the range (inclusive). */
    readonly last: number;
}
/**
 * The highest stored trade id of every symbol.
 *
 * @param connection any connection to the store's database
 * @returns symbol → highest trade_id (empty for an empty store)
 * @throws DuckDB's error if the query fails
 * @example
 * const ids = await lastTradeIds(connection); // Map { "BTCUSDT" => 6812345678, "ETHUSDT" => 5312345678 }
 */
export declare function lastTradeIds(connection: DuckDBConnection): Promise<Map<string, number>>;
/**
 * The ids in [fromId, toId] with no stored row for `symbol`, as inclusive ranges, lowest first.
 *
 * @param connection any connection to the store's database
 * @param symbol e.g. `"BTCUSDT"`
 * @param fromId first id of the span (a safe integer)
 * @param toId last id of the span, inclusive (≥ fromId)
 * @param limit at most this many ranges (default 10,000)
 * @returns the missing ranges; `[]` when the span is complete
 * @throws {StoreInputError} an id or limit that is not a safe integer, or toId < fromId
 * @example
 * await missingTradeIds(connection, "BTCUSDT", 100, 200); // [{ first: 151, last: 157 }]
 */
export declare function missingTradeIds(connection: DuckDBConnection, symbol: string, fromId: number, toId: number, limit?: number): Promise<TradeIdRange[]>;
