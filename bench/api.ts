/**
 * `npm run bench:api`: requests/s and latency of `/api/ohlc` and `/api/analytics/pairs` at 64 connections
 * (autocannon), each as a ratio to a trivial Hono route on the same server measured in the same run, while the
 * collector keeps writing replayed real trades into the store; then 1,000 WebSocket subscribers to
 * `trades:BTCUSDT`: the delay from the server publishing each update to each client receiving it, and the
 * server's memory meanwhile. Env: BENCH_SECONDS (default 10 per measurement).
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import WebSocket from "ws";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const SUBSCRIBERS = 1_000;

/** Resident memory of a process, MiB (Linux). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** 1,000 clients on one channel; per update and client, receipt time minus the server's publish time. */
async function fanOut(wsUrl: string, serverPid: number): Promise<{ p50: number; p99: number; max: number; deliveries: number; rssStart: number; rssPeak: number }> {
  const delays: number[] = [];
  let measuring = false;
  const clients = await Promise.all(
    Array.from(
      { length: SUBSCRIBERS },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(wsUrl);
          ws.on("open", () => {
            ws.send(JSON.stringify({ op: "subscribe", channel: "trades:BTCUSDT" }));
            resolve(ws);
          });
          ws.on("error", reject);
          ws.on("message", (data) => {
            if (!measuring) return;
            const frame = JSON.parse(data.toString()) as { type: string; time?: number };
            if (frame.type === "update" && frame.time !== undefined) delays.push(Date.now() - frame.time);
          });
        }),
    ),
  );
  const rssStart = rssMiB(serverPid);
  let rssPeak = rssStart;
  await new Promise((r) => setTimeout(r, 1_000)); // snapshots delivered
  measuring = true;
  for (let s = 0; s < SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1_000));
    rssPeak = Math.max(rssPeak, rssMiB(serverPid));
  }
  measuring = false;
  for (const ws of clients) ws.terminate();
  const sorted = Float64Array.from(delays).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], deliveries: sorted.length, rssStart, rssPeak };
}

interface Result {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

function run(url: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS }, (error, r) => {
      if (error) reject(error);
      else resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/api-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  try {
    const routes = [
      ["trivial Hono route (baseline)", "/bench/trivial"],
      ["GET /api/ohlc/BTCUSDT?timeframe=1m&limit=500", "/api/ohlc/BTCUSDT?timeframe=1m&limit=500"],
      ["GET /api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=5", "/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=5"],
    ] as const;
    const results: Result[] = [];
    for (const [name, path] of routes) {
      process.stderr.write(`bench:api: ${name}, ${CONNECTIONS} connections, ${SECONDS} s\n`);
      results.push(await run(`${url}${path}`));
    }
    const base = results[0];
    console.log(`route | requests/s | p50 ms | p99 ms | errors | non-2xx | share of trivial route`);
    routes.forEach(([name], i) => {
      const r = results[i];
      console.log(`${name} | ${Math.round(r.rps).toLocaleString("en")} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${((r.rps / base.rps) * 100).toFixed(0)}%`);
    });
    process.stderr.write(`bench:api: ${SUBSCRIBERS} WebSocket subscribers to trades:BTCUSDT, ${SECONDS} s\n`);
    const f = await fanOut(`${url.replace("http", "ws")}/ws/live`, child.pid!);
    console.log(
      `WS /ws/live fan-out, ${SUBSCRIBERS} subscribers to trades:BTCUSDT | ${f.deliveries.toLocaleString("en")} deliveries | ` +
        `p50 ${f.p50} ms | p99 ${f.p99} ms | max ${f.max} ms | server RSS ${f.rssStart.toFixed(0)} → peak ${f.rssPeak.toFixed(0)} MiB`,
    );
  } finally {
    child.kill("SIGINT");
  }
}

main().catch((error) => {
  process.stderr.write(`bench:api: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
