/**
 * The server `npm run bench:api` measures, in its own process: the real API over a DuckDB file that the real
 * collector keeps filling from the replay server (the real futures capture, looped at 20× real time), plus one
 * trivial Hono route on the same server as the baseline. The replay server stands in for Binance, which is on
 * another machine in production, so it runs in a process of its own, as in `npm run bench:ingest`. Prints
 * `{"url": …}` on stdout once it is serving and holds enough data for every measured query to answer 200.
 */
import { serve, upgradeWebSocket } from "@hono/node-server";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Hono } from "hono";
import { WebSocketServer } from "ws";
import { createApp } from "../src/api/app.ts";
import { Collector } from "../src/collector/collector.ts";
import { silentLogger } from "../src/runtime/logger.ts";
import { openStore } from "../src/store/index.ts";

/**
 * One-minute bars each symbol must hold before the bench starts. The pairs report's Engle-Granger test (ADF with
 * autolag) refuses some series shorter than 21 points with a 422, and the bench measures answers, not refusals.
 */
const MIN_BARS = 22;

const replayProcess = spawn(
  process.execPath,
  ["--import", "tsx", "src/cli/ticklens.ts", "replay", "--file", "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv",
    "--market", "futures", "--speed", "20", "--repeat", "inf", "--rebase"],
  { stdio: ["ignore", "pipe", "ignore"] },
);
process.on("exit", () => replayProcess.kill("SIGINT"));
// A signal exits (and so stops the replay server) at any point; once serving, after closing everything.
let shutdown = async (): Promise<void> => process.exit(1);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown());
const replay = JSON.parse(
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: replayProcess.stdout! }).once("line", resolve);
    replayProcess.once("exit", (code) => reject(new Error(`replay server exited with ${code}`)));
  }),
) as { wsUrl: string; restUrl: string };
const store = await openStore(join(mkdtempSync(join(tmpdir(), "ticklens-bench-api-")), "api.duckdb"));
const collector = await Collector.start(store, {
  symbols: ["BTCUSDT", "ETHUSDT"],
  market: "futures",
  stream: "trade",
  wsUrl: replay.wsUrl,
  restUrl: replay.restUrl,
  logger: silentLogger(),
});
const barsOf = async (symbol: string) => (await store.queryBars({ symbol, timeframe: "1m" })).length;
while (collector.status().stored === 0 || Math.min(await barsOf("BTCUSDT"), await barsOf("ETHUSDT")) < MIN_BARS) {
  await new Promise((r) => setTimeout(r, 1_000));
}

const { app } = createApp({ store, live: collector }, { upgradeWebSocket });
const root = new Hono();
root.get("/bench/trivial", (c) => c.json({ ok: true }));
root.route("/", app);
const server = serve({ fetch: root.fetch, port: 0, hostname: "127.0.0.1", websocket: { server: new WebSocketServer({ noServer: true }) } });
await new Promise((resolve) => server.once("listening", resolve));
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
shutdown = async () => {
  server.close();
  await collector.stop();
  await store.close();
  process.exit(0);
};
