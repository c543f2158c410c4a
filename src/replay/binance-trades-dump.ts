/**
 * Reader of Binance's published trade dumps (data.binance.vision `<SYMBOL>-trades-<date>.csv`): spot
 * `id,price,qty,quote_qty,time,is_buyer_maker,is_best_match`, USD-M futures without `is_best_match`; with or
 * without a header row; `time` in ms, or µs in the 2025+ spot dumps.
 */
import { isSymbol, SYMBOL_RULE } from "../engine/vocabulary.ts";
import { CaptureFormatError, scheduleTimes, toMicros, type Capture, type CaptureTrade } from "./capture.ts";
import { csvLines, FieldReader, isHeader } from "./csv-lines.ts";

/** Column names of the spot dump's optional header (futures dumps lack the last). */
export const TRADES_DUMP_COLUMNS = ["id", "price", "qty", "quote_qty", "time", "is_buyer_maker", "is_best_match"] as const;

/**
 * Reads a trades dump of one symbol, rows in file order, keeping Binance's own trade ids.
 * @param text the whole CSV file
 * @param symbol the dump's symbol (the file itself does not say it), e.g. `"BTCUSDT"`
 * @param name the capture's name for messages and stats
 * @returns a capture of `trade` events; its market is spot when rows carry `is_best_match`, futures otherwise
 * @throws {CaptureFormatError} a row is malformed (names line and column) or the symbol is not a symbol
 * @example
 * const c = readBinanceTradesDump("1,87000.01,0.001,87.00001,1735689600000,True,True\n", "BTCUSDT");
 * c.events[0].id; // 1
 */
export function readBinanceTradesDump(text: string, symbol: string, name = `${symbol}-trades.csv`): Capture {
  if (!isSymbol(symbol)) throw new CaptureFormatError(`${name}: ${JSON.stringify(symbol)} is not an upper-case symbol: ${SYMBOL_RULE}`);
  const f = new FieldReader(name, TRADES_DUMP_COLUMNS);
  let lines = csvLines(text);
  if (lines.length > 0 && isHeader(lines[0], TRADES_DUMP_COLUMNS.slice(0, lines[0].fields.length))) lines = lines.slice(1);
  let width = 0;
  const events: CaptureTrade[] = lines.map((line) => {
    f.width(line, [6]);
    if (width === 0) width = line.fields.length;
    else if (line.fields.length !== width) throw f.error(line, `has ${line.fields.length} fields where earlier rows had ${width}`);
    return {
      kind: "trade",
      symbol,
      id: f.integer(line, 0),
      price: f.decimal(line, 1),
      qty: f.decimal(line, 2),
      timeUs: toMicros(f.integer(line, 4)),
      eventTimeUs: null,
      isBuyerMaker: f.boolean(line, 5),
      status: "MARKET",
    };
  });
  return {
    name,
    market: width === 6 ? "futures" : width === 7 ? "spot" : null,
    events,
    atUs: scheduleTimes(events.map((e) => e.timeUs)),
    syntheticIds: false,
  };
}
