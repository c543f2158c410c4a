/**
 * The replay's single timeline: the captures merged in schedule order, repeated K times with ids and times
 * shifted, each event's stream name and per-market decimal spelling, and per-symbol books (trades, off-book
 * events and aggregate trades sorted by id) that REST history and the published-id ledger read.
 */
import { deriveAggTrades } from "./agg-trades.ts";
import {
  CaptureFormatError,
  type Capture,
  type CaptureAggTrade,
  type CaptureEvent,
  type CaptureTrade,
} from "./capture.ts";
import type { Market } from "../engine/vocabulary.ts";
import { formatDecimal, parseDecimal } from "./decimal-text.ts";
import { ReplayOptionError } from "./replay-errors.ts";

/** Digits after the point in every spot price and quantity (`"0.35280000"`). */
export const SPOT_DECIMALS = 8;

/** One id-ordered list of a symbol's records and the base timeline position of each. */
export interface IdList<R extends CaptureTrade | CaptureAggTrade> {
  readonly records: readonly R[];
  /** Base position (index into the timeline's events) of each record. */
  readonly pos: Int32Array;
  /** `pos` sorted, to count how many records the cursor has passed. */
  readonly sortedPos: Int32Array;
  /** True when id order is publication order (always, for ids assigned in capture order). */
  readonly inOrder: boolean;
  /** How far ids move from one pass to the next. */
  readonly idStep: number;
  /** Smallest and largest own time `T` in one pass, µs. */
  readonly minTimeUs: number;
  readonly maxTimeUs: number;
}

/** Everything the timeline knows about one symbol. */
export interface SymbolBook {
  readonly symbol: string;
  /** Market trades (`X` MARKET): REST's trades and historicalTrades. */
  readonly trades: IdList<CaptureTrade>;
  /** Futures off-book events (`X` not MARKET): sent on `@trade`, never on REST. */
  readonly offBook: IdList<CaptureTrade>;
  readonly aggTrades: IdList<CaptureAggTrade>;
  /** How far trade ids (`t`, and `f`/`l` of aggTrades) move from one pass to the next. */
  readonly tradeIdStep: number;
  /** Decimals of prices and quantities as sent (spot: 8; futures: the most the capture writes for the symbol). */
  readonly priceDecimals: number;
  readonly qtyDecimals: number;
}

export interface TimelineOptions {
  /** Decides payload shapes and decimal spelling. */
  readonly market: Market;
  /** Passes over the capture (default 1); `Infinity` loops for ever. */
  readonly repeat?: number;
  /** Derive `aggTrade` events from trade captures (default true). */
  readonly deriveAggTrades?: boolean;
}

/**
 * The merged, repeatable event list. Position `pos` in `[0, total)` is pass `floor(pos / length)`, base event
 * `pos % length`. Pass k shifts every time by `k × periodUs` and every id by `k ×` its symbol's id step (last id
 * − first id + 1 of one pass), so repeats continue ids and times seamlessly.
 */
export class ReplayTimeline {
  readonly market: Market;
  readonly events: readonly CaptureEvent[];
  /** Schedule of each base event, µs, non-decreasing. */
  readonly atUs: Float64Array;
  /** Stream of each base event (`"btcusdt@trade"`); `""` for an event this market never sends. */
  readonly streams: readonly string[];
  /** Price and quantity text of each base trade/aggTrade event, spelled for the market. */
  readonly priceText: readonly string[];
  readonly qtyText: readonly string[];
  /** Id step of each base event's own id (`t` or `a`), and trade-id step for `f`/`l`. */
  readonly idStep: Float64Array;
  readonly tradeIdStep: Float64Array;
  readonly books: ReadonlyMap<string, SymbolBook>;
  /** Base events per pass. */
  readonly length: number;
  readonly repeat: number;
  /** `length × repeat` (Infinity when looping for ever). */
  readonly total: number;
  /** Time shift between passes: one pass's span plus 1 ms, µs. */
  readonly periodUs: number;
  readonly names: readonly string[];
  /** Added to every time sent (set when the replay starts, to rebase capture times to the wall clock), µs. */
  timeOffsetUs = 0;

  /**
   * @param captures one or more captures; merged by schedule time (stable: earlier capture first on ties)
   * @param options market, repeat count, aggTrade derivation
   * @throws {ReplayOptionError} repeat is not a positive integer or Infinity, or the captures hold no event
   * @throws {CaptureFormatError} two captures share a symbol's trades, or a symbol repeats an id
   * @example
   * const tl = new ReplayTimeline([readCaptureFile(f)], { market: "spot", repeat: 3 });
   * tl.total; // 3 × events in the capture
   */
  constructor(captures: readonly Capture[], options: TimelineOptions) {
    const repeat = options.repeat ?? 1;
    if (!(repeat === Infinity || (Number.isInteger(repeat) && repeat >= 1))) {
      throw new ReplayOptionError(`repeat must be a positive integer or Infinity, got ${repeat}`);
    }
    this.market = options.market;
    this.repeat = repeat;
    this.names = captures.map((c) => c.name);
    const prepared = captures.map((c) => (options.deriveAggTrades === false ? c : deriveAggTrades(c)));
    checkSymbolsDisjoint(prepared);
    const order: { c: number; i: number; at: number }[] = [];
    prepared.forEach((c, ci) => c.events.forEach((_, i) => order.push({ c: ci, i, at: c.atUs[i] })));
    order.sort((a, b) => a.at - b.at || a.c - b.c || a.i - b.i);
    if (order.length === 0) throw new ReplayOptionError("the captures hold no event to replay");
    this.events = order.map((o) => prepared[o.c].events[o.i]);
    this.atUs = Float64Array.from(order, (o) => o.at);
    this.length = this.events.length;
    this.total = this.length * repeat;
    this.periodUs = this.atUs[this.length - 1] - this.atUs[0] + 1000;

    const spotMarket = this.market === "spot";
    this.streams = this.events.map((e) => {
      if (e.kind === "frame") return e.stream;
      if (e.kind === "trade" && e.status !== "MARKET" && spotMarket) return ""; // spot has no off-book events
      return `${e.symbol.toLowerCase()}@${e.kind}`;
    });
    this.books = buildBooks(this.events, this.market);
    const price: string[] = [];
    const qty: string[] = [];
    this.idStep = new Float64Array(this.length);
    this.tradeIdStep = new Float64Array(this.length);
    this.events.forEach((e, i) => {
      if (e.kind === "frame") {
        price.push("");
        qty.push("");
        return;
      }
      const book = this.books.get(e.symbol)!;
      const offBook = e.kind === "trade" && e.status !== "MARKET";
      price.push(offBook ? "0" : spell(e.price, book.priceDecimals));
      qty.push(offBook ? "0" : spell(e.qty, book.qtyDecimals));
      this.idStep[i] = e.kind === "trade" ? book.tradeIdStep : book.aggTrades.idStep;
      this.tradeIdStep[i] = book.tradeIdStep;
    });
    this.priceText = price;
    this.qtyText = qty;
  }

  /** Schedule time of a timeline position, µs (without the rebase offset). */
  atOf(pos: number): number {
    const pass = Math.floor(pos / this.length);
    return this.atUs[pos - pass * this.length] + pass * this.periodUs;
  }

  /** Symbols that trade in the capture, sorted. */
  symbols(): string[] {
    return [...this.books.keys()].sort();
  }
}

function checkSymbolsDisjoint(captures: readonly Capture[]): void {
  const owner = new Map<string, string>();
  for (const c of captures) {
    const mine = new Set<string>();
    for (const e of c.events) if (e.kind !== "frame") mine.add(e.symbol);
    for (const s of mine) {
      const other = owner.get(s);
      if (other !== undefined) throw new CaptureFormatError(`${c.name}: symbol ${s} also trades in ${other}; ids would collide`);
      owner.set(s, c.name);
    }
  }
}

function buildBooks(events: readonly CaptureEvent[], market: Market): Map<string, SymbolBook> {
  const raw = new Map<string, { trades: number[]; offBook: number[]; aggs: number[] }>();
  events.forEach((e, i) => {
    if (e.kind === "frame") return;
    let b = raw.get(e.symbol);
    if (b === undefined) raw.set(e.symbol, (b = { trades: [], offBook: [], aggs: [] }));
    if (e.kind === "aggTrade") b.aggs.push(i);
    else if (e.status === "MARKET") b.trades.push(i);
    else b.offBook.push(i);
  });
  const books = new Map<string, SymbolBook>();
  for (const [symbol, b] of raw) {
    const all = [...b.trades, ...b.offBook].map((i) => events[i] as CaptureTrade);
    const aggs = b.aggs.map((i) => events[i] as CaptureAggTrade);
    const tradeIdStep =
      all.length > 0
        ? max(all, (t) => t.id) + 1 - min(all, (t) => t.id)
        : max(aggs, (a) => a.lastTradeId) + 1 - min(aggs, (a) => a.firstTradeId);
    const aggStep = aggs.length ? max(aggs, (a) => a.id) + 1 - min(aggs, (a) => a.id) : 1;
    let priceDecimals = SPOT_DECIMALS;
    let qtyDecimals = SPOT_DECIMALS;
    if (market === "futures") {
      const priced = [...all.filter((t) => t.status === "MARKET"), ...aggs];
      priceDecimals = Math.max(0, max(priced, (t) => decimalsOf(t.price)));
      qtyDecimals = Math.max(0, max(priced, (t) => decimalsOf(t.qty)));
    }
    books.set(symbol, {
      symbol,
      trades: idList(symbol, b.trades, events, tradeIdStep),
      offBook: idList(symbol, b.offBook, events, tradeIdStep),
      aggTrades: idList(symbol, b.aggs, events, aggStep),
      tradeIdStep,
      priceDecimals,
      qtyDecimals,
    });
  }
  return books;
}

function idList<R extends CaptureTrade | CaptureAggTrade>(
  symbol: string,
  positions: number[],
  events: readonly CaptureEvent[],
  idStep: number,
): IdList<R> {
  const sorted = [...positions].sort((a, b) => (events[a] as R).id - (events[b] as R).id);
  for (let i = 1; i < sorted.length; i++) {
    const prev = (events[sorted[i - 1]] as R).id;
    if ((events[sorted[i]] as R).id === prev) {
      throw new CaptureFormatError(`symbol ${symbol}: ${(events[sorted[i]] as R).kind} id ${prev} appears twice`);
    }
  }
  const pos = Int32Array.from(sorted);
  let inOrder = true;
  for (let i = 1; i < pos.length; i++) if (pos[i] < pos[i - 1]) inOrder = false;
  const times = sorted.map((i) => (events[i] as R).timeUs);
  return {
    records: sorted.map((i) => events[i] as R),
    pos,
    sortedPos: Int32Array.from(pos).sort(),
    inOrder,
    idStep,
    minTimeUs: times.length ? min(times, (t) => t) : 0,
    maxTimeUs: times.length ? max(times, (t) => t) : 0,
  };
}

/** Digits after the point as written: a raw capture keeps Binance's padding ("1.01100"), which is the truth. */
function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

function spell(text: string, decimals: number): string {
  return formatDecimal(parseDecimal(text), decimals);
}

function max<T>(items: readonly T[], f: (item: T) => number): number {
  let m = -Infinity;
  for (const item of items) m = Math.max(m, f(item));
  return m;
}

function min<T>(items: readonly T[], f: (item: T) => number): number {
  let m = Infinity;
  for (const item of items) m = Math.min(m, f(item));
  return m;
}
