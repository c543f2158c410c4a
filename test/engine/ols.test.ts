import { describe, expect, it } from "vitest";
import { LengthMismatchError, NonFiniteValueError, InsufficientDataError, ZeroVarianceError } from "../../src/engine/errors.ts";
import { ols } from "../../src/engine/ols.ts";
import { expectRelClose, expectWithinReferenceError, loadFixture, ulpFloor } from "../helpers/fixtures.ts";

interface OlsCase {
  name: string;
  intercept: boolean;
  y: number[];
  x: number[];
  expected: {
    alpha: number;
    beta: number;
    stdErrAlpha: number | null;
    stdErrBeta: number;
    rSquared: number;
    residuals: number[];
    n: number;
  };
  exact: { alpha: number; beta: number; residuals: number[] };
}

// Expected values: statsmodels OLS(y, add_constant(x)).fit(), see the fixture's `source`; `exact` is the same fit
// in exact rational arithmetic (Python fractions), because statsmodels' pseudo-inverse loses ~8 digits of the
// residuals at raw prices near 87,000.
const fixture = loadFixture<OlsCase>("ols");
const REL = 1e-9;

describe("ols equals statsmodels OLS", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const fit = ols(Float64Array.from(c.y), Float64Array.from(c.x), { intercept: c.intercept });
      expect(fit.n).toBe(c.expected.n);
      if (c.intercept) expectRelClose(fit.alpha, c.expected.alpha, REL, "alpha");
      else expect(fit.alpha).toBe(0);
      expectRelClose(fit.beta, c.expected.beta, REL, "beta");
      expectRelClose(fit.stdErrBeta, c.expected.stdErrBeta, REL, "stdErrBeta");
      if (c.intercept) expectRelClose(fit.stdErrAlpha, c.expected.stdErrAlpha, REL, "stdErrAlpha");
      else expect(fit.stdErrAlpha).toBeNaN();
      expectRelClose(fit.rSquared, c.expected.rSquared, REL, "rSquared");
      expectRelClose(fit.beta, c.exact.beta, 1e-12, "beta vs exact");
      expectWithinReferenceError(fit.residuals, c.expected.residuals, c.exact.residuals, REL, "residuals", ulpFloor(c.y));
    });
  }
});

describe("ols refuses bad input", () => {
  it("names the index of a NaN", () => {
    expect(() => ols([1, 2, Number.NaN, 4], [1, 2, 3, 4])).toThrow(/y\[2\] is NaN/);
    expect(() => ols([1, 2, 3, 4], [1, 2, 3, Infinity])).toThrow(NonFiniteValueError);
  });
  it("refuses series of different lengths", () => {
    expect(() => ols([1, 2, 3], [1, 2, 3, 4])).toThrow(LengthMismatchError);
  });
  it("needs a residual degree of freedom", () => {
    expect(() => ols([1, 2], [3, 4])).toThrow(InsufficientDataError);
  });
  it("refuses a constant regressor, even at raw price levels", () => {
    expect(() => ols([1, 2, 3], [87000.5, 87000.5, 87000.5])).toThrow(ZeroVarianceError);
  });
});
