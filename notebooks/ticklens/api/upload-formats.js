/**
 * The CSV layouts an upload may have (our own export, Binance's published trades / aggTrades / klines, and a
 * header-mapped generic CSV): recognising one from the first line, and where each needed value sits in a row.
 */
import { ApiError } from "./errors.js";
/** Header of our tick CSV export (times epoch µs); the same as the store's `TICK_CSV_HEADER`. */
export const TICKLENS_TICKS_HEADER = [
    "symbol",
    "trade_id",
    "price",
    "qty",
    "quote_qty",
    "is_buyer_maker",
    "trade_time_us",
    "event_time_us",
    "recv_time_us",
    "source",
];
/** Header of our bar CSV export (bucket start epoch µs). */
export const TICKLENS_OHLC_HEADER = [
    "symbol",
    "timeframe",
    "bucket_start_us",
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
const BINANCE_TRADES = ["id", "price", "qty", "quote_qty", "time", "is_buyer_maker", "is_best_match"];
const BINANCE_AGGTRADES = ["agg_trade_id", "price", "quantity", "first_trade_id", "last_trade_id", "transact_time", "is_buyer_maker", "is_best_match"];
const BINANCE_KLINES = [
    "open_time",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "close_time",
    "quote_volume",
    "count",
    "taker_buy_volume",
    "taker_buy_quote_volume",
    "ignore",
];
const isBool = (s) => /^(true|false)$/i.test(s);
const isNumber = (s) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s);
function indexOf(columns, names) {
    const index = {};
    for (const [key, name] of Object.entries(names)) {
        const i = columns.indexOf(name);
        if (i >= 0)
            index[key] = i;
    }
    return index;
}
/** Recognises a Binance layout from its first line (header or not). */
function binanceLayout(first) {
    const lower = first.map((f) => f.trim().toLowerCase());
    if (lower[0] === "id" && lower.includes("quote_qty"))
        return binanceTrades(lower, true);
    if (lower[0] === "agg_trade_id" || (lower[0] === "a" && lower[1] === "p"))
        return binanceAggTrades(lower, true);
    if (lower[0] === "open_time")
        return binanceKlines(true);
    if (!lower.every((f) => isNumber(f) || isBool(f)))
        return null;
    if (lower.length === 12)
        return binanceKlines(false);
    // Trades: id, price, qty, quote_qty, time, is_buyer_maker[, is_best_match]; aggTrades put the flag one later.
    if ((lower.length === 6 || lower.length === 7) && isBool(lower[5]))
        return binanceTrades(BINANCE_TRADES.slice(0, lower.length), false);
    if ((lower.length === 7 || lower.length === 8) && isBool(lower[6]))
        return binanceAggTrades(BINANCE_AGGTRADES.slice(0, lower.length), false);
    return null;
}
function binanceTrades(columns, hasHeader) {
    return { format: "binance-trades", hasHeader, columns, index: { tradeId: 0, price: 1, qty: 2, quoteQty: 3, time: 4, isBuyerMaker: 5 } };
}
function binanceAggTrades(columns, hasHeader) {
    // The aggregate id is not a trade id (a different sequence): the rows get synthetic ids.
    return { format: "binance-aggtrades", hasHeader, columns, index: { price: 1, qty: 2, time: 5, isBuyerMaker: 6 } };
}
function binanceKlines(hasHeader) {
    return {
        format: "binance-klines",
        hasHeader,
        columns: BINANCE_KLINES,
        index: { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, closeTime: 6, quoteVolume: 7, trades: 8, buyVolume: 9 },
    };
}
function ticklensLayout(first, kind) {
    const header = kind === "ticks" ? TICKLENS_TICKS_HEADER : TICKLENS_OHLC_HEADER;
    if (first.length !== header.length || !header.every((h, i) => first[i].trim() === h))
        return null;
    const index = kind === "ticks"
        ? { symbol: 0, tradeId: 1, price: 2, qty: 3, quoteQty: 4, isBuyerMaker: 5, time: 6, eventTime: 7, recvTime: 8 }
        : { symbol: 0, timeframe: 1, time: 2, open: 3, high: 4, low: 5, close: 6, volume: 7, quoteVolume: 8, trades: 9, buyVolume: 11 };
    return { format: "ticklens", hasHeader: true, columns: header, index };
}
/** Logical names a generic map may bind, and whether each is required. */
const GENERIC_KEYS = {
    time: true,
    price: true,
    qty: true,
    symbol: false,
    tradeId: false,
    quoteQty: false,
    isBuyerMaker: false,
    side: false,
};
/**
 * Parses `map=time:timestamp,price:price,…` (logical name → header column).
 *
 * @param text the query parameter
 * @returns logical name → column name
 * @throws {ApiError} 400 on `map`: an unknown logical name, a missing required one, or malformed text
 * @example
 * parseColumnMap("time:ts,price:p,qty:q"); // { time: "ts", price: "p", qty: "q" }
 */
export function parseColumnMap(text) {
    const map = {};
    for (const pair of text.split(",")) {
        const m = /^([A-Za-z]+):(.+)$/.exec(pair.trim());
        if (m === null)
            throw new ApiError(400, "invalid_parameter", `map: "${pair}" is not <name>:<column>`, "map");
        if (!(m[1] in GENERIC_KEYS)) {
            throw new ApiError(400, "invalid_parameter", `map: unknown name "${m[1]}"; use ${Object.keys(GENERIC_KEYS).join(", ")}`, "map");
        }
        map[m[1]] = m[2].trim();
    }
    for (const [key, required] of Object.entries(GENERIC_KEYS)) {
        if (required && map[key] === undefined)
            throw new ApiError(400, "invalid_parameter", `map: needs ${key}:<column>`, "map");
    }
    return map;
}
/**
 * Chooses the layout of a file from its first line and the request.
 *
 * @param first the first line's fields
 * @param kind what the request says the file holds
 * @param format the requested format, or `auto`
 * @param map the generic column map, if one was given
 * @returns the layout
 * @throws {ApiError} 400 on `format` (unrecognised, or not matching the file), `kind` (klines are bars) or `map`
 *   (a mapped column missing from the header)
 * @example
 * chooseLayout(["id", "price", "qty", "quote_qty", "time", "is_buyer_maker", "is_best_match"], "ticks", "auto", null).format; // "binance-trades"
 */
export function chooseLayout(first, kind, format, map) {
    let layout = null;
    if (format === "generic" || (format === "auto" && map !== null)) {
        if (map === null)
            throw new ApiError(400, "invalid_parameter", "map: format=generic needs map=time:<col>,price:<col>,qty:<col>[,…]", "map");
        if (kind !== "ticks")
            throw new ApiError(400, "invalid_parameter", "kind: format=generic holds trades; use kind=ticks", "kind");
        const columns = first.map((f) => f.trim());
        for (const [key, name] of Object.entries(map)) {
            if (!columns.includes(name)) {
                throw new ApiError(400, "invalid_parameter", `map: column "${name}" (for ${key}) is not in the header (${columns.join(",")})`, "map");
            }
        }
        return { format: "generic", hasHeader: true, columns, index: indexOf(columns, map) };
    }
    if (format === "auto" || format === "ticklens")
        layout = ticklensLayout(first, kind);
    if (layout === null && format !== "ticklens")
        layout = binanceLayout(first);
    if (layout === null || (format !== "auto" && layout.format !== format)) {
        throw new ApiError(400, "invalid_parameter", format === "auto"
            ? "format: the first line matches no known layout (ticklens export, Binance trades/aggTrades/klines); pass format=generic&map=time:<col>,price:<col>,qty:<col>"
            : `format: the first line does not look like ${format}${layout ? ` (it looks like ${layout.format})` : ""}`, "format");
    }
    const holdsBars = layout.format === "binance-klines" || (layout.format === "ticklens" && kind === "ohlc");
    if (holdsBars !== (kind === "ohlc")) {
        throw new ApiError(400, "invalid_parameter", `kind: a ${layout.format} file holds ${holdsBars ? "bars (kind=ohlc)" : "trades (kind=ticks)"}`, "kind");
    }
    return layout;
}
