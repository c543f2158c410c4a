import { BAR_COLUMNS, barFromRow, barsToBarsSql, ticksToBarsSql } from "./bar-sql.js";
import { StoreInputError } from "./errors.js";
import { parseTimeframe } from "./timeframe.js";
import { inTransaction } from "./transaction.js";
const COLUMN_LIST = BAR_COLUMNS.join(", ");
function ceilTo(x, step) {
    const r = ((x % step) + step) % step;
    return r === 0 ? x : x - r + step;
}
function floorTo(x, step) {
    return x - (((x % step) + step) % step);
}
/** ` AND <column> >= lo AND <column> < hi` for the bounds that are set. */
function rangeSql(column, lo, hi) {
    return (lo === null ? "" : ` AND ${column} >= make_timestamp(${lo})`) + (hi === null ? "" : ` AND ${column} < make_timestamp(${hi})`);
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
export async function queryBars(connection, stored, query) {
    const fn = "queryBars";
    const tf = parseTimeframe(query.timeframe);
    for (const name of ["from", "to"]) {
        const v = query[name];
        if (v !== undefined && !Number.isFinite(v))
            throw new StoreInputError(fn, name, `must be a finite number of ms, got ${v}`);
    }
    if (query.limit !== undefined && !(Number.isSafeInteger(query.limit) && query.limit >= 1)) {
        throw new StoreInputError(fn, "limit", `must be a whole number >= 1, got ${query.limit}`);
    }
    if (query.source !== undefined && query.source !== "auto" && query.source !== "ticks") {
        throw new StoreInputError(fn, "source", `must be "auto" or "ticks", got "${query.source}"`);
    }
    const step = tf.micros;
    // µs; whole ms in, so the products are exact. A bucket starting at or after `from` opens the range; the last
    // bucket starting before `to` runs to its end.
    const lo = query.from === undefined ? null : ceilTo(Math.round(query.from * 1000), step);
    const hi = query.to === undefined ? null : ceilTo(Math.round(query.to * 1000), step);
    if (lo !== null && hi !== null && hi <= lo)
        return [];
    const base = query.source === "ticks" ? undefined : [...stored].reverse().find((candidate) => step % candidate.micros === 0);
    return inTransaction(connection, async () => {
        let relation;
        if (base === undefined) {
            relation = ticksToBarsSql(step, `FROM tick_data t WHERE t.symbol = $1${rangeSql("t.trade_time", lo, hi)}`);
        }
        else {
            // Stored base bars are current for buckets before the bucket of the earliest trade not yet folded in.
            const state = await connection.runAndReadAll(`SELECT epoch_us(least(r.dirty_from, s.pending_from)) AS dirty, r.symbol IS NOT NULL AS resampled
         FROM tick_symbols s LEFT JOIN resample_state r ON r.symbol = s.symbol AND r.timeframe = '${base.label}'
         WHERE s.symbol = $1`, [query.symbol]);
            const row = state.getRowObjectsJS()[0];
            if (row === undefined)
                return [];
            const split = row.resampled ? floorTo(Number(row.dirty), base.micros) : null;
            const fromTicks = ticksToBarsSql(base.micros, `FROM tick_data t WHERE t.symbol = $1${rangeSql("t.trade_time", maxOrNull(lo, split), hi)}`);
            const fromBars = split === null
                ? null
                : `SELECT ${COLUMN_LIST} FROM ohlc_data
             WHERE symbol = $1 AND timeframe = '${base.label}'${rangeSql("bucket_start", lo, minOrNull(hi, split))}`;
            const fine = fromBars === null ? fromTicks : `${fromBars} UNION ALL ${fromTicks}`;
            relation = base.micros === step ? fine : barsToBarsSql(step, fine);
        }
        // With a limit: the newest `limit` buckets, newest first, then put back in time order.
        const order = query.limit === undefined ? "ORDER BY bucket_start" : `ORDER BY bucket_start DESC LIMIT ${query.limit}`;
        const reader = await connection.runAndReadAll(`SELECT (epoch_us(bucket_start) / 1000)::DOUBLE AS bucket_ms, open, high, low, close, volume, quote_volume,
              trades::DOUBLE AS trades, vwap, buy_volume, sell_volume
       FROM (${relation}) ${order}`, [query.symbol]);
        const bars = reader.getRowObjectsJS().map((r) => barFromRow(query.symbol, tf.label, r));
        return query.limit === undefined ? bars : bars.reverse();
    });
}
function maxOrNull(a, b) {
    return a === null ? b : b === null ? a : Math.max(a, b);
}
function minOrNull(a, b) {
    return a === null ? b : b === null ? a : Math.min(a, b);
}
