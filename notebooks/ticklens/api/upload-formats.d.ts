/** A layout name as the `format` query parameter spells it. */
export type UploadFormat = "ticklens" | "binance-trades" | "binance-aggtrades" | "binance-klines" | "generic";
/** What an upload holds: trades, or bars (`uploaded_data.kind` stores the latter as `"bars"`). */
export type UploadKind = "ticks" | "ohlc";
/** Header of our tick CSV export (times epoch µs); the same as the store's `TICK_CSV_HEADER`. */
export declare const TICKLENS_TICKS_HEADER: readonly ["symbol", "trade_id", "price", "qty", "quote_qty", "is_buyer_maker", "trade_time_us", "event_time_us", "recv_time_us", "source"];
/** Header of our bar CSV export (bucket start epoch µs). */
export declare const TICKLENS_OHLC_HEADER: readonly ["symbol", "timeframe", "bucket_start_us", "open", "high", "low", "close", "volume", "quote_volume", "trades", "vwap", "buy_volume", "sell_volume"];
/** Where a layout's values sit: column index per logical name, the column names for messages, and the width. */
export interface Layout {
    /** The recognised or requested format. */
    readonly format: UploadFormat;
    /** Whether line 1 is a header (then data starts on line 2). */
    readonly hasHeader: boolean;
    /** Column names, for messages (Binance's names for headerless files). */
    readonly columns: readonly string[];
    /** Logical value → column index (`time`, `price`, `qty`, `symbol`, `tradeId`, `isBuyerMaker`, …). */
    readonly index: Readonly<Record<string, number>>;
}
/**
 * Parses `map=time:timestamp,price:price,…` (logical name → header column).
 *
 * @param text the query parameter
 * @returns logical name → column name
 * @throws {ApiError} 400 on `map`: an unknown logical name, a missing required one, or malformed text
 * @example
 * parseColumnMap("time:ts,price:p,qty:q"); // { time: "ts", price: "p", qty: "q" }
 */
export declare function parseColumnMap(text: string): Record<string, string>;
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
export declare function chooseLayout(first: readonly string[], kind: UploadKind, format: UploadFormat | "auto", map: Readonly<Record<string, string>> | null): Layout;
