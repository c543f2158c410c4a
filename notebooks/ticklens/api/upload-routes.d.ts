import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
/**
 * The upload router (mounted under `/api`).
 *
 * @param deps the store and `maxUploadBytes` (default 50 MB)
 * @returns the router
 * @throws nothing itself; requests are refused with ApiError (400, 409, 413, 415, 422)
 * @example
 * app.route("/api", uploadRoutes({ store }));
 */
export declare function uploadRoutes(deps: ApiDeps): Hono;
