/**
 * Reader of Binance's published aggregate-trade dumps (`<SYMBOL>-aggTrades-<date>.csv`): spot
 * `agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match`, USD-M
 * futures without `is_best_match`; with or without a header row; `transact_time` in ms, or µs (2025+ spot).
 */
import { isSymbol, SYMBOL_RULE } from "../engine/vocabulary.ts";
import { CaptureFormatError, scheduleTimes, toMicros, type Capture, type CaptureAggTrade } from "./capture.ts";
import { csvLines, FieldReader, isHeader } from "./csv-lines.ts";

/** Column names of the spot dump's optional header (futures dumps lack the last). */
export const AGG_TRADES_DUMP_COLUMNS = [
  "agg_trade_id",
  "price",
  "quantity",
  "first_trade_id",
  "last_trade_id",
  "transact_time",
  "is_buyer_maker",
  "is_best_match",
] as const;

/**
 * Reads an aggTrades dump of one symbol, rows in file order, keeping Binance's aggregate and trade ids.
 * @param text the whole CSV file
 * @param symbol the dump's symbol, e.g. `"BTCUSDT"`
 * @param name the capture's name for messages and stats
 * @returns a capture of `aggTrade` events; its market is spot when rows carry `is_best_match`, futures otherwise
 * @throws {CaptureFormatError} a row is malformed (names line and column), `first_trade_id` > `last_trade_id`,
 *   or the symbol is not a symbol
 * @example
 * const c = readBinanceAggTradesDump("26129,0.01633102,4.70443515,27781,27781,1498793709153,True,True\n", "ETHBTC");
 * c.events[0]; // { kind: "aggTrade", id: 26129, firstTradeId: 27781, lastTradeId: 27781, ... }
 */
export function readBinanceAggTradesDump(text: string, symbol: string, name = `${symbol}-aggTrades.csv`): Capture {
  if (!isSymbol(symbol)) throw new CaptureFormatError(`${name}: ${JSON.stringify(symbol)} is not an upper-case symbol: ${SYMBOL_RULE}`);
  const f = new FieldReader(name, AGG_TRADES_DUMP_COLUMNS);
  let lines = csvLines(text);
  if (lines.length > 0 && isHeader(lines[0], AGG_TRADES_DUMP_COLUMNS.slice(0, lines[0].fields.length))) lines = lines.slice(1);
  let width = 0;
  const events: CaptureAggTrade[] = lines.map((line) => {
    f.width(line, [7]);
    if (width === 0) width = line.fields.length;
    else if (line.fields.length !== width) throw f.error(line, `has ${line.fields.length} fields where earlier rows had ${width}`);
    const firstTradeId = f.integer(line, 3);
    const lastTradeId = f.integer(line, 4);
    if (firstTradeId > lastTradeId) throw f.fieldError(line, 3, `is above last_trade_id ${lastTradeId}`);
    return {
      kind: "aggTrade",
      symbol,
      id: f.integer(line, 0),
      price: f.decimal(line, 1),
      qty: f.decimal(line, 2),
      firstTradeId,
      lastTradeId,
      timeUs: toMicros(f.integer(line, 5)),
      eventTimeUs: null,
      isBuyerMaker: f.boolean(line, 6),
    };
  });
  return {
    name,
    market: width === 7 ? "futures" : width === 8 ? "spot" : null,
    events,
    atUs: scheduleTimes(events.map((e) => e.timeUs)),
    syntheticIds: false,
  };
}
