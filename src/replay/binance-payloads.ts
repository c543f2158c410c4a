/**
 * Binance's wire shapes, byte for byte in field order: stream payloads (spot and USD-M futures `trade` and
 * `aggTrade`, combined-stream wrapper, `serverShutdown`) and REST rows (trades, historicalTrades, aggTrades).
 */
import type { CaptureAggTrade, CaptureTrade } from "./capture.ts";
import { multiplyDecimal } from "./decimal-text.ts";
import { SPOT_DECIMALS, type ReplayTimeline, type SymbolBook } from "./replay-timeline.ts";

/** Time as sent: ms (default) or µs (`timeUnit=MICROSECOND`). */
function out(timeUs: number, micro: boolean): number {
  return micro ? timeUs : Math.floor(timeUs / 1000);
}

/**
 * The `data` JSON of timeline position `pos`, as a Binance stream sends it.
 * @param tl the timeline
 * @param pos position in `[0, tl.total)`
 * @param micro times in µs (`timeUnit=MICROSECOND`) instead of ms
 * @returns the JSON text (a raw frame's own text when nothing needs shifting)
 * @throws {SyntaxError} only if a raw frame's captured text were not JSON (its reader has checked it)
 * @example
 * renderStreamData(tl, 0, false); // '{"e":"trade","E":1765912493266,"s":"ETHUSDT","t":1,"p":"2926.20000000",...}'
 */
export function renderStreamData(tl: ReplayTimeline, pos: number, micro: boolean): string {
  const pass = Math.floor(pos / tl.length);
  const i = pos - pass * tl.length;
  const e = tl.events[i];
  const shift = pass * tl.periodUs + tl.timeOffsetUs;
  if (e.kind === "frame") return shiftFrame(e.text, shift, micro);
  const E = out((e.eventTimeUs ?? tl.atUs[i]) + shift, micro);
  const T = out(e.timeUs + shift, micro);
  const id = e.id + pass * tl.idStep[i];
  const p = tl.priceText[i];
  const q = tl.qtyText[i];
  const s = e.symbol;
  const m = e.isBuyerMaker;
  if (e.kind === "trade") {
    if (tl.market === "futures") {
      return `{"e":"trade","E":${E},"T":${T},"s":"${s}","t":${id},"p":"${p}","q":"${q}","X":"${e.status}","m":${m}}`;
    }
    return `{"e":"trade","E":${E},"s":"${s}","t":${id},"p":"${p}","q":"${q}","T":${T},"m":${m},"M":true}`;
  }
  const f = e.firstTradeId + pass * tl.tradeIdStep[i];
  const l = e.lastTradeId + pass * tl.tradeIdStep[i];
  if (tl.market === "futures") {
    return `{"e":"aggTrade","E":${E},"a":${id},"s":"${s}","p":"${p}","q":"${q}","f":${f},"l":${l},"T":${T},"m":${m}}`;
  }
  return `{"e":"aggTrade","E":${E},"s":"${s}","a":${id},"p":"${p}","q":"${q}","f":${f},"l":${l},"T":${T},"m":${m},"M":true}`;
}

/** A frame of another stream with its `E` and `T` moved to this pass (and µs when asked). */
function shiftFrame(text: string, shiftUs: number, micro: boolean): string {
  if (shiftUs === 0 && !micro) return text;
  const data = JSON.parse(text) as Record<string, unknown>;
  for (const key of ["E", "T"]) {
    const v = data[key];
    if (typeof v === "number") data[key] = micro ? v * 1000 + shiftUs : v + Math.floor(shiftUs / 1000);
  }
  return JSON.stringify(data);
}

/**
 * A combined-stream frame.
 * @param stream the stream name, e.g. `"btcusdt@trade"`
 * @param data the payload JSON from {@link renderStreamData}
 * @returns `{"stream":"…","data":…}`
 * @throws never
 * @example
 * combinedFrame("btcusdt@trade", '{"e":"trade"}'); // '{"stream":"btcusdt@trade","data":{"e":"trade"}}'
 */
export function combinedFrame(stream: string, data: string): string {
  return `{"stream":"${stream}","data":${data}}`;
}

/**
 * The event Binance sends before it closes connections for maintenance.
 * @param nowMs event time, ms
 * @param micro µs instead of ms
 * @returns `{"e":"serverShutdown","E":…}`
 * @throws never
 * @example
 * serverShutdownEvent(1728346200000, false); // '{"e":"serverShutdown","E":1728346200000}'
 */
export function serverShutdownEvent(nowMs: number, micro: boolean): string {
  return `{"e":"serverShutdown","E":${micro ? nowMs * 1000 : nowMs}}`;
}

/**
 * A row of `/api/v3/trades`, `/api/v3/historicalTrades` or their `/fapi/v1` twins.
 * @param tl the timeline
 * @param book the trade's symbol book
 * @param basePos the trade's base position in the timeline
 * @param pass which repetition of the capture
 * @param micro µs times (spot `X-MBX-TIME-UNIT: MICROSECOND`)
 * @returns the JSON object text: spot `id,price,qty,quoteQty,time,isBuyerMaker,isBestMatch`; futures without
 *   `isBestMatch`
 * @throws {DecimalTextError} never for a timeline-built record (its decimals were checked on reading)
 * @example
 * restTradeRow(tl, book, book.trades.pos[0], 0, false); // '{"id":1,"price":"2926.20000000",...}'
 */
export function restTradeRow(tl: ReplayTimeline, book: SymbolBook, basePos: number, pass: number, micro: boolean): string {
  const trade = tl.events[basePos] as CaptureTrade;
  const id = trade.id + pass * book.tradeIdStep;
  const p = tl.priceText[basePos];
  const q = tl.qtyText[basePos];
  const quote = multiplyDecimal(p, q, tl.market === "spot" ? SPOT_DECIMALS : undefined);
  const time = out(trade.timeUs + pass * tl.periodUs + tl.timeOffsetUs, micro);
  const tail = tl.market === "spot" ? `,"isBestMatch":true}` : "}";
  return `{"id":${id},"price":"${p}","qty":"${q}","quoteQty":"${quote}","time":${time},"isBuyerMaker":${trade.isBuyerMaker}${tail}`;
}

/**
 * A row of `/api/v3/aggTrades` or `/fapi/v1/aggTrades`.
 * @param tl the timeline
 * @param book the symbol book
 * @param basePos the aggregate trade's base position in the timeline
 * @param pass which repetition of the capture
 * @param micro µs times
 * @returns spot `a,p,q,f,l,T,m,M`; futures without `M`
 * @throws {DecimalTextError} never for a timeline-built record (its decimals were checked on reading)
 * @example
 * restAggTradeRow(tl, book, book.aggTrades.pos[0], 0, false); // '{"a":1,"p":"…","q":"…","f":1,"l":3,...}'
 */
export function restAggTradeRow(tl: ReplayTimeline, book: SymbolBook, basePos: number, pass: number, micro: boolean): string {
  const agg = tl.events[basePos] as CaptureAggTrade;
  const a = agg.id + pass * book.aggTrades.idStep;
  const f = agg.firstTradeId + pass * book.tradeIdStep;
  const l = agg.lastTradeId + pass * book.tradeIdStep;
  const T = out(agg.timeUs + pass * tl.periodUs + tl.timeOffsetUs, micro);
  const tail = tl.market === "spot" ? `,"M":true}` : "}";
  return `{"a":${a},"p":"${tl.priceText[basePos]}","q":"${tl.qtyText[basePos]}","f":${f},"l":${l},"T":${T},"m":${agg.isBuyerMaker}${tail}`;
}
