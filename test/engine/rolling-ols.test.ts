import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidParameterError, ZeroVarianceError } from "../../src/engine/errors.ts";
import { rollingOls } from "../../src/engine/rolling-ols.ts";
import { expectSeriesClose, expectWithinReferenceError, loadFixture, series } from "../helpers/fixtures.ts";

interface RollingOlsCase {
  name: string;
  window: number;
  y: number[];
  x: number[];
  expected: { alpha: (number | null)[]; beta: (number | null)[] };
  exactPerWindow: { alpha: (number | null)[]; beta: (number | null)[] };
}

// Expected values: statsmodels RollingOLS(y, add_constant(x), window).fit().params, and numpy least squares
// on each centred window (exactPerWindow); see the fixture's `source`.
const fixture = loadFixture<RollingOlsCase>("rolling_ols");

describe("rollingOls equals per-window least squares to 1e-9", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const fit = rollingOls(Float64Array.from(c.y), Float64Array.from(c.x), c.window);
      expectSeriesClose(fit.beta, c.exactPerWindow.beta, 1e-9, "beta");
      expectSeriesClose(fit.alpha, c.exactPerWindow.alpha, 1e-9, "alpha");
    });
  }
});

// statsmodels RollingOLS accumulates raw cross-products, which cancel at price levels (up to ~4e-6 relative error
// on the real capture's log prices); we must agree with it within its own distance from the per-window truth.
describe("rollingOls agrees with statsmodels RollingOLS within RollingOLS's own error", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const fit = rollingOls(Float64Array.from(c.y), Float64Array.from(c.x), c.window);
      expectWithinReferenceError(fit.beta, c.expected.beta, c.exactPerWindow.beta, 1e-9, "beta");
      expectWithinReferenceError(fit.alpha, c.expected.alpha, c.exactPerWindow.alpha, 1e-9, "alpha");
    });
  }
});

describe("rollingOls on bad input", () => {
  it("is NaN until the window is full", () => {
    const { beta } = rollingOls([1, 2, 4, 8], [1, 2, 3, 4], 3);
    expect(Array.from(beta.subarray(0, 2))).toEqual([Number.NaN, Number.NaN]);
    expect(beta[2]).toBeCloseTo(1.5, 12);
    expect(beta[3]).toBeCloseTo(3, 12);
  });
  it("refuses a window longer than the series or too small", () => {
    expect(() => rollingOls([1, 2, 3], [1, 2, 3], 4)).toThrow(InsufficientDataError);
    expect(() => rollingOls([1, 2, 3], [1, 2, 3], 2)).toThrow(InvalidParameterError);
    expect(() => rollingOls([1, 2, 3], [1, 2, 3], 2.5)).toThrow(/window must be a whole number/);
  });
  it("names the index of a NaN", () => {
    expect(() => rollingOls([1, 2, 3, 4], [1, Number.NaN, 3, 4], 3)).toThrow(/x\[1\] is NaN/);
  });
  it("refuses a constant regressor, and leaves flat windows undefined", () => {
    expect(() => rollingOls([1, 2, 3, 4], [5, 5, 5, 5], 3)).toThrow(ZeroVarianceError);
    const { beta } = rollingOls([1, 2, 3, 4, 5, 6], [7, 7, 7, 8, 9, 10], 3);
    expect(beta[2]).toBeNaN();
    expect(series([null])[0]).toBeNaN();
    expect(beta[5]).toBeCloseTo(1, 12);
  });
});
