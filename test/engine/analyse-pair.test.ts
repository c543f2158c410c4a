import { describe, expect, it } from "vitest";
import {
  adfTest,
  alignBars,
  analysePair,
  backtestMeanReversion,
  engleGranger,
  halfLife,
  HEDGE_RATIO_METHODS,
  hedgeRatio,
  InsufficientDataError,
  InvalidParameterError,
  PairAnalyser,
  rollingCorrelation,
  rollingOls,
  rollingZScore,
  spread,
  toBars,
  unwrap,
  ZeroVarianceError,
  type Bar,
} from "../../src/engine/index.ts";
import { futuresCaptureTrades } from "../helpers/capture-trades.ts";
import { expectRelClose, expectSeriesClose, loadFixture } from "../helpers/fixtures.ts";
import { FUTURES_CAPTURE } from "../helpers/paths.ts";

// The report is a composition of engine functions whose outputs the other engine tests check against statsmodels /
// pandas / scipy. Here: on the real capture, the fixtures' inputs are the report's aligned closes, every output of
// the report equals those functions' outputs on them (bit for bit), and the headline numbers match the fixtures.

const bars1s = toBars(futuresCaptureTrades(FUTURES_CAPTURE), "1s");
const eth = bars1s.filter((b) => b.symbol === "ETHUSDT");
const btc = bars1s.filter((b) => b.symbol === "BTCUSDT");

interface AlignCase {
  name: string;
  expected: { bucketStart: number[]; closeA: number[]; closeB: number[] };
}
interface PairCase {
  name: string;
  y: number[];
  x: number[];
}
interface HedgeCase extends PairCase {
  ols: { alpha: number; beta: number };
  theilSen: { beta: number };
}
interface RollingCase extends PairCase {
  window: number;
  exactPerWindow: { alpha: (number | null)[]; beta: (number | null)[] };
}
interface AdfCase {
  name: string;
  series?: number[];
  runs?: { regression: string; autolag: string | null; maxLag: number | null; expected: { statistic: number; pValue: number; usedLag: number } }[];
}
interface EgCase extends PairCase {
  expected: { statistic: number; pValue: number };
}
interface HalfLifeCase {
  name: string;
  series: number[];
  expected: { halfLife: number; lambda: number };
}
interface BacktestCase extends PairCase {
  options: { window: number; entryZ: number; exitZ: number; stopZ: number | null; hedge: "rolling" | "static" | number; feeBps: number };
  expected: { positions: number[]; summary: { totalPnl: number; tradeCount: number } };
}

const caseNamed = <C extends { name: string }>(fixture: string, name: string): C => {
  const found = loadFixture<C>(fixture).cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`${fixture}: no case "${name}"`);
  return found;
};

describe("analysePair on the real capture (ETH on BTC, 1 s bars, inner join, window 60)", () => {
  const report = analysePair(eth, btc, { window: 60, method: "ols", backtest: { entryZ: 2, exitZ: 0.5, stopZ: 3.5 } });
  const y = report.pair.closeA;
  const x = report.pair.closeB;

  it("aligns the legs as pandas concat does, and the fixtures' inputs are its closes", () => {
    const aligned = caseNamed<AlignCase>("align_bars", "real capture 1s closes, a=ETHUSDT, b=BTCUSDT, join=inner");
    expect(Array.from(report.pair.bucketStart)).toEqual(aligned.expected.bucketStart);
    expect(Array.from(y)).toEqual(aligned.expected.closeA);
    expect(Array.from(x)).toEqual(aligned.expected.closeB);
    expect(report.pair).toEqual(alignBars(eth, btc, { join: "inner" }));
    for (const [fixture, name] of [
      ["hedge_ratio", "real 1 s closes ETHUSDT on BTCUSDT, raw prices"],
      ["rolling_ols", "real 1 s closes ETH on BTC raw, window 60"],
      ["engle_granger", "real ETHUSDT on BTCUSDT 1s closes (raw)"],
      ["backtest", "real 1s ETH on BTC, rolling hedge w=60, entry 2 / exit 0.5 / stop 3.5"],
    ]) {
      const c = caseNamed<PairCase>(fixture, name);
      expect(c.y, `${fixture}: y`).toEqual(Array.from(y));
      expect(c.x, `${fixture}: x`).toEqual(Array.from(x));
    }
    expect(report.options).toEqual({ window: 60, method: "ols", join: "inner", backtest: { entryZ: 2, exitZ: 0.5, stopZ: 3.5 } });
  });

  it("hedges by the method asked for: hedgeRatio's result, statsmodels' OLS and scipy's Theil-Sen", () => {
    expect(report.hedge).toEqual(hedgeRatio(y, x, { method: "ols" }));
    const h = caseNamed<HedgeCase>("hedge_ratio", "real 1 s closes ETHUSDT on BTCUSDT, raw prices");
    expectRelClose(report.hedge.beta, h.ols.beta, 1e-9, "beta");
    expectRelClose(report.hedge.alpha, h.ols.alpha, 1e-9, "alpha");
    for (const method of HEDGE_RATIO_METHODS) {
      expect(analysePair(eth, btc, { window: 60, method }).hedge, method).toEqual(hedgeRatio(y, x, { method }));
    }
    expect(analysePair(eth, btc, { window: 60, method: "theil-sen" }).hedge.beta).toBe(h.theilSen.beta);
  });

  it("computes the spreads and rolling series as spread, rollingOls, rollingZScore and rollingCorrelation do", () => {
    const staticSpread = spread(y, x, report.hedge.beta, report.hedge.alpha);
    expect(report.staticSpread).toEqual(staticSpread);
    expect(report.zScore).toEqual(rollingZScore(staticSpread, 60));
    const rolling = rollingOls(y, x, 60);
    expect(report.rolling).toEqual(rolling);
    const rollingSpread = spread(y, x, rolling.beta, rolling.alpha);
    expect(report.rollingSpread).toEqual(rollingSpread);
    expect(unwrap(report.rollingSpreadZScore)).toEqual(rollingZScore(rollingSpread, 60));
    expect(report.rollingCorrelation).toEqual(rollingCorrelation(y, x, 60));
    const r = caseNamed<RollingCase>("rolling_ols", "real 1 s closes ETH on BTC raw, window 60");
    expectSeriesClose(report.rolling.beta, r.exactPerWindow.beta, 1e-9, "rolling beta");
  });

  it("tests the static spread and the pair as adfTest, engleGranger and halfLife do, with statsmodels' figures", () => {
    const s = report.staticSpread;
    expect(unwrap(report.adf)).toEqual(adfTest(s, { regression: "c", autolag: "AIC" }));
    expect(unwrap(report.engleGranger)).toEqual(engleGranger(y, x));
    expect(unwrap(report.halfLife)).toEqual(halfLife(s));

    // The ADF and half-life fixtures hold this spread rounded to 8 decimals: their figures agree to about 1e-7.
    const adfCase = caseNamed<AdfCase>("adf", "real ETH-on-BTC OLS spread 1s");
    expectSeriesClose(s, adfCase.series!, 0, "spread", 5.1e-9);
    const run = adfCase.runs!.find((r) => r.regression === "c" && r.autolag === "AIC" && r.maxLag === null)!;
    expectRelClose(unwrap(report.adf).statistic, run.expected.statistic, 1e-6, "adf statistic");
    expectRelClose(unwrap(report.adf).pValue, run.expected.pValue, 1e-6, "adf p-value");
    expect(unwrap(report.adf).usedLag).toBe(run.expected.usedLag);

    const eg = caseNamed<EgCase>("engle_granger", "real ETHUSDT on BTCUSDT 1s closes (raw)");
    expectRelClose(unwrap(report.engleGranger).statistic, eg.expected.statistic, 1e-8, "eg statistic");
    expectRelClose(unwrap(report.engleGranger).pValue, eg.expected.pValue, 1e-8, "eg p-value");

    const hl = caseNamed<HalfLifeCase>("half_life", "real ETH-on-BTC OLS spread 1s");
    expectRelClose(unwrap(report.halfLife).halfLife, hl.expected.halfLife, 1e-6, "half-life");
  });

  it("backtests as backtestMeanReversion does, with the independent reference's trades and PnL", () => {
    const options = { window: 60, entryZ: 2, exitZ: 0.5, stopZ: 3.5 };
    expect(unwrap(report.backtest!)).toEqual(backtestMeanReversion(y, x, options));
    const bt = caseNamed<BacktestCase>("backtest", "real 1s ETH on BTC, rolling hedge w=60, entry 2 / exit 0.5 / stop 3.5");
    expect(Array.from(unwrap(report.backtest!).positions)).toEqual(bt.expected.positions);
    expect(unwrap(report.backtest!).summary.tradeCount).toBe(bt.expected.summary.tradeCount);
    expectRelClose(unwrap(report.backtest!).summary.totalPnl, bt.expected.summary.totalPnl, 1e-8, "total pnl");

    // "static" trades the drawn spread: with OLS, the whole-range (look-ahead) hedge of the reference.
    const still = analysePair(eth, btc, { window: 60, backtest: { entryZ: 2, exitZ: 0.5, stopZ: 4, hedge: "static" } });
    expect(unwrap(still.backtest!)).toEqual(backtestMeanReversion(y, x, { window: 60, entryZ: 2, exitZ: 0.5, stopZ: 4, hedge: "static" }));
    const st = caseNamed<BacktestCase>("backtest", "real 1s ETH on BTC, static (look-ahead) hedge, w=60, entry 2 / exit 0.5 / stop 4");
    expect(Array.from(unwrap(still.backtest!).positions)).toEqual(st.expected.positions);
    expect(unwrap(still.backtest!).summary.tradeCount).toBe(st.expected.summary.tradeCount);

    const fees = analysePair(eth, btc, { window: 60, backtest: { entryZ: 2, exitZ: 0.5, feeBps: 1 } });
    expect(unwrap(fees.backtest!)).toEqual(backtestMeanReversion(y, x, { window: 60, entryZ: 2, exitZ: 0.5, feeBps: 1 }));
    expect(analysePair(eth, btc, { window: 60 }).backtest).toBeNull();
  });

  it("pairs with a forward fill when asked", () => {
    const ffill = analysePair(eth, btc, { window: 60, join: "ffill" });
    expect(ffill.pair).toEqual(alignBars(eth, btc, { join: "ffill" }));
    expect(ffill.hedge).toEqual(hedgeRatio(ffill.pair.closeA, ffill.pair.closeB, { method: "ols" }));
  });
});

describe("analysePair's refusals", () => {
  it("refuses a window longer than the aligned bars, naming both", () => {
    const n = alignBars(eth, btc).closeA.length;
    const error = (() => {
      try {
        analysePair(eth, btc, { window: n + 1 });
      } catch (e) {
        return e;
      }
    })() as InsufficientDataError;
    expect(error).toBeInstanceOf(InsufficientDataError);
    expect([error.fn, error.required, error.actual]).toEqual(["analysePair", n + 1, n]);
    expect(() => analysePair(eth, btc, { window: 2 })).toThrow(InvalidParameterError);
    expect(() => analysePair([], btc, { window: 3 })).toThrow(InsufficientDataError);
  });

  it("refuses a flat leg b as hedgeRatio does", () => {
    const flat: Bar[] = btc.map((b) => ({ ...b, close: 87_000 }));
    const error = (() => {
      try {
        analysePair(eth, flat, { window: 60 });
      } catch (e) {
        return e;
      }
    })() as ZeroVarianceError;
    expect(error).toBeInstanceOf(ZeroVarianceError);
    expect([error.fn, error.argument]).toEqual(["hedgeRatio", "x"]);
  });

  it("carries what the engine refuses for this data instead of throwing it", () => {
    // 839 aligned bars: a 500-bar rolling spread has 340 defined values, too few for a 500-bar z-score or backtest.
    const report = analysePair(eth, btc, { window: 500, backtest: {} });
    expect(report.rollingSpreadZScore.ok).toBe(false);
    expect(() => unwrap(report.rollingSpreadZScore)).toThrow(InsufficientDataError);
    expect(report.backtest?.ok).toBe(false);
    expect(report.adf.ok && report.engleGranger.ok && report.halfLife.ok).toBe(true);
    expect(report.zScore).toEqual(rollingZScore(report.staticSpread, 500));
  });
});

describe("PairAnalyser", () => {
  it("builds the report analysePair builds, and reruns only the stages whose inputs changed", () => {
    const analyser = new PairAnalyser();
    const options = { window: 60, method: "huber" as const, backtest: { entryZ: 2, exitZ: 0.5 } };
    const first = analyser.analyse(eth, btc, options, "v1");
    expect(first).toEqual(analysePair(eth, btc, options));

    const levels = analyser.analyse(eth, btc, { ...options, backtest: { entryZ: 1.5, exitZ: 0.25 } }, "v1");
    expect(levels.pair).toBe(first.pair);
    expect(levels.hedge).toBe(first.hedge);
    expect(levels.rolling).toBe(first.rolling);
    expect(levels.adf).toBe(first.adf);
    expect(levels.backtest).not.toBe(first.backtest);
    expect(levels).toEqual(analysePair(eth, btc, { ...options, backtest: { entryZ: 1.5, exitZ: 0.25 } }));

    const window = analyser.analyse(eth, btc, { ...options, window: 30 }, "v1");
    expect(window.hedge).toBe(first.hedge);
    expect(window.rolling).not.toBe(first.rolling);
    expect(window).toEqual(analysePair(eth, btc, { ...options, window: 30 }));

    const moved = eth.slice(0, -5);
    const data = analyser.analyse(moved, btc, options, "v2");
    expect(data.pair).not.toBe(first.pair);
    expect(data).toEqual(analysePair(moved, btc, options));
  });
});
