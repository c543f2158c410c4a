import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.ts";
import { FUTURES_CAPTURE } from "../helpers/paths.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import {
  captureTicks,
  expectBarsMatch,
  loadOhlcFixture,
  ohlcSnapshot,
  sha256,
  storedBars,
  tick,
  toBatch,
  toBatches,
} from "./helpers.ts";

// Expected bars: pandas 1.5.3 `Series.resample(rule, label="left", closed="left")` on the real futures capture,
// written by scripts/fixtures/gen_ohlc_sql.py (see the fixture's `source`). OHLC and counts exact, sums 1e-9 relative.
const fixture = loadOhlcFixture();
const STORED = ["1s", "1m", "5m"];
const storedCases = fixture.cases.filter((c) => STORED.includes(c.timeframe));

const tmp = useTempDir("ticklens-store-", "each");
let store: Store;
afterEach(async () => {
  await store?.close();
});

async function expectStoredBarsEqualPandas(s: Store): Promise<void> {
  for (const c of storedCases) expectBarsMatch(await storedBars(s, c.symbol, c.timeframe), c, `${c.symbol} ${c.timeframe}`);
}

describe("the resampler equals pandas resample on the real capture", () => {
  it("reads the same capture bytes the fixture was made from", () => {
    for (const c of fixture.cases) {
      expect(c.input.capture).toBe(FUTURES_CAPTURE);
      expect(c.input.sha256).toBe(sha256(FUTURES_CAPTURE));
    }
    const ticks = captureTicks();
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
      expect(ticks.filter((t) => t.symbol === symbol)).toHaveLength(fixture.cases.find((c) => c.symbol === symbol)!.input.trades);
    }
  });

  it("1s, 1m and 5m after one run over the whole capture", async () => {
    store = await openStore(tmp.path("all.duckdb"));
    for (const batch of toBatches(captureTicks(), 4096)) await store.appendTicks(batch);
    const result = await store.resample({ final: true });
    expect(result.barsWritten).toBe(storedCases.reduce((n, c) => n + c.bars.bucketStart.length, 0));
    await expectStoredBarsEqualPandas(store);
  });

  it("1s, 1m and 5m when run after every batch, with late trades rewriting closed buckets", async () => {
    // Zero lateness, a run after every batch, and on top of the capture's own out-of-order trades every 97th
    // trade held back three batches: each of those lands in buckets that were already written, so the final bars
    // are right only if those buckets were recomputed.
    store = await openStore(tmp.path("incremental.duckdb"), { allowedLatenessMs: 0 });
    const ticks = captureTicks();
    const onTime = ticks.filter((_, i) => i % 97 !== 0);
    const late = ticks.filter((_, i) => i % 97 === 0);
    const batches = toBatches(onTime, 1000);
    // The batch a held-back trade would have travelled in, by its place in time among the on-time ones.
    const due = late.map((t) => Math.max(0, Math.floor(onTime.findIndex((o) => o.tradeTime >= t.tradeTime) / 1000)) + 3);
    let written = 0;
    for (let b = 0; b < batches.length + 4; b++) {
      if (b < batches.length) await store.appendTicks(batches[b]);
      const held = late.filter((_, i) => due[i] === b);
      if (held.length > 0) await store.appendTicks(toBatch(held));
      written += (await store.resample()).barsWritten;
    }
    written += (await store.resample({ final: true })).barsWritten;
    const distinct = storedCases.reduce((n, c) => n + c.bars.bucketStart.length, 0);
    expect(written).toBeGreaterThan(2 * distinct); // buckets were rewritten, many times over
    await expectStoredBarsEqualPandas(store);
  });
});

describe("re-running the resampler changes nothing", () => {
  it("writes no row without new ticks, and a full rebuild rewrites the identical values", async () => {
    store = await openStore(tmp.path("rerun.duckdb"));
    for (const batch of toBatches(captureTicks(), 8192)) await store.appendTicks(batch);
    await store.resample({ final: true });
    const before = await ohlcSnapshot(store);

    expect((await store.resample()).barsWritten).toBe(0);
    expect((await store.resample({ final: true })).barsWritten).toBe(0);
    expect(await ohlcSnapshot(store)).toEqual(before);

    // Recomputing everything from the ticks reproduces every value bit for bit.
    expect((await store.resample({ rebuild: true, final: true })).barsWritten).toBe(before.length);
    expect(await ohlcSnapshot(store)).toEqual(before);

    // Appending trades that are all stored already leaves nothing to do.
    await store.appendTicks(toBatch(captureTicks().slice(0, 1000)));
    expect((await store.resample({ final: true })).barsWritten).toBe(0);
  });
});

describe("closing buckets", () => {
  const T0 = Date.UTC(2025, 11, 16, 22, 0, 0); // on a minute boundary

  it("writes a bucket once the watermark minus the allowed lateness has passed its end", async () => {
    store = await openStore(tmp.path("close.duckdb"), { allowedLatenessMs: 500, timeframes: ["1s"] });
    await store.appendTicks(toBatch([tick("BTCUSDT", 1, T0 + 100), tick("BTCUSDT", 2, T0 + 1400)]));
    expect(await store.resample()).toMatchObject({ barsWritten: 0, watermark: T0 + 1400, horizon: T0 + 900 });
    // ETH's trade moves the shared watermark to T0 + 1.6 s: BTC's first second (ends at T0 + 1 s ≤ 1.1 s) closes.
    await store.appendTicks(toBatch([tick("ETHUSDT", 1, T0 + 1600)]));
    expect(await store.resample()).toMatchObject({ barsWritten: 1, byTimeframe: { "1s": 1 }, horizon: T0 + 1100 });
    expect((await storedBars(store, "BTCUSDT", "1s")).map((b) => b.bucketStart)).toEqual([T0]);
    // `final` closes the buckets holding the latest trades.
    expect((await store.resample({ final: true })).barsWritten).toBe(2);
    expect((await storedBars(store, "BTCUSDT", "1s")).map((b) => b.bucketStart)).toEqual([T0, T0 + 1000]);
  });

  it("a late trade recomputes its (already written) bucket; only that bucket changes", async () => {
    store = await openStore(tmp.path("late.duckdb"), { allowedLatenessMs: 0 });
    // One trade every 100 ms for 3 minutes, at 100 + i/100.
    const ticks = Array.from({ length: 1800 }, (_, i) => tick("BTCUSDT", 1000 + i, T0 + i * 100, 100 + i / 100, 1, i % 2 === 0));
    await store.appendTicks(toBatch(ticks));
    await store.resample();
    const before = await storedBars(store, "BTCUSDT", "1s");
    const minuteBefore = await storedBars(store, "BTCUSDT", "1m");
    expect(before).toHaveLength(179); // the last second is still open
    expect(minuteBefore).toHaveLength(2);

    // Trade id 999 arrives late, at 11.000 s: the same instant as that second's first trade (id 1110), so the
    // lower id makes it the open. It is also the second's highest price.
    await store.appendTicks(toBatch([tick("BTCUSDT", 999, T0 + 11_000, 150, 2, false)]));
    const rerun = await store.resample();
    // Recomputed from the late trade's bucket up to the horizon: seconds 11..178 and both closed minutes.
    expect(rerun.byTimeframe).toEqual({ "1s": 168, "1m": 2, "5m": 0 });

    const after = await storedBars(store, "BTCUSDT", "1s");
    const changed = after.filter((bar, i) => JSON.stringify(bar) !== JSON.stringify(before[i]));
    expect(changed.map((b) => b.bucketStart)).toEqual([T0 + 11_000]);
    const old = before[11];
    expect(changed[0]).toMatchObject({
      open: 150,
      high: 150,
      low: old.low,
      close: old.close,
      trades: old.trades + 1,
      volume: old.volume + 2,
      buyVolume: old.buyVolume + 2,
      sellVolume: old.sellVolume,
    });
    expect((await storedBars(store, "BTCUSDT", "1m"))[0]).toMatchObject({ high: 150, trades: minuteBefore[0].trades + 1 });
  });

  it("a restart between an append and a run loses nothing", async () => {
    const path = tmp.path("restart.duckdb");
    store = await openStore(path, { allowedLatenessMs: 0 });
    const ticks = captureTicks();
    const half = Math.floor(ticks.length / 2);
    for (const batch of toBatches(ticks.slice(0, half), 4096)) await store.appendTicks(batch);
    await store.resample();
    // The rest goes in (with its late trades), then the process "stops" before resampling it.
    for (const batch of toBatches(ticks.slice(half), 4096)) await store.appendTicks(batch);
    await store.close();

    store = await openStore(path, { allowedLatenessMs: 0 });
    await store.resample({ final: true });
    await expectStoredBarsEqualPandas(store);
  });

  it("a timeframe added to the configuration later is filled from the stored ticks", async () => {
    const path = tmp.path("added.duckdb");
    store = await openStore(path, { timeframes: ["1s"] });
    for (const batch of toBatches(captureTicks(), 8192)) await store.appendTicks(batch);
    await store.resample({ final: true });
    expect(await storedBars(store, "BTCUSDT", "1m")).toEqual([]);
    await store.close();

    store = await openStore(path, { timeframes: ["1s", "1m", "5m"] });
    await store.resample({ final: true });
    await expectStoredBarsEqualPandas(store);
  });
});
