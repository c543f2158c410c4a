/**
 * What keeps a web page the user happens to visit from driving a server on 127.0.0.1 (CSRF, DNS rebinding):
 *
 * - the `Host` header must name this server (its listen address, a loopback name at its port, or a name the
 *   operator listed), else 421 `misdirected_host`: a rebound name (`evil.example` resolving to 127.0.0.1) is
 *   refused on every route, static pages and `/ws/live` included;
 * - a state change (POST, PATCH, DELETE) or a `/ws/live` upgrade must come from the platform's own origin or a
 *   listed one (`Origin`, and `Sec-Fetch-Site` when no `Origin` is sent), else 403 `forbidden_origin`; a request
 *   with neither header is no browser page's (curl, scripts, notebooks) and passes;
 * - a JSON route's body must be sent as `application/json` (415 `unsupported_media_type`), which a cross-site
 *   page cannot do without a CORS preflight.
 */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors.ts";

/** Where the server listens, once it does. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export interface HostGuardOptions {
  /** Extra names (`dash.example.com` any port, or `dash.example.com:8443` that port only), from `--allowed-hosts`. */
  readonly allowedHosts?: readonly string[];
  /** The address the server listens on; undefined (an in-process app): loopback names at any port. */
  readonly listening?: () => ListenAddress | undefined;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const UNSAFE_METHODS = new Set(["POST", "PATCH", "DELETE", "PUT"]);

/** `host[:port]` split, the name lower-cased, an IPv6 literal kept in brackets; null when malformed. */
export function splitHost(value: string): { name: string; port: string | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (match === null) return null;
  return { name: match[1].toLowerCase().replace(/\.$/, ""), port: match[2] ?? null };
}

/** The listen address as it appears in a Host header (`[::1]`, not `::1`). */
function hostName(host: string): string {
  return (host.includes(":") ? `[${host}]` : host).toLowerCase();
}

/**
 * Whether `hostHeader` names this server.
 *
 * @param hostHeader the request's `Host` (or the URL's host when there is no header, as in-process)
 * @param options the listed names and the listen address
 * @returns true when accepted
 * @example
 * isAllowedHost("localhost:8080", { listening: () => ({ host: "127.0.0.1", port: 8080 }) }); // true
 */
export function isAllowedHost(hostHeader: string, options: HostGuardOptions): boolean {
  const given = splitHost(hostHeader);
  if (given === null) return false;
  for (const entry of options.allowedHosts ?? []) {
    const allowed = splitHost(entry);
    if (allowed !== null && allowed.name === given.name && (allowed.port === null || allowed.port === given.port)) return true;
  }
  const bound = options.listening?.();
  if (bound === undefined) return LOOPBACK_NAMES.includes(given.name);
  const port = String(bound.port);
  const ownPort = given.port === port || (given.port === null && port === "80");
  return ownPort && (LOOPBACK_NAMES.includes(given.name) || given.name === hostName(bound.host));
}

/** 421 `misdirected_host` unless the Host header names this server. Mount first, on every path. */
export function hostGuard(options: HostGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, options)) {
      throw new ApiError(
        421,
        "misdirected_host",
        `Host ${JSON.stringify(host)} is not this server's; list the name in TICKLENS_ALLOWED_HOSTS (--allowed-hosts) to serve it`,
        "host",
      );
    }
    await next();
  };
}

/** Whether a request changes state or opens the live socket: what {@link originGuard} looks at. */
function isGuarded(method: string, upgrade: string | undefined): boolean {
  return UNSAFE_METHODS.has(method) || upgrade?.toLowerCase() === "websocket";
}

/**
 * 403 `forbidden_origin` for a state change or WebSocket upgrade sent by a page of another origin: `Origin` must
 * be the server's own (`http(s)://<Host>`) or one of `corsOrigins`; without `Origin`, `Sec-Fetch-Site` must be
 * `same-origin` or `none` (or absent: no browser sent it); with `Origin: null`, `same-origin`. Reads (GET, HEAD,
 * OPTIONS) pass.
 *
 * @param corsOrigins the origins `CORS_ORIGIN` lists
 * @returns the middleware
 * @example
 * app.use("*", originGuard(deps.corsOrigins ?? []));
 */
export function originGuard(corsOrigins: readonly string[]): MiddlewareHandler {
  const listed = new Set(corsOrigins.map((o) => o.replace(/\/$/, "").toLowerCase()));
  return async (c, next) => {
    if (isGuarded(c.req.method, c.req.header("upgrade"))) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site")?.toLowerCase();
      const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
      const own = [`http://${host}`, `https://${host}`];
      // `Origin: null` is what a same-origin POST carries under `Referrer-Policy: no-referrer`, and what a sandboxed
      // frame of any site sends: only Sec-Fetch-Site tells them apart.
      const allowed =
        origin === undefined
          ? site === undefined || site === "same-origin" || site === "none"
          : origin === "null"
            ? site === "same-origin"
            : own.includes(origin.toLowerCase()) || listed.has(origin.toLowerCase());
      if (!allowed) {
        const from = origin !== undefined ? `origin ${origin}` : `a ${site} page`;
        throw new ApiError(403, "forbidden_origin", `refused: ${from} may not change state here; only this server's pages or an origin in CORS_ORIGIN`, "origin");
      }
    }
    await next();
  };
}

/** 415 `unsupported_media_type` unless a body-carrying request says `Content-Type: application/json`. */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "POST" || c.req.method === "PATCH" || c.req.method === "PUT") {
      const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
      if (type !== "application/json") {
        throw new ApiError(415, "unsupported_media_type", `send the body as Content-Type: application/json${type ? `, not ${type}` : ""}`, "content-type");
      }
    }
    await next();
  };
}
