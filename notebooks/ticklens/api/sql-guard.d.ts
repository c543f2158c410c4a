/**
 * Decides whether user SQL may run on the store: exactly one SELECT, as DuckDB's own parser sees it, that touches
 * only stored tables and views, a few harmless table functions, and no function that reaches files, the
 * environment, other SQL or sequences.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
/**
 * Table functions a query may call. Everything else is refused: the list of DuckDB table functions that read files
 * (read_csv, read_parquet, glob, read_text, …), run SQL (query, query_table, json_execute_serialized_sql) or change
 * state (checkpoint, enable_logging, …) grows with every extension, so only known-harmless ones pass.
 */
export declare const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string>;
/**
 * Scalar functions refused wherever they appear: environment and settings, sequences (nextval writes), SQL that
 * runs SQL, logging, sleeping. Names starting with a refused prefix (read_, parquet_, pragma_, …) are refused too.
 */
export declare const DENIED_FUNCTIONS: ReadonlySet<string>;
/**
 * Refuses SQL that is not one read-only SELECT over stored relations.
 *
 * @param connection a store connection (used to parse the SQL and to list existing tables and views)
 * @param sql the user's SQL
 * @returns when the SQL may run
 * @throws {ApiError} 400 `sql_syntax` (DuckDB's parser message), `not_select` (any other statement, or several),
 *   `forbidden_table_function`, `forbidden_function`, `unknown_relation` (a name that is not a stored table/view or a
 *   CTE in scope: DuckDB would otherwise read it as a file)
 * @example
 * await store.read((c) => checkReadOnlySelect(c, "SELECT count(*) FROM tick_data"));
 */
export declare function checkReadOnlySelect(connection: DuckDBConnection, sql: string): Promise<void>;
