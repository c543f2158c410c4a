/**
 * Bearer-token check. With `API_TOKEN` set every `/api` route and `/ws/live` ask for it, but `/api/health` (and
 * `/metrics`, outside `/api`), which probes and scrapers read. With no token configured the server only binds
 * loopback (server.ts refuses otherwise), so the check passes.
 *
 * A browser cannot set headers on a WebSocket, so an upgrade may carry the token instead as the `token` query
 * parameter or as a `Sec-WebSocket-Protocol` entry `bearer.<base64url(token)>` next to {@link LIVE_PROTOCOL}.
 */
import type { Context, MiddlewareHandler } from "hono";
import { timingSafeEqual } from "node:crypto";
import type { ApiDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";

/** The subprotocol the server answers when a client offers its token as a protocol entry. */
export const LIVE_PROTOCOL = "ticklens";
/** Prefix of the protocol entry carrying the token, base64url-encoded. */
export const TOKEN_PROTOCOL_PREFIX = "bearer.";

/** Paths open without the token: liveness probes and metrics scrapers. */
const OPEN_PATHS = new Set(["/api/health", "/metrics"]);

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every token the request offers: the bearer header, and on an upgrade the query and protocol entries. */
function offeredTokens(c: Context): string[] {
  const offered: string[] = [];
  const bearer = /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (bearer !== undefined) offered.push(bearer);
  if (c.req.header("upgrade")?.toLowerCase() === "websocket") {
    const query = c.req.query("token");
    if (query !== undefined) offered.push(query);
    for (const entry of (c.req.header("sec-websocket-protocol") ?? "").split(",")) {
      const value = entry.trim();
      if (value.startsWith(TOKEN_PROTOCOL_PREFIX)) offered.push(Buffer.from(value.slice(TOKEN_PROTOCOL_PREFIX.length), "base64url").toString("utf8"));
    }
  }
  return offered;
}

/**
 * 401 `unauthorized` unless the request carries the configured token (any path but {@link OPEN_PATHS}).
 *
 * @param deps `token`: null or absent, nothing is asked
 * @returns the middleware
 * @example
 * app.use("/api/*", requireToken(deps));
 */
export function requireToken(deps: ApiDeps): MiddlewareHandler {
  return async (c, next) => {
    const token = deps.token ?? null;
    if (token !== null && !OPEN_PATHS.has(c.req.path) && !offeredTokens(c).some((given) => sameSecret(given, token))) {
      throw new ApiError(401, "unauthorized", "this server needs Authorization: Bearer <API_TOKEN>", "authorization");
    }
    await next();
  };
}
