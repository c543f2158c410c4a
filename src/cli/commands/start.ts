/**
 * `ticklens start` (`npm start`): the platform in one process — the collector streaming Binance into the DuckDB
 * file, the alert manager, and the API (REST + /ws/live) and dashboard serving it.
 */
import { API_OPTIONS, apiConfig, COLLECTOR_OPTIONS, collectorConfig } from "../../collector/config.ts";
import type { Command } from "../command.ts";
import { runCollector } from "./collect.ts";

export const start: Command = {
  name: "start",
  summary: "the platform: collector, alerts, API and dashboard in one process (npm start)",
  description:
    "Streams Binance trades into the DuckDB file, evaluates the alert rules, and serves the API and the built " +
    "dashboard (npm run build) on one port. Logs a status line every few seconds on stderr. SIGINT/SIGTERM stops " +
    "cleanly: the API closes, trades are flushed, bars brought up to date, the file checkpointed and closed; a " +
    "second signal exits at once.",
  options: [...COLLECTOR_OPTIONS, ...API_OPTIONS],
  async run(values, log) {
    const collector = collectorConfig(values);
    const api = apiConfig(values);
    const { withApi } = await import("../with-api.ts");
    await runCollector(collector, log, { attach: withApi(api, log), api });
  },
};
