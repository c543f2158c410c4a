/** The bar columns every relation below yields, in order. */
export const BAR_COLUMNS = [
    "symbol",
    "bucket_start",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "quote_volume",
    "trades",
    "vwap",
    "buy_volume",
    "sell_volume",
];
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
export function bucketStartSql(column, stepMicros) {
    const us = `epoch_us(${column})`;
    return `make_timestamp(${us} - ((${us} % ${stepMicros}) + ${stepMicros}) % ${stepMicros})`;
}
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
export function ticksToBarsSql(stepMicros, from) {
    const sum = (expr) => `coalesce(list_aggregate([${expr}], 'fsum'), 0)`;
    return `
    SELECT symbol, bucket_start, open, high, low, close, volume, quote_volume, trades,
           quote_volume / volume AS vwap, buy_volume, sell_volume
    FROM (
      SELECT symbol, bucket_start, open, high, low, close, trades,
             ${sum("x.q FOR x IN l")} AS volume,
             ${sum("x.qq FOR x IN l")} AS quote_volume,
             ${sum("x.q FOR x IN l IF NOT x.m")} AS buy_volume,
             ${sum("x.q FOR x IN l IF x.m")} AS sell_volume
      FROM (
        SELECT
          t.symbol,
          ${bucketStartSql("t.trade_time", stepMicros)} AS bucket_start,
          arg_min(t.price, (t.trade_time, t.trade_id)) AS open,
          max(t.price) AS high,
          min(t.price) AS low,
          arg_max(t.price, (t.trade_time, t.trade_id)) AS close,
          count(*) AS trades,
          list({q: t.qty, qq: t.quote_qty, m: t.is_buyer_maker} ORDER BY t.trade_time, t.trade_id) AS l
        ${from}
        GROUP BY t.symbol, bucket_start))`;
}
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
export function barsToBarsSql(stepMicros, relation) {
    // The coarse bucket gets its own name inside, so GROUP BY cannot mistake it for the finer bars' bucket_start.
    return `
    SELECT * RENAME (coarse_start AS bucket_start) FROM (
    SELECT
      b.symbol,
      ${bucketStartSql("b.bucket_start", stepMicros)} AS coarse_start,
      arg_min(b.open, b.bucket_start) AS open,
      max(b.high) AS high,
      min(b.low) AS low,
      arg_max(b.close, b.bucket_start) AS close,
      fsum(b.volume ORDER BY b.bucket_start) AS volume,
      fsum(b.quote_volume ORDER BY b.bucket_start) AS quote_volume,
      sum(b.trades) AS trades,
      fsum(b.quote_volume ORDER BY b.bucket_start) / fsum(b.volume ORDER BY b.bucket_start) AS vwap,
      fsum(b.buy_volume ORDER BY b.bucket_start) AS buy_volume,
      fsum(b.sell_volume ORDER BY b.bucket_start) AS sell_volume
    FROM (${relation}) b
    GROUP BY b.symbol, coarse_start)`;
}
/**
 * A bar from a row that selects `bucket_ms` (bucket start as epoch ms) and the other {@link BAR_COLUMNS}, as the
 * bar queries here write them (`getRowObjectsJS`).
 */
export function barFromRow(symbol, timeframe, r) {
    return {
        symbol,
        timeframe,
        bucketStart: r.bucket_ms,
        open: r.open,
        high: r.high,
        low: r.low,
        close: r.close,
        volume: r.volume,
        quoteVolume: r.quote_volume,
        trades: r.trades,
        vwap: r.vwap ?? Number.NaN,
        buyVolume: r.buy_volume,
        sellVolume: r.sell_volume,
    };
}
