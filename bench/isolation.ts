/**
 * `npm run bench:isolation`: does heavy work leave the live path alone? One run, two phases of BENCH_SECONDS
 * (default 20) each on the same server (bench/isolation-server.ts, the collector ingesting the replay at 20×):
 *
 * - quiet: `/api/ohlc` under load (autocannon, 8 connections) and nothing else;
 * - heavy: the same, while a 50 MB CSV upload, a Theil–Sen pairs report on 20,000 bars and a slow SQL query (one
 *   that runs into the SQL time limit) each run again and again.
 *
 * Per phase: trades stored per second, `/api/ohlc` p99, and the event-loop delay p99 measured in the server
 * process; then the heavy phase's ratios to the quiet one and the goals (≥ 90% of the quiet ingest rate, ohlc p99
 * < 25 ms, event-loop delay p99 < 50 ms, no trade lost: no id missing by the collector's own ledger at the end).
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 8;
const OHLC = "/api/ohlc/BTCUSDT?timeframe=1m&limit=500";
const UPLOAD_BYTES = 49 * 1024 * 1024;

interface Stats {
  stored: number;
  state: string;
  gapsFound: number;
  gapsFilled: number;
  missingIds: number;
  pendingBatches: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number; samples: number };
}

/** A Binance trades CSV of ~49 MiB (synthetic ids and prices for one symbol). */
function uploadFile(): Uint8Array<ArrayBuffer> {
  const parts: string[] = ["id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n"];
  let bytes = parts[0].length;
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 1; bytes < UPLOAD_BYTES; i++) {
    const price = (30_000 + (i % 5_000) / 7).toFixed(2);
    const line = `${i},${price},0.00123,${(Number(price) * 0.00123).toFixed(8)},${t0 + i * 10},${i % 2 === 0},true\n`;
    parts.push(line);
    bytes += line.length;
  }
  return new TextEncoder().encode(parts.join("")) as Uint8Array<ArrayBuffer>;
}

async function stats(base: string, reset = false): Promise<Stats> {
  return (await (await fetch(`${base}/bench/stats${reset ? "?reset=1" : ""}`)).json()) as Stats;
}

/** `/api/ohlc` under autocannon for the phase; p99 over 2xx responses. */
function loadOhlc(base: string): Promise<{ p99: number; rps: number; non2xx: number; errors: number }> {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${OHLC}`, connections: CONNECTIONS, duration: SECONDS }, (error, r) => {
      if (error) return reject(error);
      resolve({ p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

/** Runs `job` again and again until `stop` resolves; counts runs and answers by status. */
async function repeat(job: () => Promise<number>, stop: Promise<void>): Promise<Record<string, number>> {
  let done = false;
  void stop.then(() => (done = true));
  const counts: Record<string, number> = {};
  while (!done) {
    const status = await job().catch(() => 0);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

async function phase(base: string, heavy: boolean, file: Uint8Array<ArrayBuffer>) {
  await stats(base, true);
  const before = await stats(base);
  const startedAt = performance.now();
  const ohlc = loadOhlc(base);
  const stop = ohlc.then(() => undefined);
  let uploads = 0;
  const work = heavy
    ? Promise.all([
        repeat(async () => (await fetch(`${base}/api/upload?kind=ticks&symbol=UPLDUSDT&name=bench-${Date.now()}-${uploads++}`, {
          method: "POST", headers: { "content-type": "text/csv" }, body: file,
        })).status, stop),
        repeat(async () => (await fetch(`${base}/api/analytics/pairs?a=LEGAUSDT&b=LEGBUSDT&timeframe=1m&window=60&method=theil-sen`)).status, stop),
        repeat(async () => (await fetch(`${base}/api/sql`, {
          method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ sql: "SELECT sum(hash(i)) FROM range(100000000000) t(i)" }),
        })).status, stop),
      ])
    : Promise.resolve(null);
  const o = await ohlc;
  const seconds = (performance.now() - startedAt) / 1000;
  const after = await stats(base);
  const jobs = await work;
  return { ingest: (after.stored - before.stored) / seconds, ohlc: o, eld: after.eventLoopDelayMs, after, jobs };
}

async function main(): Promise<void> {
  const file = uploadFile();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/isolation-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  try {
    // Warm-up: a worker thread started, the answer cache primed.
    const warm = await fetch(`${url}/api/analytics/pairs?a=LEGAUSDT&b=LEGBUSDT&timeframe=1m&window=60&method=theil-sen&from=${Date.UTC(2025, 0, 1)}&to=${Date.UTC(2025, 0, 2)}`);
    if (!warm.ok) throw new Error(`warm-up pairs answered ${warm.status}: ${await warm.text()}`);
    await fetch(`${url}${OHLC}`);
    process.stderr.write(`bench:isolation: quiet phase, ${SECONDS} s of ${OHLC} at ${CONNECTIONS} connections\n`);
    const quiet = await phase(url, false, file);
    process.stderr.write(`bench:isolation: heavy phase, the same while a ${(file.byteLength / 2 ** 20).toFixed(0)} MiB upload, Theil–Sen on 20,000 bars and a slow SQL query repeat\n`);
    const heavy = await phase(url, true, file);
    // Let the collector catch up, then read its ledger.
    await new Promise((r) => setTimeout(r, 3_000));
    const end = await stats(url);
    const f = (v: number, d = 1) => v.toFixed(d);
    console.log(`phase | trades stored/s | /api/ohlc p99 ms | /api/ohlc req/s | event-loop delay p99 ms (max) | heavy jobs (status: runs)`);
    for (const [name, p] of [["quiet", quiet], ["heavy", heavy]] as const) {
      const jobs = p.jobs ? `upload ${JSON.stringify(p.jobs[0])}, theil-sen ${JSON.stringify(p.jobs[1])}, sql ${JSON.stringify(p.jobs[2])}` : "-";
      console.log(`${name} | ${f(p.ingest, 0)} | ${p.ohlc.p99} | ${f(p.ohlc.rps, 0)} | ${f(p.eld.p99)} (${f(p.eld.max)}) | ${jobs}`);
    }
    const ingestRatio = heavy.ingest / quiet.ingest;
    console.log(
      `ratios heavy/quiet | ingest ${(ingestRatio * 100).toFixed(0)}% | ohlc p99 ×${f(heavy.ohlc.p99 / Math.max(quiet.ohlc.p99, 1), 2)} | event-loop delay p99 ×${f(heavy.eld.p99 / quiet.eld.p99, 2)}`,
    );
    const lost = end.missingIds;
    console.log(
      `goals | ingest ≥ 90% of quiet: ${ingestRatio >= 0.9 ? "met" : "MISSED"} | ohlc p99 < 25 ms: ${heavy.ohlc.p99 < 25 ? "met" : "MISSED"} | ` +
        `event-loop delay p99 < 50 ms: ${heavy.eld.p99 < 50 ? "met" : "MISSED"} | no trade lost: ${lost === 0 ? "met" : "MISSED"} ` +
        `(gaps ${end.gapsFound} found, ${end.gapsFilled} filled, ${end.missingIds} ids missing, ${end.pendingBatches} batches pending, state ${end.state}) | ` +
        `non-2xx ohlc ${quiet.ohlc.non2xx + heavy.ohlc.non2xx}, errors ${quiet.ohlc.errors + heavy.ohlc.errors}`,
    );
  } finally {
    child.kill("SIGINT");
  }
}

main().catch((error) => {
  process.stderr.write(`bench:isolation: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
