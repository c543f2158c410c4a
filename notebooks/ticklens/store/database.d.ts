import { type DuckDBConnection } from "@duckdb/node-api";
import type { Bar } from "../engine/types.ts";
import { type BarsQuery } from "./bars-query.ts";
import { type QuarantineRecord } from "./quarantine.ts";
import { type ResampleOptions, type ResampleResult } from "./resampler.ts";
import { type MigrationResult } from "./schema.ts";
import type { TickBatch } from "./tick-batch.ts";
import { type TradeIdRange } from "./tick-ids.ts";
import { type AppendOptions, type AppendResult } from "./tick-writer.ts";
import { type Timeframe } from "./timeframe.ts";
/** The timeframes resampled into `ohlc_data` unless told otherwise. */
export declare const DEFAULT_TIMEFRAMES: readonly string[];
/** How long after the latest trade time a bucket is still held open for late trades, ms. */
export declare const DEFAULT_ALLOWED_LATENESS_MS = 2000;
export interface OpenStoreOptions {
    /** Open without writing: no migrations, every write refused (default false). Several readers may share a file. */
    readonly readOnly?: boolean;
    /** Timeframes kept in `ohlc_data` by `resample()` (default 1s, 1m, 5m). Others are computed on demand. */
    readonly timeframes?: readonly string[];
    /**
     * A bucket is written once the watermark (latest trade time stored, any symbol) minus this has passed its end,
     * ms (default 2000: Binance delivers trades up to ~1.2 s out of order). Later trades still land: their bucket
     * is rewritten on the next run.
     */
    readonly allowedLatenessMs?: number;
    /** Extra DuckDB settings passed to the instance, e.g. `{ threads: "2", memory_limit: "1GB" }`. */
    readonly config?: Readonly<Record<string, string>>;
}
/**
 * An open Ticklens database. Writes go through one connection one at a time (DuckDB allows one writing process
 * per file, and a transaction belongs to a connection); reads go through a second connection and see every write
 * committed before they start.
 */
export declare class Store {
    /** The database file, or `":memory:"`. */
    readonly path: string;
    readonly readOnly: boolean;
    private readonly instance;
    private readonly writer;
    private readonly reader;
    private readonly tickWriter;
    /** Schema version of the file (equal to {@link SCHEMA_VERSION} once a writer has opened it). */
    readonly schemaVersion: number;
    /** Stored timeframes, finest first. */
    readonly timeframes: readonly Timeframe[];
    readonly allowedLatenessMs: number;
    /** What the migrations did on open (nothing when read-only). */
    readonly migration: MigrationResult;
    private readonly writes;
    private readonly reads;
    private closing;
    private constructor();
    /**
     * Opens a store; the same as {@link openStore}.
     *
     * @param path a file path or `":memory:"`
     * @param options `{ readOnly, timeframes, allowedLatenessMs, config }`
     * @returns the open store
     * @throws {StoreInputError} a malformed option
     * @throws {SchemaVersionError} a file from a newer schema, or (read-only) not a Ticklens file
     * @example
     * const store = await Store.open(":memory:");
     */
    static open(path: string, options?: OpenStoreOptions): Promise<Store>;
    /**
     * Runs `fn` on the writer connection once every earlier write has finished. `fn` must not call another write
     * method of this store (it would wait for itself).
     *
     * @param fn the work; it may open its own transaction
     * @returns what `fn` returns
     * @throws {ReadOnlyStoreError} the store is read-only
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.write((c) => c.run("DELETE FROM quarantine WHERE received_at < now() AT TIME ZONE 'UTC' - INTERVAL 7 DAY"));
     */
    write<T>(fn: (connection: DuckDBConnection) => Promise<T>, operation?: string): Promise<T>;
    /**
     * {@link write} inside one transaction: committed when `fn` resolves, rolled back when it throws.
     *
     * @param fn the work, without BEGIN/COMMIT of its own
     * @returns what `fn` returns
     * @throws {ReadOnlyStoreError} the store is read-only
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.transaction(async (c) => { await c.run("DELETE FROM alerts WHERE id = $1", ["a1"]); });
     */
    transaction<T>(fn: (connection: DuckDBConnection) => Promise<T>, operation?: string): Promise<T>;
    /**
     * Runs `fn` on the reader connection once earlier reads have finished; it sees every committed write.
     *
     * @param fn the query work; it must not write (on a read-only store DuckDB refuses)
     * @returns what `fn` returns
     * @throws {StoreClosedError} the store is closed
     * @example
     * const n = await store.read(async (c) => (await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]);
     */
    read<T>(fn: (connection: DuckDBConnection) => Promise<T>, operation?: string): Promise<T>;
    /**
     * Appends a tick batch; duplicates of (symbol, trade_id), within the batch or against stored rows, are dropped
     * and counted. All or nothing, together with `options.within`: that function runs on the writer connection in
     * the same transaction, after the insert and before COMMIT, and a throw from it rolls back the ticks too. It must
     * not call another write method of this store (it would wait for itself). See {@link TickWriter.append}.
     *
     * @param batch a record batch with `TICK_SCHEMA`
     * @param options `{ within }`: extra statements committed or rolled back with the ticks
     * @returns rows inserted, duplicates dropped and the batch's trade-time range (ms)
     * @throws {StoreInputError} the batch does not match `TICK_SCHEMA` or holds nulls
     * @throws {ReadOnlyStoreError} the store is read-only
     * @throws {StoreClosedError} the store is closed
     * @throws DuckDB's constraint error (e.g. a price ≤ 0), or whatever `options.within` throws, with nothing written
     * @example
     * const { inserted, duplicates } = await store.appendTicks(builder.finish());
     * await store.appendTicks(batch, { within: async (c) => { await c.run("INSERT INTO uploaded_data (name, kind, rows, checksum) VALUES ('jan', 'ticks', 1, 'x')"); } });
     */
    appendTicks(batch: TickBatch, options?: AppendOptions): Promise<AppendResult>;
    /**
     * Stores quarantined frames in one transaction.
     *
     * @param records frames or REST rows that failed validation
     * @returns when they are committed
     * @throws {StoreInputError} a record's receivedAt is not a finite number
     * @throws {ReadOnlyStoreError} the store is read-only
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.writeQuarantine([{ receivedAt: Date.now(), source: "live", symbol: null, reason: "bad JSON", raw: "{" }]);
     */
    writeQuarantine(records: readonly QuarantineRecord[]): Promise<void>;
    /**
     * The highest stored trade id per symbol, to resume after a restart.
     *
     * @returns symbol → highest trade_id
     * @throws {StoreClosedError} the store is closed
     * @example
     * const ids = await store.lastTradeIds(); // Map { "BTCUSDT" => 6812345678 }
     */
    lastTradeIds(): Promise<ReadonlyMap<string, number>>;
    /**
     * Ranges of trade ids in [fromId, toId] that are not stored for `symbol` (holes to backfill).
     *
     * @param symbol e.g. `"BTCUSDT"`
     * @param fromId first id of the span to check
     * @param toId last id of the span to check (inclusive)
     * @param limit at most this many ranges, lowest first (default 10,000)
     * @returns the missing ranges, each inclusive
     * @throws {StoreInputError} ids that are not safe integers, or toId < fromId
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.missingTradeIds("BTCUSDT", 100, 200); // [{ first: 151, last: 157 }]
     */
    missingTradeIds(symbol: string, fromId: number, toId: number, limit?: number): Promise<TradeIdRange[]>;
    /**
     * Writes every newly closed bucket of the stored timeframes, and rewrites buckets that late trades landed in.
     * Idempotent. See {@link resample}.
     *
     * @param options `{ final }` closes the bucket of the latest trade too; `{ rebuild }` recomputes every bar
     * @returns bars written and the watermark used
     * @throws {ReadOnlyStoreError} the store is read-only
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.resample(); // { barsWritten: 3, watermark: 1765923891132, … }
     */
    resample(options?: ResampleOptions): Promise<ResampleResult>;
    /**
     * Bars of any timeframe that divides a day, from stored bars where they are exact and current, else from ticks.
     * See {@link queryBars}.
     *
     * @param query symbol, timeframe and optional [from, to) range of bucket starts (ms)
     * @returns bars in time order; the last one may still be open
     * @throws {StoreInputError} a malformed timeframe or range
     * @throws {StoreClosedError} the store is closed
     * @example
     * const bars = await store.queryBars({ symbol: "BTCUSDT", timeframe: "15m" });
     */
    queryBars(query: BarsQuery): Promise<Bar[]>;
    /**
     * Writes the WAL into the database file (DuckDB also does this on its own past a size threshold, and on close).
     *
     * @returns when done; a no-op on a read-only store
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.checkpoint();
     */
    checkpoint(): Promise<void>;
    /**
     * Waits for queued work, then closes the connections and the instance (which checkpoints a writable file).
     * Calling it again returns the same promise.
     *
     * @returns when the file is released
     * @example
     * await store.close();
     */
    close(): Promise<void>;
}
/**
 * Opens (creating if needed) a Ticklens DuckDB file and brings its schema up to date.
 *
 * @param path a file path (its directory is created when writable) or `":memory:"`
 * @param options `{ readOnly, timeframes, allowedLatenessMs, config }`
 * @returns the open store
 * @throws {StoreInputError} a malformed timeframe or lateness, or read-only on `:memory:`
 * @throws {SchemaVersionError} the file was written by a newer schema, or (read-only) is not a Ticklens file
 * @throws DuckDB's error when the file cannot be opened (e.g. another process holds the write lock)
 * @example
 * const store = await openStore("data/ticklens.duckdb");
 * await store.appendTicks(batch);
 * await store.resample();
 * await store.close();
 */
export declare function openStore(path: string, options?: OpenStoreOptions): Promise<Store>;
