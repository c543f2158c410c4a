/**
 * `npm run bench:dashboard`, in headless Debian chromium against the real API serving the built dashboard.
 *
 * 1. Time to the first rendered price chart with 24 h of 1 m bars for two symbols: the real capture's trades
 *    repeated back to back until they cover the last 24 h, stored and resampled by the real store; each symbol's
 *    Market page opened cold (fresh browser context) and timed from navigation start to the first animation frame
 *    after the chart drew its history. Baseline, same server and run: a cold load of the plain API docs page.
 * 2. Delay from a trade frame leaving the replay server to its bar changing on screen: the replay server at real
 *    speed (trade times moved to now, so a trade's time is when it is due to leave), the collector, the API and
 *    the page on 1 s bars. The page logs every bar change at its next animation frame; each trade is matched to
 *    the first change whose bar holds it (by trade count in its bucket, from the `trades:` channel).
 *
 * Env: BENCH_SECONDS (default 30) for part 2; BENCH_REPEATS (default 5) for part 1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { WebSocket } from "ws";
import { startApiServer } from "../src/api/server.ts";
import { Collector } from "../src/collector/collector.ts";
import type { Trade } from "../src/engine/types.ts";
import { startBinanceServer } from "../src/replay/binance-server.ts";
import { readCaptureFile } from "../src/replay/read-capture.ts";
import { silentLogger } from "../src/runtime/logger.ts";
import { openStore, TickBatchBuilder } from "../src/store/index.ts";
import { buildDashboard, CHROMIUM, CHROMIUM_ARGS, requireChromium } from "../test/browser/dashboard-harness.ts";
import { futuresCaptureTrades } from "../test/helpers/capture-trades.ts";

const CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";
const DAY_MS = 86_400_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

const log = (line: string) => process.stderr.write(`bench:dashboard: ${line}\n`);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** The capture repeated back to back (ids renumbered per symbol) so that it ends now and spans 24 h. */
async function storeDay(path: string) {
  const capture = futuresCaptureTrades(CAPTURE);
  const t0 = Math.min(...capture.map((t) => t.tradeTime));
  const span = Math.max(...capture.map((t) => t.tradeTime)) - t0 + 1_000;
  const copies = Math.ceil(DAY_MS / span);
  const start = Date.now() - copies * span;
  const store = await openStore(path);
  const ids = new Map<string, number>();
  let stored = 0;
  for (let k = 0; k < copies; k++) {
    const builder = new TickBatchBuilder(capture.length);
    for (const t of capture) {
      const id = (ids.get(t.symbol) ?? 0) + 1;
      ids.set(t.symbol, id);
      const tradeTime = start + k * span + (t.tradeTime - t0);
      builder.push({ ...t, tradeId: id, tradeTime, quoteQty: t.price * t.qty, eventTime: tradeTime, recvTime: tradeTime, source: "backfill" });
    }
    stored += (await store.appendTicks(builder.finish())).inserted;
    if (k % 10 === 9) log(`stored ${k + 1}/${copies} copies of the capture (${stored.toLocaleString()} trades)`);
  }
  await store.resample({ final: true });
  return { store, stored, copies };
}

async function timeToFirstChart(browser: Browser, url: string, symbol: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/?symbol=${symbol}&timeframe=1m`);
  const chart = page.locator(`[data-testid=price-chart][data-symbol='${symbol}']`);
  await page.waitForFunction((s) => (document.querySelector(`[data-testid=price-chart][data-symbol='${s}']`) as HTMLElement | null)?.dataset.firstRenderMs !== undefined, symbol, { timeout: 30_000 });
  const ms = Number(await chart.getAttribute("data-first-render-ms"));
  const bars = Number(await chart.getAttribute("data-bars"));
  if (bars < 1_400) throw new Error(`${symbol}: the chart drew ${bars} bars, expected a day of 1 m bars`);
  await context.close();
  return ms;
}

async function timeToDocs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/api/docs`, { waitUntil: "load" });
  const ms = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  await context.close();
  return ms;
}

async function firstChart(browser: Browser) {
  const dir = mkdtempSync(join(tmpdir(), "ticklens-bench-dash-"));
  log("storing 24 h of trades…");
  const { store, stored, copies } = await storeDay(join(dir, "day.duckdb"));
  const api = await startApiServer({ store }, { host: "127.0.0.1", port: 0, dashboardDir: "dist/dashboard" });
  const result: Record<string, number[]> = { BTCUSDT: [], ETHUSDT: [], docs: [] };
  for (let i = 0; i < REPEATS; i++) {
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) result[symbol].push(await timeToFirstChart(browser, api.url, symbol));
    result.docs.push(await timeToDocs(browser, api.url));
  }
  const t = performance.now();
  const bars = ((await (await fetch(`${api.url}/api/ohlc/BTCUSDT?timeframe=1m&limit=100000`)).json()) as { bars: unknown[] }).bars.length;
  const fetchMs = performance.now() - t;
  await api.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { result, stored, copies, bars, fetchMs };
}

async function liveDelay(browser: Browser) {
  const dir = mkdtempSync(join(tmpdir(), "ticklens-bench-live-"));
  const replay = await startBinanceServer({ capture: readCaptureFile(CAPTURE), market: "futures", speed: 1, repeat: Number.POSITIVE_INFINITY, rebaseTimes: true });
  const store = await openStore(join(dir, "live.duckdb"));
  const collector = await Collector.start(store, { symbols: ["BTCUSDT", "ETHUSDT"], market: "futures", stream: "trade", wsUrl: replay.wsUrl, restUrl: replay.restUrl, logger: silentLogger() });
  const api = await startApiServer({ store, live: collector }, { host: "127.0.0.1", port: 0, dashboardDir: "dist/dashboard" });
  while (collector.status().stored < 50) await new Promise((r) => setTimeout(r, 100));

  // Every BTC trade from the API's own feed: its time, and its position (1st, 2nd, …) in its 1 s bucket.
  const trades: (Trade & { nth: number })[] = [];
  const perBucket = new Map<number, number>();
  const ws = new WebSocket(`${api.url.replace("http", "ws")}/ws/live`);
  ws.on("message", (data) => {
    const frame = JSON.parse(String(data));
    if (frame.channel !== "trades:BTCUSDT" || frame.type !== "update") return;
    for (const t of frame.data as Trade[]) {
      const bucket = Math.floor(t.tradeTime / 1000) * 1000;
      const nth = (perBucket.get(bucket) ?? 0) + 1;
      perBucket.set(bucket, nth);
      trades.push({ ...t, nth });
    }
  });
  await new Promise((r) => ws.once("open", r));
  ws.send(JSON.stringify({ op: "subscribe", channel: "trades:BTCUSDT" }));

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => (window.__ticklensRenderLog = []));
  const page = await context.newPage();
  await page.goto(`${api.url}/?symbol=BTCUSDT&timeframe=1s`);
  await page.locator("[data-testid=price-chart][data-ready='true']").waitFor({ timeout: 30_000 });
  // Count only trades of buckets that open after the page is live, so every counted trade can show up.
  const from = Date.now() + 1_000;
  log(`measuring live updates for ${SECONDS} s…`);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const renders = await page.evaluate(() => window.__ticklensRenderLog ?? []);
  await context.close();
  ws.terminate();
  await api.close();
  await collector.stop();
  await store.close();
  await replay.close();
  rmSync(dir, { recursive: true, force: true });

  const delays: number[] = [];
  let unseen = 0;
  const counted = trades.filter((t) => Math.floor(t.tradeTime / 1000) * 1000 >= from && t.tradeTime < from + (SECONDS - 3) * 1000);
  for (const t of counted) {
    const bucket = Math.floor(t.tradeTime / 1000) * 1000;
    const shown = renders.find((r) => r.bucketStart === bucket && r.trades >= t.nth);
    if (shown === undefined) unseen++;
    else delays.push(shown.renderedAt - t.tradeTime);
  }
  const sorted = Float64Array.from(delays).sort();
  return { trades: counted.length, unseen, renders: renders.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] };
}

requireChromium();
log("building the dashboard…");
buildDashboard();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const first = await firstChart(browser);
const delay = await liveDelay(browser);
await browser.close();

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`\ndashboard in headless chromium\n`);
console.log("| measure | value |");
console.log("|---|---|");
console.log(`| data | ${first.stored.toLocaleString()} trades (${first.copies} back-to-back copies of the capture) → ${first.bars} 1 m bars per symbol |`);
for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
  const ms = median(first.result[symbol]);
  console.log(`| first rendered price chart, ${symbol}, cold, median of ${REPEATS} (max) | ${fmt(ms)} (${fmt(Math.max(...first.result[symbol]))}); goal < 1,500 ms: ${ms < 1500 ? "met" : "not met"} |`);
}
console.log(`| baseline: cold load of /api/docs, median | ${fmt(median(first.result.docs))} (chart page / baseline: ${(median(first.result.BTCUSDT) / median(first.result.docs)).toFixed(1)}×) |`);
console.log(`| /api/ohlc for the day of 1 m bars, from Node | ${fmt(first.fetchMs)} |`);
console.log(`| live: trades counted / not shown within the run / bar changes drawn | ${delay.trades} / ${delay.unseen} / ${delay.renders} |`);
console.log(`| trade leaves replay server → its bar changes on screen: p50 / p99 / max | ${fmt(delay.p50)} / ${fmt(delay.p99)} / ${fmt(delay.max)}; goal p99 < 250 ms: ${delay.p99 < 250 ? "met" : "not met"} |`);
process.exit(0);
