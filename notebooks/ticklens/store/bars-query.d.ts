/**
 * Bars of any timeframe on demand, as engine `Bar`s: from the stored bars of the largest stored timeframe that
 * divides the one asked for, where those are current, and from the ticks for the rest (the buckets not yet closed
 * or awaiting a late-trade rewrite). The same SQL as the resampler, so both agree.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Bar } from "../engine/types.ts";
import { type Timeframe } from "./timeframe.ts";
export interface BarsQuery {
    /** e.g. `"BTCUSDT"`. */
    readonly symbol: string;
    /** Any width dividing one day: `"15s"`, `"1m"`, `"15m"`, `"1h"`, … */
    readonly timeframe: string;
    /** Earliest bucket start wanted, ms since the Unix epoch (inclusive); default: the first trade. */
    readonly from?: number;
    /** Bucket starts before this, ms (exclusive); default: through the latest trade. */
    readonly to?: number;
    /**
     * Only the most recent this many bars of the range (a whole number ≥ 1); default: all. Cut in SQL, so a
     * request for the last 500 of a year of bars reads 500 rows into JavaScript.
     */
    readonly limit?: number;
    /**
     * `"auto"` (default): stored bars where they are exact and current, ticks elsewhere. `"ticks"`: from the ticks
     * only (the reference the stored path must equal).
     */
    readonly source?: "auto" | "ticks";
}
/**
 * Reads the bars of one symbol and timeframe. Each bar covers all of its bucket's trades; the last one may still be
 * open (its bucket not yet ended). Buckets without trades are absent, as in `ohlc_data`.
 *
 * @param connection any connection to the store's database (reads run in one transaction: one snapshot)
 * @param stored the store's stored timeframes (`store.timeframes`)
 * @param query symbol, timeframe, optional [from, to) bounds on bucket starts in ms, limit, and the source
 * @returns bars in time order, bucketStart in ms
 * @throws {StoreInputError} a malformed timeframe, a bound that is not a finite number, or a limit that is not a
 *   whole number ≥ 1
 * @example
 * await queryBars(connection, store.timeframes, { symbol: "ETHUSDT", timeframe: "1h" });
 */
export declare function queryBars(connection: DuckDBConnection, stored: readonly Timeframe[], query: BarsQuery): Promise<Bar[]>;
