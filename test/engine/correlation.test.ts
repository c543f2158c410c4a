import { describe, expect, it } from "vitest";
import { correlationMatrix, pearson, rollingCorrelation } from "../../src/engine/correlation.ts";
import { InvalidParameterError, LengthMismatchError, NonFiniteValueError, ZeroVarianceError } from "../../src/engine/errors.ts";
import { expectRelClose, expectSeriesClose, expectWithinReferenceError, loadFixture } from "../helpers/fixtures.ts";

type CorrelationCase =
  | { kind: "pearson"; name: string; x: number[]; y: number[]; expected: number }
  | {
      kind: "rolling";
      name: string;
      window: number;
      x: number[];
      y: number[];
      expected: (number | null)[];
      exactPerWindow: (number | null)[];
    }
  | {
      kind: "matrix";
      name: string;
      series: Record<string, number[]>;
      expected: { symbols: string[]; matrix: number[][] };
    };

// Expected values: pandas Series.corr, Series.rolling(w).corr and DataFrame.corr; see the fixture's `source`.
const fixture = loadFixture<CorrelationCase>("correlation");

describe("correlations equal pandas", () => {
  for (const c of fixture.cases) {
    it(`${c.kind}: ${c.name}`, () => {
      if (c.kind === "pearson") {
        expectRelClose(pearson(Float64Array.from(c.x), Float64Array.from(c.y)), c.expected, 1e-9);
      } else if (c.kind === "rolling") {
        const r = rollingCorrelation(Float64Array.from(c.x), Float64Array.from(c.y), c.window);
        // pandas' running co-moments lose ~1.5e-9 at raw prices: agree within its own error, and with the
        // per-window two-pass truth to 1e-9.
        expectWithinReferenceError(r, c.expected, c.exactPerWindow, 1e-9, "rolling correlation");
      } else {
        const inputs = Object.fromEntries(Object.entries(c.series).map(([k, v]) => [k, Float64Array.from(v)]));
        const { symbols, matrix } = correlationMatrix(inputs);
        expect(symbols).toEqual(Object.keys(c.series));
        c.expected.matrix.forEach((row, i) => expectSeriesClose(matrix[i], row, 1e-9, `row ${symbols[i]}`));
      }
    });
  }
});

describe("correlations on bad input", () => {
  it("names the symbol and index of a NaN in a matrix input", () => {
    expect(() => correlationMatrix({ BTC: [1, 2, 3], ETH: [1, Number.NaN, 3] })).toThrow(/ETH\[1\] is NaN/);
    expect(() => correlationMatrix({ BTC: [1, 2, 3], ETH: [1, 2, Infinity] })).toThrow(NonFiniteValueError);
  });
  it("refuses series of different lengths and an empty input", () => {
    expect(() => correlationMatrix({ BTC: [1, 2, 3], ETH: [1, 2] })).toThrow(LengthMismatchError);
    expect(() => correlationMatrix({})).toThrow(InvalidParameterError);
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(LengthMismatchError);
  });
  it("refuses a constant series", () => {
    expect(() => pearson([1, 2, 3], [5, 5, 5])).toThrow(ZeroVarianceError);
    expect(() => correlationMatrix({ A: [1, 2, 3], B: [4, 4, 4] })).toThrow(/B has zero variance/);
  });
  it("leaves a window where one side is flat undefined", () => {
    const r = rollingCorrelation([1, 1, 1, 2], [1, 2, 3, 4], 3);
    expect(r[2]).toBeNaN();
    expect(r[3]).toBeCloseTo(0.8660254037844386, 12);
  });
});
