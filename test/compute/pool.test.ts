/**
 * The compute pool: tasks run on worker threads (the TypeScript worker loaded through tsx) with the same answers as
 * in process, refusals come back as the request's 4xx, a task past its time budget is stopped, and while a heavy
 * pairs report runs on a worker `/api/health` on a real port answers first.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Bar } from "../../src/engine/types.ts";
import { closeComputePool, ComputePool, ComputeRefusal, ComputeTimeoutError, computePool } from "../../src/compute/pool.ts";
import { runTask } from "../../src/compute/tasks.ts";
import { buffersOf, packRecords, packTickBatch, recordViews, unpackRecords, unpackTickBatch } from "../../src/compute/transfer.ts";
import { pairsCost, pairsReportJson } from "../../src/api/analytics/pairs-compute.ts";
import { pairsReport, pairsQuery, seriesOfBars } from "../../src/api/analytics/pairs-series.ts";
import { ApiError } from "../../src/api/errors.ts";
import { parseUploadOffLoop } from "../../src/api/upload/parse-off-loop.ts";
import { parseUpload, type ParseOptions } from "../../src/api/upload/parse.ts";
import { startApiServer } from "../../src/api/server.ts";
import { openStore, TickBatchBuilder } from "../../src/store/index.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tmp = useTempDir("ticklens-compute-", "all");
const pool = new ComputePool({ maxThreads: 1 });
afterAll(async () => {
  await pool.close();
  await closeComputePool();
});

/** Two legs of `n` one-minute bars, b a random walk and a = 2·b + noise (deterministic). */
function legBars(n: number): { a: Bar[]; b: Bar[] } {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) - 0.5;
  const a: Bar[] = [];
  const b: Bar[] = [];
  let x = 100;
  for (let i = 0; i < n; i++) {
    x += rand();
    const y = 2 * x + 5 + rand() * 0.5;
    const bar = (symbol: string, close: number): Bar => ({
      symbol, timeframe: "1m", bucketStart: 1_765_000_000_000 + i * 60_000, open: close, high: close, low: close, close,
      volume: 1, quoteVolume: close, trades: 1, vwap: close, buyVolume: 1, sellVolume: 0,
    });
    a.push(bar("ETHUSDT", y));
    b.push(bar("BTCUSDT", x));
  }
  return { a, b };
}

const query = (method: string, window = 30) => pairsQuery.parse({ a: "ETHUSDT", b: "BTCUSDT", timeframe: "1m", window: String(window), method });

const uploadOptions: ParseOptions = {
  kind: "ticks", format: "auto", map: null, symbol: "BTCUSDT", timeUnit: "auto", timeZone: null, timeframe: null, source: "upload:x", syntheticBase: -1,
};

describe("packing for the hand-off", () => {
  it("bars and tick batches survive packing unchanged", () => {
    const { a } = legBars(50);
    expect(unpackRecords<Bar>(packRecords(a))).toEqual(a);
    const text = ["id,price,qty,quote_qty,time,is_buyer_maker,is_best_match", ...Array.from({ length: 40 }, (_, i) => `${i + 1},${100 + i},1,${100 + i},${1_765_922_888_978 + i},${i % 3 === 0},true`)].join("\n");
    const batch = parseUpload(text, uploadOptions).ticks!;
    const again = unpackTickBatch(packTickBatch(batch));
    expect(again.numRows).toBe(40);
    for (let i = 0; i < batch.schema.fields.length; i++) expect(again.getChildAt(i)!.toArray()).toEqual(batch.getChildAt(i)!.toArray());
  });
});

describe("tasks on a worker thread", () => {
  it("a pairs report is the one computed in process", async () => {
    const { a, b } = legBars(400);
    const q = query("theil-sen");
    const [pa, pb] = [packRecords(a), packRecords(b)];
    const json = await pool.run({ kind: "pairs", barsA: pa, barsB: pb, query: q }, { transfer: buffersOf([...recordViews(pa), ...recordViews(pb)]) });
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(pairsReport(seriesOfBars(a, b, q)))));
  });

  it("an upload's ticks come back as the batch parsed in process, with progress", async () => {
    const rows = 120_000; // > 1 MiB of text: parsed on the worker
    const lines = ["id,price,qty,quote_qty,time,is_buyer_maker,is_best_match"];
    for (let i = 0; i < rows; i++) lines.push(`${i + 1},${(100 + (i % 97) / 10).toFixed(1)},0.5,${((100 + (i % 97) / 10) / 2).toFixed(2)},${1_765_922_888_978 + i},${i % 2 === 0},true`);
    const text = lines.join("\n") + "\n";
    const progress: number[] = [];
    const off = await parseUploadOffLoop(text, { ...uploadOptions, onProgress: (n) => progress.push(n) }, pool);
    const inProcess = parseUpload(text, uploadOptions);
    expect(off.rows).toBe(rows);
    expect({ ...off, ticks: null }).toEqual({ ...inProcess, ticks: null });
    for (let i = 0; i < inProcess.ticks!.schema.fields.length; i++) {
      expect(off.ticks!.getChildAt(i)!.toArray()).toEqual(inProcess.ticks!.getChildAt(i)!.toArray());
    }
    expect(progress.length).toBeGreaterThan(0);
  });

  it("a refusal in the worker is the request's 4xx", async () => {
    const text = "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n" + "1,10,1,10,1765922888978,true,true\n".repeat(40_000);
    const error = await parseUploadOffLoop(text, { ...uploadOptions, format: "binance-klines" as never }, pool).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    await expect(pool.run({ kind: "pairs", barsA: packRecords(legBars(10).a), barsB: packRecords(legBars(10).b), query: query("ols", 50) })).rejects.toMatchObject(
      new ComputeRefusal(422, "insufficient_data", "window 50 is longer than the 10 aligned bars", "window"),
    );
    expect(runTask({ kind: "spin", ms: 1 }).kind).toBe("spin");
  });

  it("a task past its time budget is stopped, and the pool goes on", async () => {
    await expect(pool.run({ kind: "spin", ms: 60_000 }, { budgetMs: 200 })).rejects.toBeInstanceOf(ComputeTimeoutError);
    await expect(pool.run({ kind: "spin", ms: 1 })).resolves.toBeGreaterThan(0);
  });
});

describe("the pairs endpoint's compute budget", () => {
  it("estimates Theil–Sen as bars²/2 and the others as linear", () => {
    expect(pairsCost({ method: "theil-sen", join: "inner" }, 20_000, 30_000).bars).toBe(20_000);
    expect(pairsCost({ method: "theil-sen", join: "inner" }, 20_000, 20_000).cost).toBeGreaterThan(1.9e8);
    expect(pairsCost({ method: "ols", join: "ffill" }, 20_000, 20_000)).toEqual({ bars: 40_000, cost: 40_000 * 64 });
  });

  it("refuses beyond the budget with 422 compute_budget, before reading more than the bars", async () => {
    const store = await seededStore("budget.duckdb", 300);
    const refused = await pairsReportJson(store, query("theil-sen"), { offloadCost: 0, maxCost: 1_000, timeMs: 10_000, pool }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, code: "compute_budget", field: "from" });
    expect((refused as Error).message).toMatch(/theil-sen over 300 bars/);
    const timedOut = await pairsReportJson(store, query("theil-sen"), { offloadCost: 0, maxCost: 1e9, timeMs: 1, pool }).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ status: 422, code: "compute_budget" });
    await store.close();
  });
});

/** A store with `n` one-minute bars of ETHUSDT and BTCUSDT (one trade per minute each), resampled. */
async function seededStore(name: string, n: number) {
  const store = await openStore(tmp.path(name));
  const { a, b } = legBars(n);
  const builder = new TickBatchBuilder(2 * n);
  let id = 1;
  for (const bar of [...a, ...b]) {
    builder.push({ symbol: bar.symbol, tradeId: id++, price: bar.close, qty: 1, quoteQty: bar.close, isBuyerMaker: false, tradeTime: bar.bucketStart + 1, eventTime: bar.bucketStart + 1, recvTime: bar.bucketStart + 2, source: "test" });
  }
  await store.appendTicks(builder.finish());
  await store.resample({ final: true });
  return store;
}

describe("the event loop stays free", () => {
  it("/api/health on a real port answers while a Theil–Sen report over 12,000 bars runs", async () => {
    const store = await seededStore("heavy.duckdb", 12_000);
    const server = await startApiServer({ store }, { port: 0 });
    try {
      // Warm a worker first, so the order below is the computation's, not a thread's start-up.
      const warm = await fetch(`${server.url}/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=30&method=theil-sen&from=1765000000000&to=1765060000000`);
      expect(warm.status).toBe(200);
      const done: string[] = [];
      const heavy = fetch(`${server.url}/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=30&method=theil-sen`).then(async (res) => {
        done.push(`pairs ${res.status}`);
        return res.json();
      });
      // Once the report is on the worker (its bars are read first), ask for health.
      await vi.waitFor(() => expect(computePool().inFlight).toBe(1), { timeout: 30_000, interval: 5 });
      const health = await fetch(`${server.url}/api/health`);
      done.push(`health ${health.status}`);
      const report = (await heavy) as { n: number; method: string };
      expect(done).toEqual(["health 200", "pairs 200"]);
      expect(report).toMatchObject({ n: 12_000, method: "theil-sen" });
    } finally {
      await server.close();
      await store.close();
    }
  }, 60_000);
});
