/**
 * Loads the reference fixtures written by scripts/fixtures/gen_*.py and compares numbers against them.
 * JSON cannot hold NaN, so the generators write null; it is read back here as NaN.
 */
import { expect } from "vitest";
import { ENGINE_FIXTURES, readRepoText } from "./paths.ts";

export interface Fixture<Case> {
  /** The library call that produced the expected values. */
  readonly source: string;
  readonly generatedBy: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly cases: readonly Case[];
}

export function loadFixture<Case>(name: string): Fixture<Case> {
  return JSON.parse(readRepoText(`${ENGINE_FIXTURES}/${name}.json`)) as Fixture<Case>;
}

/** A fixture series (null for NaN) as a Float64Array. */
/** A few units in the last place of the largest input: the most exactness a difference of inputs can keep. */
export function ulpFloor(...inputs: readonly (readonly number[])[]): number {
  let maxAbs = 0;
  for (const input of inputs) for (const v of input) maxAbs = Math.max(maxAbs, Math.abs(v));
  return 4 * Number.EPSILON * maxAbs;
}

export function series(values: readonly (number | null)[]): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
}

/** |actual − expected| ≤ rel·|expected| for a scalar; NaN only matches NaN. */
export function expectRelClose(actual: number, expected: number | null, rel: number, label = "value"): void {
  const e = expected === null ? Number.NaN : expected;
  if (Number.isNaN(e)) {
    expect(actual, `${label} should be NaN`).toBeNaN();
    return;
  }
  const err = Math.abs(actual - e);
  expect(err, `${label}: got ${actual}, expected ${e} (error ${err}, allowed ${rel * Math.abs(e)})`).toBeLessThanOrEqual(
    rel * Math.abs(e),
  );
}

/**
 * Element-wise comparison of a series: NaN where the reference has NaN, and elsewhere
 * |actual − expected| ≤ rel·max(|expected|, scale), where scale is the series' largest magnitude × 1e-3 so that
 * values crossing zero (residuals, z-scores) are judged against the size of the series, not against ~0.
 * `floor` is an absolute allowance for values that cannot be more exact than their inputs' last digits
 * (a residual y − ŷ carries a few ulps of y). Returns the largest relative error seen.
 */
export function expectSeriesClose(
  actual: ArrayLike<number>,
  expected: readonly (number | null)[] | ArrayLike<number>,
  rel: number,
  label = "series",
  floor = 0,
): number {
  expect(actual.length, `${label} length`).toBe(expected.length);
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (e !== null && Number.isFinite(e)) maxAbs = Math.max(maxAbs, Math.abs(e));
  }
  const scale = maxAbs * 1e-3;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] === null ? Number.NaN : (expected[i] as number);
    const a = actual[i];
    if (Number.isNaN(e)) {
      if (!Number.isNaN(a)) expect.fail(`${label}[${i}]: got ${a}, expected NaN`);
      continue;
    }
    const relErr = Math.max(0, Math.abs(a - e) - floor) / Math.max(Math.abs(e), scale);
    if (!(relErr <= rel)) expect.fail(`${label}[${i}]: got ${a}, expected ${e} (relative error ${relErr} > ${rel})`);
    worst = Math.max(worst, relErr);
  }
  return worst;
}

/**
 * For a reference that is itself less exact than the tolerance (statsmodels at raw prices): each value must agree
 * with it within the reference's own distance from the exact answer, plus rel·max(|exact|, scale) as above.
 * That is, we may differ from statsmodels only where, and by as much as, statsmodels differs from the truth.
 */
export function expectWithinReferenceError(
  actual: ArrayLike<number>,
  reference: readonly (number | null)[],
  exact: readonly (number | null)[],
  rel: number,
  label = "series",
  floor = 0,
): void {
  const exactValues = series(exact);
  expectSeriesClose(actual, exact, rel, `${label} vs exact`, floor);
  let maxAbs = 0;
  for (const v of exactValues) if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i];
    if (r === null || Number.isNaN(exactValues[i])) continue;
    const allowed = Math.abs(r - exactValues[i]) + rel * Math.max(Math.abs(exactValues[i]), maxAbs * 1e-3) + floor;
    const err = Math.abs(actual[i] - r);
    if (!(err <= allowed)) expect.fail(`${label}[${i}]: got ${actual[i]}, reference ${r}, exact ${exactValues[i]}`);
  }
}
