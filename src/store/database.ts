/**
 * The store's lifetime: one DuckDB instance, a writer connection through which every write passes one at a time,
 * and reader connections for queries: a pool for the API's and the collector's reads, and one lane each for user
 * SQL and exports, so a slow query or a Parquet export never holds up a chart or a live snapshot. Opening migrates the schema; the collector-facing operations are methods
 * here that delegate to the module owning each table.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { STORED_TIMEFRAMES } from "../engine/vocabulary.ts";
import type { Bar } from "../engine/types.ts";
import { queryBars, type BarsQuery } from "./bars-query.ts";
import { ReadOnlyStoreError, SchemaVersionError, StoreClosedError, StoreInputError } from "./errors.ts";
import { writeQuarantine, type QuarantineRecord } from "./quarantine.ts";
import { resample, type ResampleOptions, type ResampleResult } from "./resampler.ts";
import { migrate, readSchemaVersion, SCHEMA_VERSION, type MigrationResult } from "./schema.ts";
import type { TickBatch } from "./tick-batch.ts";
import { lastTradeIds, missingTradeIds, type TradeIdRange } from "./tick-ids.ts";
import { TickWriter, type AppendOptions, type AppendResult } from "./tick-writer.ts";
import { inTransaction } from "./transaction.ts";
import { parseTimeframe, type Timeframe } from "./timeframe.ts";

/** The timeframes resampled into `ohlc_data` unless told otherwise: the engine's stored timeframes. */
export const DEFAULT_TIMEFRAMES: readonly string[] = STORED_TIMEFRAMES;
/** How long after the latest trade time a bucket is still held open for late trades, ms. */
export const DEFAULT_ALLOWED_LATENESS_MS = 2000;

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
  /**
   * Reader connections shared by every read but user SQL and exports (default {@link DEFAULT_READERS}); `"sql"`
   * and `"export"` reads each have one more connection of their own.
   */
  readonly readers?: number;
}

/** Reader connections of the general pool unless told otherwise. */
export const DEFAULT_READERS = 4;
/** Read purposes that run on a connection of their own, one at a time, apart from the general pool. */
export const DEDICATED_READ_PURPOSES = ["sql", "export"] as const;
type Lane = "general" | (typeof DEDICATED_READ_PURPOSES)[number];

/**
 * Connections handed out one read at a time: a read takes a free connection, or waits (first come, first served)
 * for the next one given back.
 */
class ConnectionPool {
  private readonly free: DuckDBConnection[];
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = [];
  private busy = 0;

  constructor(readonly connections: readonly DuckDBConnection[]) {
    this.free = [...connections];
  }

  async run<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.free.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
    this.busy++;
    try {
      return await fn(connection);
    } finally {
      this.busy--;
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.free.push(connection);
    }
  }

  /** Reads running and reads waiting for a connection. */
  get load(): { busy: number; waiting: number } {
    return { busy: this.busy, waiting: this.waiting.length };
  }

  /** Resolves once every connection is free (reads queued meanwhile are waited for too). */
  async drain(): Promise<void> {
    await Promise.all(this.connections.map(() => this.run(async () => undefined)));
  }
}

/** Runs async functions one after another, in call order; a failure does not stop the ones queued behind it. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * An open Ticklens database. Writes go through one connection one at a time (DuckDB allows one writing process
 * per file, and a transaction belongs to a connection); reads go through reader connections of the same instance
 * and see every write committed before they start. A read holds its connection for the whole of `fn`, so a
 * transaction or a streamed result inside one read is its own.
 */
export class Store {
  /** Schema version of the file (equal to {@link SCHEMA_VERSION} once a writer has opened it). */
  readonly schemaVersion: number;
  /** Stored timeframes, finest first. */
  readonly timeframes: readonly Timeframe[];
  readonly allowedLatenessMs: number;
  /** What the migrations did on open (nothing when read-only). */
  readonly migration: MigrationResult;

  private readonly writes = new SerialQueue();
  private readonly lanes: ReadonlyMap<Lane, ConnectionPool>;
  private closing: Promise<void> | null = null;

  private constructor(
    /** The database file, or `":memory:"`. */
    readonly path: string,
    readonly readOnly: boolean,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection | null,
    readers: ReadonlyMap<Lane, readonly DuckDBConnection[]>,
    private readonly tickWriter: TickWriter | null,
    settings: { schemaVersion: number; timeframes: readonly Timeframe[]; allowedLatenessMs: number; migration: MigrationResult },
  ) {
    this.schemaVersion = settings.schemaVersion;
    this.timeframes = settings.timeframes;
    this.allowedLatenessMs = settings.allowedLatenessMs;
    this.migration = settings.migration;
    this.lanes = new Map([...readers].map(([lane, connections]) => [lane, new ConnectionPool(connections)]));
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
  static async open(path: string, options: OpenStoreOptions = {}): Promise<Store> {
    const readOnly = options.readOnly ?? false;
    const timeframes = parseTimeframes(options.timeframes ?? DEFAULT_TIMEFRAMES);
    const allowedLatenessMs = options.allowedLatenessMs ?? DEFAULT_ALLOWED_LATENESS_MS;
    if (!Number.isFinite(allowedLatenessMs) || allowedLatenessMs < 0) {
      throw new StoreInputError("openStore", "allowedLatenessMs", `must be a finite number ≥ 0, got ${allowedLatenessMs}`);
    }
    const readerCount = options.readers ?? DEFAULT_READERS;
    if (!Number.isSafeInteger(readerCount) || readerCount < 1 || readerCount > 64) {
      throw new StoreInputError("openStore", "readers", `must be an integer in [1, 64], got ${readerCount}`);
    }
    if (readOnly && path === ":memory:") {
      throw new StoreInputError("openStore", "readOnly", "cannot apply to an in-memory database (it would be empty)");
    }
    if (!readOnly && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });

    const config: Record<string, string> = { ...options.config };
    if (readOnly) config.access_mode = "READ_ONLY";
    const instance = await DuckDBInstance.create(path, config);
    const connections: DuckDBConnection[] = [];
    try {
      let migration: MigrationResult;
      let writer: DuckDBConnection | null = null;
      let tickWriter: TickWriter | null = null;
      if (readOnly) {
        const reader = await instance.connect();
        connections.push(reader);
        const version = await readSchemaVersion(reader);
        if (version === null) throw new SchemaVersionError(path, "has no schema_version table: not a Ticklens database");
        migration = { from: version, to: version, applied: [] };
      } else {
        writer = await instance.connect();
        connections.push(writer);
        migration = await migrate(writer);
        tickWriter = await TickWriter.create(writer);
      }
      if (migration.to > SCHEMA_VERSION) {
        throw new SchemaVersionError(path, `has schema version ${migration.to}; this code knows up to ${SCHEMA_VERSION}`);
      }
      const connect = async () => {
        const connection = await instance.connect();
        connections.push(connection);
        return connection;
      };
      const general = readOnly ? [connections[0]] : [];
      while (general.length < readerCount) general.push(await connect());
      const readers = new Map<Lane, DuckDBConnection[]>([["general", general]]);
      for (const lane of DEDICATED_READ_PURPOSES) readers.set(lane, [await connect()]);
      return new Store(path, readOnly, instance, writer, readers, tickWriter, {
        schemaVersion: migration.to,
        timeframes,
        allowedLatenessMs,
        migration,
      });
    } catch (error) {
      for (const connection of connections) connection.closeSync();
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
  write<T>(fn: (connection: DuckDBConnection) => Promise<T>, operation = "write"): Promise<T> {
    if (this.closing) return Promise.reject(new StoreClosedError(operation, this.path));
    const writer = this.writer;
    if (writer === null) return Promise.reject(new ReadOnlyStoreError(operation, this.path));
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
  transaction<T>(fn: (connection: DuckDBConnection) => Promise<T>, operation = "transaction"): Promise<T> {
    return this.write((connection) => inTransaction(connection, () => fn(connection)), operation);
  }

  /**
   * Runs `fn` on a reader connection; it sees every committed write. `operation` `"sql"` (user SQL) and
   * `"export"` (downloads) run one at a time on a connection of their own each; every other read takes a free
   * connection of the general pool (or waits for one), so no read waits behind a slow query or an export.
   *
   * @param fn the query work; it must not write (on a read-only store DuckDB refuses)
   * @param operation what the read is for: `"sql"`, `"export"`, or a name for errors (the general pool)
   * @returns what `fn` returns
   * @throws {StoreClosedError} the store is closed
   * @example
   * const n = await store.read(async (c) => (await c.runAndReadAll("SELECT count(*) FROM tick_data")).getRows()[0][0]);
   */
  read<T>(fn: (connection: DuckDBConnection) => Promise<T>, operation = "read"): Promise<T> {
    if (this.closing) return Promise.reject(new StoreClosedError(operation, this.path));
    const lane: Lane = operation === "sql" || operation === "export" ? operation : "general";
    return (this.lanes.get(lane) as ConnectionPool).run(fn);
  }

  /**
   * Reads running and waiting, per lane (`general`, `sql`, `export`).
   *
   * @returns lane → `{ busy, waiting }`
   * @example
   * store.readLoad(); // { general: { busy: 1, waiting: 0 }, sql: { busy: 1, waiting: 2 }, export: { busy: 0, waiting: 0 } }
   */
  readLoad(): Record<Lane, { busy: number; waiting: number }> {
    return Object.fromEntries([...this.lanes].map(([lane, pool]) => [lane, pool.load])) as Record<Lane, { busy: number; waiting: number }>;
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
  appendTicks(batch: TickBatch, options: AppendOptions = {}): Promise<AppendResult> {
    return this.write(() => (this.tickWriter as TickWriter).append(batch, options), "appendTicks");
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
  writeQuarantine(records: readonly QuarantineRecord[]): Promise<void> {
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
  lastTradeIds(): Promise<ReadonlyMap<string, number>> {
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
  missingTradeIds(symbol: string, fromId: number, toId: number, limit?: number): Promise<TradeIdRange[]> {
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
  resample(options: ResampleOptions = {}): Promise<ResampleResult> {
    return this.write(
      (c) => inTransaction(c, () => resample(c, { timeframes: this.timeframes, allowedLatenessMs: this.allowedLatenessMs, ...options })),
      "resample",
    );
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
  queryBars(query: BarsQuery): Promise<Bar[]> {
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
  async checkpoint(): Promise<void> {
    if (this.readOnly) {
      if (this.closing) throw new StoreClosedError("checkpoint", this.path);
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
  close(): Promise<void> {
    this.closing ??= (async () => {
      const pools = [...this.lanes.values()];
      await Promise.allSettled([this.writes.run(async () => undefined), ...pools.map((pool) => pool.drain())]);
      this.tickWriter?.close();
      this.writer?.closeSync();
      for (const pool of pools) for (const connection of pool.connections) connection.closeSync();
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
export function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  return Store.open(path, options);
}

function parseTimeframes(labels: readonly string[]): Timeframe[] {
  const byLabel = new Map<string, Timeframe>();
  for (const label of labels) {
    const tf = parseTimeframe(label);
    byLabel.set(tf.label, tf);
  }
  if (byLabel.size === 0) throw new StoreInputError("openStore", "timeframes", "must name at least one timeframe");
  return [...byLabel.values()].sort((a, b) => a.micros - b.micros);
}
