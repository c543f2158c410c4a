/**
 * `npm start`: the platform in one process — the collector streaming Binance into the DuckDB file, and the API
 * (REST + /ws/live) serving it. Takes the collector's flags plus `--host` / `--port` (see src/collector/config.ts).
 */
import { ConfigError, readCollectorConfig } from "../collector/config.ts";
import { runDaemon } from "../collector/daemon.ts";
import { withApi } from "./with-api.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = readCollectorConfig(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`start: ${(error as Error).message}\n`);
      process.exit(2);
    }
    throw error;
  }
  process.stderr.write(`start: config ${JSON.stringify(config)}\n`);
  await runDaemon({
    name: "start",
    db: config.db,
    record: config.record,
    statusEverySeconds: config.statusEverySeconds,
    collector: {
      symbols: config.symbols,
      market: config.market,
      stream: config.stream,
      wsUrl: config.wsUrl,
      restUrl: config.restUrl,
      apiKey: process.env.BINANCE_API_KEY,
    },
    attach: withApi("start", config.host, config.port),
  });
}

main().catch((error) => {
  process.stderr.write(`start: ${(error as Error).message}\n`);
  process.exit(1);
});
