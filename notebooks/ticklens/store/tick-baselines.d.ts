/**
 * Two other ways into `tick_data`, kept as the floor and ceiling that `npm run bench:ingest` measures the columnar
 * {@link TickWriter} against: one prepared INSERT per row, and DuckDB's own `read_csv` of the same rows. Same
 * table, same idempotence (ON CONFLICT DO NOTHING), same `tick_symbols` bookkeeping, one transaction per call.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TickBatch } from "./tick-batch.ts";
import { type AppendResult } from "./tick-writer.ts";
/** Header of the CSV that {@link formatTicksCsv} writes and {@link loadTicksCsv} reads; times are epoch µs. */
export declare const TICK_CSV_HEADER = "symbol,trade_id,price,qty,quote_qty,is_buyer_maker,trade_time_us,event_time_us,recv_time_us,source";
export interface RowByRowOptions {
    /**
     * `ON CONFLICT DO NOTHING` on each row, as the columnar writer (default true). False issues plain INSERTs, about
     * five times faster in DuckDB 1.5 (its conflict handling costs ~1 ms a statement), and a duplicate then fails
     * the whole call.
     */
    readonly idempotent?: boolean;
}
/**
 * Inserts a batch one row per prepared-statement execution (the floor baseline), in one transaction.
 *
 * @param connection a writable connection with no open transaction
 * @param batch a record batch with `TICK_SCHEMA`
 * @param options `{ idempotent = true }`
 * @returns rows inserted and dropped as duplicates, and the batch's trade-time range in ms
 * @throws {StoreInputError} the batch does not match `TICK_SCHEMA` or holds nulls
 * @throws DuckDB's constraint error (or, not idempotent, its duplicate-key error), with nothing written
 * @example
 * await store.write((c) => insertTicksRowByRow(c, batch));
 */
export declare function insertTicksRowByRow(connection: DuckDBConnection, batch: TickBatch, options?: RowByRowOptions): Promise<AppendResult>;
/**
 * The batch as CSV text with {@link TICK_CSV_HEADER} (the input {@link loadTicksCsv} reads).
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns the CSV, header first, `\n` line ends
 * @throws {StoreInputError} the batch does not match `TICK_SCHEMA`
 * @example
 * writeFileSync("ticks.csv", formatTicksCsv(batch));
 */
export declare function formatTicksCsv(batch: TickBatch): string;
/**
 * Loads a CSV written by {@link formatTicksCsv} with DuckDB's `read_csv` (the ceiling baseline), in one transaction.
 *
 * @param connection a writable connection with no open transaction
 * @param path the CSV file
 * @returns rows inserted and dropped as duplicates, and the file's trade-time range in ms
 * @throws DuckDB's error for an unreadable or malformed file, or a constraint violation, with nothing written
 * @example
 * await store.write((c) => loadTicksCsv(c, "/tmp/ticks.csv"));
 */
export declare function loadTicksCsv(connection: DuckDBConnection, path: string): Promise<AppendResult>;
