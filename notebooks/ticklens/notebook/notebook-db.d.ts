/**
 * One way for a notebook to ask SQL questions, whether it reads the DuckDB file itself (collector stopped) or goes
 * through a running server's `POST /api/sql`: the same calls, the same Arrow tables, the same rows.
 */
import type { Table } from "apache-arrow";
/**
 * A row as {@link NotebookDb.rows} gives it: column name to value. VARCHAR is a string, DOUBLE a number, BIGINT a
 * number (a bigint beyond 2^53), BOOLEAN a boolean, TIMESTAMP and DATE a `Date` (UTC), NULL is null.
 */
export type SqlRow = Record<string, unknown>;
/** A source of SQL answers for a notebook. */
export interface NotebookDb {
    /** Where the answers come from: the database file's path, or the API's base URL. */
    readonly source: string;
    /**
     * Runs one statement and returns its answer as an Arrow table (typed columns; timestamps in µs, UTC).
     *
     * @throws {NotebookQueryError} the statement failed (the message says where and why)
     */
    arrow(sql: string): Promise<Table>;
    /**
     * Runs one statement and returns one plain object per row, typed as the caller declares
     * (`db.rows<{ symbol: string; trades: number }>(…)`): the declaration is trusted, not checked.
     *
     * @throws {NotebookQueryError} the statement failed (the message says where and why)
     */
    rows<T extends object = SqlRow>(sql: string): Promise<T[]>;
    /** Releases the file or connection; later calls fail. */
    close(): Promise<void>;
}
/** A statement failed: names the source, the reason, and the start of the SQL. */
export declare class NotebookQueryError extends Error {
    /** The database file or API URL. */
    readonly source: string;
    /** The statement that failed. */
    readonly sql: string;
    readonly name = "NotebookQueryError";
    constructor(
    /** The database file or API URL. */
    source: string, 
    /** The statement that failed. */
    sql: string, reason: string, options?: {
        cause?: unknown;
    });
}
