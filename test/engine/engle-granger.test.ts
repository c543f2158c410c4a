import { describe, expect, it } from "vitest";
import { engleGranger } from "../../src/engine/engle-granger.ts";
import {
  InsufficientDataError,
  LengthMismatchError,
  NonFiniteValueError,
  ZeroVarianceError,
} from "../../src/engine/errors.ts";
import { expectRelClose, loadFixture } from "../helpers/fixtures.ts";

interface EgCase {
  name: string;
  y: number[];
  x: number[];
  expected: {
    statistic: number;
    pValue: number;
    criticalValues: { "1%": number; "5%": number; "10%": number };
    hedgeRatio: number;
    intercept: number;
    usedLag: number;
    nobs: number;
  };
  exact: {
    hedgeRatio: number;
    intercept: number;
    usedLag: number;
    statistic: number;
    statisticExactRegression: number;
  };
}

// Expected values: statsmodels 0.13.5 coint(y, x, trend="c", autolag="aic"), its first-step OLS and adfuller on that
// OLS's residuals (see the fixture's `source`, written by scripts/fixtures/gen_engle_granger.py). `exact` redoes the
// first step in exact rational arithmetic: on raw BTC/ETH prices statsmodels' residuals lose digits, which moves its
// statistic by up to 9e-11 relative; this implementation's centred OLS stays within ~1e-13 of the exact answer.
const fixture = loadFixture<EgCase>("engle_granger");

describe("engleGranger equals statsmodels coint", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const got = engleGranger(c.y, c.x);
      const e = c.expected;
      expect(got.usedLag).toBe(e.usedLag);
      expect(got.nobs).toBe(e.nobs);
      expectRelClose(got.statistic, e.statistic, 1e-8, "statistic");
      expect(Math.abs(got.pValue - e.pValue), `pValue ${got.pValue} vs ${e.pValue}`).toBeLessThanOrEqual(1e-6);
      for (const level of ["1%", "5%", "10%"] as const) {
        expectRelClose(got.criticalValues[level], e.criticalValues[level], 1e-9, `critical value ${level}`);
      }
      expectRelClose(got.hedgeRatio, e.hedgeRatio, 1e-9, "hedgeRatio");
      expectRelClose(got.intercept, e.intercept, 1e-9, "intercept");
      // Against exact arithmetic: the hedge ratio, and the statistic of the exact residuals' ADF regression.
      expect(got.usedLag).toBe(c.exact.usedLag);
      expectRelClose(got.hedgeRatio, c.exact.hedgeRatio, 1e-12, "hedgeRatio vs exact");
      expectRelClose(got.statistic, c.exact.statisticExactRegression, 1e-11, "statistic vs exact");
    });
  }

  it("finds the synthetic cointegrated pair cointegrated and the independent walks not", () => {
    const coint = fixture.cases.find((c) => c.name.startsWith("cointegrated pair n=1000"))!;
    const indep = fixture.cases.find((c) => c.name.startsWith("independent random walks n=1000"))!;
    expect(engleGranger(coint.y, coint.x).pValue).toBeLessThan(0.01);
    expect(engleGranger(indep.y, indep.x).pValue).toBeGreaterThan(0.1);
  });
});

describe("engleGranger refuses bad input", () => {
  const x = Array.from({ length: 60 }, (_, i) => 100 + Math.sin(i) * 3 + 0.2 * i);
  const y = x.map((v, i) => 2 * v + 5 + Math.cos(i * 2.3));

  it("names the index of a NaN or an Infinity", () => {
    const bad = y.slice();
    bad[12] = Number.NaN;
    expect(() => engleGranger(bad, x)).toThrow(NonFiniteValueError);
    expect(() => engleGranger(bad, x)).toThrow(/y\[12\] is NaN/);
    const badX = x.slice();
    badX[3] = Number.NEGATIVE_INFINITY;
    expect(() => engleGranger(y, badX)).toThrow(/x\[3\] is -Infinity/);
  });
  it("refuses series of different lengths", () => {
    expect(() => engleGranger(y, x.slice(1))).toThrow(LengthMismatchError);
  });
  it("needs enough points", () => {
    expect(() => engleGranger([1, 2, 3, 4], [2, 1, 4, 3])).toThrow(InsufficientDataError);
  });
  it("refuses 20 points, where statsmodels' own lag cap leaves the search no degree of freedom (it reports t = 0)", () => {
    expect(() => engleGranger(y.slice(0, 20), x.slice(0, 20))).toThrow(InsufficientDataError);
  });
  it("refuses a constant leg, even at raw price level", () => {
    expect(() => engleGranger(y, new Array(60).fill(87000.5))).toThrow(ZeroVarianceError);
    expect(() => engleGranger(y, new Array(60).fill(87000.5))).toThrow(/x has zero variance/);
    expect(() => engleGranger(new Array(60).fill(2950.1), x)).toThrow(/y has zero variance/);
  });
  it("refuses an exactly linear pair, where statsmodels warns and returns -inf with p = 0", () => {
    const linear = x.map((v) => 3 * v - 7);
    expect(() => engleGranger(linear, x)).toThrow(ZeroVarianceError);
    expect(() => engleGranger(linear, x)).toThrow(/residual of y on x/);
  });
});
