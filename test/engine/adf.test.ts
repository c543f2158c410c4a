import { describe, expect, it } from "vitest";
import { adfTest, type AdfAutolag, type AdfRegression } from "../../src/engine/adf.ts";
import {
  InsufficientDataError,
  InvalidParameterError,
  LengthMismatchError,
  NonFiniteValueError,
  ZeroVarianceError,
} from "../../src/engine/errors.ts";
import { leastSquares } from "../../src/engine/least-squares.ts";
import { mackinnoncrit, mackinnonp, type MacKinnonRegression } from "../../src/engine/mackinnon.ts";
import { expectRelClose, expectSeriesClose, loadFixture } from "../helpers/fixtures.ts";

interface AdfRun {
  regression: AdfRegression;
  autolag: AdfAutolag;
  maxLag: number | null;
  expected: {
    statistic: number;
    pValue: number;
    usedLag: number;
    nobs: number;
    criticalValues: { "1%": number; "5%": number; "10%": number };
    icBest: number | null;
  };
  exact?: { statistic: number };
}
interface AdfCase {
  kind: "adf";
  name: string;
  series: number[];
  runs: AdfRun[];
}
interface PCase {
  kind: "mackinnonp";
  name: string;
  regression: MacKinnonRegression;
  N: number;
  stats: number[];
  pValues: number[];
}
interface CritCase {
  kind: "mackinnoncrit";
  name: string;
  regression: MacKinnonRegression;
  N: number;
  nobs: (number | null)[];
  values: [number, number, number][];
}
interface LsCase {
  kind: "leastSquares";
  name: string;
  columns: number[][];
  y: number[];
  expected: {
    params: number[];
    stdErrors: number[];
    tValues: number[];
    ssr: number;
    nobs: number;
    dfResid: number;
    llf: number;
    aic: number;
    bic: number;
  };
  exact: { params: number[]; tValues: number[] };
}
type Case = AdfCase | PCase | CritCase | LsCase;

// Expected values: statsmodels 0.13.5 adfuller / mackinnonp / mackinnoncrit (see the fixture's `source`, written by
// scripts/fixtures/gen_adf.py). `exact` is the final ADF regression redone in exact rational arithmetic: statsmodels'
// pseudo-inverse loses digits on raw BTC prices without a constant (up to 7.4e-10 relative), where this QR keeps ~1e-15.
const fixture = loadFixture<Case>("adf");
const STAT_REL = 1e-8; // required: statistic vs statsmodels
const EXACT_REL = 1e-11; // ours vs the exact-arithmetic statistic (observed ≤ 8e-13)
const P_ABS = 1e-6; // required
const CRIT_REL = 1e-9; // required
const IC_REL = 1e-8; // required

describe("adfTest equals statsmodels adfuller", () => {
  for (const c of fixture.cases) {
    if (c.kind !== "adf") continue;
    describe(c.name, () => {
      for (const r of c.runs) {
        const label = `regression ${r.regression}, autolag ${r.autolag}, maxLag ${r.maxLag ?? "default"}`;
        it(label, () => {
          const got = adfTest(c.series, { regression: r.regression, autolag: r.autolag, maxLag: r.maxLag ?? undefined });
          const e = r.expected;
          expect(got.usedLag).toBe(e.usedLag);
          expect(got.nobs).toBe(e.nobs);
          expectRelClose(got.statistic, e.statistic, STAT_REL, "statistic");
          if (r.exact) expectRelClose(got.statistic, r.exact.statistic, EXACT_REL, "statistic vs exact arithmetic");
          expect(Math.abs(got.pValue - e.pValue), `pValue ${got.pValue} vs ${e.pValue}`).toBeLessThanOrEqual(P_ABS);
          for (const level of ["1%", "5%", "10%"] as const) {
            expectRelClose(got.criticalValues[level], e.criticalValues[level], CRIT_REL, `critical value ${level}`);
          }
          if (r.autolag === null) expect(got.icBest).toBeUndefined();
          else expectRelClose(got.icBest as number, e.icBest, IC_REL, "icBest");
        });
      }
    });
  }
});

describe("leastSquares (the QR under adfTest) equals statsmodels OLS", () => {
  for (const c of fixture.cases) {
    if (c.kind !== "leastSquares") continue;
    it(c.name, () => {
      const fit = leastSquares(c.y, c.columns);
      const e = c.expected;
      expect(fit.nobs).toBe(e.nobs);
      expect(fit.dfResid).toBe(e.dfResid);
      expectSeriesClose(fit.params, e.params, 1e-9, "params");
      expectSeriesClose(fit.stdErrors, e.stdErrors, 1e-9, "stdErrors");
      expectSeriesClose(fit.tValues, e.tValues, 1e-9, "tValues");
      expectRelClose(fit.ssr, e.ssr, 1e-9, "ssr");
      expectRelClose(fit.llf, e.llf, 1e-9, "llf");
      expectRelClose(fit.aic, e.aic, 1e-9, "aic");
      expectRelClose(fit.bic, e.bic, 1e-9, "bic");
      // The raw-price case is ill-conditioned (BTC and its own lag, nearly collinear, at a level of 87,000): both
      // statsmodels' pseudo-inverse (≤ 2.1e-11) and this QR (≤ 1.2e-11) sit that far from the exact answer.
      expectSeriesClose(fit.params, c.exact.params, 1e-10, "params vs exact");
      expectSeriesClose(fit.tValues, c.exact.tValues, 1e-10, "tValues vs exact");
    });
  }
  it("refuses mismatched, empty, too-short and collinear designs, naming the column", () => {
    expect(() => leastSquares([1, 2, 3], [[1, 2]])).toThrow(LengthMismatchError);
    expect(() => leastSquares([1, 2, 3], [])).toThrow(InvalidParameterError);
    expect(() => leastSquares([1, 2], [[1, 1], [0, 1]])).toThrow(InsufficientDataError);
    expect(() => leastSquares([1, 2, 3, 5], [[1, 1, 1, 1], [2, 2, 2, 2]])).toThrow(/columns\[1\] \(net of the regressors before it\) has zero variance/);
    expect(() => leastSquares([1, 2, Number.NaN], [[1, 1, 1]])).toThrow(/y\[2\] is NaN/);
    expect(() => leastSquares([1, 2, 3], [[1, 1, 1], [0, Infinity, 1]])).toThrow(/columns\[1\]\[1\] is Infinity/);
  });
});

describe("mackinnonp equals statsmodels mackinnonp (MacKinnon 1994 surfaces)", () => {
  for (const c of fixture.cases) {
    if (c.kind !== "mackinnonp") continue;
    it(c.name, () => {
      c.stats.forEach((stat, i) => {
        const got = mackinnonp(stat, c.regression, c.N);
        // Observed ≤ 5e-16: the normal CDF here is accurate to a few ulps, far inside the required 1e-6.
        expect(Math.abs(got - c.pValues[i]), `stat ${stat}: got ${got}, expected ${c.pValues[i]}`).toBeLessThanOrEqual(1e-12);
      });
    });
  }
  it("maps ±Infinity to 0 and 1, as statsmodels does for a collinear pair", () => {
    expect(mackinnonp(Number.NEGATIVE_INFINITY, "c", 2)).toBe(0);
    expect(mackinnonp(Number.POSITIVE_INFINITY, "n", 1)).toBe(1);
  });
  it("refuses a NaN statistic, an unknown regression and N outside the tables", () => {
    expect(() => mackinnonp(Number.NaN)).toThrow(InvalidParameterError);
    expect(() => mackinnonp(-2, "ctt" as MacKinnonRegression)).toThrow(/regression/);
    expect(() => mackinnonp(-2, "c", 7)).toThrow(/N must be a whole number from 1 to 6/);
  });
});

describe("mackinnoncrit equals statsmodels mackinnoncrit (MacKinnon 2010 tables)", () => {
  for (const c of fixture.cases) {
    if (c.kind !== "mackinnoncrit") continue;
    it(c.name, () => {
      c.nobs.forEach((nobs, i) => {
        const got = mackinnoncrit(c.N, c.regression, nobs ?? Number.POSITIVE_INFINITY);
        // Observed: bit-identical (same constants, same Horner order as numpy polyval).
        for (let j = 0; j < 3; j++) expectRelClose(got[j], c.values[i][j], 1e-12, `nobs ${nobs}, level ${j}`);
      });
    });
  }
  it("has only N = 1 for the no-constant case, as the 2010 paper", () => {
    expect(() => mackinnoncrit(2, "n", 100)).toThrow(/N must be a whole number from 1 to 1/);
    expect(() => mackinnoncrit(1, "c", 0)).toThrow(InvalidParameterError);
  });
});

describe("adfTest on its own terms", () => {
  const walk = fixture.cases.find((c): c is AdfCase => c.kind === "adf" && c.name.startsWith("random walk n=25"))!.series;

  it("returns icBest undefined when no lag search is run", () => {
    expect(adfTest(walk, { autolag: null, maxLag: 2 }).icBest).toBeUndefined();
  });
  it("uses maxLag itself when autolag is null", () => {
    const r = adfTest(walk, { autolag: null, maxLag: 3 });
    expect(r.usedLag).toBe(3);
    expect(r.nobs).toBe(walk.length - 1 - 3);
  });
  it("accepts any array-like of numbers", () => {
    const a = adfTest(Float64Array.from(walk));
    const b = adfTest(walk);
    expect(a.statistic).toBe(b.statistic);
  });
});

describe("adfTest refuses bad input", () => {
  const base = Array.from({ length: 40 }, (_, i) => Math.sin(i * 1.7) + 0.1 * i);

  it("names the index of a NaN or an Infinity", () => {
    const withNaN = base.slice();
    withNaN[7] = Number.NaN;
    expect(() => adfTest(withNaN)).toThrow(NonFiniteValueError);
    expect(() => adfTest(withNaN)).toThrow(/series\[7\] is NaN/);
    const withInf = base.slice();
    withInf[31] = Number.POSITIVE_INFINITY;
    expect(() => adfTest(withInf)).toThrow(/series\[31\] is Infinity/);
  });
  it("needs enough points for the deterministic terms", () => {
    expect(() => adfTest([1, 2, 4], { regression: "c" })).toThrow(InsufficientDataError);
    expect(() => adfTest([1, 3, 2, 5, 4], { regression: "ct" })).toThrow(InsufficientDataError);
  });
  it("refuses a maxLag the series cannot hold (statsmodels: maxlag must be < nobs/2 - 1 - ntrend)", () => {
    expect(() => adfTest(base, { maxLag: 19 })).toThrow(InsufficientDataError);
    expect(() => adfTest(base, { maxLag: 19 })).toThrow(/19 lags/);
  });
  it("refuses a search whose largest regression has no residual degree of freedom (statsmodels returns t = 0)", () => {
    // n = 10, regression "n": statsmodels' default cap gives maxlag 4 → 5 rows, 5 columns; it reports t = -0.0.
    expect(() => adfTest(base.slice(0, 10), { regression: "n" })).toThrow(InsufficientDataError);
  });
  it("refuses a maxLag that is not a whole number >= 0", () => {
    expect(() => adfTest(base, { maxLag: -1 })).toThrow(InvalidParameterError);
    expect(() => adfTest(base, { maxLag: 1.5 })).toThrow(/maxLag/);
  });
  it("refuses unknown regression and autolag options", () => {
    expect(() => adfTest(base, { regression: "ctt" as AdfRegression })).toThrow(/regression/);
    expect(() => adfTest(base, { autolag: "aic" as AdfAutolag })).toThrow(/autolag/);
  });
  it("refuses a constant series, even at raw price level", () => {
    expect(() => adfTest(new Array(50).fill(87000.5))).toThrow(ZeroVarianceError);
    expect(() => adfTest(new Array(50).fill(87000.5))).toThrow(/series has zero variance/);
  });
  it("refuses a straight line: its lagged differences are collinear with the constant", () => {
    const line = Array.from({ length: 50 }, (_, i) => 100 + 0.5 * i);
    expect(() => adfTest(line, { maxLag: 2 })).toThrow(ZeroVarianceError);
    expect(() => adfTest(line, { maxLag: 2 })).toThrow(/lag 1 of the differences of series/);
  });
});
