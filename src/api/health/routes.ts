/**
 * Operations: `GET /api/health` (collector state, lag, counters, alert manager), `GET /metrics` (Prometheus text format),
 * `GET /api/openapi.json` (generated from the routes' schemas) and a human-readable `GET /api/docs` rendered from it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../deps.ts";
import { apiRouter, type ApiRouter, jsonAnswer, type OpenApiDocument } from "../http/openapi.ts";

const startedAt = Date.now();
const tags = ["operations"];

const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  operationId: "health",
  tags,
  summary: "Collector state, lag and counters",
  responses: {
    200: jsonAnswer(
      z.object({
        status: z.string().meta({ description: "The collector's state (`live`, `stalled`, `connecting`, `reconnecting`, `stopped`), or `no collector`" }),
        detail: z
          .string()
          .nullable()
          .meta({ description: "Why the state is not what it seems, e.g. `receiving but storing nothing: 1,234 duplicates in the last 30 s`" }),
        uptimeSeconds: z.number().int(),
        database: z.string().meta({ description: "Path of the DuckDB file" }),
        collector: z
          .looseObject({ state: z.string() })
          .nullable()
          .meta({ description: "The collector's counters (stored, backfilled, gaps, reconnects, lagMs, …), or null without one" }),
        feed: z
          .object({ mode: z.enum(["live", "replay"]), url: z.string() })
          .nullable()
          .meta({ description: "Where the collector's trades come from" }),
        alerts: z
          .looseObject({ rules: z.number().int(), enabledRules: z.number().int(), fired: z.number().int() })
          .nullable()
          .meta({ description: "The alert manager's counters, or null without one" }),
      }),
      "Always 200 while the API serves",
    ),
  },
});

const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  operationId: "metrics",
  tags,
  summary: "Prometheus text format",
  responses: {
    200: { description: "ticklens_* gauges and counters", content: { "text/plain; version=0.0.4": { schema: z.string() } } },
  },
});

const openApiRoute = createRoute({
  method: "get",
  path: "/api/openapi.json",
  operationId: "openapi",
  tags,
  summary: "This document, generated from the routes' schemas",
  responses: { 200: jsonAnswer(z.looseObject({ openapi: z.string().meta({ example: "3.1.0" }) }), "OpenAPI 3.1") },
});

const docsRoute = createRoute({
  method: "get",
  path: "/api/docs",
  operationId: "docs",
  tags,
  summary: "Human-readable list of the endpoints, their parameters and refusals",
  responses: { 200: { description: "HTML", content: { "text/html": { schema: z.string() } } } },
});

/**
 * The operations routes, mounted at `/`.
 *
 * @param deps the collector and alert manager whose counters are reported
 * @param document the app's OpenAPI document (generated once every route is mounted)
 * @returns the router
 * @throws nothing
 * @example
 * app.route("/", healthRoutes(deps, () => openApiDocument(app)));
 */
export function healthRoutes(deps: ApiDeps, document: () => OpenApiDocument): ApiRouter {
  const routes = apiRouter();

  routes.openapi(healthRoute, (c) => {
    const status = deps.live?.status() ?? null;
    return c.json(
      {
        status: status === null ? "no collector" : status.state,
        detail: status?.stall?.reason ?? null,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        database: deps.store.path,
        collector: status,
        feed: deps.feed ?? null,
        alerts: deps.alerts?.status() ?? null,
      },
      200,
    );
  });

  routes.openapi(metricsRoute, (c) => {
    const s = deps.live?.status();
    const a = deps.alerts?.status();
    const lines = [
      "# HELP ticklens_up 1 while the API serves.",
      "# TYPE ticklens_up gauge",
      "ticklens_up 1",
    ];
    const metric = (name: string, type: "counter" | "gauge", help: string, value: number | null) => {
      lines.push(`# HELP ticklens_${name} ${help}`, `# TYPE ticklens_${name} ${type}`, `ticklens_${name} ${value ?? "NaN"}`);
    };
    if (s) {
      metric("collector_live", "gauge", "1 when every collector connection is delivering and trades are being stored.", s.state === "live" ? 1 : 0);
      metric("collector_stalled", "gauge", "1 when trades arrive but none has been stored for the stall window.", s.state === "stalled" ? 1 : 0);
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

  routes.openapi(openApiRoute, (c) => c.json(document(), 200));

  routes.openapi(docsRoute, (c) => c.html(docsPage(document()), 200));

  return routes;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);
/** Inline `code` spans of the descriptions, as HTML. */
const inline = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
  responses?: Record<string, { description?: string }>;
};

/** The endpoints of the document as an HTML page: method, path, summary, parameters with their bounds, answers. */
function docsPage(doc: OpenApiDocument): string {
  const bounds = (schema: Record<string, unknown> = {}) =>
    ["type", "enum", "pattern", "minimum", "maximum", "default"]
      .filter((k) => schema[k] !== undefined)
      .map((k) => `${k} ${JSON.stringify(schema[k])}`)
      .join(", ");
  const rows = Object.entries(doc.paths ?? {})
    .flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => {
        const params = (op.parameters ?? [])
          .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""}): ${escapeHtml(bounds(p.schema))}</li>`)
          .join("");
        const answers = Object.entries(op.responses ?? {})
          .map(([status, r]) => `<li><b>${status}</b> ${inline(r.description ?? "")}</li>`)
          .join("");
        return (
          `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td>` +
          `<td>${inline(op.summary ?? "")}${params ? `<ul>${params}</ul>` : ""}<ul>${answers}</ul></td></tr>`
        );
      }),
    )
    .join("\n");
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Ticklens API</title>` +
    `<style>body{font:15px system-ui;margin:2rem;max-width:75rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd;vertical-align:top}` +
    `ul{margin:.2rem 0;padding-left:1.2rem;font-size:13px}</style></head>` +
    `<body><h1>Ticklens API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. ` +
    `Errors are <code>{"error":{"code","message","field"}}</code> with a 4xx status.</p><table>${rows}</table></body></html>`
  );
}
