/**
 * Aggregate trades derived from a trade capture, by Binance's rule: consecutive trades of a symbol (contiguous
 * ids) at the same time, price and taker side make one `aggTrade` whose quantity is their sum.
 */
import { FIRST_SYNTHETIC_ID, type Capture, type CaptureAggTrade, type CaptureEvent, type CaptureTrade } from "./capture.ts";
import { formatDecimal, parseDecimal, significantScale, type Decimal } from "./decimal-text.ts";

interface Group {
  first: CaptureTrade;
  last: CaptureTrade;
  qty: Decimal;
}

/**
 * Adds the `aggTrade` events of every symbol that has trades but no captured aggTrades. Only market (`X`
 * "MARKET") trades aggregate; an off-book event ends a group. A group is emitted (with contiguous ids per symbol
 * from 1) once it can no longer grow: at the next trade of its symbol that does not extend it, or as soon as the
 * schedule moves past its trade time. Aggregate ids are therefore synthetic; `f` and `l` are the trades' ids.
 * @param capture a capture in replay order
 * @returns the same capture with aggTrade events interleaved (schedule times stay non-decreasing)
 * @throws never: the capture is already validated by its reader
 * @example
 * deriveAggTrades(readSpotSampleCsv(text)).events.filter((e) => e.kind === "aggTrade").length;
 */
export function deriveAggTrades(capture: Capture): Capture {
  const hasAgg = new Set<string>();
  for (const e of capture.events) if (e.kind === "aggTrade") hasAgg.add(e.symbol);
  const open = new Map<string, Group>();
  const nextId = new Map<string, number>();
  const events: CaptureEvent[] = [];
  const at: number[] = [];

  const flush = (symbol: string, when: number) => {
    const g = open.get(symbol);
    if (g === undefined) return;
    open.delete(symbol);
    const id = nextId.get(symbol) ?? FIRST_SYNTHETIC_ID;
    nextId.set(symbol, id + 1);
    const agg: CaptureAggTrade = {
      kind: "aggTrade",
      symbol,
      id,
      price: g.first.price,
      qty: formatDecimal(g.qty, significantScale(g.qty)),
      firstTradeId: g.first.id,
      lastTradeId: g.last.id,
      timeUs: g.first.timeUs,
      eventTimeUs: g.last.eventTimeUs,
      isBuyerMaker: g.first.isBuyerMaker,
    };
    events.push(agg);
    at.push(when);
  };

  for (let i = 0; i < capture.events.length; i++) {
    const e = capture.events[i];
    const now = capture.atUs[i];
    // Other symbols' groups whose time the schedule has left behind cannot grow any more (this event's own
    // symbol is decided below: it either extends its group or closes it).
    const own = e.kind === "frame" ? null : e.symbol;
    for (const [symbol, g] of open) if (symbol !== own && g.last.timeUs < now) flush(symbol, at.length ? at[at.length - 1] : now);
    if (e.kind === "trade" && !hasAgg.has(e.symbol)) {
      const g = open.get(e.symbol);
      const extends_ =
        g !== undefined &&
        e.status === "MARKET" &&
        e.id === g.last.id + 1 &&
        e.timeUs === g.last.timeUs &&
        e.isBuyerMaker === g.last.isBuyerMaker &&
        samePrice(e.price, g.last.price);
      if (extends_) {
        g.last = e;
        g.qty = add(g.qty, parseDecimal(e.qty));
      } else {
        flush(e.symbol, at.length ? at[at.length - 1] : now);
        if (e.status === "MARKET") open.set(e.symbol, { first: e, last: e, qty: parseDecimal(e.qty) });
      }
    }
    events.push(e);
    at.push(now);
  }
  const end = at.length ? at[at.length - 1] : 0;
  for (const symbol of [...open.keys()]) flush(symbol, end);
  return { ...capture, events, atUs: Float64Array.from(at) };
}

function samePrice(a: string, b: string): boolean {
  return a === b || Number(a) === Number(b);
}

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return {
    units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale),
    scale,
  };
}
