/** The one way the store wraps work in a DuckDB transaction, so every writer rolls back the same way on failure. */
import type { DuckDBConnection } from "@duckdb/node-api";
/**
 * Runs `fn` between BEGIN and COMMIT on `connection`; rolls back and rethrows when `fn` (or the COMMIT) throws.
 *
 * @param connection a connection with no open transaction, used by nothing else meanwhile
 * @param fn the work, issuing its statements on `connection`
 * @returns what `fn` returns, once committed
 * @throws whatever `fn` or DuckDB throws, after the rollback
 * @example
 * await inTransaction(connection, () => connection.run("INSERT INTO alerts (id, rule) VALUES ('a', '{}')"));
 */
export declare function inTransaction<T>(connection: DuckDBConnection, fn: () => Promise<T>): Promise<T>;
