/**
 * `GET /api/export/csv` and `GET /api/export/parquet`: ticks or bars of some or all symbols over [from, to), or a
 * pair's analytics series (`dataset=pairs&a&b&timeframe&window&method`), sent as a streamed download (CSV page by
 * page; Parquet written by DuckDB to a temporary file, then streamed).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiDeps } from "../deps.ts";
import { apiRouter, type ApiRouter, refused, shuttingDown, unknownSymbol } from "../http/openapi.ts";
import { exportCsvStream, pairsCsvStream } from "./csv.ts";
import { exportParquetStream, pairsParquetStream } from "./parquet.ts";
import { pairsFileName, parsePairsExportQuery } from "./pairs.ts";
import { computePairsSeries, pairsQuery } from "../analytics/pairs-series.ts";
import { exportFileName, exportQuery, parseExportQuery } from "./query.ts";

const CSV = "text/csv; charset=utf-8";
const PARQUET = "application/vnd.apache.parquet";
const attachment = (name: string) => `attachment; filename="${name}"`;
// The pairs export takes the analytics parameters, not the ticks/ohlc ones: the dataset decides which are checked.
const isPairs = (c: Context) => c.req.query("dataset") === "pairs";

// Every parameter either kind of export takes, each with its own check: what the document lists and what is
// checked first; then the dataset's own parse refuses the parameters of the other kind (field `query`).
const { a, b, window, method, join } = pairsQuery.shape;
const exportParameters = exportQuery
  .extend({
    a: a.optional().meta({ description: "pairs only, required: the dependent leg (y)" }),
    b: b.optional().meta({ description: "pairs only, required: the independent leg (x)" }),
    window: window.meta({ description: "pairs only: rolling window, bars" }),
    method: method.meta({ description: "pairs only: hedge-ratio estimator" }),
    join: join.meta({ description: "pairs only: bucket alignment" }),
  })
  .strict();

const description =
  "`dataset=ticks` (the store's tick CSV layout, times epoch µs: `POST /api/upload` reads it back), `dataset=ohlc` " +
  "(bars of `timeframe`, from the ticks, else from uploaded bars), or `dataset=pairs` (the series of " +
  "`GET /api/analytics/pairs`, one row per aligned bucket: bucket_start, close_a, close_b, spread, z_score " +
  "(rolling z of the static spread), rolling_beta, rolling_correlation; empty/NULL during the rolling warm-up). " +
  "`dataset=pairs` takes `a`, `b`, `timeframe`, `window`, `method`, `join`, `from`, `to` and no `symbol`; " +
  "ticks/ohlc take `symbol`, `from`, `to`, `timeframe` (ohlc only).";

const refusals = {
  400: refused(["invalid_parameter"], "A malformed or unknown parameter, timeframe on ticks, to ≤ from, a = b for pairs"),
  404: unknownSymbol("`symbol`, `a` or `b`"),
  422: refused(["insufficient_data", "unprocessable"], "pairs only: the window is longer than the aligned bars, or the engine refused the data"),
  503: shuttingDown,
};

const csvRoute = createRoute({
  method: "get",
  path: "/export/csv",
  operationId: "exportCsv",
  tags: ["export"],
  summary: "Streamed CSV export of ticks, bars or a pair's analytics series",
  description,
  request: { query: exportParameters },
  responses: {
    200: { description: "An attachment", content: { "text/csv": { schema: z.string().meta({ description: "CSV with a header line" }) } } },
    ...refusals,
  },
});

const parquetRoute = createRoute({
  method: "get",
  path: "/export/parquet",
  operationId: "exportParquet",
  tags: ["export"],
  summary: "Parquet export of ticks, bars or a pair's analytics series",
  description: `${description} Pairs columns: bucket_start TIMESTAMP (UTC), the others DOUBLE.`,
  request: { query: exportParameters },
  responses: {
    200: { description: "An attachment", content: { [PARQUET]: { schema: z.string().meta({ format: "binary" }) } } },
    ...refusals,
  },
});

/**
 * The export router (mounted under `/api`).
 *
 * @param deps the store
 * @returns the router
 * @throws nothing itself; bad requests are refused with ApiError (400, 404, 422 for a pair the engine cannot use)
 * @example
 * app.route("/api", exportRoutes({ store }));
 */
export function exportRoutes(deps: ApiDeps): ApiRouter {
  const routes = apiRouter();
  const { store } = deps;

  routes.openapi(csvRoute, async (c) => {
    if (isPairs(c)) {
      const q = parsePairsExportQuery(c);
      const series = await computePairsSeries(store, q);
      return c.body(pairsCsvStream(series), 200, { "content-type": CSV, "content-disposition": attachment(pairsFileName(q, "csv")) });
    }
    const sel = await parseExportQuery(c, store);
    return c.body(exportCsvStream(store, sel), 200, { "content-type": CSV, "content-disposition": attachment(exportFileName(sel, "csv")) });
  });

  routes.openapi(parquetRoute, async (c) => {
    if (isPairs(c)) {
      const q = parsePairsExportQuery(c);
      const { stream } = await pairsParquetStream(store, await computePairsSeries(store, q));
      return c.body(stream, 200, { "content-type": PARQUET, "content-disposition": attachment(pairsFileName(q, "parquet")) });
    }
    const sel = await parseExportQuery(c, store);
    const { stream } = await exportParquetStream(store, sel);
    return c.body(stream, 200, { "content-type": PARQUET, "content-disposition": attachment(exportFileName(sel, "parquet")) });
  });

  return routes;
}
