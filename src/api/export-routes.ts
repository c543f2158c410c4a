/**
 * `GET /api/export/csv` and `GET /api/export/parquet`: ticks or bars of some or all symbols over [from, to), sent
 * as a streamed download (CSV page by page; Parquet written by DuckDB to a temporary file, then streamed).
 */
import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
import { exportCsvStream } from "./export-csv.ts";
import { exportParquetStream } from "./export-parquet.ts";
import { exportFileName, parseExportQuery } from "./export-query.ts";

/**
 * The export router (mounted under `/api`).
 *
 * @param deps the store
 * @returns the router
 * @throws nothing itself; bad requests are refused with ApiError (400, 404)
 * @example
 * app.route("/api", exportRoutes({ store }));
 */
export function exportRoutes(deps: ApiDeps): Hono {
  const routes = new Hono();
  const { store } = deps;

  routes.get("/export/csv", async (c) => {
    const sel = await parseExportQuery(c, store);
    return c.body(exportCsvStream(store, sel), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(sel, "csv")}"`,
    });
  });

  routes.get("/export/parquet", async (c) => {
    const sel = await parseExportQuery(c, store);
    const { stream } = await exportParquetStream(store, sel);
    return c.body(stream, 200, {
      "content-type": "application/vnd.apache.parquet",
      "content-disposition": `attachment; filename="${exportFileName(sel, "parquet")}"`,
    });
  });

  return routes;
}
