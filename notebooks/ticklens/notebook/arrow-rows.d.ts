/**
 * Arrow tables to plain row objects, one conversion for both ways of querying, so a row from the DuckDB file and the
 * same row through the API are equal: 64-bit integers as numbers where exact, timestamps and dates as `Date`.
 */
import { type Table } from "apache-arrow";
import type { SqlRow } from "./notebook-db.ts";
/**
 * The rows of an Arrow table as plain objects.
 *
 * @param table any Arrow table (e.g. from {@link NotebookDb.arrow})
 * @returns one object per row, keyed by column name
 * @example
 * tableRows<{ symbol: string; n: number }>(await db.arrow("SELECT symbol, count(*) AS n FROM tick_data GROUP BY 1"));
 */
export declare function tableRows<T extends object = SqlRow>(table: Table): T[];
