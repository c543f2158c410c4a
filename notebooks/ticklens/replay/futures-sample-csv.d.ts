/**
 * Reader of the project's USD-M futures trade capture (`row_id,symbol,price,qty,trade_time_ms,is_buyer_maker`):
 * no exchange ids were kept, so ids are synthetic; zero-price rows are off-book events replayed with `X` "NA".
 */
import { type Capture } from "./capture.ts";
/** The header the file must start with. */
export declare const FUTURES_SAMPLE_COLUMNS: readonly ["row_id", "symbol", "price", "qty", "trade_time_ms", "is_buyer_maker"];
/** `X` of an off-book futures event; Binance sends such rows with price and quantity 0. */
export declare const OFF_BOOK_STATUS = "NA";
/**
 * Reads the futures sample capture. Rows stay in file (`row_id`) order, which is the order the recorder received
 * them; ids are contiguous per symbol in that order (every row, off-book ones included, takes an id).
 * @param text the whole CSV file
 * @param name the capture's name for messages and stats
 * @returns a futures capture of `trade` events
 * @throws {CaptureFormatError} the header is missing or a field is malformed (names line and column)
 * @example
 * const c = readFuturesSampleCsv("row_id,symbol,price,qty,trade_time_ms,is_buyer_maker\n1,BTCUSDT,87763.5,0.006,1765922888978,0\n");
 * c.events[0]; // { kind: "trade", symbol: "BTCUSDT", id: 1, price: "87763.5", qty: "0.006", ... status: "MARKET" }
 */
export declare function readFuturesSampleCsv(text: string, name?: string): Capture;
