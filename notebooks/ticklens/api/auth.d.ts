/**
 * Bearer-token check for the endpoints that write or run SQL. With no token configured the server only binds
 * loopback (server.ts refuses otherwise), so the check passes.
 */
import type { MiddlewareHandler } from "hono";
import type { ApiDeps } from "./deps.ts";
export declare function requireToken(deps: ApiDeps): MiddlewareHandler;
