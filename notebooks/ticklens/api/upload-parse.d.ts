/**
 * Validates every line of an uploaded CSV and, only when all are good, turns them into a tick batch or bars:
 * a file is accepted whole or not at all, and a refusal lists the first problems by line and field.
 */
import { type TickBatch } from "../store/index.ts";
import { type UploadFormat, type UploadKind } from "./upload-formats.ts";
import { type TimeUnit } from "./upload-time.ts";
/** Most problems listed in a refusal (the total is counted in full). */
export declare const MAX_PROBLEMS = 20;
/** One thing wrong with one line. */
export interface UploadProblem {
    /** 1-based line number in the file. */
    readonly line: number;
    /** The column at fault (its header name), or `"line"` for the line as a whole. */
    readonly field: string;
    readonly message: string;
}
/** A bar read from an upload. Times are ms since the Unix epoch, UTC. */
export interface UploadedBar {
    readonly symbol: string;
    /** e.g. `"1m"`. */
    readonly timeframe: string;
    readonly bucketStart: number;
    readonly open: number;
    readonly high: number;
    readonly low: number;
    readonly close: number;
    readonly volume: number;
    readonly quoteVolume: number;
    readonly trades: number;
    /** Taker-buy base volume. */
    readonly buyVolume: number;
}
export interface ParseOptions {
    readonly kind: UploadKind;
    readonly format: UploadFormat | "auto";
    /** Generic layout: logical name → header column. */
    readonly map: Readonly<Record<string, string>> | null;
    /** Symbol for files without a symbol column (upper case). */
    readonly symbol: string | null;
    /** Unit of epoch numbers in a generic file (Binance and ticklens files fix their own). */
    readonly timeUnit: TimeUnit;
    /** IANA zone for wall-clock times without an offset. */
    readonly timeZone: string | null;
    /** Bar width for klines when it should not be inferred from open/close times. */
    readonly timeframe: string | null;
    /** `tick_data.source` of every row, `upload:<name>`. */
    readonly source: string;
    /**
     * First synthetic trade id (negative), for layouts without trade ids: row i gets `syntheticBase - i`. Live
     * Binance ids are positive, so these can never collide with them.
     */
    readonly syntheticBase: number;
    /** Called every ~100,000 lines with the count so far (progress of large files). */
    readonly onProgress?: (lines: number, total: number) => void;
}
/** What a parse found: either rows (no problems) or problems. */
export interface ParseResult {
    readonly format: UploadFormat;
    /** Data lines read (header and a final newline excluded). */
    readonly rows: number;
    /** Ticks, when kind is ticks and there were no problems. */
    readonly ticks: TickBatch | null;
    /** Bars, when kind is ohlc and there were no problems. */
    readonly bars: UploadedBar[] | null;
    /** The first {@link MAX_PROBLEMS} problems. */
    readonly problems: UploadProblem[];
    /** How many problems there were in all. */
    readonly problemCount: number;
    /** Earliest and latest trade time / bucket start, ms (null without rows). */
    readonly firstTime: number | null;
    readonly lastTime: number | null;
}
/** Splits one CSV line; quoted fields may hold commas and doubled quotes. Returns null on an unclosed quote. */
export declare function splitCsvLine(line: string): string[] | null;
/**
 * Reads and checks a whole file.
 *
 * @param text the file, UTF-8 decoded
 * @param options kind, format, column map, symbol, time unit and zone, source, synthetic id base
 * @returns rows or problems (never both)
 * @throws {ApiError} 400 when the request's parameters do not fit the file (format, kind, map, symbol, timezone)
 * @example
 * const r = parseUpload("id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n1,10,1,10,1765922888978,true,true\n",
 *   { kind: "ticks", format: "auto", map: null, symbol: "BTCUSDT", timeUnit: "auto", timeZone: null, timeframe: null, source: "upload:x", syntheticBase: -1 });
 * r.rows; // 1
 */
export declare function parseUpload(text: string, options: ParseOptions): ParseResult;
