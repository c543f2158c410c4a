/**
 * Appends Arrow tick batches to `tick_data` through DuckDB's columnar appender: each Arrow column is copied byte
 * for byte into the vectors of a ≤ 2048-row data chunk (no per-row JS values), staged in a TEMP table, then moved
 * with `INSERT … ON CONFLICT DO NOTHING` so a trade seen twice is stored once. One transaction per batch.
 */
import { type DuckDBConnection } from "@duckdb/node-api";
import { type TickBatch } from "./tick-batch.ts";
/** Rows per data chunk: DuckDB's vector size, the most a chunk may hold. */
export declare const CHUNK_ROWS = 2048;
/** What one append did. */
export interface AppendResult {
    /** Rows that were new and are now stored. */
    readonly inserted: number;
    /** Rows dropped because their (symbol, trade_id) was stored already or came earlier in the same batch. */
    readonly duplicates: number;
    /** Earliest trade time in the batch, ms since the Unix epoch (µs fractions kept); null for an empty batch. */
    readonly minTradeTime: number | null;
    /** Latest trade time in the batch, ms; null for an empty batch. */
    readonly maxTradeTime: number | null;
}
/** Options of {@link TickWriter.append}. */
export interface AppendOptions {
    /**
     * More work for the same transaction: called on the writer connection after the ticks (and their `tick_symbols`
     * extents) are inserted and before COMMIT, with what the append did. It must issue its statements on that
     * connection and not open a transaction of its own. When it throws, the whole transaction, ticks included, is
     * rolled back and its error is rethrown. Called for an empty batch too (in a transaction of its own then).
     */
    readonly within?: (connection: DuckDBConnection, result: AppendResult) => Promise<void>;
}
/**
 * SQL that upserts each symbol's trade-time extent and lowers the earliest time awaiting the resampler. Every tick
 * writer runs it in the transaction of its insert, when the insert stored any row.
 *
 * @param relation a SELECT yielding (symbol, first_time, last_time), one row per symbol
 * @returns the INSERT … ON CONFLICT statement
 * @throws nothing: it only builds text
 * @example
 * await c.run(symbolExtentUpsertSql("SELECT 'BTCUSDT' AS symbol, now()::TIMESTAMP AS first_time, now()::TIMESTAMP AS last_time"));
 */
export declare function symbolExtentUpsertSql(relation: string): string;
/**
 * Checks that a batch has {@link TICK_SCHEMA}'s columns, in order, with its physical types and no nulls.
 *
 * @param batch the batch to check
 * @param operation the caller's name, for the error message
 * @returns nothing; the batch is usable as it is
 * @throws {StoreInputError} naming the first column that does not match (`batch.<column>`)
 * @example
 * validateTickBatch(builder.finish(), "appendTicks");
 */
export declare function validateTickBatch(batch: TickBatch, operation: string): void;
/**
 * The columnar tick appender of one writer connection. Not safe for concurrent calls: the `Store` serialises them.
 */
export declare class TickWriter {
    private readonly connection;
    private appender;
    private readonly chunk;
    private readonly bools;
    private constructor();
    /**
     * Prepares the staging table on `connection` (a TEMP table: private to the connection, never written to the file).
     *
     * @param connection the store's writer connection
     * @returns the writer
     * @throws DuckDB's error if the staging table cannot be created
     * @example
     * const writer = await TickWriter.create(connection);
     */
    static create(connection: DuckDBConnection): Promise<TickWriter>;
    /**
     * Appends a batch to `tick_data` in one transaction. A (symbol, trade_id) already stored, or repeated in the batch,
     * is dropped and counted (the first occurrence wins). On any error nothing of the batch is stored. When some
     * rows were new, each symbol's extent in `tick_symbols` is widened and its `pending_from` lowered to the batch's
     * earliest trade time (for a batch with duplicates that may be earlier than the new rows: the resampler then
     * recomputes a few buckets too many, never too few).
     *
     * `options.within` runs more statements inside the same transaction (e.g. a record of where the ticks came
     * from), so they and the ticks are committed together or not at all.
     *
     * @param batch a record batch with `TICK_SCHEMA`
     * @param options `{ within }`: extra work committed or rolled back with the ticks
     * @returns rows inserted and dropped, and the batch's trade-time range in ms
     * @throws {StoreInputError} the batch does not match `TICK_SCHEMA` or holds nulls
     * @throws DuckDB's constraint error (price or qty not finite and > 0, an index past its dictionary), nothing stored
     * @throws whatever `options.within` throws, nothing stored
     * @example
     * const { inserted, duplicates } = await writer.append(builder.finish());
     * await writer.append(batch, { within: (c) => c.run("INSERT INTO uploaded_data (name, kind, rows, checksum) VALUES ('f', 'ticks', 1, 'x')").then(() => undefined) });
     */
    append(batch: TickBatch, options?: AppendOptions): Promise<AppendResult>;
    /**
     * Releases the appender (the staging table goes with the connection).
     *
     * @returns nothing
     * @throws nothing: a failing close is ignored
     * @example
     * writer.close();
     */
    close(): void;
    private stageAppender;
    private dropAppender;
    /** Copies rows [from, from + n) of every column into the chunk's vectors. */
    private fillChunk;
}
