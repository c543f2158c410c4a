import { describe, expect, it } from "vitest";
import { adfTest } from "../../src/engine/adf.ts";
import { InsufficientDataError, NonFiniteValueError, ZeroVarianceError } from "../../src/engine/errors.ts";
import { halfLife } from "../../src/engine/half-life.ts";
import { expectRelClose, loadFixture } from "../helpers/fixtures.ts";

interface HalfLifeCase {
  name: string;
  series: number[];
  expected: {
    lambda: number;
    alpha: number;
    stdErrLambda: number;
    tStat: number;
    meanReverting: boolean;
    halfLife: number | null;
    pValue: number;
    adfStatistic: number;
    nobs: number;
  };
  exact: { lambda: number; alpha: number; tStat: number };
}

// Expected values: statsmodels 0.13.5 OLS(np.diff(s), add_constant(s[:-1])).fit() and, for pValue,
// adfuller(s, maxlag=0, autolag=None, regression="c") (see the fixture's `source`, written by
// scripts/fixtures/gen_half_life.py). `exact` is the same regression in exact rational arithmetic.
const fixture = loadFixture<HalfLifeCase>("half_life");
const REL = 1e-9;

describe("halfLife equals statsmodels OLS of the difference on the lagged level", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const got = halfLife(c.series);
      const e = c.expected;
      expect(got.nobs).toBe(e.nobs);
      expectRelClose(got.lambda, e.lambda, REL, "lambda");
      expectRelClose(got.alpha, e.alpha, REL, "alpha");
      expectRelClose(got.stdErrLambda, e.stdErrLambda, REL, "stdErrLambda");
      expectRelClose(got.tStat, e.tStat, 1e-8, "tStat");
      expectRelClose(got.tStat, e.adfStatistic, 1e-8, "tStat as the lag-0 ADF statistic");
      expect(Math.abs(got.pValue - e.pValue), `pValue ${got.pValue} vs ${e.pValue}`).toBeLessThanOrEqual(1e-6);
      if (e.meanReverting) expectRelClose(got.halfLife, e.halfLife, REL, "halfLife");
      else expect(got.halfLife).toBe(Number.POSITIVE_INFINITY);
      expectRelClose(got.lambda, c.exact.lambda, 1e-12, "lambda vs exact");
      expectRelClose(got.tStat, c.exact.tStat, 1e-12, "tStat vs exact");
    });
  }

  it("agrees with adfTest at lag 0 with a constant", () => {
    const spread = fixture.cases.find((c) => c.name.includes("spread"))!.series;
    const adf = adfTest(spread, { regression: "c", autolag: null, maxLag: 0 });
    const hl = halfLife(spread);
    expectRelClose(hl.tStat, adf.statistic, 1e-12, "tStat");
    expect(hl.pValue).toBeCloseTo(adf.pValue, 12);
  });

  it("reports Infinity, not an error, for a series that does not revert", () => {
    const explosive = fixture.cases.find((c) => c.name.startsWith("explosive"))!;
    const got = halfLife(explosive.series);
    expect(got.lambda).toBeGreaterThan(0);
    expect(got.halfLife).toBe(Number.POSITIVE_INFINITY);
    expect(got.pValue).toBe(1);
  });
});

describe("halfLife refuses bad input", () => {
  it("names the index of a NaN or an Infinity", () => {
    expect(() => halfLife([1, 2, Number.NaN, 3, 2])).toThrow(NonFiniteValueError);
    expect(() => halfLife([1, 2, Number.NaN, 3, 2])).toThrow(/series\[2\] is NaN/);
    expect(() => halfLife([1, 2, 3, 2, Number.POSITIVE_INFINITY])).toThrow(/series\[4\] is Infinity/);
  });
  it("needs at least 4 values", () => {
    expect(() => halfLife([1, 3, 2])).toThrow(InsufficientDataError);
  });
  it("refuses a constant series, even at raw price level", () => {
    expect(() => halfLife(new Array(30).fill(87000.5))).toThrow(ZeroVarianceError);
    expect(() => halfLife(new Array(30).fill(87000.5))).toThrow(/series has zero variance/);
  });
  it("refuses a series whose lagged level is constant", () => {
    expect(() => halfLife([5, 5, 5, 5, 6])).toThrow(/the lagged level/);
  });
  it("refuses a straight line, which leaves no residual and so no t", () => {
    expect(() => halfLife([1, 2, 3, 4, 5, 6])).toThrow(ZeroVarianceError);
  });
});
