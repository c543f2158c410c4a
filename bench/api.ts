/**
 * `npm run bench:api`: requests/s and latency of `/api/ohlc` and `/api/analytics/pairs` at 64 connections
 * (autocannon, one request in flight per connection), each as a ratio to a trivial Hono route on the same server
 * measured in the same run, while the collector keeps writing replayed real trades into the store; then 1,000
 * WebSocket subscribers to `trades:BTCUSDT`: the delay from the server publishing each update to each client
 * receiving it, and the server's memory meanwhile.
 *
 * Requests carry `Accept-Encoding: gzip, deflate, br`, as every browser's do, so answers of 1 KiB or more come
 * gzipped. Every response's status and body are checked (non-2xx, bad bodies): a plain body by its shape, a
 * gzipped one by its gzip header in every response and, before each slice, by one request read in full and
 * decompressed. The routes take turns in BENCH_ROUNDS
 * slices (trivial, ohlc, pairs, trivial, …) so that load from other work on the machine falls on all of them
 * alike; each route's figures are over all its slices. Env: BENCH_SECONDS (default 10 per route), BENCH_ROUNDS
 * (default 5).
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import WebSocket from "ws";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 64;
const SUBSCRIBERS = 1_000;

/** Resident memory of a process, MiB (Linux). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

const UPDATE_PREFIX = Buffer.from('{"type":"update","channel":"trades:BTCUSDT","data":[');
const TIME_KEY = Buffer.from('"time":');

/**
 * The 1,000 clients share this one process, and the server's delay is what is measured, not theirs: a full
 * JSON.parse of every frame by every client (1,000 per update) would add tens of ms before the last client even
 * looks at its copy. So each frame is recognised by its prefix and its publish time read from its end.
 */
function isTradeUpdate(frame: Buffer): boolean {
  return frame.length > UPDATE_PREFIX.length && frame.compare(UPDATE_PREFIX, 0, UPDATE_PREFIX.length, 0, UPDATE_PREFIX.length) === 0;
}

/** The frame's `time` (its last field), ms. */
function publishTime(frame: Buffer): number {
  return Number(frame.toString("latin1", frame.lastIndexOf(TIME_KEY) + TIME_KEY.length, frame.length - 1));
}

/** A full read of one frame: an update of BTCUSDT trades whose time is the one {@link publishTime} read. */
function checkFrame(frame: Buffer, time: number): boolean {
  const parsed = JSON.parse(frame.toString()) as { type: string; channel: string; data: { symbol: string; price: number }[]; time: number };
  return parsed.type === "update" && parsed.time === time && parsed.data.length > 0 && parsed.data.every((t) => t.symbol === "BTCUSDT" && t.price > 0);
}

/** 1,000 clients on one channel; per update and client, receipt time minus the server's publish time. */
async function fanOut(
  wsUrl: string,
  serverPid: number,
): Promise<{ p50: number; p99: number; max: number; deliveries: number; checked: number; badFrames: number; rssStart: number; rssPeak: number }> {
  const delays: number[] = [];
  const checked: boolean[] = [];
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
          ws.on("message", (data: Buffer) => {
            const receivedAt = Date.now();
            if (!measuring || !isTradeUpdate(data)) return;
            const publishedAt = publishTime(data);
            delays.push(receivedAt - publishedAt);
            // Every hundredth frame is read in full: trades of the channel, with the time the cheap read found.
            if (delays.length % 100 === 0) checked.push(checkFrame(data, publishedAt));
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
  const badFrames = checked.filter((ok) => !ok).length;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], deliveries: sorted.length, checked: checked.length, badFrames, rssStart, rssPeak };
}

/** Latencies of one route over all its slices, in 0.1 ms buckets up to 10 s (the last bucket takes the rest). */
class LatencyHistogram {
  private readonly counts = new Uint32Array(100_001);
  private n = 0;

  record(ms: number): void {
    this.counts[Math.min(this.counts.length - 1, Math.round(ms * 10))]++;
    this.n++;
  }

  /** The latency at quantile `q`, ms. */
  at(q: number): number {
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen > q * this.n) return i / 10;
    }
    return Number.NaN;
  }
}

/** One route's figures, summed over its slices. */
class Tally {
  responses = 0;
  seconds = 0;
  errors = 0;
  non2xx = 0;
  /** Responses whose body is not the route's answer (see `looksRight` below). */
  badBodies = 0;
  /** Of 2xx responses only, as autocannon reports latency. */
  readonly latency = new LatencyHistogram();

  get rps(): number {
    return this.responses / this.seconds;
  }
}

/** What browsers send. */
const BROWSER_ENCODINGS = "gzip, deflate, br";

/** A route as measured: its path, whether its answer comes gzipped, and a cheap shape check of the plain body. */
interface Route {
  readonly name: string;
  readonly path: string;
  readonly gzipped: boolean;
  readonly looksRight: (body: string) => boolean;
}

/**
 * The body as autocannon hands it over (its bytes decoded as UTF-8) is the route's answer: for a gzipped route, a
 * gzip stream (0x1f 0x8b; 0x8b is no UTF-8 and decodes to U+FFFD); else the plain answer.
 */
function bodyLooksRight(route: Route, body: unknown): boolean {
  if (typeof body !== "string") return false;
  return route.gzipped ? body.startsWith("\u001f\ufffd") : route.looksRight(body);
}

/** One request read in full: the encoding the route should answer with, and its decompressed body's shape. */
async function fullCheck(url: string, route: Route): Promise<boolean> {
  const res = await fetch(url, { headers: { "accept-encoding": BROWSER_ENCODINGS } });
  const encoding = res.headers.get("content-encoding");
  return res.ok && encoding === (route.gzipped ? "gzip" : null) && route.looksRight(await res.text());
}

/** Loads the route for one slice, checking every response (see {@link bodyLooksRight} and {@link fullCheck}). */
async function slice(base: string, route: Route, seconds: number, tally: Tally): Promise<void> {
  const url = `${base}${route.path}`;
  if (!(await fullCheck(url, route))) tally.badBodies++;
  await new Promise<void>((resolve, reject) => {
    const verifyBody = (body: unknown) => bodyLooksRight(route, body);
    const headers = { "accept-encoding": BROWSER_ENCODINGS };
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers, verifyBody }, (error, r) => {
      if (error) return reject(error);
      tally.responses += r.requests.total;
      tally.seconds += r.duration;
      tally.errors += r.errors;
      tally.non2xx += r.non2xx;
      tally.badBodies += r.mismatches;
      resolve();
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) tally.latency.record(ms);
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
    // Each route with the start of its real answer: bars present, a pairs report rather than an error.
    const routes: Route[] = [
      { name: "trivial Hono route (baseline)", path: "/bench/trivial", gzipped: false, looksRight: (b) => b === '{"ok":true}' },
      {
        name: "GET /api/ohlc/BTCUSDT?timeframe=1m&limit=500",
        path: "/api/ohlc/BTCUSDT?timeframe=1m&limit=500",
        gzipped: true,
        looksRight: (b) => b.startsWith('{"symbol":"BTCUSDT","timeframe":"1m","bars":[{"symbol":"BTCUSDT","timeframe":"1m","bucketStart":') && b.endsWith("}]}"),
      },
      {
        name: "GET /api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=5",
        path: "/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=5",
        gzipped: true,
        looksRight: (b) => b.startsWith('{"a":"ETHUSDT","b":"BTCUSDT","timeframe":"1m","window":5,"method":"ols","n":') && b.includes('"engleGranger":{'),
      },
    ];
    const tallies = routes.map(() => new Tally());
    process.stderr.write(`bench:api: ${routes.length} routes, ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} turns, Accept-Encoding: ${BROWSER_ENCODINGS}\n`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, route] of routes.entries()) await slice(url, route, SECONDS / ROUNDS, tallies[i]);
    }
    const base = tallies[0];
    console.log(`route | requests/s | p50 ms | p99 ms | errors | non-2xx | bad bodies | share of trivial route`);
    routes.forEach(({ name }, i) => {
      const t = tallies[i];
      console.log(
        `${name} | ${Math.round(t.rps).toLocaleString("en")} | ${t.latency.at(0.5)} | ${t.latency.at(0.99)} | ${t.errors} | ${t.non2xx} | ` +
          `${t.badBodies} | ${((t.rps / base.rps) * 100).toFixed(0)}%`,
      );
    });
    process.stderr.write(`bench:api: ${SUBSCRIBERS} WebSocket subscribers to trades:BTCUSDT, ${SECONDS} s\n`);
    const f = await fanOut(`${url.replace("http", "ws")}/ws/live`, child.pid!);
    console.log(
      `WS /ws/live fan-out, ${SUBSCRIBERS} subscribers to trades:BTCUSDT | ${f.deliveries.toLocaleString("en")} deliveries ` +
        `(${f.checked} read in full, ${f.badFrames} bad) | ` +
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
