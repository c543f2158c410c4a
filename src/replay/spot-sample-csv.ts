/**
 * Reader of the project's spot trade capture (`trade_time_ms,symbol,price,qty`): it kept neither trade ids nor
 * the taker side, so ids are synthetic and `m` is inferred by the tick rule.
 */
import { scheduleTimes, type Capture, type CaptureTrade } from "./capture.ts";
import { readSampleRows } from "./csv-lines.ts";

/** The header the file must start with. */
export const SPOT_SAMPLE_COLUMNS = ["trade_time_ms", "symbol", "price", "qty"] as const;

/**
 * Reads the spot sample capture, rows in file order. `m` (buyer is maker) was not recorded: it follows the tick
 * rule per symbol — an uptick is a buyer-initiated trade (`m` false), a downtick a seller-initiated one (`m`
 * true), an unchanged price keeps the previous side, and a symbol's first trade counts as buyer-initiated.
 * @param text the whole CSV file
 * @param name the capture's name for messages and stats
 * @returns a spot capture of `trade` events
 * @throws {CaptureFormatError} the header is missing or a field is malformed (names line and column)
 * @example
 * const c = readSpotSampleCsv("trade_time_ms,symbol,price,qty\n1765912493266,ETHUSDT,2926.2,0.0033\n");
 * c.events[0]; // { kind: "trade", symbol: "ETHUSDT", id: 1, price: "2926.2", qty: "0.0033", isBuyerMaker: false, ... }
 */
export function readSpotSampleCsv(text: string, name = "spot-sample.csv"): Capture {
  const { fields: f, rows, symbols, ids } = readSampleRows(text, name, SPOT_SAMPLE_COLUMNS, 1);
  const last = new Map<string, { price: number; maker: boolean }>();
  const events: CaptureTrade[] = rows.map((line, i) => {
    const price = f.decimal(line, 2);
    const p = Number(price);
    const prev = last.get(symbols[i]);
    const maker = prev === undefined ? false : p > prev.price ? false : p < prev.price ? true : prev.maker;
    last.set(symbols[i], { price: p, maker });
    return {
      kind: "trade",
      symbol: symbols[i],
      id: ids[i],
      price,
      qty: f.decimal(line, 3),
      timeUs: f.integer(line, 0) * 1000,
      eventTimeUs: null,
      isBuyerMaker: maker,
      status: "MARKET",
    };
  });
  return { name, market: "spot", events, atUs: scheduleTimes(events.map((e) => e.timeUs)), syntheticIds: true };
}
