/**
 * `npm run demo`: the platform with no internet. The project's Binance-compatible server replays a real
 * recorded capture (looped, times moved to now) and the collector streams it into data/demo.duckdb exactly as
 * it would stream Binance. Flags: --speed N (default 1, real time), --db PATH, --capture FILE.
 */
import { parseArgs } from "node:util";
import { startBinanceServer } from "../replay/binance-server.ts";
import { readCaptureFile } from "../replay/read-capture.ts";
import { runDaemon } from "./daemon.ts";

const DEFAULT_CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { speed: { type: "string" }, db: { type: "string" }, capture: { type: "string" } },
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
    log: (line) => process.stderr.write(`replay: ${line}\n`),
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
    onStopped: () => server.close(),
  });
}

main().catch((error) => {
  process.stderr.write(`demo: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
