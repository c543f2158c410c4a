/**
 * Alert management over REST: rule CRUD (`/api/alerts`, `/api/alerts/:id`), fire history and acknowledgement
 * (`/api/alerts/history`, `/api/alerts/:id/ack`) and what-if backtests of a rule on stored data (`/api/alerts/backtest`).
 */
import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
/**
 * The alert routes, relative to `/api`. Mount with `app.route("/api", alertRoutes(deps))` before the `/api/*`
 * catch-all, behind `requireToken` for `/api/alerts` and `/api/alerts/*`.
 *
 * @param deps the API's dependencies: `store`, and `alerts` (told of every rule change and acknowledgement)
 * @returns a Hono sub-app
 * @throws nothing at build time; requests are refused with {@link ApiError} (400 invalid rule naming the field,
 *   404 unknown rule, event or symbol, 409 already acknowledged, 422 a backtest range too large or too short)
 * @example
 * app.route("/api", alertRoutes(deps));
 */
export declare function alertRoutes(deps: ApiDeps): Hono;
