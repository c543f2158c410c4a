/**
 * Attaches the alert manager and the API server to a running collector: the one process of `ticklens start` and
 * `ticklens demo` that owns the DuckDB file serves it too (DuckDB allows one writing process per file).
 */
import { AlertService } from "../alerts/alert-service.ts";
import { startApiServer } from "../api/server.ts";
import type { Collector } from "../collector/collector.ts";
import type { ApiConfig } from "../collector/config.ts";
import type { Logger } from "../runtime/logger.ts";
import type { Store } from "../store/index.ts";

/** Where the built dashboard is (npm run build), relative to the working directory. */
export const DASHBOARD_DIR = "dist/dashboard";

/**
 * @param config where to serve, the token and CORS origins
 * @param log the command's logger
 * @param feedMode "replay" when the collector streams the project's replay server (shown on the dashboard)
 */
export function withApi(config: ApiConfig, log: Logger, feedMode: "live" | "replay" = "live") {
  return async ({ collector, store }: { collector: Collector; store: Store }): Promise<() => Promise<void>> => {
    const alerts = await AlertService.start(store, collector);
    const feed = { mode: feedMode, url: collector.streamUrls()[0] ?? "" };
    const api = await startApiServer(
      { store, live: collector, alerts, feed, token: config.token, corsOrigins: config.corsOrigins, allowedHosts: config.allowedHosts },
      { host: config.host, port: config.port, dashboardDir: DASHBOARD_DIR },
    );
    log.info(`dashboard and API on ${api.url} (docs ${api.url}/api/docs, live ${api.url.replace("http", "ws")}/ws/live)`);
    log.info(`evaluating ${alerts.status().enabledRules} enabled alert rule(s)`);
    return async () => {
      await api.close();
      await alerts.close();
    };
  };
}
