/**
 * `ticklens collect`: the collector alone (no API): Binance trades into the DuckDB file, bars kept current.
 */
import { COLLECTOR_OPTIONS, collectorConfig, type ApiConfig, type CollectorConfig } from "../../collector/config.ts";
import type { Logger } from "../../runtime/logger.ts";
import type { Command } from "../command.ts";
import type { DaemonOptions, RunningDaemon } from "../daemon.ts";

export const collect: Command = {
  name: "collect",
  summary: "the collector alone: Binance trades into the DuckDB file, bars kept current",
  description:
    "Streams Binance trades into the DuckDB file (gap-free: holes are backfilled over REST) and keeps 1s/1m/5m bars " +
    "current. Logs a status line every few seconds on stderr. SIGINT/SIGTERM flushes, brings the bars up to date, " +
    "checkpoints and closes; a second signal exits at once.",
  options: COLLECTOR_OPTIONS,
  async run(values, log) {
    await runCollector(collectorConfig(values), log);
  },
};

/**
 * The collector as a daemon, its settings logged in the first line with the process id (secrets as "(set)").
 * @param more `attach`: what to attach to it, and `api`: its settings (the API, for `ticklens start`)
 */
export async function runCollector(
  config: CollectorConfig,
  log: Logger,
  more: { readonly attach?: DaemonOptions["attach"]; readonly api?: ApiConfig } = {},
): Promise<RunningDaemon> {
  const secret = (value: string | null) => (value === null ? null : "(set)");
  const shown = { ...config, apiKey: secret(config.apiKey), ...(more.api ? { api: { ...more.api, token: secret(more.api.token) } } : {}) };
  log.info({ config: shown }, `pid ${process.pid}`);
  const { runDaemon } = await import("../daemon.ts");
  return runDaemon({
    logger: log,
    db: config.db,
    record: config.record,
    statusEverySeconds: config.statusEverySeconds,
    collector: {
      symbols: config.symbols,
      market: config.market,
      stream: config.stream,
      wsUrl: config.wsUrl,
      restUrl: config.restUrl,
      apiKey: config.apiKey ?? undefined,
    },
    attach: more.attach,
  });
}
