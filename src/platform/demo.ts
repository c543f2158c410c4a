/**
 * `npm run demo`: the platform with no internet. The project's Binance-compatible server replays a real
 * recorded capture (looped, times moved to now), the collector streams it into data/demo.duckdb exactly as it
 * would stream Binance, and the API serves it. Flags: --speed N (default 1, real time), --db PATH,
 * --capture FILE, --port P (default 8080).
 */
import { parseArgs } from "node:util";
import { runMain } from "../collector/command.ts";
import { runDaemon } from "../collector/daemon.ts";
import { startBinanceServer } from "../replay/binance-server.ts";
import { componentLogger } from "../runtime/logger.ts";
import { readCaptureFile } from "../replay/read-capture.ts";
import { withApi } from "./with-api.ts";

const DEFAULT_CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { speed: { type: "string" }, db: { type: "string" }, capture: { type: "string" }, port: { type: "string" } },
    strict: true,
  });
  const speed = Number(values.speed ?? 1);
  if (!(speed > 0)) throw new Error(`demo: --speed must be a positive number, got ${values.speed}`);
  const capture = readCaptureFile(values.capture ?? DEFAULT_CAPTURE);
  const server = await startBinanceServer({
    capture,
    speed,
    repeat: Number.POSITIVE_INFINITY,
    rebaseTimes: true,
    logger: componentLogger("replay"),
  });
  process.stderr.write(`demo: replaying ${values.capture ?? DEFAULT_CAPTURE} at ${speed}× on ${server.wsUrl}\n`);
  await runDaemon({
    name: "demo",
    db: values.db ?? "data/demo.duckdb",
    statusEverySeconds: 5,
    collector: {
      symbols: ["BTCUSDT", "ETHUSDT"],
      market: server.market,
      stream: "trade",
      wsUrl: server.wsUrl,
      restUrl: server.restUrl,
    },
    attach: withApi("demo", "127.0.0.1", Number(values.port ?? 8080), "replay"),
    onStopped: () => server.close(),
  });
}

runMain("demo", main);
