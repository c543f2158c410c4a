/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json and rendered at /api/docs.
 */
const errorResponse = { description: "refused: `{ error: { code, message, field } }`" };
const timeRange = [
  { name: "from", in: "query", schema: { type: "string" }, description: "ISO 8601 or epoch ms, inclusive" },
  { name: "to", in: "query", schema: { type: "string" }, description: "ISO 8601 or epoch ms, exclusive" },
];
const symbolPath = { name: "symbol", in: "path", required: true, schema: { type: "string" }, description: "e.g. BTCUSDT" };

interface Operation {
  readonly summary: string;
  readonly parameters?: readonly object[];
  readonly responses: Record<string, object>;
}

export const OPENAPI: { readonly openapi: string; readonly info: object; readonly paths: Record<string, Record<string, Operation>> } = {
  openapi: "3.1.0",
  info: { title: "Ticklens API", version: "0.1.0", description: "Binance trades, bars and pairs analytics from the Ticklens DuckDB store." },
  paths: {
    "/api/symbols": { get: { summary: "Symbols with first/last trade time, trade count and last price", responses: { "200": { description: "{ symbols }" } } } },
    "/api/ticks/{symbol}": {
      get: {
        summary: "Raw ticks, newest or oldest first, paginated by trade id (JSON or Arrow IPC)",
        parameters: [symbolPath, ...timeRange, { name: "limit", in: "query" }, { name: "cursor", in: "query" }, { name: "order", in: "query", schema: { enum: ["asc", "desc"] } }],
        responses: { "200": { description: "{ symbol, ticks, nextCursor }" }, "404": errorResponse, "400": errorResponse },
      },
    },
    "/api/ohlc/{symbol}": {
      get: {
        summary: "Bars of any timeframe (1s, 1m, 5m stored; others computed), the open bucket included (JSON or Arrow IPC)",
        parameters: [symbolPath, { name: "timeframe", in: "query" }, ...timeRange, { name: "limit", in: "query" }],
        responses: { "200": { description: "{ symbol, timeframe, bars }" }, "404": errorResponse, "400": errorResponse },
      },
    },
    "/api/sql": { post: { summary: "One read-only SELECT, checked by DuckDB's parser; JSON or Arrow IPC", responses: { "200": { description: "{ columns, rows, rowCount, truncated }" }, "400": errorResponse, "401": errorResponse } } },
    "/api/upload": { post: { summary: "Historical CSV import of ticks or bars: all rows or none", responses: { "201": { description: "the uploaded_data record" }, "422": errorResponse, "413": errorResponse } } },
    "/api/export/csv": { get: { summary: "Streamed CSV export of ticks or bars", responses: { "200": { description: "text/csv" }, "400": errorResponse } } },
    "/api/export/parquet": { get: { summary: "Parquet export of ticks or bars", responses: { "200": { description: "application/vnd.apache.parquet" }, "400": errorResponse } } },
    "/api/health": { get: { summary: "Collector state, lag and counters", responses: { "200": { description: "{ status, collector }" } } } },
    "/metrics": { get: { summary: "Prometheus text format", responses: { "200": { description: "text/plain" } } } },
    "/ws/live": { get: { summary: "WebSocket: subscribe to trades:<symbol>, bars:<symbol>:<tf>, status", responses: { "101": { description: "upgrade" } } } },
  },
};
