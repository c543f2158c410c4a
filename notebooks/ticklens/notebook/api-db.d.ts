import { type NotebookDb } from "./notebook-db.ts";
export interface ApiDbOptions {
    /** The server's API_TOKEN, when it was started with one (sent as `Authorization: Bearer`). */
    readonly token?: string;
    /** Most rows one answer may hold (default and at most the server's 100,000); a longer answer is an error. */
    readonly limit?: number;
}
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
export declare function connectApi(url: string, options?: ApiDbOptions): NotebookDb;
