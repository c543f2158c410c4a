import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
/**
 * The export router (mounted under `/api`).
 *
 * @param deps the store
 * @returns the router
 * @throws nothing itself; bad requests are refused with ApiError (400, 404, 422 for a pair the engine cannot use)
 * @example
 * app.route("/api", exportRoutes({ store }));
 */
export declare function exportRoutes(deps: ApiDeps): Hono;
