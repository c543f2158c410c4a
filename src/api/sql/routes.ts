/**
 * `POST /api/sql`: one read-only SELECT against the store, row-, byte- and time-limited, answered as JSON or as an Arrow
 * IPC stream. What may run is decided by {@link checkReadOnlySelect}; this file owns the request, the limits and
 * the response shapes.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { ARROW_STREAM_TYPE, toArrowStream } from "../http/arrow-ipc.ts";
import type { ApiDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { apiRouter, type ApiRouter, arrowContent, bearer, documentedBody, refused, shuttingDown, unauthorized } from "../http/openapi.ts";
import { checkReadOnlySelect, MAX_GENERATED_SIZE } from "./guard.ts";
import { DEFAULT_SQL_TIMEOUT_MS, MAX_RESULT_BYTES, runUserSql, withDeadline } from "./run.ts";
import { lockDownForUserSql, USER_SQL_MEMORY_LIMIT_BYTES } from "./sandbox.ts";
import { toJsonValue } from "./json-value.ts";
import { parseJsonBody } from "../validation.ts";
import { uniqueNames } from "../../engine/index.ts";

/** Longest accepted SQL text, characters. */
export const MAX_SQL_LENGTH = 100_000;
/** Rows returned when the request names no limit. */
export const DEFAULT_ROW_LIMIT = 10_000;
/** Largest row limit a request may ask for. */
export const MAX_ROW_LIMIT = 100_000;
export { DEFAULT_SQL_TIMEOUT_MS, MAX_RESULT_BYTES } from "./run.ts";
/** Largest accepted request body, bytes (room for the longest SQL, JSON-escaped). */
const MAX_BODY_BYTES = 4 * MAX_SQL_LENGTH;

export interface SqlRouteOptions {
  /** Time a query may run before it is interrupted, ms (default {@link DEFAULT_SQL_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

/** The JSON answer. */
const sqlResultSchema = z
  .object({
    columns: z
      .array(z.object({ name: z.string(), type: z.string() }))
      .readonly()
      .meta({ description: 'Result columns, in order, with DuckDB\'s type name (e.g. "TIMESTAMP", "DOUBLE")' }),
    rows: z
      .array(z.array(z.unknown()).readonly())
      .readonly()
      .meta({ description: "Rows as arrays in column order: integers beyond 2^53 as strings, timestamps as ISO 8601 UTC" }),
    rowCount: z.number().int().meta({ description: "Number of rows returned" }),
    truncated: z.boolean().meta({ description: "True when the query had more rows than the limit (only the first `limit` are returned)" }),
    elapsedMs: z.number().int().meta({ description: "Time spent running the query, ms" }),
  })
  .openapi("SqlResult");

/** The JSON answer. */
export type SqlResult = z.infer<typeof sqlResultSchema>;

const sqlBody = z
  .strictObject({
    sql: z
      .string()
      .max(MAX_SQL_LENGTH, `must be at most ${MAX_SQL_LENGTH} characters`)
      .refine((s) => s.trim().length > 0, "must not be empty")
      .meta({ description: "One SELECT (or WITH … SELECT, VALUES, …) on the stored tables", example: "SELECT symbol, count(*) FROM tick_data GROUP BY 1" }),
    format: z.enum(["json", "arrow"]).optional().meta({ description: "Default: from the Accept header, else json" }),
    limit: z.number().int().min(1).max(MAX_ROW_LIMIT).default(DEFAULT_ROW_LIMIT).meta({ description: "Most rows returned" }),
  })
  .meta({ example: { sql: "SELECT symbol, count(*) FROM tick_data GROUP BY 1", limit: 100 } });

/**
 * The SQL console route, mounted under `/api` (the bearer-token check is applied by `createApp`).
 *
 * @param deps the store to query
 * @param options `{ timeoutMs }`
 * @returns a Hono router with `POST /sql`
 * @throws nothing at build time; requests fail with ApiError 400 (bad body, refused or invalid SQL), 413 (body too
 *   large) or 422 `query_timeout` / `result_too_large`
 * @example
 * const res = await createApp({ store }).app.request("/api/sql", {
 *   method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sql: "SELECT 42 AS x" }),
 * }); // { columns: [{ name: "x", type: "INTEGER" }], rows: [[42]], rowCount: 1, truncated: false, elapsedMs: 1 }
 */
export function sqlRoutes(deps: ApiDeps, options: SqlRouteOptions = {}): ApiRouter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SQL_TIMEOUT_MS;
  const app = apiRouter();
  const route = createRoute({
    method: "post",
    path: "/sql",
    operationId: "runSql",
    tags: ["sql"],
    summary: "One read-only SELECT, checked by DuckDB's parser; JSON or Arrow IPC",
    description:
      `Runs in a READ ONLY transaction on the stored tables, at most \`limit\` rows (up to ${MAX_ROW_LIMIT}), ` +
      `${MAX_RESULT_BYTES / 1024 ** 2} MiB of result (counted as DuckDB holds it, JSON or Arrow: past it 422 \`result_too_large\`) ` +
      `and ${timeoutMs / 1000} s (then 422 \`query_timeout\`, also while DuckDB finishes a native call). ` +
      "Refused before running: any other statement (SET, PRAGMA, INSTALL, LOAD, ATTACH, COPY, …), table functions " +
      "other than range, generate_series, unnest, json_each, json_tree and the duckdb_tables/columns/views/schemas/types " +
      "listings, functions reaching files, settings, other SQL or sequences, every sleeping function (sleep_ms, pg_sleep), " +
      `and size-growing functions (repeat, lpad, rpad, list_resize, array_resize, bar, to_base, range/generate_series as lists) ` +
      `unless their size is a constant (or least(expression, constant)) up to ${MAX_GENERATED_SIZE} characters or elements ` +
      "(400 `argument_too_large`). The database runs user SQL with extension autoinstall and autoload off, file access " +
      `limited to the temporary folder, DuckDB's memory at most ${USER_SQL_MEMORY_LIMIT_BYTES / 1024 ** 3} GiB, and its ` +
      "configuration locked. Needs the bearer token when the server has one.",
    security: bearer,
    middleware: [
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new ApiError(413, "body_too_large", `the request body exceeds ${MAX_BODY_BYTES} bytes`, "body");
        },
      }),
    ],
    request: { body: { required: true, content: documentedBody(app, "SqlRequest", sqlBody) } },
    responses: {
      200: {
        description: "The rows (Arrow: headers x-row-count, x-truncated, x-elapsed-ms)",
        content: { "application/json": { schema: sqlResultSchema }, ...arrowContent(["those of the query"]) },
      },
      400: refused(
        [
          "invalid_body",
          "invalid_parameter",
          "sql_syntax",
          "not_select",
          "forbidden_table_function",
          "forbidden_function",
          "unknown_relation",
          "argument_too_large",
          "sql_error",
        ],
        "Not JSON, a bad field, or SQL refused by the guard or failing in DuckDB (`field` is `sql`)",
      ),
      401: unauthorized,
      413: refused(["body_too_large"], `The body exceeds ${MAX_BODY_BYTES} bytes`),
      422: refused(
        ["query_timeout", "result_too_large"],
        `The query ran longer than the time limit and was interrupted, or its result exceeds ${MAX_RESULT_BYTES} bytes`,
      ),
      503: shuttingDown,
    },
  });
  app.openapi(
    route,
    async (c) => {
      const body = await parseJsonBody(c, sqlBody);
      const arrow = body.format ? body.format === "arrow" : (c.req.header("accept") ?? "").includes(ARROW_STREAM_TYPE);
      const answer = await withDeadline(timeoutMs, (started) =>
        deps.store.read(async (connection) => {
          await lockDownForUserSql(connection);
          await checkReadOnlySelect(connection, body.sql);
          started();
          return runUserSql(connection, body.sql, { limit: body.limit, timeoutMs });
        }, "sql"),
      );
      if (arrow) {
        const names = uniqueNames(answer.names);
        const columnsJs = answer.columns();
        const bytes = toArrowStream(names.map((name, i) => ({ name, type: answer.types[i], values: columnsJs[i] })));
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
          "content-type": ARROW_STREAM_TYPE,
          "x-row-count": String(answer.rowCount),
          "x-truncated": String(answer.truncated),
          "x-elapsed-ms": String(answer.elapsedMs),
        });
      }
      const result: SqlResult = {
        columns: answer.names.map((name, i) => ({ name, type: answer.types[i].toString() })),
        rows: answer.rows().map((row) => row.map(toJsonValue)),
        rowCount: answer.rowCount,
        truncated: answer.truncated,
        elapsedMs: answer.elapsedMs,
      };
      return c.json(result, 200);
    },
  );
  return app;
}
