/**
 * Binance market-data frames to ticks: the one place a raw WebSocket message is checked. A frame becomes a
 * tick, a rejection with its reason (for the quarantine table), or a control message; it never throws.
 */
import { isSymbol, isTradeStream, type TradeStream } from "../engine/index.ts";
import type { Tick } from "../store/tick-batch.ts";

export type { Market, TradeStream } from "../engine/index.ts";

export type ParsedFrame =
  /** A market trade, normalised. */
  | { readonly kind: "trade"; readonly tick: Tick }
  /**
   * Malformed, or a trade that is not a market trade; kept in quarantine with the reason. `tradeId` is set for a
   * well-formed trade that is refused (off-book, zero price): its id is used, and is no hole to backfill.
   */
  | { readonly kind: "rejected"; readonly reason: string; readonly symbol: string | null; readonly tradeId?: number }
  /** Binance asks the client to reconnect (`serverShutdown`): open a new connection before closing this one. */
  | { readonly kind: "shutdown" }
  /** Reply to a SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS request. */
  | { readonly kind: "reply"; readonly id: unknown }
  /** A well-formed frame of another stream (depth, kline, bookTicker): not ours to store. */
  | { readonly kind: "other"; readonly stream: string };

export interface FrameContext {
  /** Local receive time, ms since the Unix epoch (fractions carry µs). */
  readonly recvTime: number;
  /** True when the stream URL asked for `timeUnit=MICROSECOND`: `E` and `T` are then µs. */
  readonly timesInMicros: boolean;
  /** Stored as the tick's `source`. */
  readonly source: string;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * Parses one WebSocket message of a combined (`{"stream","data"}`) or raw stream.
 * Checks every field a tick needs and says which one was wrong.
 */
export function parseFrame(text: string, context: FrameContext): ParsedFrame {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return reject("frame is not valid JSON");
  }
  if (!isObject(message)) return reject("frame is not a JSON object");

  let payload: unknown = message;
  let stream: string | null = null;
  if ("stream" in message || "data" in message) {
    if (typeof message.stream !== "string") return reject("combined frame has no string field 'stream'");
    stream = message.stream;
    payload = message.data;
    if (!isObject(payload)) return reject(`combined frame for ${stream} has no object field 'data'`);
  } else if ("id" in message && ("result" in message || "error" in message)) {
    return { kind: "reply", id: message.id };
  }
  const event = (payload as Record<string, unknown>).e;
  if (event === "serverShutdown") return { kind: "shutdown" };
  if (isTradeStream(event)) return parseTrade(payload as Record<string, unknown>, event, context);
  if (stream !== null && !stream.endsWith("@trade") && !stream.endsWith("@aggTrade")) return { kind: "other", stream };
  if (typeof event === "string") return { kind: "other", stream: stream ?? event };
  return reject(`frame has no event type 'e'${stream ? ` (stream ${stream})` : ""}`);
}

function parseTrade(data: Record<string, unknown>, event: TradeStream, context: FrameContext): ParsedFrame {
  const symbol = isSymbol(data.s) ? data.s : null;
  if (symbol === null) return reject(`${event}: field 's' is not a symbol: ${JSON.stringify(data.s)}`);
  // No closures in here: it runs once per trade, up to hundreds of thousands of times a second.

  const idField = event === "trade" ? "t" : "a";
  const tradeId = data[idField];
  if (!Number.isSafeInteger(tradeId) || (tradeId as number) < 0) {
    return failTrade(event, symbol, `field '${idField}' (trade id) is not a non-negative integer: ${JSON.stringify(tradeId)}`);
  }
  if (typeof data.p !== "string" || !DECIMAL.test(data.p)) return failTrade(event, symbol, `field 'p' (price) is not a decimal string: ${JSON.stringify(data.p)}`);
  if (typeof data.q !== "string" || !DECIMAL.test(data.q)) return failTrade(event, symbol, `field 'q' (quantity) is not a decimal string: ${JSON.stringify(data.q)}`);
  if (!Number.isSafeInteger(data.T) || (data.T as number) <= 0) return failTrade(event, symbol, `field 'T' (trade time) is not a positive integer: ${JSON.stringify(data.T)}`);
  if (!Number.isSafeInteger(data.E) || (data.E as number) <= 0) return failTrade(event, symbol, `field 'E' (event time) is not a positive integer: ${JSON.stringify(data.E)}`);
  if (typeof data.m !== "boolean") return failTrade(event, symbol, `field 'm' (buyer is maker) is not a boolean: ${JSON.stringify(data.m)}`);
  // USD-M futures report insurance-fund, ADL and other off-book fills on the trade stream; only MARKET trades
  // traded. Their ids are taken all the same, and REST never lists them.
  if (data.X !== undefined && data.X !== "MARKET") {
    return failTrade(event, symbol, `off-book futures trade (X=${JSON.stringify(data.X)})`, tradeId as number);
  }

  const price = Number(data.p);
  const qty = Number(data.q);
  if (price === 0) return failTrade(event, symbol, "price is 0", tradeId as number);
  if (qty === 0) return failTrade(event, symbol, "quantity is 0", tradeId as number);
  const scale = context.timesInMicros ? 1 / 1000 : 1;
  return {
    kind: "trade",
    tick: {
      symbol,
      tradeId: tradeId as number,
      price,
      qty,
      quoteQty: price * qty,
      isBuyerMaker: data.m,
      tradeTime: (data.T as number) * scale,
      eventTime: (data.E as number) * scale,
      recvTime: context.recvTime,
      source: context.source,
    },
  };
}

/** A trade frame refused, with where it came from; `usedId` when its id was taken all the same. */
function failTrade(event: TradeStream, symbol: string, reason: string, usedId?: number): ParsedFrame {
  return reject(`${event} ${symbol}: ${reason}`, symbol, usedId);
}

function reject(reason: string, symbol: string | null = null, tradeId?: number): ParsedFrame {
  return tradeId === undefined ? { kind: "rejected", reason, symbol } : { kind: "rejected", reason, symbol, tradeId };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
