/**
 * `npm run bench:ingest`: trades per second from a Binance-compatible WebSocket into the DuckDB file, against
 * two baselines measured in the same run on the same rows and the same table — a row-by-row INSERT writer
 * (floor) and DuckDB's own read_csv (ceiling) — plus the p99 delay from a frame's arrival to its row being
 * queryable at a fixed ~20,000 trades/s, and this process's peak RSS.
 *
 * The replay server runs in its own process (as Binance would be on another machine), replaying the real
 * futures capture in a loop. Env: INGEST_REPEAT (passes of the 28k-trade capture, default 30),
 * LATENCY_SECONDS (default 15).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { componentLogger, silentLogger } from "../src/runtime/logger.ts";
import {
  formatTicksCsv,
  insertTicksRowByRow,
  loadTicksCsv,
  openStore,
  TickBatchBuilder,
  type TickBatch,
} from "../src/store/index.ts";
import { startBenchCollector } from "./bench-process.ts";

const CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";
const REPEAT = Number(process.env.INGEST_REPEAT ?? 30);
const LATENCY_SECONDS = Number(process.env.LATENCY_SECONDS ?? 15);
const TARGET_RATE = 20_000;
/** Mean trade rate of the capture: 28,398 market trades over its 1,002 s. */
const CAPTURE_RATE = 28_398 / 1_002.2;
const FLOOR_ROWS = 3_000;

interface ReplayProcess {
  readonly wsUrl: string;
  readonly restUrl: string;
  stop(): Promise<void>;
}

/** Starts `ticklens replay` in a child process and reads its URLs from the JSON line it prints. */
async function startReplay(args: string[]): Promise<ReplayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ticklens.ts", "replay", "--file", CAPTURE, "--market", "futures", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`replay server exited with ${code}`)));
  });
  const { wsUrl, restUrl } = JSON.parse(line) as { wsUrl: string; restUrl: string };
  return {
    wsUrl,
    restUrl,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Max throughput: replay as fast as the collector drains; returns trades/s and the stored rows for the baselines. */
async function throughput(dir: string): Promise<{ rate: number; stored: number; seconds: number; peakRssMiB: number; rows: TickBatch }> {
  const replay = await startReplay(["--speed", "max", "--repeat", String(REPEAT)]);
  const store = await openStore(join(dir, "collector.duckdb"));
  const collector = await startBenchCollector(store, replay, componentLogger("collector"));
  const expected = 28_398 * REPEAT;
  let firstAt = 0;
  collector.onBatch(() => {
    if (firstAt === 0) firstAt = performance.now();
  });
  let last = -1;
  let stalledSince = Date.now();
  while (collector.status().stored < expected) {
    await new Promise((r) => setTimeout(r, 1_000));
    const { stored } = collector.status();
    process.stderr.write(`bench:ingest: ${stored.toLocaleString("en")} / ${expected.toLocaleString("en")} stored\n`);
    if (stored !== last) stalledSince = Date.now();
    // DuckDB may pause the writer for a checkpoint; only a long silence means the feed ended short.
    if (Date.now() - stalledSince > 10_000) break;
    last = stored;
  }
  const seconds = (performance.now() - firstAt) / 1000;
  const stored = collector.status().stored;
  await collector.stop();
  await replay.stop();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  // The same rows for the baselines, read back from what the collector stored (the final flush included).
  const rowCount = await store.read(async (c) => Number((await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]));
  const builder = new TickBatchBuilder(rowCount);
  await store.read(async (c) => {
    const reader = await c.runAndReadAll(
      "SELECT symbol, trade_id, price, qty, quote_qty, is_buyer_maker, epoch_us(trade_time), epoch_us(event_time), epoch_us(recv_time), source FROM tick_data",
    );
    for (const r of reader.getRows()) {
      builder.push({
        symbol: String(r[0]), tradeId: Number(r[1]), price: Number(r[2]), qty: Number(r[3]), quoteQty: Number(r[4]),
        isBuyerMaker: Boolean(r[5]), tradeTime: Number(r[6]) / 1000, eventTime: Number(r[7]) / 1000,
        recvTime: Number(r[8]) / 1000, source: String(r[9]),
      });
    }
  });
  await store.close();
  return { rate: stored / seconds, stored, seconds, peakRssMiB, rows: builder.finish() };
}

/** Floor: one INSERT … ON CONFLICT DO NOTHING per row (how a naive collector writes), on the first rows. */
async function floor(dir: string, rows: TickBatch): Promise<number> {
  const store = await openStore(join(dir, "floor.duckdb"));
  const sample = rows.slice(0, FLOOR_ROWS);
  const t0 = performance.now();
  await store.write((c) => insertTicksRowByRow(c, sample, { idempotent: true }));
  const rate = sample.numRows / ((performance.now() - t0) / 1000);
  await store.close();
  return rate;
}

/** Ceiling: DuckDB's own CSV reader loading the same rows into the same table. */
async function ceiling(dir: string, rows: TickBatch): Promise<number> {
  const csv = join(dir, "ticks.csv");
  writeFileSync(csv, formatTicksCsv(rows));
  const store = await openStore(join(dir, "ceiling.duckdb"));
  const t0 = performance.now();
  await store.write((c) => loadTicksCsv(c, csv));
  const rate = rows.numRows / ((performance.now() - t0) / 1000);
  await store.close();
  return rate;
}

/** Delay from each frame's arrival (recv_time) to its row being committed, at ~20,000 trades/s. */
async function latency(dir: string): Promise<{ p50: number; p99: number; max: number; rate: number; rows: number }> {
  const speed = Math.round(TARGET_RATE / CAPTURE_RATE);
  const replay = await startReplay(["--speed", String(speed), "--repeat", "1000"]);
  const store = await openStore(join(dir, "latency.duckdb"));
  const collector = await startBenchCollector(store, replay, silentLogger());
  const delays: number[] = [];
  collector.onBatch((batch) => {
    const committedAt = Date.now();
    const recv = batch.getChild("recv_time")!;
    for (let i = 0; i < batch.numRows; i++) delays.push(committedAt - Number(recv.get(i)));
  });
  await new Promise((r) => setTimeout(r, 2_000)); // warm-up, not counted
  delays.length = 0;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, LATENCY_SECONDS * 1000));
  const seconds = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(delays).sort();
  await collector.stop();
  await replay.stop();
  await store.close();
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1], rate: sorted.length / seconds, rows: sorted.length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ticklens-ingest-"));
  try {
    process.stderr.write(`bench:ingest: throughput, ${REPEAT} passes of the real futures capture at full speed\n`);
    const t = await throughput(dir);
    process.stderr.write("bench:ingest: floor (row-by-row INSERT) and ceiling (read_csv) on the same rows\n");
    const floorRate = await floor(dir, t.rows);
    const ceilingRate = await ceiling(dir, t.rows);
    process.stderr.write(`bench:ingest: latency at ~${TARGET_RATE.toLocaleString("en")} trades/s for ${LATENCY_SECONDS} s\n`);
    const l = await latency(dir);
    const n = (v: number) => Math.round(v).toLocaleString("en");
    console.log(`collector (WebSocket → Arrow → DuckDB) | ${n(t.rate)} trades/s | ${n(t.stored)} trades in ${t.seconds.toFixed(1)} s`);
    console.log(`floor: row-by-row INSERT ON CONFLICT | ${n(floorRate)} rows/s | collector = ${(t.rate / floorRate).toFixed(0)}× floor`);
    console.log(`ceiling: DuckDB read_csv, same rows  | ${n(ceilingRate)} rows/s | collector = ${((t.rate / ceilingRate) * 100).toFixed(0)}% of ceiling`);
    console.log(`frame arrival → queryable at ${n(l.rate)} trades/s | p50 ${n(l.p50)} ms | p99 ${n(l.p99)} ms | max ${n(l.max)} ms | ${n(l.rows)} rows`);
    console.log(`peak RSS of the collector process during the throughput run | ${n(t.peakRssMiB)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench:ingest: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
