import { describe, expect, it } from "vitest";
import { toBars } from "../../src/engine/bars.ts";
import { InsufficientDataError, InvalidParameterError, NonFiniteValueError } from "../../src/engine/errors.ts";
import { priceStats, priceStatsFromBars, SECONDS_PER_YEAR } from "../../src/engine/price-stats.ts";
import type { Trade } from "../../src/engine/types.ts";
import { expectRelClose, loadFixture } from "../helpers/fixtures.ts";

interface Expected {
  first: number;
  last: number;
  change: number;
  changePct: number;
  high: number;
  low: number;
  mean: number;
  stdLogReturns: number;
  annualisedVolatility: number;
  periodsPerYear: number;
  count: number;
}

interface StatsCase {
  name: string;
  timeframe: string;
  closes: number[];
  expected: Expected;
  exact: { stdLogReturns: number; annualisedVolatility: number };
}

// Expected: pandas 1.5.3 / numpy on pd.Series(closes) (np.log(s).diff().std() for the volatility, ddof 1);
// exact: the log returns and their std in 50-digit mpmath. See scripts/fixtures/gen_price_stats.py.
const fixture = loadFixture<StatsCase>("price_stats");

describe("priceStats equals pandas on real and synthetic closes", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const s = priceStats(Float64Array.from(c.closes), c.timeframe);
      const e = c.expected;
      expect([s.first, s.last, s.high, s.low, s.count]).toEqual([e.first, e.last, e.high, e.low, e.count]);
      expect(s.change).toBe(e.change);
      expect(s.periodsPerYear).toBe(e.periodsPerYear);
      expectRelClose(s.changePct, e.changePct, 1e-12, "changePct");
      expectRelClose(s.mean, e.mean, 1e-12, "mean");
      expectRelClose(s.stdLogReturns, e.stdLogReturns, 1e-9, "stdLogReturns vs pandas");
      expectRelClose(s.annualisedVolatility, e.annualisedVolatility, 1e-9, "annualisedVolatility vs pandas");
      // pandas differs from the 50-digit value by up to 6.5e-13 on 1 s returns (log(a) − log(b) near 11.4 cancels);
      // log1p of the relative change keeps those digits.
      expectRelClose(s.stdLogReturns, c.exact.stdLogReturns, 1e-13, "stdLogReturns vs mpmath");
      expectRelClose(s.annualisedVolatility, c.exact.annualisedVolatility, 1e-13, "annualisedVolatility vs mpmath");
    });
  }

  it("annualises over a 365-day crypto year", () => {
    expect(SECONDS_PER_YEAR).toBe(31_536_000);
    const s = priceStats([100, 101, 100, 102], "1h");
    expect(s.periodsPerYear).toBe(8_760);
    expect(s.annualisedVolatility).toBeCloseTo(s.stdLogReturns * Math.sqrt(8_760), 14);
    expect(s.changePct).toBe(2);
  });

  it("reports zero volatility for a price that never moves", () => {
    expect(priceStats([5, 5, 5], "1m").stdLogReturns).toBe(0);
  });
});

describe("priceStatsFromBars", () => {
  const trade = (price: number, tradeTime: number, symbol = "BTCUSDT"): Trade => ({
    symbol,
    tradeId: tradeTime,
    price,
    qty: 1,
    isBuyerMaker: false,
    tradeTime,
  });
  it("uses the bars' closes and their timeframe", () => {
    const bars = toBars([trade(100, 0), trade(99, 30_000), trade(101, 60_000), trade(100, 120_000)], "1m");
    expect(priceStatsFromBars(bars)).toEqual(priceStats([99, 101, 100], "1m"));
  });
  it("refuses bars of two symbols, naming the index", () => {
    const bars = toBars([trade(100, 0), trade(101, 60_000), trade(100, 0, "ETHUSDT")], "1m");
    expect(() => priceStatsFromBars(bars)).toThrow(/bars\[2\]\.symbol is "ETHUSDT"/);
  });
  it("refuses fewer than 3 bars", () => {
    expect(() => priceStatsFromBars(toBars([trade(100, 0)], "1m"))).toThrow(InsufficientDataError);
  });
});

describe("priceStats on bad input", () => {
  it("names the index of a NaN close", () => {
    expect(() => priceStats([1, 2, Number.NaN], "1s")).toThrow(NonFiniteValueError);
    expect(() => priceStats([1, 2, Number.NaN], "1s")).toThrow(/closes\[2\] is NaN/);
  });
  it("names the index of a non-positive close", () => {
    expect(() => priceStats([1, 0, 2], "1s")).toThrow(InvalidParameterError);
    expect(() => priceStats([1, 2, -3], "1s")).toThrow(/closes\[2\] is -3/);
  });
  it("needs two returns for a sample std", () => {
    expect(() => priceStats([1, 2], "1s")).toThrow(InsufficientDataError);
  });
  it("refuses an unknown timeframe", () => {
    expect(() => priceStats([1, 2, 3], "1w")).toThrow(/timeframe/);
  });
});
