/**
 * Bearer-token check for the endpoints that write or run SQL. With no token configured the server only binds
 * loopback (server.ts refuses otherwise), so the check passes.
 */
import type { MiddlewareHandler } from "hono";
import { timingSafeEqual } from "node:crypto";
import type { ApiDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";

export function requireToken(deps: ApiDeps): MiddlewareHandler {
  return async (c, next) => {
    const token = deps.token ?? null;
    if (token !== null) {
      const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
      const a = Buffer.from(given);
      const b = Buffer.from(token);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        throw new ApiError(401, "unauthorized", "this endpoint needs Authorization: Bearer <API_TOKEN>", "authorization");
      }
    }
    await next();
  };
}
