/**
 * The quarantine table: frames and REST rows that failed validation, kept as received with the reason, written
 * in batches (one appender pass, one transaction per call) so a burst of bad frames costs one commit.
 */
import { type DuckDBConnection } from "@duckdb/node-api";
/** A frame or REST row that failed validation (the collector's `QuarantineRecord` has this shape). */
export interface QuarantineRecord {
    /** Local receive time, ms since the Unix epoch, UTC. */
    readonly receivedAt: number;
    /** Where it came from, e.g. `"live"`, `"backfill"`, `"upload:<name>"`. */
    readonly source: string;
    /** The symbol when it could be read, else null. */
    readonly symbol: string | null;
    /** Why it was refused. */
    readonly reason: string;
    /** The frame or row as received. */
    readonly raw: string;
}
/**
 * Appends quarantined records in one transaction (all or none).
 *
 * @param connection a writable connection with no open transaction
 * @param records the records; an empty list writes nothing
 * @returns when committed
 * @throws {StoreInputError} a record's receivedAt is not a finite number (`records[i].receivedAt`)
 * @throws DuckDB's error if the append fails (nothing written)
 * @example
 * await writeQuarantine(connection, [{ receivedAt: Date.now(), source: "live", symbol: "BTCUSDT", reason: "price is 0", raw }]);
 */
export declare function writeQuarantine(connection: DuckDBConnection, records: readonly QuarantineRecord[]): Promise<void>;
