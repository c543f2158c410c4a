import { describe, expect, it } from "vitest";
import {
  InsufficientDataError,
  InvalidParameterError,
  LengthMismatchError,
  NonFiniteValueError,
  ZeroVarianceError,
} from "../../src/engine/errors.ts";
import { HEDGE_RATIO_METHODS, hedgeRatio, type HedgeRatioResult } from "../../src/engine/hedge-ratio.ts";
import { huberRegression } from "../../src/engine/huber.ts";
import { kalmanRegression, type KalmanOptions } from "../../src/engine/kalman.ts";
import { ols } from "../../src/engine/ols.ts";
import { pairwiseSlopeOrderStatistics, theilSenRegression } from "../../src/engine/theil-sen.ts";
import { expectRelClose, expectSeriesClose, loadFixture, ulpFloor } from "../helpers/fixtures.ts";

interface HuberFit {
  alpha: number;
  beta: number;
  stdErrAlpha: number;
  stdErrBeta: number;
  scale: number;
  iterations: number;
}

interface KalmanSeries {
  beta: number[];
  alpha: number[];
  innovation: number[];
  innovationVariance: number[];
}

interface KalmanCase {
  label: string;
  options: KalmanOptions;
  expected: KalmanSeries;
  exact?: KalmanSeries;
  statsmodels?: KalmanSeries;
  numpyVsExact: { beta: number; alpha: number };
}

interface HedgeCase {
  name: string;
  y: number[];
  x: number[];
  ols: { alpha: number; beta: number };
  huber: { statsmodels: HuberFit; exact: HuberFit };
  theilSen: { alpha: number; beta: number; lowSlope: number | null; highSlope: number | null; pairs: number };
  kalman: KalmanCase[];
}

// Expected values come from scripts/fixtures/gen_hedge_ratio.py (see the fixture's `source`):
// - huber.statsmodels: statsmodels 0.13.5 RLM(y, add_constant(x), M=HuberT()).fit() defaults (cov H1);
//   huber.exact: the same IRLS replayed in 40-digit mpmath, because statsmodels solves each weighted
//   least-squares pass through a pseudo-inverse of √w·[1, x], which at price levels loses up to ~8 digits.
// - theilSen: scipy 1.10.1 stats.theilslopes(y, x) (for n = 12,000 the same code with slopes built row by row).
// - kalman.expected: independent numpy implementation (Joseph form); kalman.statsmodels: statsmodels' state-space
//   filter on the same model; kalman.exact: the filter in 40-digit mpmath.
const fixture = loadFixture<HedgeCase>("hedge_ratio");
const REL = 1e-9;

/**
 * Ours must be within REL of the 40-digit yardstick, and may differ from the float reference only by as much as
 * that reference differs from the yardstick (plus REL): we are never further from statsmodels than it is from
 * the truth.
 */
function expectScalarWithinReferenceError(actual: number, reference: number, exact: number, label: string): void {
  expectRelClose(actual, exact, REL, `${label} vs 40-digit`);
  const allowed = Math.abs(reference - exact) + REL * Math.abs(exact);
  expect(Math.abs(actual - reference), `${label}: got ${actual}, reference ${reference}, exact ${exact}`).toBeLessThanOrEqual(
    allowed,
  );
}

/** Series version: |actual − reference| ≤ |reference − exact| + REL·max(|exact|, 1e-3·max|exact|) + floor. */
function expectSeriesWithinReferenceError(
  actual: Float64Array,
  reference: readonly number[],
  exact: readonly number[],
  label: string,
  floor = 0,
): number {
  const worst = expectSeriesClose(actual, exact, REL, `${label} vs 40-digit`, floor);
  let maxAbs = 0;
  for (const v of exact) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (let i = 0; i < exact.length; i++) {
    const allowed = Math.abs(reference[i] - exact[i]) + REL * Math.max(Math.abs(exact[i]), 1e-3 * maxAbs) + floor;
    if (!(Math.abs(actual[i] - reference[i]) <= allowed)) {
      expect.fail(`${label}[${i}]: got ${actual[i]}, reference ${reference[i]}, exact ${exact[i]}`);
    }
  }
  return worst;
}

describe("huber matches statsmodels RLM(HuberT) and its 40-digit replay", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const fit = huberRegression(c.y, c.x);
      const { statsmodels: sm, exact } = c.huber;
      expectScalarWithinReferenceError(fit.alpha, sm.alpha, exact.alpha, "alpha");
      expectScalarWithinReferenceError(fit.beta, sm.beta, exact.beta, "beta");
      expectScalarWithinReferenceError(fit.scale, sm.scale, exact.scale, "scale");
      expectScalarWithinReferenceError(fit.stdErrAlpha, sm.stdErrAlpha, exact.stdErrAlpha, "stdErrAlpha (H1)");
      expectScalarWithinReferenceError(fit.stdErrBeta, sm.stdErrBeta, exact.stdErrBeta, "stdErrBeta (H1)");
      expect(fit.n).toBe(c.y.length);
      if (sm.iterations === exact.iterations) {
        expect(fit.iterations).toBe(exact.iterations);
      } else {
        // At price levels statsmodels' deviance carries pinv rounding noise above tol=1e-8 and it runs to
        // maxiter=50; the exact replay converges sooner. Ours stops somewhere in between, on the same fixed point.
        expect(fit.iterations).toBeGreaterThanOrEqual(exact.iterations);
        expect(fit.iterations).toBeLessThanOrEqual(50);
      }
      for (const w of fit.weights) expect(w > 0 && w <= 1).toBe(true);
    });
  }

  it("pulls the slope back from the outliers that move OLS (synthetic pair with shocks)", () => {
    const c = fixture.cases.find((k) => k.name.startsWith("cointegrated pair n=1000"))!;
    const fit = huberRegression(c.y, c.x);
    const least = ols(c.y, c.x);
    // OLS 1.546 vs Huber 1.496 around a true slope of 1.5: some twenty robust standard errors apart.
    expect(Math.abs(least.beta - fit.beta)).toBeGreaterThan(10 * fit.stdErrBeta);
    expect(Math.abs(fit.beta - 1.5)).toBeLessThan(3 * fit.stdErrBeta);
  });

  it("stops at the OLS start with scale 0 when most residuals are exactly zero (statsmodels' scale == 0 rule)", () => {
    // y = x plus a bump orthogonal to [1, x]: OLS is exactly y = x and 4 of 7 residuals are 0. statsmodels'
    // pseudo-inverse leaves ~1e-15 residuals there, so it iterates on (params [7e-15, 1], bse ~1e-14);
    // centred sums give the exact zeros and take its `scale == 0` exit.
    const fit = huberRegression([1, 3, 1, 5, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7]);
    expect(fit.scale).toBe(0);
    expect(fit.iterations).toBe(1);
    expect([fit.alpha, fit.beta, fit.stdErrAlpha, fit.stdErrBeta]).toEqual([0, 1, 0, 0]);
  });
});

describe("theil-sen equals scipy.stats.theilslopes", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const fit = theilSenRegression(c.y, c.x);
      // The same float operations in the same order as scipy: bit-for-bit equality, not just 1e-12.
      expect(fit.beta).toBe(c.theilSen.beta);
      expect(fit.alpha).toBe(c.theilSen.alpha);
      expect(fit.lowSlope).toBe(c.theilSen.lowSlope ?? Number.NaN);
      expect(fit.highSlope).toBe(c.theilSen.highSlope ?? Number.NaN);
      expect(fit.pairs).toBe(c.theilSen.pairs);
    });
  }

  it("gives the same order statistics whether the slopes are stored or streamed through brackets", () => {
    const c = fixture.cases[0]; // real raw prices: many ties in x, y and in the slopes
    const pairs = c.theilSen.pairs;
    const ranks = [0, 1, Math.floor(pairs / 3), Math.floor((pairs - 1) / 2), Math.floor(pairs / 2), pairs - 1];
    const stored = pairwiseSlopeOrderStatistics(c.y, c.x, ranks, { streaming: false });
    expect(pairwiseSlopeOrderStatistics(c.y, c.x, ranks, { streaming: true, sampleSize: 4096 })).toEqual(stored);
    // A sample of 3 pairs brackets badly: the widen-and-recount path must still land on the exact slopes.
    expect(pairwiseSlopeOrderStatistics(c.y, c.x, ranks, { streaming: true, sampleSize: 3 })).toEqual(stored);
  });

  it("leaves the bounds NaN where Sen's variance is negative, as scipy does (constant y with tied x)", () => {
    const fit = theilSenRegression([5, 5, 5, 5], [1, 1, 2, 3]);
    expect(fit.beta).toBe(0);
    expect(fit.lowSlope).toBeNaN();
    expect(fit.highSlope).toBeNaN();
  });

  it("refuses more points than maxPoints, naming the option and the O(n²) cost", () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(() => theilSenRegression(x, x, { maxPoints: 100 })).toThrow(InvalidParameterError);
    expect(() => theilSenRegression(x, x, { maxPoints: 100 })).toThrow(/maxPoints is 100 .*101 values.*O\(n²\)/);
    expect(theilSenRegression(x, x, { maxPoints: 101 }).beta).toBe(1);
  });
});

describe("kalman filter matches the numpy reference, statsmodels' state-space filter and a 40-digit run", () => {
  for (const c of fixture.cases) {
    for (const k of c.kalman) {
      it(`${c.name}: ${k.label}`, () => {
        const fit = kalmanRegression(c.y, c.x, k.options);
        const floor = ulpFloor(c.y);
        if (k.exact !== undefined) {
          // numpy's textbook covariance update loses digits in the diffuse-prior case (numpyVsExact up to 1e-5):
          // there we must stay within REL of the 40-digit filter and may differ from numpy only by numpy's error.
          expectSeriesWithinReferenceError(fit.betaSeries, k.expected.beta, k.exact.beta, "beta");
          expectSeriesWithinReferenceError(fit.alphaSeries, k.expected.alpha, k.exact.alpha, "alpha");
          expectSeriesWithinReferenceError(fit.innovation, k.expected.innovation, k.exact.innovation, "innovation", floor);
          expectSeriesWithinReferenceError(
            fit.innovationVariance,
            k.expected.innovationVariance,
            k.exact.innovationVariance,
            "innovationVariance",
          );
          if (k.statsmodels !== undefined) {
            expectSeriesWithinReferenceError(fit.betaSeries, k.statsmodels.beta, k.exact.beta, "beta vs statsmodels");
            expectSeriesWithinReferenceError(fit.alphaSeries, k.statsmodels.alpha, k.exact.alpha, "alpha vs statsmodels");
          }
        } else {
          // Long case: numpy itself is within 5e-13 of the 40-digit filter here (numpyVsExact), so compare directly.
          expect(Math.max(k.numpyVsExact.beta, k.numpyVsExact.alpha)).toBeLessThan(1e-11);
          expectSeriesClose(fit.betaSeries, k.expected.beta, REL, "beta");
          expectSeriesClose(fit.alphaSeries, k.expected.alpha, REL, "alpha");
          expectSeriesClose(fit.innovation, k.expected.innovation, REL, "innovation", floor);
          expectSeriesClose(fit.innovationVariance, k.expected.innovationVariance, REL, "innovationVariance");
        }
        expect(fit.beta).toBe(fit.betaSeries[c.y.length - 1]);
        expect(fit.alpha).toBe(fit.alphaSeries[c.y.length - 1]);
        const [[p11, p12], [p21, p22]] = fit.covariance;
        expect(p12).toBe(p21);
        expect(p11 >= 0 && p22 >= 0 && p11 * p22 >= p12 * p12 * (1 - 1e-12)).toBe(true);
      });
    }
  }
});

describe("hedgeRatio dispatches by method with a uniform alpha/beta", () => {
  const real = fixture.cases[0];

  it("returns what each estimator returns, tagged with its method", () => {
    expect(hedgeRatio(real.y, real.x, { method: "ols" })).toEqual({ method: "ols", ...ols(real.y, real.x) });
    expect(hedgeRatio(real.y, real.x)).toEqual({ method: "ols", ...ols(real.y, real.x) });
    expect(hedgeRatio(real.y, real.x, { method: "huber", maxIter: 20 })).toEqual({
      method: "huber",
      ...huberRegression(real.y, real.x, { maxIter: 20 }),
    });
    expect(hedgeRatio(real.y, real.x, { method: "theil-sen" })).toEqual({
      method: "theil-sen",
      ...theilSenRegression(real.y, real.x),
    });
    expect(hedgeRatio(real.y, real.x, { method: "kalman", delta: 1e-5 })).toEqual({
      method: "kalman",
      ...kalmanRegression(real.y, real.x, { delta: 1e-5 }),
    });
  });

  it("gives every method a scalar alpha and beta to build the current spread from (real raw prices)", () => {
    const last = real.y.length - 1;
    for (const method of HEDGE_RATIO_METHODS) {
      const r: HedgeRatioResult = hedgeRatio(real.y, real.x, { method });
      expect(r.method).toBe(method);
      expect(r.n).toBe(real.y.length);
      // ETH/BTC near 2950/87,700: every estimator's hedge ratio is a few hundredths.
      expect(r.beta).toBeGreaterThan(0.02);
      expect(r.beta).toBeLessThan(0.06);
      expect(Math.abs(real.y[last] - r.alpha - r.beta * real.x[last])).toBeLessThan(10);
      if (r.method === "kalman") expect(r.betaSeries).toBeInstanceOf(Float64Array);
    }
  });

  it("agrees with the fixture through the dispatcher (Theil–Sen on the short pair)", () => {
    const c = fixture.cases.find((k) => k.name.startsWith("short"))!;
    expect(hedgeRatio(c.y, c.x, { method: "theil-sen" }).beta).toBe(c.theilSen.beta);
    expectRelClose(hedgeRatio(c.y, c.x, { method: "huber" }).beta, c.huber.exact.beta, REL, "huber beta");
  });
});

describe("hedge ratio estimators refuse bad input", () => {
  const y = [1, 2.5, 2.9, 4.2, 5.1];
  const x = [1, 2, 3, 4, 5];

  it("rejects an unknown method, naming the method option", () => {
    const call = (): unknown => hedgeRatio(y, x, { method: "median" } as never);
    expect(call).toThrow(InvalidParameterError);
    expect(call).toThrow(/hedgeRatio: method must be one of "ols", "huber", "theil-sen", "kalman", got "median"/);
    try {
      call();
    } catch (error) {
      expect((error as InvalidParameterError).parameter).toBe("method");
    }
  });

  for (const method of HEDGE_RATIO_METHODS) {
    it(`${method}: names the index of a NaN or Infinity`, () => {
      expect(() => hedgeRatio([1, 2, Number.NaN, 4], [1, 2, 3, 4], { method })).toThrow(NonFiniteValueError);
      expect(() => hedgeRatio([1, 2, Number.NaN, 4], [1, 2, 3, 4], { method })).toThrow(/y\[2\] is NaN/);
      expect(() => hedgeRatio([1, 2, 3, 4], [1, 2, 3, Infinity], { method })).toThrow(/x\[3\] is Infinity/);
    });
    it(`${method}: refuses series of different lengths`, () => {
      expect(() => hedgeRatio([1, 2, 3], [1, 2, 3, 4], { method })).toThrow(LengthMismatchError);
    });
    it(`${method}: needs at least 3 points`, () => {
      expect(() => hedgeRatio([1, 2], [3, 4], { method })).toThrow(InsufficientDataError);
    });
    it(`${method}: refuses a constant regressor, even at raw price levels`, () => {
      expect(() => hedgeRatio([1, 2, 3], [87000.5, 87000.5, 87000.5], { method })).toThrow(ZeroVarianceError);
      expect(() => hedgeRatio([1, 2, 3], [87000.5, 87000.5, 87000.5], { method })).toThrow(/x has zero variance/);
    });
  }

  it("each estimator validates on its own too, naming itself", () => {
    expect(() => huberRegression([1, 2, Number.NaN], [1, 2, 3])).toThrow(/huberRegression: y\[2\] is NaN/);
    expect(() => huberRegression([1, 2], [1, 2])).toThrow(InsufficientDataError);
    expect(() => huberRegression([1, 2, 3], [7, 7, 7])).toThrow(/huberRegression: x has zero variance/);
    expect(() => theilSenRegression([1, 2, 3], [7, 7, 7])).toThrow(/theilSenRegression: x has zero variance/);
    expect(() => theilSenRegression([1], [1])).toThrow(InsufficientDataError);
    expect(() => theilSenRegression([1, 2], [1, 2, 3])).toThrow(LengthMismatchError);
    expect(() => kalmanRegression([], [])).toThrow(InsufficientDataError);
    // The filter itself is defined for a constant x (the prior separates alpha and beta); hedgeRatio refuses it.
    expect(kalmanRegression([1, 2, 3], [5, 5, 5]).betaSeries).toHaveLength(3);
    expect(() => kalmanRegression([1, 2], [1, Number.NaN])).toThrow(/kalmanRegression: x\[1\] is NaN/);
  });

  it("names the option that is out of its domain", () => {
    expect(() => huberRegression(y, x, { t: 0 })).toThrow(/t must be > 0/);
    expect(() => huberRegression(y, x, { maxIter: 0 })).toThrow(/maxIter must be a whole number/);
    expect(() => theilSenRegression(y, x, { confidence: 1 })).toThrow(/confidence must be a number in \(0, 1\)/);
    expect(() => kalmanRegression(y, x, { delta: 0 })).toThrow(/delta must be in \(0, 1\)/);
    expect(() => kalmanRegression(y, x, { delta: 1 })).toThrow(InvalidParameterError);
    expect(() => kalmanRegression(y, x, { observationVariance: -1 })).toThrow(/observationVariance must be > 0/);
    expect(() => kalmanRegression(y, x, { initialState: [0, Number.NaN] })).toThrow(/initialState\[1\]/);
    expect(() =>
      kalmanRegression(y, x, {
        initialCovariance: [
          [1, 0.5],
          [0.4, 1],
        ],
      }),
    ).toThrow(/initialCovariance must be symmetric/);
    expect(() =>
      kalmanRegression(y, x, {
        initialCovariance: [
          [1, 2],
          [2, 1],
        ],
      }),
    ).toThrow(/initialCovariance must be positive semi-definite/);
    expect(() => pairwiseSlopeOrderStatistics(y, x, [10])).toThrow(/ranks\[0\] must be a whole number in \[0, 9\]/);
  });
});
