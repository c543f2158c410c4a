import { describe, expect, it } from "vitest";
import { parseFrame } from "../../src/collector/binance-frames.ts";

const context = { recvTime: 1765922889000.5, timesInMicros: false, source: "live" };

// Payload shapes from Binance's spot and USD-M futures WebSocket docs (trade: e,E,s,t,p,q,T,m,M; aggTrade adds
// a,f,l; futures trade adds X).
const spotTrade = {
  e: "trade", E: 1765922888979, s: "BTCUSDT", t: 5_000_000_001, p: "87763.50000000", q: "0.00600000",
  T: 1765922888978, m: false, M: true,
};
const combined = (stream: string, data: unknown) => JSON.stringify({ stream, data });

describe("parseFrame turns Binance trade frames into ticks", () => {
  it("reads a combined spot trade frame", () => {
    const frame = parseFrame(combined("btcusdt@trade", spotTrade), context);
    expect(frame).toEqual({
      kind: "trade",
      tick: {
        symbol: "BTCUSDT", tradeId: 5_000_000_001, price: 87763.5, qty: 0.006, quoteQty: 87763.5 * 0.006,
        isBuyerMaker: false, tradeTime: 1765922888978, eventTime: 1765922888979, recvTime: 1765922889000.5,
        source: "live",
      },
    });
  });

  it("reads an aggTrade by its aggregate id and a raw (uncombined) frame", () => {
    const agg = { e: "aggTrade", E: 1, s: "ETHUSDT", a: 42, p: "2952.60", q: "1.5", f: 100, l: 105, T: 2, m: true, M: true };
    const frame = parseFrame(JSON.stringify(agg), context);
    expect(frame.kind === "trade" && frame.tick.tradeId).toBe(42);
    expect(frame.kind === "trade" && frame.tick.isBuyerMaker).toBe(true);
  });

  it("converts microsecond times when the stream asked for them", () => {
    const frame = parseFrame(combined("btcusdt@trade", { ...spotTrade, T: 1765922888978123, E: 1765922888979456 }), {
      ...context,
      timesInMicros: true,
    });
    expect(frame.kind === "trade" && frame.tick.tradeTime).toBeCloseTo(1765922888978.123, 3);
  });

  it("keeps futures MARKET trades and rejects off-book ones with the reason", () => {
    const futures = { ...spotTrade, X: "MARKET" };
    expect(parseFrame(combined("btcusdt@trade", futures), context).kind).toBe("trade");
    const insurance = parseFrame(combined("btcusdt@trade", { ...futures, X: "INSURANCE_FUND", p: "0", q: "0" }), context);
    expect(insurance).toEqual({
      kind: "rejected",
      symbol: "BTCUSDT",
      tradeId: 5_000_000_001,
      reason: 'trade BTCUSDT: off-book futures trade (X="INSURANCE_FUND")',
    });
  });
});

describe("parseFrame rejects malformed frames and says what is wrong", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", "{oops", /not valid JSON/],
    ["an array", "[1,2]", /not a JSON object/],
    ["combined without data", JSON.stringify({ stream: "btcusdt@trade" }), /no object field 'data'/],
    ["price not a string", combined("btcusdt@trade", { ...spotTrade, p: 87763.5 }), /field 'p' \(price\)/],
    ["price not numeric", combined("btcusdt@trade", { ...spotTrade, p: "abc" }), /field 'p' \(price\) is not a decimal string: "abc"/],
    ["hex price", combined("btcusdt@trade", { ...spotTrade, p: "0x10" }), /field 'p'/],
    ["negative quantity", combined("btcusdt@trade", { ...spotTrade, q: "-1" }), /field 'q'/],
    ["fractional id", combined("btcusdt@trade", { ...spotTrade, t: 1.5 }), /field 't' \(trade id\)/],
    ["missing trade time", combined("btcusdt@trade", { ...spotTrade, T: undefined }), /field 'T'/],
    ["maker as string", combined("btcusdt@trade", { ...spotTrade, m: "true" }), /field 'm'/],
    ["lower-case symbol", combined("btcusdt@trade", { ...spotTrade, s: "btc usdt" }), /field 's' is not a symbol/],
    ["zero price", combined("btcusdt@trade", { ...spotTrade, p: "0.000" }), /price is 0/],
    ["no event type", combined("btcusdt@trade", { s: "BTCUSDT" }), /no event type 'e'/],
  ];
  for (const [name, text, reason] of cases) {
    it(`rejects ${name}`, () => {
      const frame = parseFrame(text, context);
      expect(frame.kind).toBe("rejected");
      expect(frame.kind === "rejected" && frame.reason).toMatch(reason);
    });
  }
});

describe("parseFrame routes control and foreign frames", () => {
  it("sees serverShutdown", () => {
    expect(parseFrame(JSON.stringify({ e: "serverShutdown", E: 1 }), context)).toEqual({ kind: "shutdown" });
  });
  it("sees subscription replies", () => {
    expect(parseFrame(JSON.stringify({ result: null, id: 1 }), context)).toEqual({ kind: "reply", id: 1 });
  });
  it("skips other stream kinds without rejecting them", () => {
    const depth = combined("btcusdt@depth", { e: "depthUpdate", E: 1, s: "BTCUSDT", U: 1, u: 2, b: [], a: [] });
    expect(parseFrame(depth, context)).toEqual({ kind: "other", stream: "btcusdt@depth" });
  });
});
