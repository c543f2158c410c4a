/**
 * The collector as a command: reads its configuration (flags, then environment, then defaults), prints it
 * once, and runs the daemon. `npm run collect` runs it alone; `npm start` attaches the API to it.
 */
import type { Collector } from "./collector.ts";
import { ConfigError, readCollectorConfig, type CollectorConfig } from "./config.ts";
import { runDaemon, type DaemonOptions } from "./daemon.ts";

export async function runCollectorCommand(
  name: string,
  attachFor?: (config: CollectorConfig) => DaemonOptions["attach"],
): Promise<{ readonly collector: Collector }> {
  let config: CollectorConfig;
  try {
    config = readCollectorConfig(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
      process.exit(2);
    }
    throw error;
  }
  process.stderr.write(`${name}: config ${JSON.stringify(config)}\n`);
  return runDaemon({
    name,
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
    attach: attachFor?.(config),
  });
}

/** Runs `main` as a process entry point: a failure is logged on stderr and exits 1. */
export function runMain(name: string, main: () => Promise<unknown>): void {
  main().catch((error) => {
    process.stderr.write(`${name}: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
