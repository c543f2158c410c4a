import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveAggTrades } from "../../src/replay/agg-trades.ts";
import { readBinanceAggTradesDump } from "../../src/replay/binance-agg-trades-dump.ts";
import { readBinanceTradesDump } from "../../src/replay/binance-trades-dump.ts";
import { CaptureFormatError, scheduleTimes, type CaptureAggTrade, type CaptureTrade } from "../../src/replay/capture.ts";
import { formatDecimal, multiplyDecimal, parseDecimal } from "../../src/replay/decimal-text.ts";
import { readFuturesSampleCsv } from "../../src/replay/futures-sample-csv.ts";
import { readRawFrameCapture } from "../../src/replay/raw-frame-capture.ts";
import { detectCaptureFormat, readCaptureFile, readCaptureText } from "../../src/replay/read-capture.ts";
import { readSpotSampleCsv } from "../../src/replay/spot-sample-csv.ts";
import { FUTURES_CAPTURE, FUTURES_RAW_FRAMES, readRepoText, repoPath, SPOT_CAPTURE, SPOT_RAW_FRAMES } from "../helpers/paths.ts";

const FUTURES = basename(FUTURES_CAPTURE);
const SPOT = basename(SPOT_CAPTURE);

function idsOf(events: readonly { kind: string; symbol?: string; id?: number }[], kind: string, symbol: string): number[] {
  return events.filter((e) => e.kind === kind && e.symbol === symbol).map((e) => e.id!);
}

describe("decimal text keeps Binance's exact decimals", () => {
  it("re-spells exponent notation and pads to the market's places without rounding through a double", () => {
    expect(parseDecimal("6e-05")).toEqual({ units: 6n, scale: 5 });
    expect(formatDecimal(parseDecimal("6e-05"), 8)).toBe("0.00006000");
    expect(formatDecimal(parseDecimal("2926.2"), 8)).toBe("2926.20000000");
    expect(formatDecimal(parseDecimal("0.123456789"), 8)).toBe("0.12345678");
    expect(formatDecimal(parseDecimal("1.5e3"), 0)).toBe("1500");
    // 0.1 × 3 is 0.30000000000000004 in doubles; the product here is exact.
    expect(multiplyDecimal("0.1", "3")).toBe("0.3");
    expect(multiplyDecimal("0.00000638", "177.00000000", 8)).toBe("0.00112926");
  });

  it("rejects text that is not a non-negative decimal", () => {
    for (const bad of ["", "-1", "1.2.3", "abc", "NaN"]) expect(() => parseDecimal(bad)).toThrow(/not a non-negative decimal/);
  });
});

describe("the futures sample capture (row_id,symbol,price,qty,trade_time_ms,is_buyer_maker)", () => {
  const capture = readFuturesSampleCsv(readRepoText(FUTURES_CAPTURE), FUTURES);
  const trades = capture.events as CaptureTrade[];

  it("reads every row with contiguous synthetic ids per symbol in capture order", () => {
    expect(capture.market).toBe("futures");
    expect(capture.syntheticIds).toBe(true);
    expect(trades).toHaveLength(28_482);
    const btc = idsOf(trades, "trade", "BTCUSDT");
    const eth = idsOf(trades, "trade", "ETHUSDT");
    // Counts from data/samples/PROVENANCE.md.
    expect(btc).toHaveLength(8_320);
    expect(eth).toHaveLength(20_162);
    expect(btc).toEqual(Array.from({ length: 8_320 }, (_, i) => i + 1));
    expect(eth).toEqual(Array.from({ length: 20_162 }, (_, i) => i + 1));
    expect(trades[0]).toEqual({
      kind: "trade",
      symbol: "BTCUSDT",
      id: 1,
      price: "87763.5",
      qty: "0.006",
      timeUs: 1765922888978_000,
      eventTimeUs: null,
      isBuyerMaker: false,
      status: "MARKET",
    });
  });

  it("marks the 84 zero-price rows as off-book events (X = NA, price and qty 0)", () => {
    const offBook = trades.filter((t) => t.status !== "MARKET");
    expect(offBook).toHaveLength(84);
    expect(offBook.every((t) => t.status === "NA" && t.price === "0" && t.qty === "0")).toBe(true);
    // row_id 139 (an ETHUSDT row) is the first of them.
    expect(offBook[0].timeUs).toBe(1765922899470_000);
  });

  it("schedules out-of-order trade times right after their predecessor, never back in time", () => {
    let outOfOrder = 0;
    for (let i = 1; i < trades.length; i++) {
      expect(capture.atUs[i]).toBeGreaterThanOrEqual(capture.atUs[i - 1]);
      if (trades[i].timeUs < capture.atUs[i - 1]) outOfOrder++;
    }
    expect(outOfOrder).toBeGreaterThan(0);
    expect(Array.from(scheduleTimes([5, 3, 7]))).toEqual([5, 5, 7]);
  });

  it("names the line and column of a malformed row", () => {
    const text = "row_id,symbol,price,qty,trade_time_ms,is_buyer_maker\n1,BTCUSDT,87763.5,0.006,1765922888978,0\n2,BTCUSDT,abc,0.002,1765922889065,1\n";
    expect(() => readFuturesSampleCsv(text, "f.csv")).toThrow(CaptureFormatError);
    expect(() => readFuturesSampleCsv(text, "f.csv")).toThrow(/f\.csv line 3: column price "abc"/);
    expect(() => readFuturesSampleCsv("a,b\n", "f.csv")).toThrow(/expected the header/);
    expect(() => readFuturesSampleCsv("row_id,symbol,price,qty,trade_time_ms,is_buyer_maker\n1,BTCUSDT,1,1,5\n", "f.csv")).toThrow(/line 2: has 5 fields/);
  });
});

describe("the spot sample capture (trade_time_ms,symbol,price,qty)", () => {
  const capture = readSpotSampleCsv(readRepoText(SPOT_CAPTURE), SPOT);
  const trades = capture.events as CaptureTrade[];

  it("reads every row, spells exponent quantities plainly and numbers ids per symbol", () => {
    expect(capture.market).toBe("spot");
    expect(trades).toHaveLength(4_848);
    expect(trades.some((t) => t.qty === "0.00006")).toBe(true);
    expect(trades.every((t) => !/e/i.test(t.qty) && !/e/i.test(t.price))).toBe(true);
    const eth = idsOf(trades, "trade", "ETHUSDT");
    expect(eth).toEqual(Array.from({ length: eth.length }, (_, i) => i + 1));
  });

  it("infers the taker side by the tick rule (uptick: buyer took, m false; downtick: m true)", () => {
    const btc = trades.filter((t) => t.symbol === "BTCUSDT");
    expect(btc[0].isBuyerMaker).toBe(false);
    for (let i = 1; i < btc.length; i++) {
      const [a, b] = [Number(btc[i - 1].price), Number(btc[i].price)];
      if (b > a) expect(btc[i].isBuyerMaker).toBe(false);
      else if (b < a) expect(btc[i].isBuyerMaker).toBe(true);
      else expect(btc[i].isBuyerMaker).toBe(btc[i - 1].isBuyerMaker);
    }
  });
});

describe("Binance's published data dumps", () => {
  it("reads a spot trades dump with or without a header, µs or ms times", () => {
    const rows = "5001,87000.01000000,0.00100000,87.00001000,1735689600123456,True,True\n5002,87000.02,0.5,43500.01,1735689600200000,False,True\n";
    const bare = readBinanceTradesDump(rows, "BTCUSDT");
    const withHeader = readBinanceTradesDump(`id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n${rows}`, "BTCUSDT");
    expect(withHeader.events).toEqual(bare.events);
    expect(bare.market).toBe("spot");
    expect(bare.syntheticIds).toBe(false);
    const t = bare.events[0] as CaptureTrade;
    expect(t).toMatchObject({ id: 5001, price: "87000.01", qty: "0.001", timeUs: 1735689600123456, isBuyerMaker: true });
    const ms = readBinanceTradesDump("7,1.5,2,3,1735689600123,false\n", "ETHUSDT");
    expect(ms.market).toBe("futures"); // no is_best_match column
    expect((ms.events[0] as CaptureTrade).timeUs).toBe(1735689600123_000);
  });

  it("reads an aggTrades dump (spot 8 columns, futures 7) with or without a header", () => {
    const spot = readBinanceAggTradesDump(
      "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match\n26129,0.01633102,4.70443515,27781,27783,1498793709153,True,True\n",
      "ETHBTC",
    );
    expect(spot.market).toBe("spot");
    expect(spot.events[0]).toMatchObject({ kind: "aggTrade", id: 26129, firstTradeId: 27781, lastTradeId: 27783, timeUs: 1498793709153_000 });
    const fut = readBinanceAggTradesDump("1290241731,1868.42,0.0,2943174956,2943174958,1682899200037,false\n", "ETHUSDT");
    expect(fut.market).toBe("futures");
  });

  it("names the line and column of a bad dump row and refuses first_trade_id above last_trade_id", () => {
    expect(() => readBinanceTradesDump("1,2,3,4,5,true,true\n2,2,3,4,x,true,true\n", "BTCUSDT", "d.csv")).toThrow(/d\.csv line 2: column time "x"/);
    expect(() => readBinanceAggTradesDump("1,2,3,9,8,5,true\n", "BTCUSDT", "a.csv")).toThrow(/first_trade_id .* is above last_trade_id 8/);
    expect(() => readBinanceTradesDump("1,2,3,4,5,true,true\n", "btc")).toThrow(/not an upper-case symbol/);
  });

  it("takes a dump's symbol from its Binance file name", () => {
    const c = readCaptureText("1,2,3,6,1735689600000,true,true\n", "/x/BTCUSDT-trades-2025-01-01.csv");
    expect((c.events[0] as CaptureTrade).symbol).toBe("BTCUSDT");
    expect(() => readCaptureText("1,2,3,6,1735689600000,true,true\n", "trades.csv")).toThrow(/needs a symbol/);
  });
});

describe("raw frame captures (URL line, then recv_epoch_seconds: {json})", () => {
  it("turns the futures capture's aggTrade frames into events with their real, contiguous ids", () => {
    const c = readCaptureFile(repoPath(FUTURES_RAW_FRAMES));
    expect(c.market).toBe("futures");
    expect(c.syntheticIds).toBe(false);
    const aggs = c.events.filter((e) => e.kind === "aggTrade") as CaptureAggTrade[];
    expect(aggs).toHaveLength(91);
    for (const symbol of ["SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT"]) {
      const ids = idsOf(aggs, "aggTrade", symbol);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0] + i));
    }
    expect(aggs.find((a) => a.id === 16599292)).toEqual({
      kind: "aggTrade",
      symbol: "CTKUSDT",
      id: 16599292,
      price: "1.01100",
      qty: "10",
      firstTradeId: 23961322,
      lastTradeId: 23961322,
      timeUs: 1626992741421_000,
      eventTimeUs: 1626992741575_000,
      isBuyerMaker: false,
    });
  });

  it("keeps other streams' frames verbatim and schedules frames at their receive time", () => {
    const text = readRepoText(SPOT_RAW_FRAMES);
    const c = readRawFrameCapture(text, "spot.capture");
    expect(c.market).toBe("spot");
    const depth = c.events.find((e) => e.kind === "frame" && e.stream === "nknusdt@depth@100ms");
    expect(depth).toBeDefined();
    const firstLine = text.split("\n")[1];
    expect(firstLine).toContain((depth as { text: string }).text);
    expect(c.atUs[0]).toBe(1633998512063357);
    expect(c.events.filter((e) => e.kind === "aggTrade")).toHaveLength(2);
  });

  it("names the line of a broken frame", () => {
    expect(() => readRawFrameCapture("wss://stream.binance.com:9443/stream?streams=x <-> 1\n1.5: {oops\n", "r.capture")).toThrow(/r\.capture line 2: the frame is not valid JSON/);
    expect(() => readRawFrameCapture("not a url\n", "r.capture")).toThrow(/line 1: expected the stream URL/);
  });
});

describe("format detection", () => {
  it("recognises each format from its header or file name", () => {
    expect(detectCaptureFormat("a.csv", "row_id,symbol,price,qty,trade_time_ms,is_buyer_maker")).toBe("futures-sample");
    expect(detectCaptureFormat("a.csv", "trade_time_ms,symbol,price,qty")).toBe("spot-sample");
    expect(detectCaptureFormat("a.capture", "wss://fstream.binance.com/stream?streams=x <-> 1")).toBe("raw-frames");
    expect(detectCaptureFormat("BTCUSDT-aggTrades-2025-01-01.csv", "1,2,3,4,5,6,true")).toBe("aggtrades-dump");
    expect(detectCaptureFormat("BTCUSDT-trades-2025-01-01.csv", "1,2,3,4,5,true,true")).toBe("trades-dump");
    expect(detectCaptureFormat("x.csv", "1,2,3,4,5,true,true")).toBe("trades-dump");
    expect(detectCaptureFormat("x.csv", "1,2,3,4,5,6,true")).toBe("aggtrades-dump");
    expect(() => detectCaptureFormat("x.csv", "hello")).toThrow(CaptureFormatError);
  });
});

describe("aggregate trades derived from a trade capture", () => {
  it("merges consecutive same-time, same-price, same-side market trades and ends a group at an off-book event", () => {
    const text = [
      "row_id,symbol,price,qty,trade_time_ms,is_buyer_maker",
      "1,BTCUSDT,100.5,0.1,1000,0",
      "2,BTCUSDT,100.5,0.2,1000,0",
      "3,ETHUSDT,10,1,1000,1",
      "4,BTCUSDT,100.5,0.3,1000,0",
      "5,BTCUSDT,0,0,1000,0",
      "6,BTCUSDT,100.5,0.4,1000,0",
      "7,BTCUSDT,100.6,0.4,1000,0",
      "8,BTCUSDT,100.6,0.4,1001,1",
    ].join("\n");
    const c = deriveAggTrades(readFuturesSampleCsv(text));
    const aggs = c.events.filter((e) => e.kind === "aggTrade" && e.symbol === "BTCUSDT") as CaptureAggTrade[];
    expect(aggs.map((a) => [a.id, a.firstTradeId, a.lastTradeId, a.price, a.qty])).toEqual([
      [1, 1, 3, "100.5", "0.6"],
      [2, 5, 5, "100.5", "0.4"], // trade id 4 is the off-book row: it belongs to no aggregate
      [3, 6, 6, "100.6", "0.4"],
      [4, 7, 7, "100.6", "0.4"],
    ]);
    for (let i = 1; i < c.atUs.length; i++) expect(c.atUs[i]).toBeGreaterThanOrEqual(c.atUs[i - 1]);
  });

  it("covers every market trade of the spot sample exactly once, quantities summing exactly", () => {
    const c = deriveAggTrades(readSpotSampleCsv(readRepoText(SPOT_CAPTURE)));
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
      const trades = c.events.filter((e) => e.kind === "trade" && e.symbol === symbol) as CaptureTrade[];
      const aggs = c.events.filter((e) => e.kind === "aggTrade" && e.symbol === symbol) as CaptureAggTrade[];
      expect(aggs.length).toBeLessThan(trades.length); // the capture's bursts do aggregate
      const covered: number[] = [];
      for (const a of aggs) for (let id = a.firstTradeId; id <= a.lastTradeId; id++) covered.push(id);
      expect(covered).toEqual(trades.map((t) => t.id));
      const units = (xs: string[]) => xs.reduce((s, q) => s + BigInt(formatDecimal(parseDecimal(q), 8).replace(".", "")), 0n);
      expect(units(aggs.map((a) => a.qty))).toBe(units(trades.map((t) => t.qty)));
    }
  });
});
