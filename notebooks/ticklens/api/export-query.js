import { z } from "zod";
import { parseTimeframe, ticksToBarsSql } from "../store/index.js";
import { ApiError } from "./errors.js";
import { parseQuery, symbolParam, timeParam } from "./validation.js";
const exportQuery = z
    .object({
    dataset: z.enum(["ticks", "ohlc", "pairs"]).default("ticks"),
    symbol: symbolParam.optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
    timeframe: z.string().regex(/^[1-9][0-9]*[smhd]$/, "must be <N>s, <N>m, <N>h or <N>d, e.g. 1s, 1m, 1h").optional(),
})
    .strict();
/**
 * Parses and checks an export request against the store.
 *
 * @param c the request context
 * @param store the store
 * @returns the selection
 * @throws {ApiError} 400 on a malformed or unknown parameter, `timeframe` given for ticks, or to ≤ from (and on
 *   `dataset=pairs`, which the routes send to `parsePairsExportQuery` instead); 404 `unknown_symbol` naming the
 *   known symbols
 * @example
 * const sel = await parseExportQuery(c, store);
 */
export async function parseExportQuery(c, store) {
    const q = parseQuery(c, exportQuery);
    if (q.dataset === "pairs") {
        throw new ApiError(400, "invalid_parameter", "dataset=pairs is parsed by parsePairsExportQuery (a, b, window, method)", "dataset");
    }
    if (q.dataset === "ticks" && q.timeframe !== undefined) {
        throw new ApiError(400, "invalid_parameter", "timeframe: only for dataset=ohlc", "timeframe");
    }
    if (q.from !== undefined && q.to !== undefined && q.to <= q.from) {
        throw new ApiError(400, "invalid_parameter", "to: must be after from", "to");
    }
    const timeframe = q.dataset === "ohlc" ? parseTimeframe(q.timeframe ?? "1m") : null;
    const [tickSymbols, barSymbols] = await store.read(async (conn) => {
        const t = await conn.runAndReadAll("SELECT symbol FROM tick_symbols ORDER BY symbol");
        const b = timeframe
            ? await conn.runAndReadAll("SELECT DISTINCT symbol FROM ohlc_data WHERE timeframe = $1 ORDER BY symbol", [timeframe.label])
            : null;
        return [t.getRows().map((r) => String(r[0])), b ? b.getRows().map((r) => String(r[0])) : []];
    });
    const known = [...new Set([...tickSymbols, ...barSymbols])].sort();
    if (q.symbol !== undefined && !known.includes(q.symbol)) {
        throw new ApiError(404, "unknown_symbol", `no ${q.dataset} data for ${q.symbol}; known symbols: ${known.join(", ") || "none yet"}`, "symbol");
    }
    const micros = (ms) => (ms === undefined ? null : Math.round(ms * 1000));
    return {
        dataset: q.dataset,
        symbols: q.symbol !== undefined ? [q.symbol] : known,
        oneSymbol: q.symbol !== undefined,
        fromUs: micros(q.from),
        toUs: micros(q.to),
        timeframe,
        fromTicks: new Set(tickSymbols),
    };
}
/** The symbol as an SQL literal; symbols are checked `[A-Z0-9]` or come from the store's own keys. */
export function sqlText(value) {
    return `'${value.replaceAll("'", "''")}'`;
}
function range(column, lo, hi) {
    return (lo === null ? "" : ` AND ${column} >= make_timestamp(${lo})`) + (hi === null ? "" : ` AND ${column} < make_timestamp(${hi})`);
}
function ceilTo(x, step) {
    const r = ((x % step) + step) % step;
    return r === 0 ? x : x - r + step;
}
/**
 * SQL (a SELECT) of the ticks selected, native column types, optionally narrowed further.
 *
 * @param sel the selection (dataset ticks)
 * @param extra more conditions, e.g. a keyset cursor
 * @returns the SELECT, ordered by symbol and trade id
 * @throws nothing: it only builds text
 * @example
 * ticksSql(sel, "");
 */
export function ticksSql(sel, extra = "") {
    const symbols = sel.symbols.map(sqlText).join(", ") || "NULL";
    return `SELECT symbol, trade_id, price, qty, quote_qty, is_buyer_maker, trade_time, event_time, recv_time, source
          FROM tick_data WHERE symbol IN (${symbols})${range("trade_time", sel.fromUs, sel.toUs)}${extra}
          ORDER BY symbol, trade_id`;
}
/**
 * SQL (a SELECT) of one symbol's bars whose bucket starts in [loUs, hiUs) within the selection: from its ticks
 * (the same SQL as the resampler) or, for a symbol without ticks, its stored bars of that timeframe.
 *
 * @param sel the selection (dataset ohlc)
 * @param symbol one of `sel.symbols`
 * @param loUs inclusive lower bound on bucket start, µs, or null
 * @param hiUs exclusive upper bound, µs, or null
 * @returns the SELECT (symbol, timeframe, bucket_start, open … sell_volume), ordered by bucket start
 * @throws nothing: it only builds text
 * @example
 * barsSql(sel, "BTCUSDT", null, null);
 */
export function barsSql(sel, symbol, loUs, hiUs) {
    const tf = sel.timeframe;
    const step = tf.micros;
    const lo = maxOf(sel.fromUs === null ? null : ceilTo(sel.fromUs, step), loUs);
    const hi = minOf(sel.toUs === null ? null : ceilTo(sel.toUs, step), hiUs);
    const relation = sel.fromTicks.has(symbol)
        ? ticksToBarsSql(step, `FROM tick_data t WHERE t.symbol = ${sqlText(symbol)}${range("t.trade_time", lo, hi)}`)
        : `SELECT symbol, bucket_start, open, high, low, close, volume, quote_volume, trades, vwap, buy_volume, sell_volume
       FROM ohlc_data WHERE symbol = ${sqlText(symbol)} AND timeframe = ${sqlText(tf.label)}${range("bucket_start", lo, hi)}`;
    return `SELECT symbol, ${sqlText(tf.label)} AS timeframe, bucket_start, open, high, low, close, volume, quote_volume,
                 trades, vwap, buy_volume, sell_volume
          FROM (${relation}) ORDER BY bucket_start`;
}
function maxOf(a, b) {
    return a === null ? b : b === null ? a : Math.max(a, b);
}
function minOf(a, b) {
    return a === null ? b : b === null ? a : Math.min(a, b);
}
/**
 * The file name of an export, e.g. `ticklens-ohlc-BTCUSDT-1m.csv`.
 *
 * @param sel the selection
 * @param extension `csv` or `parquet`
 * @returns the name
 * @throws nothing
 * @example
 * exportFileName(sel, "csv"); // "ticklens-ticks-all.csv"
 */
export function exportFileName(sel, extension) {
    const who = sel.oneSymbol ? sel.symbols[0] : "all";
    const tf = sel.timeframe ? `-${sel.timeframe.label}` : "";
    return `ticklens-${sel.dataset}-${who}${tf}.${extension}`;
}
