/**
 * The server `npm run bench:api` measures, in its own process: the real API over a DuckDB file that the real
 * collector keeps filling from the replay server (the real futures capture, looped at 20× real time), plus one
 * trivial Hono route on the same server as the baseline. The replay server stands in for Binance, which is on
 * another machine in production, so it runs in a process of its own, as in `npm run bench:ingest`. Prints
 * `{"url": …}` on stdout once it is serving and holds enough data for every measured query to answer 200.
 */
import { upgradeWebSocket } from "@hono/node-server";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { createApp } from "../src/api/app.ts";
import { serveAndAnnounce, startBenchCollector, startReplayProcess } from "./bench-process.ts";
import { openStore } from "../src/store/index.ts";

/**
 * One-minute bars each symbol must hold before the bench starts. The pairs report's Engle-Granger test (ADF with
 * autolag) refuses some series shorter than 21 points with a 422, and the bench measures answers, not refusals.
 */
const MIN_BARS = 22;

// A signal exits (and so stops the replay server) at any point; once serving, after closing everything.
let shutdown = async (): Promise<void> => process.exit(1);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown());
const replay = await startReplayProcess();
const store = await openStore(join(mkdtempSync(join(tmpdir(), "ticklens-bench-api-")), "api.duckdb"));
const collector = await startBenchCollector(store, replay);
const barsOf = async (symbol: string) => (await store.queryBars({ symbol, timeframe: "1m" })).length;
while (collector.status().stored === 0 || Math.min(await barsOf("BTCUSDT"), await barsOf("ETHUSDT")) < MIN_BARS) {
  await new Promise((r) => setTimeout(r, 1_000));
}

const { app } = createApp({ store, live: collector }, { upgradeWebSocket });
const root = new Hono();
root.get("/bench/trivial", (c) => c.json({ ok: true }));
root.route("/", app);
const server = await serveAndAnnounce(root);
shutdown = async () => {
  server.close();
  await collector.stop();
  await store.close();
  process.exit(0);
};
