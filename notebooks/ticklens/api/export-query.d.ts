/**
 * What an export request selects, checked once (dataset, symbol, [from, to), timeframe), and the SQL of its rows:
 * ticks from `tick_data`; bars from the ticks where a symbol has ticks, else from uploaded bars in `ohlc_data`.
 * (`dataset=pairs` takes other parameters and is parsed by export-pairs.ts.)
 */
import type { Context } from "hono";
import { type Store, type Timeframe } from "../store/index.ts";
/** A checked export request. Times are ms since the Unix epoch. */
export interface ExportSelection {
    readonly dataset: "ticks" | "ohlc";
    /** The symbols exported, each known to the store, in order. */
    readonly symbols: readonly string[];
    /** Whether the request named one symbol (for the file name). */
    readonly oneSymbol: boolean;
    /** Inclusive lower bound on trade time / bucket start, µs, or null. */
    readonly fromUs: number | null;
    /** Exclusive upper bound, µs, or null. */
    readonly toUs: number | null;
    /** Bar width (ohlc only). */
    readonly timeframe: Timeframe | null;
    /** Symbols (ohlc only) whose bars come from ticks; the others from uploaded bars. */
    readonly fromTicks: ReadonlySet<string>;
}
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
export declare function parseExportQuery(c: Context, store: Store): Promise<ExportSelection>;
/** The symbol as an SQL literal; symbols are checked `[A-Z0-9]` or come from the store's own keys. */
export declare function sqlText(value: string): string;
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
export declare function ticksSql(sel: ExportSelection, extra?: string): string;
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
export declare function barsSql(sel: ExportSelection, symbol: string, loUs: number | null, hiUs: number | null): string;
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
export declare function exportFileName(sel: ExportSelection, extension: string): string;
