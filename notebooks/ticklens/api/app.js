/**
 * The Ticklens HTTP API, built by `createApp(deps)` so tests can call it in process (`app.request(url)`) and the
 * server can mount it on a real port. Every route module owns one area; this file only assembles them.
 */
import { Hono } from "hono";
import { cors } from "hono/cors";
import { ApiError, onApiError } from "./errors.js";
import { alertRoutes } from "./alert-routes.js";
import { analyticsRoutes } from "./analytics-routes.js";
import { exportRoutes } from "./export-routes.js";
import { dashboardRoutes } from "./dashboard-static.js";
import { healthRoutes } from "./health-routes.js";
import { mountLiveSocket } from "./live-socket.js";
import { marketRoutes } from "./market-routes.js";
import { requireToken } from "./auth.js";
import { ResponseCache } from "./response-cache.js";
import { sqlRoutes } from "./sql-routes.js";
import { uploadRoutes } from "./upload-routes.js";
export function createApp(deps, options = {}) {
    const app = new Hono();
    app.onError(onApiError);
    app.notFound((c) => c.json({ error: { code: "not_found", message: `no route ${c.req.method} ${c.req.path}`, field: null } }, 404));
    if (deps.corsOrigins && deps.corsOrigins.length > 0)
        app.use("*", cors({ origin: [...deps.corsOrigins] }));
    // Mutating endpoints and raw SQL need the bearer token when one is configured (always off loopback).
    app.use("/api/sql", requireToken(deps));
    app.use("/api/upload", requireToken(deps));
    // Alert rules are read freely; creating, changing, deleting, acknowledging and backtesting need the token.
    for (const path of ["/api/alerts", "/api/alerts/*"]) {
        app.use(path, async (c, next) => (c.req.method === "GET" ? next() : requireToken(deps)(c, next)));
    }
    // Reads are shared until the data changes: a stored batch makes them stale (recomputed, briefly served stale
    // meanwhile), an upload invalidates them outright (see response-cache.ts).
    const cache = new ResponseCache();
    const stopInvalidating = deps.live?.onBatch(() => cache.batchStored()) ?? (() => { });
    app.use("/api/upload", async (_c, next) => {
        await next();
        cache.invalidate();
    });
    for (const path of ["/api/symbols", "/api/ticks/*", "/api/ohlc/*", "/api/analytics/*"])
        app.use(path, cache.middleware());
    app.route("/", healthRoutes(deps));
    app.route("/api", marketRoutes(deps));
    app.route("/api", analyticsRoutes(deps));
    app.route("/api", alertRoutes(deps));
    app.route("/api", sqlRoutes(deps));
    app.route("/api", uploadRoutes(deps));
    app.route("/api", exportRoutes(deps));
    const closeSocket = options.upgradeWebSocket ? mountLiveSocket(app, deps, options.upgradeWebSocket, options.live) : () => { };
    app.all("/api/*", () => {
        throw new ApiError(404, "not_found", "no such API endpoint; see /api/openapi.json");
    });
    if (options.dashboardDir !== undefined)
        app.route("/", dashboardRoutes(options.dashboardDir));
    return {
        app,
        close: () => {
            stopInvalidating();
            closeSocket();
        },
    };
}
