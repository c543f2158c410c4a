/**
 * The server `npm run bench:isolation` measures, in its own process: the real API over a DuckDB file that the real
 * collector keeps filling from the replay server (its own process, the real futures capture looped at 20×), with
 * two synthetic legs of 20,000 one-minute bars stored first (for Theil–Sen on 20,000 bars). The event loop's delay
 * is measured here, where it happens (`perf_hooks.monitorEventLoopDelay`), and served with the collector's counters
 * at `/bench/stats` (`?reset=1` starts a new measure). Prints `{"url": …}` on stdout once serving.
 */
import { upgradeWebSocket } from "@hono/node-server";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Hono } from "hono";
import { createApp } from "../src/api/app.ts";
import { closeComputePool } from "../src/compute/pool.ts";
import { seededRandom } from "../src/replay/seeded-random.ts";
import { serveAndAnnounce, startBenchCollector, startReplayProcess } from "./bench-process.ts";
import { openStore, TickBatchBuilder } from "../src/store/index.ts";

export const PAIR_BARS = 20_000;
const PAIR_START = Date.UTC(2025, 0, 1);

let shutdown = async (): Promise<void> => process.exit(1);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown());
const replay = await startReplayProcess();
const store = await openStore(join(mkdtempSync(join(tmpdir(), "ticklens-bench-isolation-")), "isolation.duckdb"));

// Two cointegrated synthetic legs, one trade per minute each, stored and resampled before the collector starts.
{
  const builder = new TickBatchBuilder(2 * PAIR_BARS);
  const uniform = seededRandom(11);
  const rand = () => uniform() - 0.5;
  let x = 1_000;
  for (let i = 0; i < PAIR_BARS; i++) {
    x += rand();
    const t = PAIR_START + i * 60_000 + 1;
    const y = 2 * x + 5 + rand();
    for (const [symbol, price] of [["LEGAUSDT", y], ["LEGBUSDT", x]] as const) {
      builder.push({ symbol, tradeId: i + 1, price, qty: 1, quoteQty: price, isBuyerMaker: false, tradeTime: t, eventTime: t, recvTime: t, source: "bench" });
    }
  }
  await store.appendTicks(builder.finish());
  await store.resample({ final: true });
}

const collector = await startBenchCollector(store, replay);
while ((await store.queryBars({ symbol: "BTCUSDT", timeframe: "1m" })).length < 2) await new Promise((r) => setTimeout(r, 500));

let delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const { app } = createApp({ store, live: collector }, { upgradeWebSocket });
const root = new Hono();
root.get("/bench/stats", (c) => {
  const s = collector.status();
  const figures = {
    stored: s.stored,
    state: s.state,
    gapsFound: s.gapsFound,
    gapsFilled: s.gapsFilled,
    missingIds: s.missingIds,
    pendingBatches: s.pendingBatches,
    duplicatesDropped: s.duplicatesDropped,
    eventLoopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6, samples: delay.count },
  };
  if (c.req.query("reset") === "1") {
    delay.disable();
    delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
  }
  return c.json(figures);
});
root.route("/", app);
const server = await serveAndAnnounce(root);
shutdown = async () => {
  server.close();
  await collector.stop();
  await closeComputePool();
  await store.close();
  process.exit(0);
};
