import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
/** Longest accepted SQL text, characters. */
export declare const MAX_SQL_LENGTH = 100000;
/** Rows returned when the request names no limit. */
export declare const DEFAULT_ROW_LIMIT = 10000;
/** Largest row limit a request may ask for. */
export declare const MAX_ROW_LIMIT = 100000;
/** Time a query may run before it is interrupted, ms. */
export declare const DEFAULT_SQL_TIMEOUT_MS = 5000;
export interface SqlRouteOptions {
    /** Time a query may run before it is interrupted, ms (default {@link DEFAULT_SQL_TIMEOUT_MS}). */
    readonly timeoutMs?: number;
}
/** The JSON answer. */
export interface SqlResult {
    /** Result columns, in order, with DuckDB's type name (e.g. `"TIMESTAMP"`, `"DOUBLE"`). */
    readonly columns: readonly {
        readonly name: string;
        readonly type: string;
    }[];
    /** Rows as arrays in column order: integers beyond 2^53 as strings, timestamps as ISO 8601 UTC. */
    readonly rows: readonly (readonly unknown[])[];
    /** Number of rows returned. */
    readonly rowCount: number;
    /** True when the query had more rows than the limit (only the first `limit` are returned). */
    readonly truncated: boolean;
    /** Time spent running the query, ms. */
    readonly elapsedMs: number;
}
/**
 * The SQL console route, mounted under `/api` (the bearer-token check is applied by `createApp`).
 *
 * @param deps the store to query
 * @param options `{ timeoutMs }`
 * @returns a Hono router with `POST /sql`
 * @throws nothing at build time; requests fail with ApiError 400 (bad body, refused or invalid SQL), 413 (body too
 *   large) or 422 `query_timeout`
 * @example
 * const res = await createApp({ store }).app.request("/api/sql", {
 *   method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sql: "SELECT 42 AS x" }),
 * }); // { columns: [{ name: "x", type: "INTEGER" }], rows: [[42]], rowCount: 1, truncated: false, elapsedMs: 1 }
 */
export declare function sqlRoutes(deps: ApiDeps, options?: SqlRouteOptions): Hono;
/** JSON-safe value: bigints as numbers when exact else strings, dates as ISO strings, bytes as base64. */
export declare function toJsonValue(value: unknown): unknown;
