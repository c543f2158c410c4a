/**
 * `npm run collect -- --symbols btcusdt,ethusdt --market spot|futures --stream trade|aggTrade --ws-url URL
 * --rest-url URL --db PATH [--record FILE]`: the collector daemon (each flag also settable by environment
 * variable, see config.ts). Logs and the status line go to stderr.
 */
import { ConfigError, readCollectorConfig } from "./config.ts";
import { runDaemon } from "./daemon.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = readCollectorConfig(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`collect: ${(error as Error).message}\n`);
      process.exit(2);
    }
    throw error;
  }
  process.stderr.write(`collect: config ${JSON.stringify(config)}\n`);
  await runDaemon({
    name: "collect",
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
  });
}

main().catch((error) => {
  process.stderr.write(`collect: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
