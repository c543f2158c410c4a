import { Hono } from "hono";
import { exportCsvStream, pairsCsvStream } from "./export-csv.js";
import { exportParquetStream, pairsParquetStream } from "./export-parquet.js";
import { pairsFileName, parsePairsExportQuery } from "./export-pairs.js";
import { computePairsSeries } from "./pairs-series.js";
import { exportFileName, parseExportQuery } from "./export-query.js";
const CSV = "text/csv; charset=utf-8";
const PARQUET = "application/vnd.apache.parquet";
const attachment = (name) => `attachment; filename="${name}"`;
// The pairs export takes the analytics parameters, not the ticks/ohlc ones: the dataset decides which are checked.
const isPairs = (c) => c.req.query("dataset") === "pairs";
/**
 * The export router (mounted under `/api`).
 *
 * @param deps the store
 * @returns the router
 * @throws nothing itself; bad requests are refused with ApiError (400, 404, 422 for a pair the engine cannot use)
 * @example
 * app.route("/api", exportRoutes({ store }));
 */
export function exportRoutes(deps) {
    const routes = new Hono();
    const { store } = deps;
    routes.get("/export/csv", async (c) => {
        if (isPairs(c)) {
            const q = parsePairsExportQuery(c);
            const series = await computePairsSeries(store, q);
            return c.body(pairsCsvStream(series), 200, { "content-type": CSV, "content-disposition": attachment(pairsFileName(q, "csv")) });
        }
        const sel = await parseExportQuery(c, store);
        return c.body(exportCsvStream(store, sel), 200, { "content-type": CSV, "content-disposition": attachment(exportFileName(sel, "csv")) });
    });
    routes.get("/export/parquet", async (c) => {
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
