/**
 * What the benches' servers share (bench/api-server.ts, bench/isolation-server.ts; bench/ingest.ts its collector): the replay server in
 * a process of its own (Binance is another machine in production), the real futures capture looped at 20×, times
 * moved to now; the collector streaming it; and serving the app on a free loopback port, announced as `{"url": …}`
 * on stdout.
 */
import { serve, type ServerType } from "@hono/node-server";
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import type { Hono } from "hono";
import { WebSocketServer } from "ws";
import { Collector } from "../src/collector/collector.ts";
import { silentLogger, type Logger } from "../src/runtime/logger.ts";
import type { Store } from "../src/store/index.ts";

/** Where the replay serves, from the `{"wsUrl", "restUrl"}` line it prints once listening. */
export interface ReplayEndpoints {
  readonly wsUrl: string;
  readonly restUrl: string;
}

/** Starts the replay process (stopped when this process exits) and resolves once it serves. */
export async function startReplayProcess(): Promise<ReplayEndpoints> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/ticklens.ts", "replay", "--file", "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv",
      "--market", "futures", "--speed", "20", "--repeat", "inf", "--rebase"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  process.on("exit", () => child.kill("SIGINT"));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`replay server exited with ${code}`)));
  });
  return JSON.parse(line) as ReplayEndpoints;
}

/** Serves `root` (with WebSocket upgrades) on a free port of 127.0.0.1 and prints `{"url": …}` once listening. */
export async function serveAndAnnounce(root: Hono): Promise<ServerType> {
  const server = serve({ fetch: root.fetch, port: 0, hostname: "127.0.0.1", websocket: { server: new WebSocketServer({ noServer: true }) } });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  return server;
}

/** The real collector, as `ticklens collect` runs it, streaming the replay's BTCUSDT and ETHUSDT futures trades. */
export function startBenchCollector(store: Store, replay: ReplayEndpoints, logger: Logger = silentLogger()): Promise<Collector> {
  return Collector.start(store, {
    symbols: ["BTCUSDT", "ETHUSDT"],
    market: "futures",
    stream: "trade",
    wsUrl: replay.wsUrl,
    restUrl: replay.restUrl,
    logger,
  });
}
