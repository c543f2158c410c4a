/**
 * The DuckDB schema as numbered migrations, each applied once in its own transaction and recorded in
 * `schema_version`. Times are UTC `TIMESTAMP` (microseconds, no zone): the store never uses `TIMESTAMPTZ`, so the
 * machine's zone and DuckDB's `TimeZone` setting cannot shift a value.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
/** One schema change. Never edit a released migration: add the next number. */
export interface Migration {
    /** 1, 2, 3, … in order of application. */
    readonly version: number;
    /** What the migration does, recorded next to its number. */
    readonly name: string;
    /** DuckDB SQL; may hold several statements. */
    readonly sql: string;
}
/** What `migrate` did. */
export interface MigrationResult {
    /** Schema version found on open (0 for a new file). */
    readonly from: number;
    /** Schema version after the migrations ran. */
    readonly to: number;
    /** Versions applied by this call, in order (empty when the file was current). */
    readonly applied: readonly number[];
}
export declare const MIGRATIONS: readonly Migration[];
/** The schema version this code writes and expects. */
export declare const SCHEMA_VERSION: number;
/**
 * Reads the schema version of an open database.
 *
 * @param connection any connection to the database
 * @returns the highest applied migration, 0 when `schema_version` is empty, null when the table does not exist
 * @throws DuckDB's error if the query itself fails
 * @example
 * await readSchemaVersion(connection); // 2
 */
export declare function readSchemaVersion(connection: DuckDBConnection): Promise<number | null>;
/**
 * Brings the database up to {@link SCHEMA_VERSION}: applies every migration newer than the recorded version, in
 * order, each in one transaction together with its `schema_version` row (so a failed migration leaves nothing).
 * Re-running is a no-op.
 *
 * @param connection a writable connection with no open transaction
 * @returns the versions before and after and the ones applied
 * @throws DuckDB's error when a migration fails (that migration is rolled back; earlier ones stay applied)
 * @example
 * const { applied } = await migrate(connection); // [1, 2] on a new file, [] afterwards
 */
export declare function migrate(connection: DuckDBConnection): Promise<MigrationResult>;
