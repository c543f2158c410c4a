/**
 * The SQL that turns trades into OHLCV bars, and fine bars into coarser ones: written once here so the
 * resampler's stored bars and on-demand bars cannot disagree. Buckets are epoch-aligned and closed on the left.
 */
import type { Bar } from "../engine/types.ts";
/** The bar columns every relation below yields, in order. */
export declare const BAR_COLUMNS: readonly ["symbol", "bucket_start", "open", "high", "low", "close", "volume", "quote_volume", "trades", "vwap", "buy_volume", "sell_volume"];
/**
 * SQL for the start of the `stepMicros`-wide bucket holding a TIMESTAMP expression (floor, also before 1970).
 *
 * @param column a TIMESTAMP-valued SQL expression
 * @param stepMicros bucket width in µs (a positive integer)
 * @returns a TIMESTAMP-valued SQL expression
 * @throws nothing: it only builds text
 * @example
 * bucketStartSql("t.trade_time", 60_000_000); // the minute of each trade
 */
export declare function bucketStartSql(column: string, stepMicros: number): string;
/**
 * SQL (a SELECT) of bars from trades. Open and close are the first and last trade by (trade_time, trade_id), so
 * trades in the same microsecond keep exchange order. Sums are compensated (Kahan) sums taken in that same order
 * over an ordered list of the bucket's trades: a plain parallel `sum` or `fsum` depends, in its last bits, on how
 * DuckDB split the rows across threads, and then recomputing a bucket could change it. A taker buy is
 * `is_buyer_maker = false`.
 *
 * @param stepMicros bucket width in µs
 * @param from a FROM … WHERE … clause over `tick_data` aliased `t`
 * @returns SQL yielding {@link BAR_COLUMNS}, one row per symbol and bucket that has trades
 * @throws nothing: it only builds text
 * @example
 * ticksToBarsSql(1_000_000, "FROM tick_data t WHERE t.symbol = $1");
 */
export declare function ticksToBarsSql(stepMicros: number, from: string): string;
/**
 * SQL (a SELECT) of coarser bars from finer ones. Exact for every field: open/close are the first/last finer
 * bar's, high/low the extremes, sums re-add in time order (so they agree with the tick sums to rounding), vwap is
 * recomputed.
 * `stepMicros` must be a multiple of the finer bars' width.
 *
 * @param stepMicros coarse bucket width in µs
 * @param relation a SELECT yielding {@link BAR_COLUMNS}
 * @returns SQL yielding {@link BAR_COLUMNS}
 * @throws nothing: it only builds text
 * @example
 * barsToBarsSql(3_600_000_000, "SELECT * EXCLUDE (timeframe, source) FROM ohlc_data WHERE timeframe = '1m'");
 */
export declare function barsToBarsSql(stepMicros: number, relation: string): string;
/**
 * A bar from a row that selects `bucket_ms` (bucket start as epoch ms) and the other {@link BAR_COLUMNS}, as the
 * bar queries here write them (`getRowObjectsJS`).
 */
export declare function barFromRow(symbol: string, timeframe: string, r: Record<string, unknown>): Bar;
