/**
 * Operations: `GET /api/health` (collector state, lag, counters, alert manager), `GET /metrics` (Prometheus text format),
 * `GET /api/openapi.json` and a human-readable `GET /api/docs`.
 */
import { Hono } from "hono";
import { OPENAPI } from "./openapi.js";
const startedAt = Date.now();
export function healthRoutes(deps) {
    const routes = new Hono();
    routes.get("/api/health", (c) => {
        const status = deps.live?.status() ?? null;
        return c.json({
            status: status === null ? "no collector" : status.state,
            uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
            database: deps.store.path,
            collector: status,
            feed: deps.feed ?? null,
            alerts: deps.alerts?.status() ?? null,
        });
    });
    routes.get("/metrics", (c) => {
        const s = deps.live?.status();
        const a = deps.alerts?.status();
        const lines = [
            "# HELP ticklens_up 1 while the API serves.",
            "# TYPE ticklens_up gauge",
            "ticklens_up 1",
        ];
        const metric = (name, type, help, value) => {
            lines.push(`# HELP ticklens_${name} ${help}`, `# TYPE ticklens_${name} ${type}`, `ticklens_${name} ${value ?? "NaN"}`);
        };
        if (s) {
            metric("collector_live", "gauge", "1 when every collector connection is delivering.", s.state === "live" ? 1 : 0);
            metric("trades_stored_total", "counter", "Trades written to the store.", s.stored);
            metric("trades_backfilled_total", "counter", "Trades taken from REST backfill.", s.backfilled);
            metric("duplicates_dropped_total", "counter", "Frames dropped as duplicates.", s.duplicatesDropped);
            metric("gaps_found_total", "counter", "Trade-id gaps found.", s.gapsFound);
            metric("gaps_filled_total", "counter", "Trade-id gaps filled.", s.gapsFilled);
            metric("missing_ids", "gauge", "Trade ids still missing.", s.missingIds);
            metric("reconnects_total", "counter", "WebSocket reconnects.", s.reconnects);
            metric("quarantined_total", "counter", "Frames and rows kept in quarantine.", s.quarantined);
            metric("rate_limited_total", "counter", "REST 429/418 answers.", s.rateLimited);
            metric("pending_batches", "gauge", "Batches waiting for the store.", s.pendingBatches);
            metric("lag_ms", "gauge", "Receive time minus exchange trade time of the latest trade, ms.", s.lagMs);
        }
        if (a) {
            metric("alert_rules_enabled", "gauge", "Alert rules being evaluated.", a.enabledRules);
            metric("alerts_fired_total", "counter", "Alerts fired since start.", a.fired);
            metric("alert_late_trades_total", "counter", "Trades the alert feed left out as late.", a.lateTrades);
            metric("alert_webhooks_delivered_total", "counter", "Alert webhooks answered with 2xx.", a.webhooks.delivered);
            metric("alert_webhooks_failed_total", "counter", "Alert webhooks given up.", a.webhooks.failed);
        }
        return c.text(`${lines.join("\n")}\n`, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    });
    routes.get("/api/openapi.json", (c) => c.json(OPENAPI));
    routes.get("/api/docs", (c) => {
        const rows = Object.entries(OPENAPI.paths)
            .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td>${op.summary}</td></tr>`))
            .join("\n");
        return c.html(`<!doctype html><html><head><meta charset="utf-8"><title>Ticklens API</title>` +
            `<style>body{font:15px system-ui;margin:2rem;max-width:70rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd}</style></head>` +
            `<body><h1>Ticklens API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. ` +
            `Errors are <code>{"error":{"code","message","field"}}</code> with a 4xx status.</p><table>${rows}</table></body></html>`);
    });
    return routes;
}
