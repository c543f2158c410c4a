import { describe, expect, it } from "vitest";
import { InsufficientDataError, NonFiniteValueError, ZeroVarianceError } from "../../src/engine/errors.ts";
import { rollingZScore, zScore } from "../../src/engine/z-score.ts";
import { expectSeriesClose, expectWithinReferenceError, loadFixture, ulpFloor } from "../helpers/fixtures.ts";

interface ZCase {
  name: string;
  window?: number;
  series: number[];
  expected: (number | null)[];
  exactPerWindow?: (number | null)[];
  minRollingStd?: number;
}

// Expected values: pandas (s - s.rolling(w).mean()) / s.rolling(w).std() (ddof 1), and the whole-sample
// equivalent; exactPerWindow: numpy two-pass sums on each window; see the fixture's `source`.
const fixture = loadFixture<ZCase>("z_score");

describe("zScore and rollingZScore equal pandas", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const input = Float64Array.from(c.series);
      if (c.window === undefined || c.exactPerWindow === undefined) {
        expectSeriesClose(zScore(input), c.expected, 1e-9, "z");
        return;
      }
      // pandas' running sums lose ~1e-9 at raw BTC prices: agree within pandas' own error, and with the
      // per-window two-pass truth to 1e-9.
      // A z that is ~0 is a difference of prices over a std: it carries a few ulps of the price divided by that std.
      const floor = ulpFloor(c.series) / (c.minRollingStd ?? 1);
      expectWithinReferenceError(rollingZScore(input, c.window), c.expected, c.exactPerWindow, 1e-9, "z", floor);
    });
  }
});

describe("z-scores on awkward input", () => {
  it("leaves a flat window undefined instead of dividing by zero", () => {
    const z = rollingZScore([87000.1, 87000.1, 87000.1, 87000.2, 87000.1], 3);
    expect(z[2]).toBeNaN();
    expect(z[3]).toBeCloseTo(2 / Math.sqrt(3), 6);
  });
  it("refuses a constant series for the whole-sample score", () => {
    expect(() => zScore([3, 3, 3])).toThrow(ZeroVarianceError);
  });
  it("names the index of an Infinity", () => {
    expect(() => rollingZScore([1, 2, Infinity], 2)).toThrow(NonFiniteValueError);
    expect(() => rollingZScore([1, 2, -Infinity], 2)).toThrow(/series\[2\] is -Infinity/);
  });
  it("passes a leading NaN warm-up through, as after rollingOls, but refuses a NaN inside", () => {
    const z = rollingZScore([Number.NaN, Number.NaN, 1, 2, 3, 5], 3);
    expect(Array.from(z.subarray(0, 4))).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect(z[4]).toBeCloseTo(1, 12);
    expect(() => rollingZScore([Number.NaN, 1, 2, Number.NaN, 3], 2)).toThrow(/series\[3\] is NaN/);
  });
  it("refuses a window longer than the series", () => {
    expect(() => rollingZScore([1, 2, 3], 5)).toThrow(InsufficientDataError);
    expect(() => zScore([1])).toThrow(InsufficientDataError);
  });
});
