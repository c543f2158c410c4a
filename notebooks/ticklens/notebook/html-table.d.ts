/**
 * Rows as an HTML table for a notebook cell: the first rows of an answer, numbers right-aligned and rounded to
 * significant digits, times in UTC, and a note of how many rows were left out.
 */
import type { Table } from "apache-arrow";
export interface TableOptions {
    /** Rows shown (default 20); the rest are counted under the table. */
    readonly limit?: number;
    /** Significant digits of non-integer numbers (default 8). */
    readonly digits?: number;
    /** A caption above the table. */
    readonly caption?: string;
}
/**
 * Renders rows (plain objects, or an Arrow table) as an HTML table. Columns are the keys of the first row.
 *
 * @param rows the rows
 * @param options `{ limit, digits, caption }`
 * @returns the HTML
 * @example
 * renderTable([{ symbol: "BTCUSDT", trades: 8320 }]); // "<table>…<td>BTCUSDT</td><td …>8320</td>…"
 */
export declare function renderTable(rows: readonly object[] | Table, options?: TableOptions): string;
