import { describe, expect, it } from "vitest";
import { InvalidTradeError, toBars } from "../../src/engine/bars.ts";
import { InvalidParameterError } from "../../src/engine/errors.ts";
import type { Bar, Trade } from "../../src/engine/types.ts";
import { futuresCaptureTrades, spotCaptureTrades } from "../helpers/capture-trades.ts";
import { loadFixture } from "../helpers/fixtures.ts";

interface Columns {
  bucketStart: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
  quoteVolume: number[];
  trades: number[];
  vwap: number[];
  buyVolume?: number[];
  sellVolume?: number[];
}

interface BarsCase {
  name: string;
  market: "futures" | "spot";
  capture: string;
  timeframe: string;
  pandasRule: string;
  origin: string;
  tradeCount: number;
  expected: Record<string, Columns>;
}

// Expected bars: pandas 1.5.3 resample(rule, label="left", closed="left") per symbol on the committed captures,
// empty buckets dropped; see the fixture's `source` and scripts/fixtures/gen_bars.py.
const fixture = loadFixture<BarsCase>("bars");

/** Sums are order-dependent in the last bits (pandas adds in time order, toBars in input order). */
const SUM_REL = 1e-9;

function relErr(actual: number, expected: number): number {
  if (expected === 0) return actual === 0 ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe("toBars equals pandas resample on the real captures", () => {
  const loaded = new Map<string, Trade[]>();
  const tradesOf = (c: BarsCase): Trade[] => {
    let t = loaded.get(c.capture);
    if (t === undefined) {
      t = c.market === "futures" ? futuresCaptureTrades(c.capture) : spotCaptureTrades(c.capture);
      loaded.set(c.capture, t);
    }
    return t;
  };

  for (const c of fixture.cases) {
    it(`${c.name}: OHLC and counts exact, sums within ${SUM_REL} relative`, () => {
      const trades = tradesOf(c);
      expect(trades.length).toBe(c.tradeCount);
      const bars = toBars(trades, c.timeframe);
      const symbols = Object.keys(c.expected).sort();
      expect([...new Set(bars.map((b) => b.symbol))]).toEqual(symbols);
      let worst = 0;
      for (const symbol of symbols) {
        const e = c.expected[symbol];
        const got = bars.filter((b) => b.symbol === symbol);
        expect(got.length, `${symbol} bar count`).toBe(e.open.length);
        got.forEach((bar, i) => {
          const at = `${symbol}[${i}]`;
          expect(bar.timeframe).toBe(c.timeframe);
          expect(bar.bucketStart, `${at}.bucketStart`).toBe(e.bucketStart[i]);
          expect([bar.open, bar.high, bar.low, bar.close, bar.trades], `${at} OHLC/count`).toEqual([
            e.open[i],
            e.high[i],
            e.low[i],
            e.close[i],
            e.trades[i],
          ]);
          const sums: [keyof Bar, number[] | undefined][] = [
            ["volume", e.volume],
            ["quoteVolume", e.quoteVolume],
            ["vwap", e.vwap],
            ["buyVolume", e.buyVolume],
            ["sellVolume", e.sellVolume],
          ];
          for (const [field, column] of sums) {
            if (column === undefined) continue; // spot: no taker side in the capture
            const err = relErr(bar[field] as number, column[i]);
            if (!(err <= SUM_REL)) expect.fail(`${at}.${field}: got ${bar[field]}, expected ${column[i]}`);
            worst = Math.max(worst, err);
          }
        });
      }
      expect(worst).toBeLessThanOrEqual(SUM_REL);
    });
  }

  it("aligns a length that does not divide a day on the Unix epoch (pandas origin='epoch')", () => {
    const c = fixture.cases.find((k) => k.timeframe === "7m") as BarsCase;
    expect(c.origin).toBe("epoch");
    for (const bar of toBars(tradesOf(c), "7m")) expect(bar.bucketStart % 420_000).toBe(0);
  });

  it("skips the 67 s recorder hole instead of emitting empty bars", () => {
    const c = fixture.cases.find((k) => k.market === "futures" && k.timeframe === "1s") as BarsCase;
    const btc = toBars(tradesOf(c), "1s").filter((b) => b.symbol === "BTCUSDT");
    let longestGap = 0;
    for (let i = 1; i < btc.length; i++) longestGap = Math.max(longestGap, btc[i].bucketStart - btc[i - 1].bucketStart);
    expect(longestGap).toBeGreaterThan(60_000);
    expect(btc.every((b) => b.trades > 0 && b.volume > 0)).toBe(true);
  });
});

const trade = (over: Partial<Trade>): Trade => ({
  symbol: "BTCUSDT",
  tradeId: 1,
  price: 87_000,
  qty: 0.01,
  isBuyerMaker: false,
  tradeTime: 1_765_922_889_000,
  ...over,
});

describe("toBars bucket rules", () => {
  it("puts a late-arriving trade in the bucket of its own trade time, and opens with it if it is earliest", () => {
    const bars = toBars(
      [
        trade({ tradeId: 1, price: 100, tradeTime: 1_500 }),
        trade({ tradeId: 2, price: 101, tradeTime: 2_100 }),
        trade({ tradeId: 3, price: 99, tradeTime: 1_200 }), // arrives after a trade of the next second
        trade({ tradeId: 4, price: 102, tradeTime: 1_900 }),
      ],
      "1s",
    );
    expect(bars.map((b) => [b.bucketStart, b.open, b.close, b.trades])).toEqual([
      [1_000, 99, 102, 3],
      [2_000, 101, 101, 1],
    ]);
  });

  it("breaks equal trade times by input order: first opens, last closes", () => {
    const bars = toBars(
      [
        trade({ tradeId: 10, price: 5, tradeTime: 0 }),
        trade({ tradeId: 11, price: 6, tradeTime: 0 }),
        trade({ tradeId: 12, price: 7, tradeTime: 0 }),
      ],
      "1s",
    );
    expect([bars[0].open, bars[0].close, bars[0].high, bars[0].low]).toEqual([5, 7, 7, 5]);
  });

  it("labels a bucket by its left edge and puts a trade on the edge into the new bucket", () => {
    const bars = toBars([trade({ tradeTime: 59_999 }), trade({ tradeTime: 60_000 })], "1m");
    expect(bars.map((b) => b.bucketStart)).toEqual([0, 60_000]);
  });

  it("splits taker buys (isBuyerMaker false) from taker sells and weights the VWAP by quantity", () => {
    const [bar] = toBars(
      [
        trade({ price: 100, qty: 1, isBuyerMaker: false }),
        trade({ price: 110, qty: 3, isBuyerMaker: true }),
      ],
      "1s",
    );
    expect([bar.buyVolume, bar.sellVolume, bar.volume, bar.quoteVolume, bar.vwap]).toEqual([1, 3, 4, 430, 107.5]);
  });

  it("sorts bars by symbol, then bucket, whatever the input order", () => {
    const bars = toBars(
      [
        trade({ symbol: "ETHUSDT", tradeTime: 3_000 }),
        trade({ symbol: "BTCUSDT", tradeTime: 2_000 }),
        trade({ symbol: "ETHUSDT", tradeTime: 1_000 }),
      ],
      "1s",
    );
    expect(bars.map((b) => `${b.symbol}@${b.bucketStart}`)).toEqual(["BTCUSDT@2000", "ETHUSDT@1000", "ETHUSDT@3000"]);
  });

  it("labels bars with the canonical timeframe: 60s bars are 1m bars", () => {
    const input = [trade({ tradeTime: 10 }), trade({ tradeTime: 70_000 })];
    expect(toBars(input, "60s")).toEqual(toBars(input, "1m"));
    expect(toBars(input, "60s")[0].timeframe).toBe("1m");
  });

  it("returns no bars for no trades", () => {
    expect(toBars([], "1s")).toEqual([]);
  });
});

describe("toBars on bad input", () => {
  const cases: [string, Partial<Trade>, RegExp][] = [
    ["a NaN price", { price: Number.NaN }, /trades\[2\]\.price is NaN/],
    ["a zero price", { price: 0 }, /trades\[2\]\.price is 0/],
    ["an infinite quantity", { qty: Number.POSITIVE_INFINITY }, /trades\[2\]\.qty is Infinity/],
    ["a zero quantity", { qty: 0 }, /trades\[2\]\.qty is 0/],
    ["a negative quantity", { qty: -0.5 }, /trades\[2\]\.qty is -0\.5/],
    ["a NaN trade time", { tradeTime: Number.NaN }, /trades\[2\]\.tradeTime is NaN/],
    ["an empty symbol", { symbol: "" }, /trades\[2\]\.symbol is ""/],
  ];
  for (const [what, bad, message] of cases) {
    it(`names the index and field of ${what}`, () => {
      const input = [trade({}), trade({}), trade(bad)];
      expect(() => toBars(input, "1s")).toThrow(InvalidTradeError);
      expect(() => toBars(input, "1s")).toThrow(message);
      try {
        toBars(input, "1s");
      } catch (error) {
        expect((error as InvalidTradeError).index).toBe(2);
      }
    });
  }

  it("refuses a timeframe that is not a bar length, naming the parameter", () => {
    expect(() => toBars([trade({})], "1w")).toThrow(InvalidParameterError);
    expect(() => toBars([trade({})], "5min")).toThrow(/timeframe/);
  });
});
