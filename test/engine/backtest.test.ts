import { describe, expect, it } from "vitest";
import { backtestMeanReversion, type MeanReversionOptions } from "../../src/engine/backtest.ts";
import {
  InsufficientDataError,
  InvalidParameterError,
  LengthMismatchError,
  NonFiniteValueError,
  ZeroVarianceError,
} from "../../src/engine/errors.ts";
import { expectRelClose, expectSeriesClose, expectWithinReferenceError, loadFixture } from "../helpers/fixtures.ts";

interface TradeRow {
  entryIndex: number;
  exitIndex: number;
  side: "long" | "short";
  entryZ: number;
  exitZ: number | null;
  pnl: number;
  reason: "exit" | "stop" | "end";
}

interface BacktestCase {
  name: string;
  y: number[];
  x: number[];
  options: { window: number; entryZ: number; exitZ: number; stopZ: number | null; hedge: "rolling" | "static" | number; feeBps: number };
  expected: {
    positions: number[];
    pnl: number[];
    equity: number[];
    trades: TradeRow[];
    summary: {
      totalPnl: number;
      totalFees: number;
      tradeCount: number;
      winRate: number | null;
      maxDrawdown: number;
      sharpePerBar: number | null;
    };
    beta?: (number | null)[];
    spread?: (number | null)[];
    zScore?: (number | null)[];
    fees?: number[];
  };
  exactZScore?: (number | null)[];
  minThresholdMargin: number;
  blockedEntries: number;
}

// Expected runs: the independent reference of scripts/fixtures/gen_backtest.py (per-window numpy two-pass OLS slope
// and z-score, a plain Python loop for the rule, pandas vector arithmetic for pnl, fees, equity and the summary) on
// the real capture's 1 s closes (common.real_closes("1s")) and seeded synthetic pairs.
const fixture = loadFixture<BacktestCase>("backtest");

const optionsOf = (c: BacktestCase): MeanReversionOptions => ({
  ...c.options,
  stopZ: c.options.stopZ ?? Number.POSITIVE_INFINITY,
});

describe("backtestMeanReversion equals the independent pandas/numpy reference", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      // Decisions compare z with thresholds; they can match exactly only if no z lies within rounding of one.
      expect(c.minThresholdMargin).toBeGreaterThan(1e-7);
      const run = backtestMeanReversion(Float64Array.from(c.y), Float64Array.from(c.x), optionsOf(c));
      const e = c.expected;
      expect(Array.from(run.positions)).toEqual(e.positions);
      if (e.beta) expectSeriesClose(run.beta, e.beta, 1e-9, "beta");
      if (e.spread) expectSeriesClose(run.spread, e.spread, 1e-9, "spread");
      if (e.zScore && c.exactZScore) {
        // Fixed hedge BTC − 19.24·ETH: a spread near 31,000 with a 40-bar std near 0.1. The reference's per-window
        // numpy mean then loses up to 5.2e-11 of z (1.7e-9 of the series scale); the exact rational z (same float
        // spread) is the yardstick: within 1e-9 of it, and of the reference within the reference's own error.
        expectWithinReferenceError(run.zScore, e.zScore, c.exactZScore, 1e-9, "zScore");
      } else if (e.zScore) {
        expectSeriesClose(run.zScore, e.zScore, 1e-9, "zScore");
      }
      if (e.fees && c.options.feeBps === 0) expect(run.fees.every((f) => f === 0)).toBe(true);
      else if (e.fees) expectSeriesClose(run.fees, e.fees, 1e-9, "fees");
      // Per-bar pnl is 0 while flat: it is judged against the largest bar's pnl (see expectSeriesClose).
      expectSeriesClose(run.pnl, e.pnl, 1e-9, "pnl");
      expectSeriesClose(run.equity, e.equity, 1e-9, "equity");

      expect(run.trades.length).toBe(e.trades.length);
      const pnlScale = Math.max(...e.trades.map((t) => Math.abs(t.pnl)), 0) * 1e-3;
      run.trades.forEach((t, i) => {
        const r = e.trades[i];
        expect([t.entryIndex, t.exitIndex, t.side, t.reason], `trade ${i}`).toEqual([r.entryIndex, r.exitIndex, r.side, r.reason]);
        expectRelClose(t.entryZ, r.entryZ, 1e-9, `trade ${i} entryZ`);
        expectRelClose(t.exitZ, r.exitZ, 1e-9, `trade ${i} exitZ`);
        expect(Math.abs(t.pnl - r.pnl), `trade ${i} pnl ${t.pnl} vs ${r.pnl}`).toBeLessThanOrEqual(
          1e-9 * Math.max(Math.abs(r.pnl), pnlScale),
        );
      });

      const s = run.summary;
      expect(s.tradeCount).toBe(e.summary.tradeCount);
      expectRelClose(s.winRate, e.summary.winRate, 1e-15, "winRate");
      expectRelClose(s.totalPnl, e.summary.totalPnl, 1e-9, "totalPnl");
      expectRelClose(s.totalFees, e.summary.totalFees, 1e-9, "totalFees");
      expectRelClose(s.maxDrawdown, e.summary.maxDrawdown, 1e-9, "maxDrawdown");
      expectRelClose(s.sharpePerBar, e.summary.sharpePerBar, 1e-9, "sharpePerBar");
      expect(s.totalPnl).toBe(run.equity[run.equity.length - 1]);
    });
  }

  it("the fixture exercises stops, blocked re-entries, an open trade at the end and fees", () => {
    const trades = fixture.cases.flatMap((c) => c.expected.trades);
    expect(trades.some((t) => t.reason === "stop")).toBe(true);
    expect(trades.some((t) => t.reason === "end")).toBe(true);
    expect(fixture.cases.some((c) => c.blockedEntries > 0)).toBe(true);
    expect(fixture.cases.some((c) => c.options.feeBps > 0 && c.expected.summary.totalFees > 0)).toBe(true);
  });
});

describe("backtestMeanReversion timing", () => {
  const real = fixture.cases[0];

  it("does not look ahead: cutting off the future leaves every earlier decision and pnl unchanged", () => {
    const full = backtestMeanReversion(real.y, real.x, optionsOf(real));
    for (const cut of [200, 431, 700]) {
      const part = backtestMeanReversion(real.y.slice(0, cut), real.x.slice(0, cut), optionsOf(real));
      expect(Array.from(part.positions)).toEqual(Array.from(full.positions.subarray(0, cut)));
      expect(Array.from(part.pnl)).toEqual(Array.from(full.pnl.subarray(0, cut)));
      expect(Array.from(part.zScore)).toEqual(Array.from(full.zScore.subarray(0, cut)));
    }
  });

  it("earns a bar's move only from the position set at the bar before", () => {
    // Fixed hedge 1, window 3: the spread is y − x. It jumps at bar 3 (z > 1) → short from bar 3.
    const y = [10, 10.1, 10, 13, 12.5, 12.4, 12.45, 12.42];
    const x = [0, 0, 0, 0, 0, 0, 0, 0];
    const run = backtestMeanReversion(y, x, { window: 3, entryZ: 1, exitZ: 0.1, hedge: 1 });
    expect(run.positions[3]).toBe(-1);
    expect(run.pnl[3]).toBe(0); // the jump itself is not earned: the position is taken at its close
    expect(run.pnl[4]).toBeCloseTo(0.5, 12); // short spread, spread fell 13 → 12.5
  });

  it("waits after a stop until z is back inside entryZ before shorting again", () => {
    // Spread (hedge 0: y itself) jumps: short at bar 6 (z 1.54), stopped at 7 (z 2.01 > 1.6). Bars 8–11 have
    // 1 < z ≤ 1.6, an entry signal, but the short side is blocked; z falls back inside 1 at bar 12, which clears
    // the block, and the next signal (bar 17, z 1.55) shorts again.
    const y = [0, 0.1, -0.1, 0.05, 0, -0.05, 0.2, 1.5, 1.9, 2.3, 2.7, 3.1, 2.0, 1.9, 2.0, 1.95, 2.2, 2.3];
    const run = backtestMeanReversion(y, new Array(y.length).fill(0), { window: 6, entryZ: 1, exitZ: 0.2, stopZ: 1.6, hedge: 0 });
    for (let t = 8; t <= 11; t++) expect(run.zScore[t] > 1 && run.zScore[t] <= 1.6, `z[${t}] = ${run.zScore[t]}`).toBe(true);
    expect(run.zScore[12]).toBeLessThan(1);
    expect(Array.from(run.positions)).toEqual([0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1]);
    expect(run.trades.map((t) => [t.entryIndex, t.exitIndex, t.side, t.reason])).toEqual([
      [6, 7, "short", "stop"],
      [17, 17, "short", "end"],
    ]);
  });

  it("keeps the last rolling hedge ratio through a stretch where x does not move", () => {
    const x = Array.from({ length: 60 }, (_, i) => (i >= 20 && i < 35 ? 50 : 50 + Math.sin(i / 2)));
    const y = x.map((v, i) => 2 * v + 0.3 * Math.cos(i * 1.7));
    const run = backtestMeanReversion(y, x, { window: 8 });
    // Windows ending at 27 … 34 see a flat x: no slope, so the beta of bar 26 is carried (pandas ffill).
    for (let t = 27; t <= 34; t++) expect(run.beta[t]).toBe(run.beta[26]);
    expect(run.beta[35]).not.toBe(run.beta[26]);
    expect(run.beta.subarray(7).every(Number.isFinite)).toBe(true);
  });

  it("holds the position through bars whose z is undefined (a window in which the spread did not move)", () => {
    const y = [0, 0.1, -0.1, 0, 1, 1, 1, 1, 1, 1, 0.2];
    const run = backtestMeanReversion(y, new Array(y.length).fill(0), { window: 3, entryZ: 1, exitZ: 0.1, hedge: 0 });
    expect(run.positions[4]).toBe(-1);
    expect(Number.isNaN(run.zScore[7]) && Number.isNaN(run.zScore[8]) && Number.isNaN(run.zScore[9])).toBe(true);
    expect(Array.from(run.positions.subarray(4, 10))).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(run.positions[10]).toBe(0);
  });

  it("charges fees on both legs at entry and exit, and nothing while flat", () => {
    const y = [100, 100.2, 99.9, 103, 100.1, 100, 100.05];
    const x = [50, 50, 50, 50, 50, 50, 50];
    const run = backtestMeanReversion(y, x, { window: 3, entryZ: 1, exitZ: 0.5, hedge: 2, feeBps: 10 });
    const entry = run.trades[0].entryIndex;
    expect(run.fees[entry]).toBeCloseTo(1e-3 * (y[entry] + 2 * x[entry]), 12);
    expect(run.fees.filter((f, t) => f !== 0 && run.positions[t] === run.positions[t - 1]).length).toBe(0);
  });

  it("reports no trade as a winRate of NaN, not 0", () => {
    const run = backtestMeanReversion(real.y, real.x, { window: 60, entryZ: 50, exitZ: 0 });
    expect(run.summary.tradeCount).toBe(0);
    expect(run.summary.winRate).toBeNaN();
    expect(run.summary.totalPnl).toBe(0);
    expect(Array.from(run.positions).every((p) => p === 0)).toBe(true);
  });
});

describe("backtestMeanReversion on bad input", () => {
  const y = Array.from({ length: 40 }, (_, i) => 100 + Math.sin(i));
  const x = Array.from({ length: 40 }, (_, i) => 50 + Math.cos(i / 3));

  it("names the index of a NaN price", () => {
    const bad = [...y];
    bad[7] = Number.NaN;
    expect(() => backtestMeanReversion(bad, x, { window: 5 })).toThrow(NonFiniteValueError);
    expect(() => backtestMeanReversion(bad, x, { window: 5 })).toThrow(/y\[7\] is NaN/);
  });
  it("refuses legs of different lengths", () => {
    expect(() => backtestMeanReversion(y, x.slice(1), { window: 5 })).toThrow(LengthMismatchError);
  });
  it("needs 2·window − 1 bars for a rolling hedge and its z-score", () => {
    expect(() => backtestMeanReversion(y, x, { window: 21 })).toThrow(InsufficientDataError);
    expect(() => backtestMeanReversion(y, x, { window: 20 })).not.toThrow();
    expect(() => backtestMeanReversion(y, x, { window: 21, hedge: 1 })).not.toThrow();
  });
  it("counts a flat start of x as warm-up before the z-score's window", () => {
    const flatStart = x.map((v, i) => (i < 28 ? 50 : v));
    expect(() => backtestMeanReversion(y, flatStart, { window: 14 })).toThrow(/after the hedge ratio's 28-bar warm-up/);
    expect(() => backtestMeanReversion(y, flatStart, { window: 10 })).not.toThrow();
  });
  it("refuses thresholds out of order, naming the option", () => {
    expect(() => backtestMeanReversion(y, x, { window: 5, entryZ: 0 })).toThrow(/entryZ must be/);
    expect(() => backtestMeanReversion(y, x, { window: 5, entryZ: 2, exitZ: 2 })).toThrow(/exitZ must be/);
    expect(() => backtestMeanReversion(y, x, { window: 5, exitZ: -0.1 })).toThrow(/exitZ/);
    expect(() => backtestMeanReversion(y, x, { window: 5, entryZ: 2, stopZ: 1.5 })).toThrow(/stopZ must be/);
    expect(() => backtestMeanReversion(y, x, { window: 5, feeBps: -1 })).toThrow(InvalidParameterError);
    expect(() => backtestMeanReversion(y, x, { window: 2.5 })).toThrow(/window/);
  });
  it("refuses an unknown hedge", () => {
    expect(() => backtestMeanReversion(y, x, { window: 5, hedge: "kalman" as "rolling" })).toThrow(/hedge must be/);
    expect(() => backtestMeanReversion(y, x, { window: 5, hedge: Number.NaN })).toThrow(/hedge must be/);
  });
  it("refuses a regression hedge on an x that never moves", () => {
    expect(() => backtestMeanReversion(y, new Array(40).fill(3), { window: 5 })).toThrow(ZeroVarianceError);
    expect(() => backtestMeanReversion(y, new Array(40).fill(3), { window: 5, hedge: "static" })).toThrow(ZeroVarianceError);
  });
});
