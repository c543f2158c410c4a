/**
 * Attaches the alert manager and the API server to a running collector: the one process of `npm start` and
 * `npm run demo` that owns the DuckDB file serves it too (DuckDB allows one writing process per file).
 */
import { AlertService } from "../alerts/alert-service.ts";
import { startApiServer } from "../api/server.ts";
import type { Collector } from "../collector/collector.ts";
import type { Store } from "../store/index.ts";

/**
 * @param name the command, for log lines
 * @param host address to bind
 * @param port port to bind
 * @param feedMode "replay" when the collector streams the project's replay server (shown on the dashboard)
 */
export function withApi(name: string, host: string, port: number, feedMode: "live" | "replay" = "live") {
  return async ({ collector, store }: { collector: Collector; store: Store }): Promise<() => Promise<void>> => {
    const corsOrigins = (process.env.CORS_ORIGIN ?? "").split(",").map((o) => o.trim()).filter(Boolean);
    const alerts = await AlertService.start(store, collector);
    const feed = { mode: feedMode, url: collector.streamUrls()[0] ?? "" };
    const api = await startApiServer(
      { store, live: collector, alerts, feed, token: process.env.API_TOKEN ?? null, corsOrigins },
      { host, port, dashboardDir: "dist/dashboard" },
    );
    process.stderr.write(`${name}: dashboard and API on ${api.url} (docs ${api.url}/api/docs, live ${api.url.replace("http", "ws")}/ws/live)\n`);
    process.stderr.write(`${name}: evaluating ${alerts.status().enabledRules} enabled alert rule(s)\n`);
    return async () => {
      await api.close();
      await alerts.close();
    };
  };
}
