/**
 * The store's lifetime: one DuckDB instance, a writer connection through which every write passes one at a time,
 * and a reader connection for queries. Opening migrates the schema; the collector-facing operations are methods
 * here that delegate to the module owning each table.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { queryBars } from "./bars-query.js";
import { ReadOnlyStoreError, SchemaVersionError, StoreClosedError, StoreInputError } from "./errors.js";
import { writeQuarantine } from "./quarantine.js";
import { resample } from "./resampler.js";
import { migrate, readSchemaVersion, SCHEMA_VERSION } from "./schema.js";
import { lastTradeIds, missingTradeIds } from "./tick-ids.js";
import { TickWriter } from "./tick-writer.js";
import { inTransaction } from "./transaction.js";
import { parseTimeframe } from "./timeframe.js";
/** The timeframes resampled into `ohlc_data` unless told otherwise. */
export const DEFAULT_TIMEFRAMES = ["1s", "1m", "5m"];
/** How long after the latest trade time a bucket is still held open for late trades, ms. */
export const DEFAULT_ALLOWED_LATENESS_MS = 2000;
/** Runs async functions one after another, in call order; a failure does not stop the ones queued behind it. */
class SerialQueue {
    tail = Promise.resolve();
    run(fn) {
        const next = this.tail.then(fn);
        this.tail = next.catch(() => undefined);
        return next;
    }
}
/**
 * An open Ticklens database. Writes go through one connection one at a time (DuckDB allows one writing process
 * per file, and a transaction belongs to a connection); reads go through a second connection and see every write
 * committed before they start.
 */
export class Store {
    path;
    readOnly;
    instance;
    writer;
    reader;
    tickWriter;
    /** Schema version of the file (equal to {@link SCHEMA_VERSION} once a writer has opened it). */
    schemaVersion;
    /** Stored timeframes, finest first. */
    timeframes;
    allowedLatenessMs;
    /** What the migrations did on open (nothing when read-only). */
    migration;
    writes = new SerialQueue();
    reads = new SerialQueue();
    closing = null;
    constructor(
    /** The database file, or `":memory:"`. */
    path, readOnly, instance, writer, reader, tickWriter, settings) {
        this.path = path;
        this.readOnly = readOnly;
        this.instance = instance;
        this.writer = writer;
        this.reader = reader;
        this.tickWriter = tickWriter;
        this.schemaVersion = settings.schemaVersion;
        this.timeframes = settings.timeframes;
        this.allowedLatenessMs = settings.allowedLatenessMs;
        this.migration = settings.migration;
    }
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
    static async open(path, options = {}) {
        const readOnly = options.readOnly ?? false;
        const timeframes = parseTimeframes(options.timeframes ?? DEFAULT_TIMEFRAMES);
        const allowedLatenessMs = options.allowedLatenessMs ?? DEFAULT_ALLOWED_LATENESS_MS;
        if (!Number.isFinite(allowedLatenessMs) || allowedLatenessMs < 0) {
            throw new StoreInputError("openStore", "allowedLatenessMs", `must be a finite number ≥ 0, got ${allowedLatenessMs}`);
        }
        if (readOnly && path === ":memory:") {
            throw new StoreInputError("openStore", "readOnly", "cannot apply to an in-memory database (it would be empty)");
        }
        if (!readOnly && path !== ":memory:")
            mkdirSync(dirname(path), { recursive: true });
        const config = { ...options.config };
        if (readOnly)
            config.access_mode = "READ_ONLY";
        const instance = await DuckDBInstance.create(path, config);
        const connections = [];
        try {
            let migration;
            let writer = null;
            let tickWriter = null;
            if (readOnly) {
                const reader = await instance.connect();
                connections.push(reader);
                const version = await readSchemaVersion(reader);
                if (version === null)
                    throw new SchemaVersionError(path, "has no schema_version table: not a Ticklens database");
                migration = { from: version, to: version, applied: [] };
            }
            else {
                writer = await instance.connect();
                connections.push(writer);
                migration = await migrate(writer);
                tickWriter = await TickWriter.create(writer);
            }
            if (migration.to > SCHEMA_VERSION) {
                throw new SchemaVersionError(path, `has schema version ${migration.to}; this code knows up to ${SCHEMA_VERSION}`);
            }
            const reader = readOnly ? connections[0] : await instance.connect();
            if (!readOnly)
                connections.push(reader);
            return new Store(path, readOnly, instance, writer, reader, tickWriter, {
                schemaVersion: migration.to,
                timeframes,
                allowedLatenessMs,
                migration,
            });
        }
        catch (error) {
            for (const connection of connections)
                connection.closeSync();
            instance.closeSync();
            throw error;
        }
    }
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
    write(fn, operation = "write") {
        if (this.closing)
            return Promise.reject(new StoreClosedError(operation, this.path));
        const writer = this.writer;
        if (writer === null)
            return Promise.reject(new ReadOnlyStoreError(operation, this.path));
        return this.writes.run(() => fn(writer));
    }
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
    transaction(fn, operation = "transaction") {
        return this.write((connection) => inTransaction(connection, () => fn(connection)), operation);
    }
    /**
     * Runs `fn` on the reader connection once earlier reads have finished; it sees every committed write.
     *
     * @param fn the query work; it must not write (on a read-only store DuckDB refuses)
     * @returns what `fn` returns
     * @throws {StoreClosedError} the store is closed
     * @example
     * const n = await store.read(async (c) => (await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]);
     */
    read(fn, operation = "read") {
        if (this.closing)
            return Promise.reject(new StoreClosedError(operation, this.path));
        return this.reads.run(() => fn(this.reader));
    }
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
    appendTicks(batch, options = {}) {
        return this.write(() => this.tickWriter.append(batch, options), "appendTicks");
    }
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
    writeQuarantine(records) {
        return this.write((c) => writeQuarantine(c, records), "writeQuarantine");
    }
    /**
     * The highest stored trade id per symbol, to resume after a restart.
     *
     * @returns symbol → highest trade_id
     * @throws {StoreClosedError} the store is closed
     * @example
     * const ids = await store.lastTradeIds(); // Map { "BTCUSDT" => 6812345678 }
     */
    lastTradeIds() {
        return this.read((c) => lastTradeIds(c), "lastTradeIds");
    }
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
    missingTradeIds(symbol, fromId, toId, limit) {
        return this.read((c) => missingTradeIds(c, symbol, fromId, toId, limit), "missingTradeIds");
    }
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
    resample(options = {}) {
        return this.write((c) => inTransaction(c, () => resample(c, { timeframes: this.timeframes, allowedLatenessMs: this.allowedLatenessMs, ...options })), "resample");
    }
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
    queryBars(query) {
        return this.read((c) => queryBars(c, this.timeframes, query), "queryBars");
    }
    /**
     * Writes the WAL into the database file (DuckDB also does this on its own past a size threshold, and on close).
     *
     * @returns when done; a no-op on a read-only store
     * @throws {StoreClosedError} the store is closed
     * @example
     * await store.checkpoint();
     */
    async checkpoint() {
        if (this.readOnly) {
            if (this.closing)
                throw new StoreClosedError("checkpoint", this.path);
            return;
        }
        await this.write((c) => c.run("CHECKPOINT"), "checkpoint");
    }
    /**
     * Waits for queued work, then closes the connections and the instance (which checkpoints a writable file).
     * Calling it again returns the same promise.
     *
     * @returns when the file is released
     * @example
     * await store.close();
     */
    close() {
        this.closing ??= (async () => {
            await Promise.allSettled([this.writes.run(async () => undefined), this.reads.run(async () => undefined)]);
            this.tickWriter?.close();
            this.writer?.closeSync();
            this.reader.closeSync();
            this.instance.closeSync();
        })();
        return this.closing;
    }
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
export function openStore(path, options = {}) {
    return Store.open(path, options);
}
function parseTimeframes(labels) {
    const byLabel = new Map();
    for (const label of labels) {
        const tf = parseTimeframe(label);
        byLabel.set(tf.label, tf);
    }
    if (byLabel.size === 0)
        throw new StoreInputError("openStore", "timeframes", "must name at least one timeframe");
    return [...byLabel.values()].sort((a, b) => a.micros - b.micros);
}
