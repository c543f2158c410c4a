/**
 * SQL through a running Ticklens server (`npm start` or `npm run demo`): `POST /api/sql` answered as an Arrow IPC
 * stream. What a notebook uses while the collector owns the DuckDB file.
 */
import { tableFromIPC } from "apache-arrow";
import { ARROW_STREAM_TYPE } from "../api/arrow-ipc.js";
import { MAX_ROW_LIMIT } from "../api/sql-routes.js";
import { tableRows } from "./arrow-rows.js";
import { NotebookQueryError } from "./notebook-db.js";
/**
 * Connects to a server's SQL endpoint. Only single read-only SELECTs are accepted there.
 *
 * @param url the server's base URL, e.g. `"http://127.0.0.1:8080"`
 * @param options `{ token, limit }`
 * @returns the database; `close` does nothing (each query is one HTTP request)
 * @example
 * const api = connectApi("http://127.0.0.1:8080");
 * await api.rows("SELECT symbol, count(*) AS trades FROM tick_data GROUP BY symbol");
 */
export function connectApi(url, options = {}) {
    const endpoint = new URL("/api/sql", url).toString();
    const limit = options.limit ?? MAX_ROW_LIMIT;
    const headers = { "content-type": "application/json", accept: ARROW_STREAM_TYPE };
    if (options.token)
        headers.authorization = `Bearer ${options.token}`;
    const arrow = async (sql) => {
        let response;
        try {
            response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ sql, limit }) });
        }
        catch (error) {
            const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
            throw new NotebookQueryError(endpoint, sql, `no answer (${reason}); is the server running?`, { cause: error });
        }
        if (!response.ok)
            throw new NotebookQueryError(endpoint, sql, await refusal(response));
        if (response.headers.get("x-truncated") === "true") {
            throw new NotebookQueryError(endpoint, sql, `the answer has more than ${limit} rows; aggregate in SQL or add a LIMIT`);
        }
        return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    };
    return {
        source: url,
        arrow,
        rows: async (sql) => tableRows(await arrow(sql)),
        close: async () => undefined,
    };
}
/** "HTTP 400 sql_error: …" from the API's error body, or the status and raw text when the body is not one. */
async function refusal(response) {
    const text = await response.text();
    try {
        const { error } = JSON.parse(text);
        return `HTTP ${response.status} ${error.code}: ${error.message}`;
    }
    catch {
        return `HTTP ${response.status}: ${text.slice(0, 200)}`;
    }
}
