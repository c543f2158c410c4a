import { describe, expect, it } from "vitest";
import { LengthMismatchError, NonFiniteValueError } from "../../src/engine/errors.ts";
import { spread } from "../../src/engine/spread.ts";
import { expectSeriesClose, loadFixture, ulpFloor } from "../helpers/fixtures.ts";

interface SpreadCase {
  name: string;
  y: number[];
  x: number[];
  beta: number | number[];
  alpha: number;
  expected: number[];
}

// Expected values: numpy y - alpha - beta * x on the real capture; see the fixture's `source`.
const fixture = loadFixture<SpreadCase>("spread");

describe("spread equals numpy", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const beta = typeof c.beta === "number" ? c.beta : Float64Array.from(c.beta);
      const s = spread(Float64Array.from(c.y), Float64Array.from(c.x), beta, c.alpha);
      expectSeriesClose(s, c.expected, 1e-12, "spread", ulpFloor(c.y));
    });
  }
});

describe("spread on bad input", () => {
  it("passes a rolling warm-up (NaN beta) through as NaN", () => {
    const s = spread([10, 12], [4, 5], Float64Array.of(Number.NaN, 2), 0);
    expect(s[0]).toBeNaN();
    expect(s[1]).toBe(2);
  });
  it("refuses a beta series of another length", () => {
    expect(() => spread([1, 2], [1, 2], [1])).toThrow(LengthMismatchError);
  });
  it("refuses a non-finite scalar beta", () => {
    expect(() => spread([1, 2], [1, 2], Number.NaN)).toThrow(/beta must be a finite number/);
    expect(() => spread([1, Number.NaN], [1, 2], 1)).toThrow(NonFiniteValueError);
  });
});
