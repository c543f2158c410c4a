import { type Store } from "../store/index.ts";
import { type NotebookDb } from "./notebook-db.ts";
import { type SampleDbOptions } from "./sample-db.ts";
/** A {@link NotebookDb} on a file, with the read-only store for the store's own queries (`store.queryBars`, …). */
export interface FileDb extends NotebookDb {
    /** The store, open read-only: pass it to `queryBars`, `readTradeStream` or `startApiServer`. */
    readonly store: Store;
}
/**
 * Opens a Ticklens database file read-only.
 *
 * @param path the file, relative to the checkout or absolute (e.g. `"data/ticklens.duckdb"` once the collector stopped)
 * @returns the database
 * @throws {SchemaVersionError} the file is not a Ticklens database, or comes from a newer Ticklens
 * @throws DuckDB's error when the file is missing or a running collector holds it
 * @example
 * const db = await openDb("data/ticklens.duckdb");
 * await db.rows("SELECT symbol, count(*) AS trades FROM tick_data GROUP BY symbol");
 */
export declare function openDb(path: string): Promise<FileDb>;
/**
 * Opens the notebooks' database (the committed real capture, built into `data/notebook-sample.duckdb` when
 * missing) read-only.
 *
 * @param options `{ path, capture }` as {@link ensureSampleDb}
 * @returns the database
 * @example
 * const db = await openSampleDb();
 */
export declare function openSampleDb(options?: SampleDbOptions): Promise<FileDb>;
