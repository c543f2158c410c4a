import { bucketStartSql, ticksToBarsSql } from "./bar-sql.js";
/** `x` floored to a multiple of `step` (integers below 2^53, where `%` on doubles is exact). */
function floorTo(x, step) {
    return x - (((x % step) + step) % step);
}
async function scalar(connection, sql) {
    const value = (await connection.runAndReadAll(sql)).getRows()[0][0];
    return value === null ? null : Number(value);
}
/**
 * Brings `ohlc_data` up to date for the stored timeframes. Must run inside a transaction on the writer connection
 * (the `Store` does that). Re-running without new ticks writes nothing; a forced `rebuild` rewrites the same values.
 *
 * A bucket [start, start + width) is closed when `start + width ≤ watermark − allowedLateness`, the watermark being
 * the latest trade time stored for any symbol (the symbols share one exchange clock, so a quiet symbol's buckets
 * close as the others trade).
 *
 * @param connection the writer connection, inside a transaction
 * @param settings stored timeframes, allowed lateness, and `{ final, rebuild }`
 * @returns bars written, the watermark and the horizon used
 * @throws DuckDB's error if a statement fails (the caller's transaction then rolls everything back)
 * @example
 * await inTransaction(c, () => resample(c, { timeframes: [parseTimeframe("1m")], allowedLatenessMs: 2000 }));
 */
export async function resample(connection, settings) {
    const labels = settings.timeframes.map((tf) => `'${tf.label}'`).join(", ");
    // A symbol or timeframe seen for the first time starts dirty at the symbol's first trade.
    await connection.run(`
    INSERT INTO resample_state (symbol, timeframe, dirty_from)
    SELECT s.symbol, tf.label, s.first_trade_time
    FROM tick_symbols s CROSS JOIN (SELECT unnest([${labels}]) AS label) tf
    ON CONFLICT DO NOTHING`);
    if (settings.rebuild) {
        await connection.run(`
      UPDATE resample_state SET dirty_from = s.first_trade_time
      FROM tick_symbols s WHERE resample_state.symbol = s.symbol`);
    }
    await connection.run(`
    UPDATE resample_state SET dirty_from = least(resample_state.dirty_from, s.pending_from)
    FROM tick_symbols s WHERE resample_state.symbol = s.symbol AND s.pending_from IS NOT NULL`);
    await connection.run("UPDATE tick_symbols SET pending_from = NULL WHERE pending_from IS NOT NULL");
    const watermarkUs = await scalar(connection, "SELECT epoch_us(max(last_trade_time)) FROM tick_symbols");
    if (watermarkUs === null)
        return { barsWritten: 0, byTimeframe: {}, watermark: null, horizon: null };
    const horizonUs = watermarkUs - Math.round(settings.allowedLatenessMs * 1000);
    const byTimeframe = {};
    let barsWritten = 0;
    for (const tf of settings.timeframes) {
        const step = tf.micros;
        // Trades before `end` are in closed buckets.
        const end = settings.final ? floorTo(watermarkUs, step) + step : floorTo(horizonUs, step);
        const label = `'${tf.label}'`;
        const endTs = `make_timestamp(${end})`;
        const earliest = await scalar(connection, `SELECT min(epoch_us(dirty_from)) FROM resample_state WHERE timeframe = ${label} AND dirty_from < ${endTs}`);
        byTimeframe[tf.label] = 0;
        if (earliest === null)
            continue;
        // The constant bounds let DuckDB skip row groups by their trade_time zone maps; the join narrows per symbol.
        const bars = ticksToBarsSql(step, `FROM tick_data t JOIN resample_state r ON r.symbol = t.symbol AND r.timeframe = ${label}
       WHERE r.dirty_from < ${endTs}
         AND t.trade_time >= make_timestamp(${floorTo(earliest, step)})
         AND t.trade_time < ${endTs}
         AND t.trade_time >= ${bucketStartSql("r.dirty_from", step)}`);
        const result = await connection.run(`
      INSERT INTO ohlc_data
      SELECT symbol, ${label}, bucket_start, open, high, low, close, volume, quote_volume, trades, vwap,
             buy_volume, sell_volume, 'ticks'
      FROM (${bars})
      ON CONFLICT (symbol, timeframe, bucket_start) DO UPDATE SET
        open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
        volume = excluded.volume, quote_volume = excluded.quote_volume, trades = excluded.trades,
        vwap = excluded.vwap, buy_volume = excluded.buy_volume, sell_volume = excluded.sell_volume,
        source = excluded.source`);
        await connection.run(`UPDATE resample_state SET dirty_from = ${endTs} WHERE timeframe = ${label} AND dirty_from < ${endTs}`);
        byTimeframe[tf.label] = result.rowsChanged;
        barsWritten += result.rowsChanged;
    }
    return { barsWritten, byTimeframe, watermark: watermarkUs / 1000, horizon: horizonUs / 1000 };
}
