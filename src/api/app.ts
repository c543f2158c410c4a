/**
 * The Ticklens HTTP API, built by `createApp(deps)` so tests can call it in process (`app.request(url)`) and the
 * server can mount it on a real port. Every route module owns one area and declares its routes with their schemas;
 * this file only assembles them, and the OpenAPI document is generated from what it assembled.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { BlankEnv } from "hono/types";
import { cors } from "hono/cors";
import type { UpgradeWebSocket } from "hono/ws";
import type { ApiDeps } from "./deps.ts";
import { ApiError, onApiError } from "./errors.ts";
import { alertRoutes } from "./alerts/routes.ts";
import { analyticsRoutes } from "./analytics/routes.ts";
import { exportRoutes } from "./export/routes.ts";
import { dashboardRoutes } from "./http/dashboard-static.ts";
import { healthRoutes } from "./health/routes.ts";
import { openApiDocument, type ApiRouter, type OpenApiDocument } from "./http/openapi.ts";
import { mountLiveSocket, type LiveSocketOptions } from "./live/socket.ts";
import { marketRoutes } from "./market/routes.ts";
import { requireToken } from "./http/auth.ts";
import { hostGuard, originGuard, requireJson, type ListenAddress } from "./http/request-guard.ts";
import { ResponseCache } from "./http/response-cache.ts";
import { sqlRoutes } from "./sql/routes.ts";
import { uploadRoutes } from "./upload/routes.ts";

export interface AppOptions {
  /** From `@hono/node-server`; without it there is no /ws/live (in-process tests of the REST side). */
  readonly upgradeWebSocket?: UpgradeWebSocket;
  /** Heartbeat, queue limits and snapshot sizes of /ws/live (defaults in live/hub.ts). */
  readonly live?: LiveSocketOptions;
  /** The built dashboard served at `/` (default none: API only). */
  readonly dashboardDir?: string;
  /** The address the server listens on (server.ts); without it only loopback names are accepted as Host. */
  readonly listening?: () => ListenAddress | undefined;
}

export interface TicklensApp {
  readonly app: ApiRouter;
  /** Stops live subscriptions and timers the app started. */
  close(): void;
}

export function createApp(deps: ApiDeps, options: AppOptions = {}): TicklensApp {
  const app: ApiRouter = new OpenAPIHono<BlankEnv>();
  app.onError(onApiError);
  app.notFound((c) => c.json({ error: { code: "not_found", message: `no route ${c.req.method} ${c.req.path}`, field: null } }, 404));
  // Before any route: a Host that is not this server (DNS rebinding) is refused everywhere, pages included.
  app.use("*", hostGuard({ allowedHosts: deps.allowedHosts, listening: options.listening }));
  if (deps.corsOrigins && deps.corsOrigins.length > 0) app.use("*", cors({ origin: [...deps.corsOrigins] }));
  // State changes and the live socket only from this server's pages or a CORS origin (http/request-guard.ts).
  app.use("*", originGuard(deps.corsOrigins ?? []));
  // With API_TOKEN, every /api route but /api/health, and /ws/live, need it (http/auth.ts).
  app.use("/api/*", requireToken(deps));
  app.use("/ws/live", requireToken(deps));
  // The routes that read a JSON body take it only as application/json: no cross-site text/plain form of it.
  for (const path of ["/api/sql", "/api/alerts", "/api/alerts/:id"]) app.use(path, requireJson());
  // Reads are shared until the data changes: a stored batch makes them stale (recomputed, briefly served stale
  // meanwhile), an upload invalidates them outright (see http/response-cache.ts).
  const cache = new ResponseCache();
  const stopInvalidating = deps.live?.onBatch(() => cache.batchStored()) ?? (() => {});
  app.use("/api/upload", async (_c, next) => {
    await next();
    cache.invalidate();
  });
  for (const path of ["/api/symbols", "/api/ticks/*", "/api/ohlc/*", "/api/analytics/*"]) app.use(path, cache.middleware());
  // Generated on first request, once every route below is mounted.
  let document: OpenApiDocument | null = null;
  app.route("/", healthRoutes(deps, () => (document ??= openApiDocument(app))));
  app.route("/api", marketRoutes(deps));
  app.route("/api", analyticsRoutes(deps));
  app.route("/api", alertRoutes(deps));
  app.route("/api", sqlRoutes(deps));
  app.route("/api", uploadRoutes(deps));
  app.route("/api", exportRoutes(deps));
  const closeSocket = options.upgradeWebSocket ? mountLiveSocket(app, deps, options.upgradeWebSocket, options.live) : () => {};
  app.all("/api/*", () => {
    throw new ApiError(404, "not_found", "no such API endpoint; see /api/openapi.json");
  });
  if (options.dashboardDir !== undefined) app.route("/", dashboardRoutes(options.dashboardDir));
  return {
    app,
    close: () => {
      stopInvalidating();
      closeSocket();
    },
  };
}
