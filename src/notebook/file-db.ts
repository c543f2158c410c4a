/**
 * SQL on a Ticklens DuckDB file opened read-only: what a notebook uses while no collector holds the file (DuckDB
 * allows one writing process per file, but any number of readers once it is free).
 */
import { tableFromIPC, type Table } from "apache-arrow";
import { toArrowStream } from "../api/http/arrow-ipc.ts";
import { openStore, type Store } from "../store/index.ts";
import { tableRows } from "./arrow-rows.ts";
import { NotebookQueryError, type NotebookDb, type SqlRow } from "./notebook-db.ts";
import { projectPath } from "./project-paths.ts";
import { ensureSampleDb, type SampleDbOptions } from "./sample-db.ts";
import { uniqueNames } from "../engine/index.ts";

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
export async function openDb(path: string): Promise<FileDb> {
  const file = projectPath(path);
  const store = await openStore(file, { readOnly: true });
  const arrow = (sql: string): Promise<Table> =>
    store.read(async (connection) => {
      try {
        const reader = await connection.runAndReadAll(sql);
        const values = reader.getColumnsJS();
        const names = uniqueNames(reader.columnNames());
        return tableFromIPC(toArrowStream(names.map((name, i) => ({ name, type: reader.columnType(i), values: values[i] }))));
      } catch (error) {
        throw new NotebookQueryError(file, sql, error instanceof Error ? error.message : String(error), { cause: error });
      }
    }, "sql");
  return {
    source: file,
    store,
    arrow,
    rows: async <T extends object = SqlRow>(sql: string) => tableRows<T>(await arrow(sql)),
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
export async function openSampleDb(options: SampleDbOptions = {}): Promise<FileDb> {
  return openDb(await ensureSampleDb(options));
}

