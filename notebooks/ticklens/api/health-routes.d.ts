/**
 * Operations: `GET /api/health` (collector state, lag, counters, alert manager), `GET /metrics` (Prometheus text format),
 * `GET /api/openapi.json` and a human-readable `GET /api/docs`.
 */
import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
export declare function healthRoutes(deps: ApiDeps): Hono;
