/**
 * Reader of the project's USD-M futures trade capture (`row_id,symbol,price,qty,trade_time_ms,is_buyer_maker`):
 * no exchange ids were kept, so ids are synthetic; zero-price rows are off-book events replayed with `X` "NA".
 */
import { assignSyntheticIds, CaptureFormatError, scheduleTimes, } from "./capture.js";
import { csvLines, FieldReader, isHeader } from "./csv-lines.js";
/** The header the file must start with. */
export const FUTURES_SAMPLE_COLUMNS = ["row_id", "symbol", "price", "qty", "trade_time_ms", "is_buyer_maker"];
/** `X` of an off-book futures event; Binance sends such rows with price and quantity 0. */
export const OFF_BOOK_STATUS = "NA";
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
export function readFuturesSampleCsv(text, name = "futures-sample.csv") {
    const lines = csvLines(text);
    if (lines.length === 0 || !isHeader(lines[0], FUTURES_SAMPLE_COLUMNS)) {
        throw new CaptureFormatError(`${name}: expected the header ${FUTURES_SAMPLE_COLUMNS.join(",")}`);
    }
    const f = new FieldReader(name, FUTURES_SAMPLE_COLUMNS);
    const rows = lines.slice(1);
    const symbols = rows.map((line) => {
        f.width(line);
        return f.symbol(line, 1);
    });
    const ids = assignSyntheticIds(symbols);
    const events = rows.map((line, i) => {
        f.integer(line, 0);
        const price = f.decimal(line, 2);
        const qty = f.decimal(line, 3);
        const offBook = Number(price) === 0;
        return {
            kind: "trade",
            symbol: symbols[i],
            id: ids[i],
            price: offBook ? "0" : price,
            qty: offBook ? "0" : qty,
            timeUs: f.integer(line, 4) * 1000,
            eventTimeUs: null,
            isBuyerMaker: f.boolean(line, 5),
            status: offBook ? OFF_BOOK_STATUS : "MARKET",
        };
    });
    return { name, market: "futures", events, atUs: scheduleTimes(events.map((e) => e.timeUs)), syntheticIds: true };
}
