/**
 * The server `npm run bench:api` measures, in its own process: the real API over a DuckDB file that the real
 * collector keeps filling from the replay server (the real futures capture, looped at 20× real time), plus one
 * trivial Hono route on the same server as the baseline. Prints `{"url": …}` on stdout once it is serving and
 * has data.
 */
import { serve, upgradeWebSocket } from "@hono/node-server";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { WebSocketServer } from "ws";
import { createApp } from "../src/api/app.ts";
import { Collector } from "../src/collector/collector.ts";
import { startBinanceServer } from "../src/replay/binance-server.ts";
import { readCaptureFile } from "../src/replay/read-capture.ts";
import { openStore } from "../src/store/index.ts";

const replay = await startBinanceServer({
  capture: readCaptureFile("data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv"),
  speed: 20,
  repeat: Number.POSITIVE_INFINITY,
  rebaseTimes: true,
});
const store = await openStore(join(mkdtempSync(join(tmpdir(), "ticklens-bench-api-")), "api.duckdb"));
const collector = await Collector.start(store, {
  symbols: ["BTCUSDT", "ETHUSDT"],
  market: "futures",
  stream: "trade",
  wsUrl: replay.wsUrl,
  restUrl: replay.restUrl,
  log: () => {},
});
while (collector.status().stored < 10_000) await new Promise((r) => setTimeout(r, 200));

const { app } = createApp({ store, live: collector }, { upgradeWebSocket });
const root = new Hono();
root.get("/bench/trivial", (c) => c.json({ ok: true }));
root.route("/", app);
const server = serve({ fetch: root.fetch, port: 0, hostname: "127.0.0.1", websocket: { server: new WebSocketServer({ noServer: true }) } });
await new Promise((resolve) => server.once("listening", resolve));
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
process.on("SIGINT", async () => {
  server.close();
  await collector.stop();
  await store.close();
  await replay.close();
  process.exit(0);
});
