/**
 * Reader of raw WebSocket frame captures (cryptofeed's format): the first line is the stream URL, then one
 * `recv_epoch_seconds: {"stream":...,"data":...}` line per frame. Trade and aggTrade frames become trade events
 * with their real ids; every other stream (depth, bookTicker, kline...) is kept verbatim to be replayed as is.
 */
import { isSymbol, isTradeStream, type Market } from "../engine/vocabulary.ts";
import { CaptureFormatError, type Capture, type CaptureEvent } from "./capture.ts";
import { formatDecimal, parseDecimal, significantScale } from "./decimal-text.ts";

/**
 * Reads a raw frame capture. Frames are scheduled at their local receive time (the capture's own arrival
 * pattern, made non-decreasing); trade fields keep the exact strings Binance sent.
 * @param text the whole capture file
 * @param name the capture's name for messages and stats
 * @returns the capture; its market is futures when the URL's host is `fstream.*`, spot for `stream.*`
 * @throws {CaptureFormatError} a line is not `seconds: {json}` or a trade frame lacks a field (names the line)
 * @example
 * const c = readRawFrameCapture('wss://fstream.binance.com/stream?streams=ctkusdt@aggTrade <-> 1626992740.1\n' +
 *   '1626992742.28: {"stream":"ctkusdt@aggTrade","data":{"e":"aggTrade","E":1626992741575,"a":16599292,"s":"CTKUSDT","p":"1.01100","q":"10","f":23961322,"l":23961322,"T":1626992741421,"m":false}}\n');
 * c.events[0]; // { kind: "aggTrade", symbol: "CTKUSDT", id: 16599292, price: "1.01100", ... }
 */
export function readRawFrameCapture(text: string, name = "raw-frames.capture"): Capture {
  const lines = text.split("\n");
  const url = (lines[0] ?? "").split(" ")[0];
  if (!/^wss?:\/\//.test(url)) throw new CaptureFormatError(`${name} line 1: expected the stream URL, got ${JSON.stringify(lines[0]?.slice(0, 80))}`);
  const host = new URL(url).hostname;
  const market: Market | null = host.startsWith("fstream") ? "futures" : host.startsWith("stream") ? "spot" : null;
  const events: CaptureEvent[] = [];
  const at: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const where = `${name} line ${i + 1}`;
    const colon = line.indexOf(": ");
    const recv = Number(line.slice(0, colon));
    if (colon < 0 || !Number.isFinite(recv)) throw new CaptureFormatError(`${where}: expected "recv_epoch_seconds: {json}"`);
    const frameText = line.slice(colon + 2);
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(frameText) as Record<string, unknown>;
    } catch {
      throw new CaptureFormatError(`${where}: the frame is not valid JSON`);
    }
    const data = (typeof frame.stream === "string" ? frame.data : frame) as Record<string, unknown> | undefined;
    if (typeof data !== "object" || data === null) throw new CaptureFormatError(`${where}: the frame has no data object`);
    const stream = typeof frame.stream === "string" ? frame.stream : streamOf(data);
    if (stream === null) continue; // a reply or an event of no stream: nothing to replay
    at.push(Math.round(recv * 1e6));
    events.push(toEvent(stream, data, dataText(frameText, data), where));
  }
  let max = -Infinity;
  const atUs = Float64Array.from(at, (t) => (max = Math.max(max, t)));
  return { name, market, events, atUs, syntheticIds: false };
}

function toEvent(stream: string, d: Record<string, unknown>, text: string, where: string): CaptureEvent {
  if (!isTradeStream(d.e)) return { kind: "frame", stream, text };
  const need = (field: string, ok: (v: unknown) => boolean): unknown => {
    if (!ok(d[field])) throw new CaptureFormatError(`${where}: ${d.e} field '${field}' is missing or malformed: ${JSON.stringify(d[field])}`);
    return d[field];
  };
  const int = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  const dec = (v: unknown) => typeof v === "string" && /^\d+(\.\d+)?$/.test(v);
  const common = {
    symbol: need("s", isSymbol) as string,
    price: plain(need("p", dec) as string),
    qty: plain(need("q", dec) as string),
    timeUs: (need("T", int) as number) * 1000,
    eventTimeUs: (need("E", int) as number) * 1000,
    isBuyerMaker: need("m", (v) => typeof v === "boolean") as boolean,
  };
  if (d.e === "trade") {
    return { kind: "trade", ...common, id: need("t", int) as number, status: typeof d.X === "string" ? d.X : "MARKET" };
  }
  return {
    kind: "aggTrade",
    ...common,
    id: need("a", int) as number,
    firstTradeId: need("f", int) as number,
    lastTradeId: need("l", int) as number,
  };
}

/** Binance pads decimals ("0.35280000"); the capture keeps that, and the per-market spelling restores it. */
function plain(text: string): string {
  const d = parseDecimal(text);
  return formatDecimal(d, Math.max(significantScale(d), text.includes(".") ? text.length - text.indexOf(".") - 1 : 0));
}

function streamOf(data: Record<string, unknown>): string | null {
  return typeof data.s === "string" && typeof data.e === "string" ? `${data.s.toLowerCase()}@${data.e}` : null;
}

/** The `data` member's own text when it is the last member (as Binance writes it), so numbers keep their spelling. */
function dataText(frameText: string, data: Record<string, unknown>): string {
  const at = frameText.indexOf('"data":');
  if (at >= 0 && frameText.endsWith("}")) {
    const slice = frameText.slice(at + 7, -1);
    try {
      if (JSON.stringify(JSON.parse(slice)) === JSON.stringify(data)) return slice;
    } catch {
      // fall through to re-serialising
    }
  }
  return JSON.stringify(data);
}
