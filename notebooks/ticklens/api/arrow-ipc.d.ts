/**
 * DuckDB query results as an Arrow IPC stream (`application/vnd.apache.arrow.stream`), for clients (pandas, polars,
 * the dashboard) that want typed columns instead of JSON.
 */
import { type DuckDBType } from "@duckdb/node-api";
/** The content type of an Arrow IPC stream. */
export declare const ARROW_STREAM_TYPE = "application/vnd.apache.arrow.stream";
/** One result column: its name, DuckDB type and values as the node-api's JS conversion gives them. */
export interface ArrowColumnInput {
    /** Column name (made unique by the caller). */
    readonly name: string;
    /** DuckDB type of the column. */
    readonly type: DuckDBType;
    /** Values, one per row (`getRowsJS` conversion: bigint, number, string, boolean, Date, …, or null). */
    readonly values: readonly unknown[];
}
/**
 * Encodes result columns as one Arrow IPC stream. Numbers, booleans, strings, dates and timestamps keep their
 * type (timestamps as microseconds, UTC, no zone, like the store); anything else (decimals as float64; lists,
 * structs, intervals, huge integers as JSON text) is converted so no value is lost silently.
 *
 * @param columns the columns, in order, all of the same length
 * @returns the IPC stream bytes
 * @throws {TypeError} columns of different lengths (a caller bug)
 * @example
 * const r = await c.runAndReadAll("SELECT 1::INTEGER AS a");
 * const bytes = toArrowStream([{ name: "a", type: r.columnType(0), values: r.getColumnsJS()[0] }]);
 */
export declare function toArrowStream(columns: readonly ArrowColumnInput[]): Uint8Array;
