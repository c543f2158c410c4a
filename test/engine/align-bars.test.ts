import { describe, expect, it } from "vitest";
import { alignBars } from "../../src/engine/align-bars.ts";
import { toBars } from "../../src/engine/bars.ts";
import { InsufficientDataError, InvalidParameterError } from "../../src/engine/errors.ts";
import { ols } from "../../src/engine/ols.ts";
import type { Bar } from "../../src/engine/types.ts";
import { futuresCaptureTrades } from "../helpers/capture-trades.ts";
import { loadFixture } from "../helpers/fixtures.ts";

interface AlignCase {
  name: string;
  capture: string;
  timeframe: string;
  symbolA: string;
  symbolB: string;
  join: "inner" | "ffill";
  expected: { bucketStart: number[]; closeA: number[]; closeB: number[]; filledA: number[]; filledB: number[] };
}

// Expected rows: pandas 1.5.3 pd.concat([a, b], axis=1, join="inner") and pd.concat([a, b], axis=1).ffill().dropna()
// of the per-symbol resampled closes of the real futures capture; see scripts/fixtures/gen_align_bars.py.
const fixture = loadFixture<AlignCase>("align_bars");

describe("alignBars equals pandas concat / ffill on the real capture", () => {
  const bars = new Map<string, Bar[]>();
  const barsOf = (c: AlignCase): Bar[] => {
    let b = bars.get(c.timeframe);
    if (b === undefined) {
      b = toBars(futuresCaptureTrades(c.capture), c.timeframe);
      bars.set(c.timeframe, b);
    }
    return b;
  };
  for (const c of fixture.cases) {
    it(c.name, () => {
      const all = barsOf(c);
      const a = all.filter((b) => b.symbol === c.symbolA);
      const b = all.filter((b) => b.symbol === c.symbolB);
      const got = alignBars(a, b, { join: c.join });
      expect([got.symbolA, got.symbolB, got.timeframe, got.join]).toEqual([c.symbolA, c.symbolB, c.timeframe, c.join]);
      // Closes are prices copied from trades, not computed: exact.
      expect(Array.from(got.bucketStart)).toEqual(c.expected.bucketStart);
      expect(Array.from(got.closeA)).toEqual(c.expected.closeA);
      expect(Array.from(got.closeB)).toEqual(c.expected.closeB);
      expect(Array.from(got.filledA)).toEqual(c.expected.filledA);
      expect(Array.from(got.filledB)).toEqual(c.expected.filledB);
      got.barsA.forEach((bar, i) => {
        expect(bar.close).toBe(got.closeA[i]);
        if (got.filledA[i] === 0) expect(bar.bucketStart).toBe(got.bucketStart[i]);
        else expect(bar.bucketStart).toBeLessThan(got.bucketStart[i]);
      });
    });
  }

  it("feeds straight into ols: the hedge ratio of the inner-joined 1 s closes", () => {
    const all = barsOf(fixture.cases[0]);
    const { closeA, closeB } = alignBars(
      all.filter((b) => b.symbol === "ETHUSDT"),
      all.filter((b) => b.symbol === "BTCUSDT"),
    );
    expect(closeA.length).toBe(839); // common.real_closes("1s") has 839 rows
    expect(Number.isFinite(ols(closeA, closeB).beta)).toBe(true);
  });
});

const bar = (symbol: string, bucketStart: number, close: number, timeframe = "1s"): Bar => ({
  symbol,
  timeframe,
  bucketStart,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
  quoteVolume: close,
  trades: 1,
  vwap: close,
  buyVolume: 1,
  sellVolume: 0,
});

describe("alignBars joins", () => {
  const a = [bar("A", 0, 10), bar("A", 2_000, 12), bar("A", 3_000, 13)];
  const b = [bar("B", 1_000, 21), bar("B", 2_000, 22), bar("B", 5_000, 25)];

  it("inner keeps only buckets where both traded", () => {
    const got = alignBars(a, b, { join: "inner" });
    expect(Array.from(got.bucketStart)).toEqual([2_000]);
    expect([got.closeA[0], got.closeB[0]]).toEqual([12, 22]);
  });

  it("ffill starts at the first bucket both have reached and carries the silent side", () => {
    const got = alignBars(a, b, { join: "ffill" });
    expect(Array.from(got.bucketStart)).toEqual([1_000, 2_000, 3_000, 5_000]);
    expect(Array.from(got.closeA)).toEqual([10, 12, 13, 13]);
    expect(Array.from(got.closeB)).toEqual([21, 22, 22, 25]);
    expect(Array.from(got.filledA)).toEqual([1, 0, 0, 1]);
    expect(Array.from(got.filledB)).toEqual([0, 0, 1, 0]);
    expect(got.barsA[0].bucketStart).toBe(0);
  });

  it("emits no row for a bucket where neither traded", () => {
    const got = alignBars(a, b, { join: "ffill" });
    expect(Array.from(got.bucketStart)).not.toContain(4_000);
  });

  it("defaults to inner and returns empty columns when the buckets never meet", () => {
    const got = alignBars([bar("A", 0, 1)], [bar("B", 1_000, 2)]);
    expect(got.join).toBe("inner");
    expect(got.bucketStart.length).toBe(0);
    expect(got.closeA).toBeInstanceOf(Float64Array);
  });
});

describe("alignBars on bad input", () => {
  it("refuses an empty list", () => {
    expect(() => alignBars([], [bar("B", 0, 1)])).toThrow(InsufficientDataError);
  });
  it("names the index of a bar out of bucket order or repeated", () => {
    expect(() => alignBars([bar("A", 1_000, 1), bar("A", 0, 1)], [bar("B", 0, 1)])).toThrow(/a\[1\]\.bucketStart/);
    expect(() => alignBars([bar("A", 0, 1)], [bar("B", 0, 1), bar("B", 0, 2)])).toThrow(InvalidParameterError);
  });
  it("names a list that mixes symbols", () => {
    expect(() => alignBars([bar("A", 0, 1), bar("C", 1_000, 1)], [bar("B", 0, 1)])).toThrow(/a\[1\]\.symbol is "C"/);
  });
  it("refuses two timeframes", () => {
    expect(() => alignBars([bar("A", 0, 1, "1s")], [bar("B", 0, 1, "1m")])).toThrow(/timeframe "1m" but a has "1s"/);
  });
  it("names a non-finite close", () => {
    expect(() => alignBars([bar("A", 0, 1)], [bar("B", 0, 1), bar("B", 1_000, Number.NaN)])).toThrow(/b\[1\]\.close is NaN/);
  });
  it("refuses an unknown join", () => {
    expect(() => alignBars([bar("A", 0, 1)], [bar("B", 0, 1)], { join: "outer" as "inner" })).toThrow(/join must be/);
  });
});
