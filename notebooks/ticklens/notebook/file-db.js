/**
 * SQL on a Ticklens DuckDB file opened read-only: what a notebook uses while no collector holds the file (DuckDB
 * allows one writing process per file, but any number of readers once it is free).
 */
import { tableFromIPC } from "apache-arrow";
import { toArrowStream } from "../api/arrow-ipc.js";
import { openStore } from "../store/index.js";
import { tableRows } from "./arrow-rows.js";
import { NotebookQueryError } from "./notebook-db.js";
import { projectPath } from "./project-paths.js";
import { ensureSampleDb } from "./sample-db.js";
import { uniqueNames } from "../api/column-names.js";
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
export async function openDb(path) {
    const file = projectPath(path);
    const store = await openStore(file, { readOnly: true });
    const arrow = (sql) => store.read(async (connection) => {
        try {
            const reader = await connection.runAndReadAll(sql);
            const values = reader.getColumnsJS();
            const names = uniqueNames(reader.columnNames());
            return tableFromIPC(toArrowStream(names.map((name, i) => ({ name, type: reader.columnType(i), values: values[i] }))));
        }
        catch (error) {
            throw new NotebookQueryError(file, sql, error instanceof Error ? error.message : String(error), { cause: error });
        }
    }, "sql");
    return {
        source: file,
        store,
        arrow,
        rows: async (sql) => tableRows(await arrow(sql)),
        close: () => store.close(),
    };
}
/**
 * Opens the notebooks' database (the committed real capture, built into `data/notebook-sample.duckdb` when
 * missing) read-only.
 *
 * @param options `{ path, capture }` as {@link ensureSampleDb}
 * @returns the database
 * @example
 * const db = await openSampleDb();
 */
export async function openSampleDb(options = {}) {
    return openDb(await ensureSampleDb(options));
}
