import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bar } from "../../src/engine/types.ts";
import { openStore, type Store } from "../../src/store/database.ts";
import { StoreInputError } from "../../src/store/errors.ts";
import { parseTimeframe } from "../../src/store/timeframe.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { captureTicks, expectBarsMatch, loadOhlcFixture, tick, toBatch, toBatches } from "./helpers.ts";

// Expected bars: pandas 1.5.3 `Series.resample(rule, label="left", closed="left")` on the real futures capture,
// written by scripts/fixtures/gen_ohlc_sql.py. OHLC and counts exact, sums 1e-9 relative.
const fixture = loadOhlcFixture();

const tmp = useTempDir("ticklens-store-");

describe("on-demand bars equal pandas on the real capture", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(tmp.path("ondemand.duckdb"));
    for (const batch of toBatches(captureTicks(), 8192)) await store.appendTicks(batch);
    await store.resample({ final: true });
  });
  afterAll(() => store.close());

  // 15s and 3m come from stored 1s / 1m bars, 1h from 5m bars; 1s/1m/5m are read as stored.
  for (const c of fixture.cases) {
    for (const source of ["auto", "ticks"] as const) {
      it(`${c.symbol} ${c.timeframe} from ${source}`, async () => {
        const bars = await store.queryBars({ symbol: c.symbol, timeframe: c.timeframe, source });
        expectBarsMatch(bars, c, `${c.symbol} ${c.timeframe} ${source}`);
      });
    }
  }

  it("selects bucket starts in [from, to), each bar whole", async () => {
    const c = fixture.cases.find((x) => x.symbol === "ETHUSDT" && x.timeframe === "15s")!;
    const starts = c.bars.bucketStart;
    // `from` inside a bucket skips that bucket; `to` just past a start includes that bucket, whole.
    const bars = await store.queryBars({ symbol: "ETHUSDT", timeframe: "15s", from: starts[3] + 1, to: starts[7] + 1 });
    expect(bars.map((b) => b.bucketStart)).toEqual(starts.slice(4, 8));
    expect(bars[3].trades).toBe(c.bars.trades[7]);
    expect(await store.queryBars({ symbol: "ETHUSDT", timeframe: "15s", from: starts[5], to: starts[5] })).toEqual([]);
  });

  it("returns nothing for a symbol it never stored", async () => {
    expect(await store.queryBars({ symbol: "XRPUSDT", timeframe: "1m" })).toEqual([]);
    expect(await store.queryBars({ symbol: "XRPUSDT", timeframe: "1m", source: "ticks" })).toEqual([]);
  });

  it("refuses malformed queries, naming the field", async () => {
    await expect(store.queryBars({ symbol: "BTCUSDT", timeframe: "15x" })).rejects.toThrow(StoreInputError);
    await expect(store.queryBars({ symbol: "BTCUSDT", timeframe: "7m" })).rejects.toThrow(/does not divide one day/);
    await expect(store.queryBars({ symbol: "BTCUSDT", timeframe: "1m", from: Number.NaN })).rejects.toThrow(/from must be/);
    await expect(
      store.queryBars({ symbol: "BTCUSDT", timeframe: "1m", source: "bars" as unknown as "auto" }),
    ).rejects.toThrow(/source must be/);
  });
});

/** Same buckets, OHLC and counts exactly; sums to rounding (stored bars re-add finer sums). */
function expectSameBars(actual: readonly Bar[], expected: readonly Bar[]): void {
  expect(actual.map((b) => b.bucketStart)).toEqual(expected.map((b) => b.bucketStart));
  actual.forEach((a, i) => {
    const e = expected[i];
    expect([a.open, a.high, a.low, a.close, a.trades]).toEqual([e.open, e.high, e.low, e.close, e.trades]);
    for (const k of ["volume", "quoteVolume", "buyVolume", "sellVolume", "vwap"] as const) {
      expect(Math.abs(a[k] - e[k])).toBeLessThanOrEqual(1e-12 * Math.abs(e[k]));
    }
  });
}

describe("stored bars are used only where they are current", () => {
  it("bars from stored bars equal bars from ticks while the resampler lags and late trades wait", async () => {
    const store = await openStore(tmp.path("lagging.duckdb"), { allowedLatenessMs: 0 });
    const ticks = captureTicks();
    const batches = toBatches(ticks, 3000);
    // Resample after every other batch only, so the tail is never resampled and some batches wait unfolded.
    for (let i = 0; i < batches.length; i++) {
      await store.appendTicks(batches[i]);
      if (i % 2 === 0 && i < batches.length - 1) await store.resample();
    }
    // A late trade into the capture's first (long since written) second, not yet resampled.
    const first = ticks[0];
    await store.appendTicks(toBatch([tick(first.symbol, 1_000_000, first.tradeTime, first.price + 50, 3, true)]));
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
      for (const timeframe of ["1s", "15s", "1m", "3m", "5m", "1h"]) {
        const auto = await store.queryBars({ symbol, timeframe });
        const fromTicks = await store.queryBars({ symbol, timeframe, source: "ticks" });
        expectSameBars(auto, fromTicks);
      }
    }
    const [firstSecond] = await store.queryBars({ symbol: first.symbol, timeframe: "1s" });
    expect(firstSecond.high).toBe(first.price + 50);
    await store.close();
  });

  it("a read-only store answers bar queries", async () => {
    const path = tmp.path("readonly-bars.duckdb");
    const writer = await openStore(path);
    const T0 = Date.UTC(2025, 11, 16, 22, 0, 0);
    await writer.appendTicks(toBatch([tick("BTCUSDT", 1, T0, 10), tick("BTCUSDT", 2, T0 + 61_000, 12, 2, true)]));
    await writer.resample({ final: true });
    await writer.close();
    const reader = await openStore(path, { readOnly: true });
    const bars = await reader.queryBars({ symbol: "BTCUSDT", timeframe: "2m" });
    expect(bars).toEqual([
      {
        symbol: "BTCUSDT",
        timeframe: "2m",
        bucketStart: T0,
        open: 10,
        high: 12,
        low: 10,
        close: 12,
        volume: 3,
        quoteVolume: 34,
        trades: 2,
        vwap: 34 / 3,
        buyVolume: 1,
        sellVolume: 2,
      },
    ]);
    await reader.close();
  });
});

describe("parseTimeframe", () => {
  it("canonicalises to the largest whole unit", () => {
    expect(parseTimeframe("1s")).toEqual({ label: "1s", ms: 1000, micros: 1_000_000 });
    expect(parseTimeframe("60s").label).toBe("1m");
    expect(parseTimeframe("90s").label).toBe("90s");
    expect(parseTimeframe("120m").label).toBe("2h");
    expect(parseTimeframe("24h")).toEqual({ label: "1d", ms: 86_400_000, micros: 86_400_000_000 });
  });

  it("refuses what is not <N><s|m|h|d> or does not divide a day", () => {
    for (const bad of ["", "1", "m", "0s", "-1m", "1.5m", "1min", "1M", " 1m", "7m", "2d", "25h"]) {
      expect(() => parseTimeframe(bad), bad).toThrow(StoreInputError);
    }
  });
});
