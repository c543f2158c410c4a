/**
 * Pairs and summary analytics computed by the engine on stored bars:
 * `GET /api/analytics/pairs?a&b&timeframe&window&method` and `GET /api/analytics/stats?symbols&timeframe&window`.
 */
import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
export declare function analyticsRoutes(deps: ApiDeps): Hono;
