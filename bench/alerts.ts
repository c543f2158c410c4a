/**
 * `npm run bench:alerts`: 1,000 alert rules across 20 symbols, fed the real futures capture (its BTC and ETH
 * trades, each copied onto ten symbols with a seeded price scale and time jitter).
 *
 * 1. Delay, end to end: batches are appended to a real DuckDB store and announced as the collector does, at 20×
 *    real time; the alert service evaluates them and the API pushes fires on a real `/ws/live` socket to a real
 *    client. Per fire: client receipt time minus the moment the batch holding the triggering update was
 *    announced (for a pair rule, the batch that closed its bar).
 * 2. Cost per update, in process with no I/O, on the same trades: the incremental `AlertFeed` against a baseline
 *    that, at every trade, recomputes every rule of that symbol from the raw trade history in its window (and
 *    every pair rule from its window of bars when a bar closes), then steps the same evaluator.
 *
 * Env: BENCH_SECONDS (default 20) — wall time of the end-to-end run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { AlertService, type AlertNotice } from "../src/alerts/alert-service.ts";
import type { LiveSource } from "../src/api/deps.ts";
import { startApiServer } from "../src/api/server.ts";
import type { CollectorStatus } from "../src/collector/collector.ts";
import {
  AlertEvaluator,
  AlertFeed,
  metricKey,
  alignBars,
  PairBarAligner,
  pairMetricSeries,
  pairWindowMetric,
  toBars,
  parseAlertRule,
  type AlertRule,
  type Trade,
} from "../src/engine/index.ts";
import { createRule } from "../src/store/alert-store.ts";
import { openStore, type TickBatch } from "../src/store/index.ts";
import { seededRandom } from "../src/replay/seeded-random.ts";
import { futuresCaptureTrades } from "../test/helpers/capture-trades.ts";
import { tradeBatch } from "../test/helpers/store-feed.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SPEED = 20;
const BATCH_MS = 50;
const SYMBOLS_PER_LEG = 10;
const GRACE_MS = 2_000;

/** 20 symbols: BTC and ETH each copied onto ten, with a price scale and up to 20 ms of time jitter per copy. */
function twentySymbols(): { trades: Trade[]; symbols: string[]; base: Map<string, number> } {
  const capture = futuresCaptureTrades("data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv");
  const next = seededRandom(11);
  const copies: { symbol: string; from: string; scale: number; jitter: number }[] = [];
  for (const leg of ["BTC", "ETH"]) {
    for (let i = 0; i < SYMBOLS_PER_LEG; i++) copies.push({ symbol: `${leg}${i}USDT`, from: `${leg}USDT`, scale: 0.5 + next(), jitter: Math.floor(next() * 20) });
  }
  const trades: Trade[] = [];
  const ids = new Map<string, number>();
  for (const t of capture) {
    for (const c of copies) {
      if (c.from !== t.symbol) continue;
      const id = (ids.get(c.symbol) ?? 0) + 1;
      ids.set(c.symbol, id);
      trades.push({ ...t, symbol: c.symbol, tradeId: id, price: t.price * c.scale, tradeTime: t.tradeTime + c.jitter });
    }
  }
  const base = new Map(copies.map((c) => [c.symbol, trades.find((t) => t.symbol === c.symbol)!.price]));
  return { trades, symbols: copies.map((c) => c.symbol), base };
}

/** The q-quantile of the defined values of a series. */
function quantileOf(values: Float64Array, q: number): number {
  const defined = values.filter((v) => !Number.isNaN(v)).sort();
  return defined[Math.min(defined.length - 1, Math.floor(q * defined.length))];
}

/**
 * 50 rules per symbol: price, change %, volume and VWAP deviation, and ten on the pair of it and its neighbour
 * (1 s bars). Levels are set where the data crosses them now and then: price near the first trade, pair metrics
 * outside the band of their 2nd–98th percentiles over the data, so the rules fire as real ones would.
 */
function thousandRules(symbols: readonly string[], trades: readonly Trade[], base: ReadonlyMap<string, number>): Omit<AlertRule, "id">[] {
  const next = seededRandom(5);
  const rules: Omit<AlertRule, "id">[] = [];
  const common = { severity: "info" as const, enabled: true, channels: ["dashboard" as const] };
  const bars = new Map(symbols.map((s) => [s, toBars(trades.filter((t) => t.symbol === s), "1s")]));
  symbols.forEach((symbol, i) => {
    const p = base.get(symbol)!;
    const pairWith = symbols[(i + 1) % symbols.length];
    const pair = alignBars(bars.get(symbol)!, bars.get(pairWith)!, { join: "inner" });
    for (let k = 0; k < 50; k++) {
      const windowMs = [10_000, 30_000, 60_000][k % 3];
      const name = `${symbol} rule ${k}`;
      switch (k % 5) {
        case 0: {
          const level = p * (0.999 + 0.002 * next());
          rules.push({ ...common, name, metric: { kind: "price", symbol }, condition: { op: "crossesAbove", threshold: level }, rearm: level * 0.9998 });
          break;
        }
        case 1:
          rules.push({ ...common, name, metric: { kind: "changePct", symbol, windowMs }, condition: { op: "absAbove", threshold: 0.02 + 0.1 * next() }, cooldownMs: 5_000 });
          break;
        case 2:
          rules.push({ ...common, name, metric: { kind: "volume", symbol, windowMs }, condition: { op: ">", threshold: (2 + 10 * next()) * (windowMs / 10_000) }, forMs: 1_000 });
          break;
        case 3:
          rules.push({ ...common, name, metric: { kind: "vwapDeviationPct", symbol, windowMs }, condition: { op: "outsideBand", low: -0.05, high: 0.05 } });
          break;
        default: {
          const kinds = ["zScore", "correlation", "spread", "hedgeRatio", "adfPValue"] as const;
          const kind = kinds[Math.floor(k / 5) % kinds.length];
          const window = [30, 60][k % 2];
          const series = pairMetricSeries(kind, pair.closeA, pair.closeB, window);
          const condition = { op: "outsideBand" as const, low: quantileOf(series, 0.02), high: quantileOf(series, 0.98) };
          rules.push({ ...common, name, metric: { kind, a: symbol, b: pairWith, timeframe: "1s", window }, condition, cooldownMs: 10_000 });
        }
      }
    }
  });
  return rules;
}

const quantile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

/** Trades in capture time order (the feed's arrival order), cut into BATCH_MS slices of capture time × SPEED. */
function slices(trades: readonly Trade[]): Trade[][] {
  const sorted = [...trades].sort((a, b) => a.tradeTime - b.tradeTime || a.symbol.localeCompare(b.symbol) || a.tradeId - b.tradeId);
  // Per symbol, ids must rise in arrival order: re-number after the sort so the jittered copies stay in sequence.
  const ids = new Map<string, number>();
  const renumbered = sorted.map((t) => {
    const id = (ids.get(t.symbol) ?? 0) + 1;
    ids.set(t.symbol, id);
    return { ...t, tradeId: id };
  });
  const out: Trade[][] = [];
  const span = BATCH_MS * SPEED;
  let start = renumbered[0].tradeTime;
  let current: Trade[] = [];
  for (const t of renumbered) {
    while (t.tradeTime >= start + span) {
      out.push(current);
      current = [];
      start += span;
    }
    current.push(t);
  }
  out.push(current);
  return out;
}

async function endToEnd(rules: readonly Omit<AlertRule, "id">[], batches: readonly Trade[][]) {
  const dir = mkdtempSync(join(tmpdir(), "ticklens-bench-alerts-"));
  const store = await openStore(join(dir, "alerts.duckdb"));
  for (const rule of rules) await createRule(store, rule);
  const listeners = new Set<(batch: TickBatch) => void>();
  const live: LiveSource = {
    onBatch: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    status: () => ({ state: "live" }) as CollectorStatus,
  };
  const alerts = await AlertService.start(store, live, { pairGraceMs: GRACE_MS });
  const api = await startApiServer({ store, live, alerts }, { host: "127.0.0.1", port: 0 });
  const ws = new WebSocket(`${api.url.replace("http", "ws")}/ws/live`);
  const received: { alert: Extract<AlertNotice, { kind: "fired" }>["alert"]; at: number }[] = [];
  ws.on("message", (data) => {
    const at = performance.now();
    const frame = JSON.parse(String(data));
    if (frame.channel === "alerts" && frame.type === "update" && frame.data.kind === "fired") received.push({ alert: frame.data.alert, at });
  });
  await new Promise((resolve) => ws.once("open", resolve));
  ws.send(JSON.stringify({ op: "subscribe", channel: "alerts" }));
  await new Promise((r) => setTimeout(r, 200));

  // Announce batches on a BATCH_MS cadence; remember when each went out and the newest trade time it carried.
  const announcedAt: number[] = [];
  const clockAfter: number[] = [];
  const symbolTimes = new Map<string, { batch: number; time: number }[]>();
  let clock = Number.NEGATIVE_INFINITY;
  const deadline = performance.now() + SECONDS * 1000;
  let b = 0;
  for (; b < batches.length && performance.now() < deadline; b++) {
    const tickAt = performance.now();
    const batch = tradeBatch(batches[b]);
    await store.appendTicks(batch);
    for (const t of batches[b]) {
      clock = Math.max(clock, t.tradeTime);
      let list = symbolTimes.get(t.symbol);
      if (list === undefined) symbolTimes.set(t.symbol, (list = []));
      list.push({ batch: b, time: Math.max(list.at(-1)?.time ?? Number.NEGATIVE_INFINITY, t.tradeTime) });
    }
    clockAfter.push(clock);
    announcedAt.push(performance.now());
    for (const l of listeners) l(batch);
    const wait = BATCH_MS - (performance.now() - tickAt);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await new Promise((r) => setTimeout(r, 1_000)); // the last fires reach the client

  // The triggering update: for a single-symbol rule the batch holding the trade observed at the fire time; for a
  // pair rule the first batch after which the stream clock had passed the bar's end plus the grace.
  const delays: number[] = [];
  for (const { alert, at } of received) {
    const t = Date.parse(alert.firedAt);
    let trigger = -1;
    if (alert.metricKey.split(":").length === 5) {
      trigger = clockAfter.findIndex((c) => Math.floor((c - GRACE_MS) / 1000) * 1000 >= t);
    } else {
      const symbol = alert.metricKey.split(":")[1];
      const hit = symbolTimes.get(symbol)?.find((o) => Math.floor(o.time) === t);
      trigger = hit?.batch ?? -1;
    }
    if (trigger >= 0) delays.push(at - announcedAt[trigger]);
  }
  const status = alerts.status();
  ws.terminate();
  await api.close();
  await alerts.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const sorted = Float64Array.from(delays).sort();
  return { batches: b, trades: status.trades, fired: status.fired, received: received.length, matched: delays.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] };
}

/** Per trade, every rule of its symbol recomputed from the raw window of trades; pair rules from their window of bars. */
class FromScratch {
  readonly #evaluator: AlertEvaluator;
  readonly #rules: AlertRule[];
  readonly #history = new Map<string, { price: number; qty: number; time: number }[]>();
  readonly #bars = new Map<string, { aligner: PairBarAligner; a: number[]; b: number[] }>();
  #clock = Number.NEGATIVE_INFINITY;

  constructor(rules: readonly AlertRule[]) {
    this.#rules = [...rules];
    this.#evaluator = new AlertEvaluator(rules);
    for (const r of rules) {
      if ("a" in r.metric) this.#bars.set(`${r.metric.a}:${r.metric.b}`, { aligner: new PairBarAligner(1000, GRACE_MS), a: [], b: [] });
    }
  }

  ingest(trades: readonly Trade[]): number {
    let fired = 0;
    for (const t of trades) {
      this.#clock = Math.max(this.#clock, t.tradeTime);
      let h = this.#history.get(t.symbol);
      if (h === undefined) this.#history.set(t.symbol, (h = []));
      const time = Math.max(h.at(-1)?.time ?? Number.NEGATIVE_INFINITY, t.tradeTime);
      h.push({ price: t.price, qty: t.qty, time });
      for (const r of this.#rules) {
        const m = r.metric;
        if ("symbol" in m) {
          if (m.symbol !== t.symbol) continue;
          fired += this.#evaluator.update(metricKey(m), this.#symbolValue(r, h), time).length;
        } else if (m.a === t.symbol || m.b === t.symbol) {
          const pair = this.#bars.get(`${m.a}:${m.b}`)!;
          pair.aligner.trade(m.a === t.symbol ? "a" : "b", t.price, t.tradeTime, h.length);
        }
      }
      for (const [id, pair] of this.#bars) {
        for (const bar of pair.aligner.advance(this.#clock)) {
          pair.a.push(bar.closeA);
          pair.b.push(bar.closeB);
          for (const r of this.#rules) {
            const m = r.metric;
            if (!("a" in m) || `${m.a}:${m.b}` !== id) continue;
            const n = pair.a.length;
            const value = n < m.window ? Number.NaN : pairWindowMetric(m.kind, pair.a, pair.b, n - m.window, n);
            fired += this.#evaluator.update(metricKey(m), value, bar.bucketStart + 1000).length;
          }
        }
      }
    }
    return fired;
  }

  #symbolValue(r: AlertRule, h: readonly { price: number; qty: number; time: number }[]): number {
    const m = r.metric;
    const last = h[h.length - 1];
    if (m.kind === "price" || !("windowMs" in m)) return last.price;
    let qty = 0;
    let quote = 0;
    let j = h.length - 1;
    for (; j >= 0 && h[j].time > last.time - m.windowMs; j--) {
      qty += h[j].qty;
      quote += h[j].price * h[j].qty;
    }
    if (j < 0) return Number.NaN;
    if (m.kind === "changePct") return 100 * (last.price / h[j].price - 1);
    if (m.kind === "volume") return qty;
    return 100 * (last.price / (quote / qty) - 1);
  }
}

function costPerUpdate(rules: readonly AlertRule[], batches: readonly Trade[][]) {
  const warm = 400; // batches of warm-up (windows filled) before timing
  const timed = batches.slice(warm, warm + 200);
  const trades = timed.reduce((n, b) => n + b.length, 0);

  const feed = new AlertFeed(rules, { pairGraceMs: GRACE_MS });
  for (const b of batches.slice(0, warm)) feed.ingest(b);
  let t0 = performance.now();
  let incrementalFires = 0;
  for (const b of timed) incrementalFires += feed.ingest(b).length;
  const incremental = (performance.now() - t0) / trades;

  const scratch = new FromScratch(rules);
  for (const b of batches.slice(0, warm)) scratch.ingest(b);
  t0 = performance.now();
  let scratchFires = 0;
  for (const b of timed) scratchFires += scratch.ingest(b);
  const fromScratch = (performance.now() - t0) / trades;
  return { trades, incremental, fromScratch, incrementalFires, scratchFires };
}

const { trades, symbols, base } = twentySymbols();
const rules = thousandRules(symbols, trades, base);
const batches = slices(trades);
process.stderr.write(`bench:alerts: ${rules.length} rules on ${symbols.length} symbols, ${trades.length} trades in ${batches.length} batches of ${BATCH_MS} ms at ${SPEED}×\n`);

const cost = costPerUpdate(rules.map((r, i) => parseAlertRule({ id: `r${i}`, ...r })), batches);
process.stderr.write("bench:alerts: end-to-end run…\n");
const e2e = await endToEnd(rules, batches);

console.log(`\nalert evaluation, ${rules.length} rules across ${symbols.length} symbols\n`);
console.log("| measure | value |");
console.log("|---|---|");
console.log(`| cost per trade, incremental AlertFeed | ${fmt(cost.incremental)} |`);
console.log(`| cost per trade, from-scratch baseline | ${fmt(cost.fromScratch)} |`);
console.log(`| speed-up | ${(cost.fromScratch / cost.incremental).toFixed(1)}× (same fires: ${cost.incrementalFires === cost.scratchFires ? "yes" : `no, ${cost.incrementalFires} vs ${cost.scratchFires}`}, over ${cost.trades} trades) |`);
console.log(`| end to end: batches / trades evaluated / fires / received on /ws/live | ${e2e.batches} / ${e2e.trades} / ${e2e.fired} / ${e2e.received} |`);
console.log(`| delay, announced batch → alert on /ws/live: p50 / p99 / max | ${fmt(e2e.p50)} / ${fmt(e2e.p99)} / ${fmt(e2e.max)} (over ${e2e.matched} fires; goal p99 < 50 ms: ${e2e.p99 < 50 ? "met" : "not met"}) |`);
process.exit(0);
