import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { ARROW_STREAM_TYPE, toArrowStream } from "./arrow-ipc.js";
import { ApiError } from "./errors.js";
import { checkReadOnlySelect } from "./sql-guard.js";
import { parseJsonBody } from "./validation.js";
import { uniqueNames } from "./column-names.js";
/** Longest accepted SQL text, characters. */
export const MAX_SQL_LENGTH = 100_000;
/** Rows returned when the request names no limit. */
export const DEFAULT_ROW_LIMIT = 10_000;
/** Largest row limit a request may ask for. */
export const MAX_ROW_LIMIT = 100_000;
/** Time a query may run before it is interrupted, ms. */
export const DEFAULT_SQL_TIMEOUT_MS = 5_000;
/** Largest accepted request body, bytes (room for the longest SQL, JSON-escaped). */
const MAX_BODY_BYTES = 4 * MAX_SQL_LENGTH;
const sqlBody = z.strictObject({
    sql: z
        .string()
        .max(MAX_SQL_LENGTH, `must be at most ${MAX_SQL_LENGTH} characters`)
        .refine((s) => s.trim().length > 0, "must not be empty"),
    format: z.enum(["json", "arrow"]).optional(),
    limit: z.number().int().min(1).max(MAX_ROW_LIMIT).default(DEFAULT_ROW_LIMIT),
});
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
export function sqlRoutes(deps, options = {}) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_SQL_TIMEOUT_MS;
    const app = new Hono();
    app.post("/sql", bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
            throw new ApiError(413, "body_too_large", `the request body exceeds ${MAX_BODY_BYTES} bytes`, "body");
        },
    }), async (c) => {
        const body = await parseJsonBody(c, sqlBody);
        const arrow = body.format ? body.format === "arrow" : (c.req.header("accept") ?? "").includes(ARROW_STREAM_TYPE);
        const answer = await deps.store.read(async (connection) => {
            await checkReadOnlySelect(connection, body.sql);
            return runLimited(connection, body.sql, body.limit, timeoutMs);
        }, "sql");
        if (arrow) {
            const names = uniqueNames(answer.reader.columnNames());
            const columnsJs = answer.reader.getColumnsJS();
            const bytes = toArrowStream(names.map((name, i) => ({ name, type: answer.reader.columnType(i), values: columnsJs[i].slice(0, answer.rowCount) })));
            return c.body(bytes, 200, {
                "content-type": ARROW_STREAM_TYPE,
                "x-row-count": String(answer.rowCount),
                "x-truncated": String(answer.truncated),
                "x-elapsed-ms": String(answer.elapsedMs),
            });
        }
        const { reader } = answer;
        const result = {
            columns: reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i).toString() })),
            rows: reader.getRowsJS().slice(0, answer.rowCount).map((row) => row.map(toJsonValue)),
            rowCount: answer.rowCount,
            truncated: answer.truncated,
            elapsedMs: answer.elapsedMs,
        };
        return c.json(result);
    });
    return app;
}
/**
 * Streams the query inside a READ ONLY transaction (a second guard: DuckDB itself refuses any write), reading
 * only limit + 1 rows (streaming instead of splicing the text into `SELECT * FROM (…) LIMIT`, which a trailing
 * comment or semicolon would break), and interrupts it past the time limit.
 */
async function runLimited(connection, sql, limit, timeoutMs) {
    const started = performance.now();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        connection.interrupt();
    }, timeoutMs);
    try {
        // Inside the try: the timer may interrupt BEGIN itself on a loaded machine.
        await connection.run("BEGIN TRANSACTION READ ONLY");
        const reader = await connection.streamAndReadUntil(sql, limit + 1);
        const elapsedMs = Math.round(performance.now() - started);
        const rowCount = Math.min(reader.currentRowCount, limit);
        return { reader, rowCount, truncated: reader.currentRowCount > limit, elapsedMs };
    }
    catch (error) {
        if (timedOut)
            throw new ApiError(422, "query_timeout", `the query ran longer than ${timeoutMs} ms and was interrupted`, "sql");
        if (error instanceof ApiError)
            throw error;
        // Binder and runtime errors (unknown column, bad cast, division by zero…) are the query's fault.
        throw new ApiError(400, "sql_error", error instanceof Error ? error.message : String(error), "sql");
    }
    finally {
        clearTimeout(timer);
        await connection.run("ROLLBACK").catch(() => undefined);
    }
}
/** JSON-safe value: bigints as numbers when exact else strings, dates as ISO strings, bytes as base64. */
export function toJsonValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === "bigint")
        return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (typeof value === "number")
        return Number.isFinite(value) ? value : String(value);
    if (value instanceof Date)
        return Number.isFinite(value.getTime()) ? value.toISOString() : null;
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString("base64");
    if (Array.isArray(value))
        return value.map(toJsonValue);
    if (typeof value === "object") {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = toJsonValue(v);
        return out;
    }
    return value;
}
