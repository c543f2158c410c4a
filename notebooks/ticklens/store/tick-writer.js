/**
 * Appends Arrow tick batches to `tick_data` through DuckDB's columnar appender: each Arrow column is copied byte
 * for byte into the vectors of a ≤ 2048-row data chunk (no per-row JS values), staged in a TEMP table, then moved
 * with `INSERT … ON CONFLICT DO NOTHING` so a trade seen twice is stored once. One transaction per batch.
 */
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, TIMESTAMP, listValue, } from "@duckdb/node-api";
// The low-level binding of the same package: its `copy_data_to_vector` is the only bulk (memcpy) way into a vector.
import duckdb from "@duckdb/node-bindings";
import { DataType } from "apache-arrow";
import { StoreInputError } from "./errors.js";
import { TICK_SCHEMA } from "./tick-batch.js";
import { inTransaction } from "./transaction.js";
/** Rows per data chunk: DuckDB's vector size, the most a chunk may hold. */
export const CHUNK_ROWS = 2048;
const EMPTY = { inserted: 0, duplicates: 0, minTradeTime: null, maxTradeTime: null };
/** Byte width of each TICK_SCHEMA column in the stage table, in schema order (0: bit-packed boolean). */
const COLUMN_BYTES = [4, 8, 8, 8, 8, 0, 8, 8, 8, 4];
const STAGE_TYPES = [INTEGER, BIGINT, DOUBLE, DOUBLE, DOUBLE, BOOLEAN, TIMESTAMP, TIMESTAMP, TIMESTAMP, INTEGER];
const TRADE_TIME = 6;
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
export function symbolExtentUpsertSql(relation) {
    return `
    INSERT INTO tick_symbols (symbol, first_trade_time, last_trade_time, pending_from)
    SELECT symbol, first_time, last_time, first_time FROM (${relation})
    ON CONFLICT (symbol) DO UPDATE SET
      first_trade_time = least(tick_symbols.first_trade_time, excluded.first_trade_time),
      last_trade_time = greatest(tick_symbols.last_trade_time, excluded.last_trade_time),
      pending_from = least(tick_symbols.pending_from, excluded.pending_from)`;
}
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
export function validateTickBatch(batch, operation) {
    const expected = TICK_SCHEMA.fields;
    const fields = batch.schema.fields;
    if (fields.length !== expected.length) {
        throw new StoreInputError(operation, "batch", `has ${fields.length} columns; TICK_SCHEMA has ${expected.length}`);
    }
    for (let i = 0; i < expected.length; i++) {
        const name = expected[i].name;
        const field = fields[i];
        if (field.name !== name)
            throw new StoreInputError(operation, `batch column ${i}`, `is "${field.name}", expected "${name}"`);
        if (!sameLayout(field.type, expected[i].type)) {
            throw new StoreInputError(operation, `batch.${name}`, `has type ${field.type}, expected ${expected[i].type}`);
        }
        const data = batch.data.children[i];
        if (data.nullCount > 0)
            throw new StoreInputError(operation, `batch.${name}`, `holds ${data.nullCount} null(s); no column may`);
    }
}
function sameLayout(actual, expected) {
    if (DataType.isDictionary(expected)) {
        return DataType.isDictionary(actual) && actual.indices.bitWidth === 32 && actual.indices.isSigned && DataType.isUtf8(actual.dictionary);
    }
    if (DataType.isInt(expected))
        return DataType.isInt(actual) && actual.bitWidth === 64 && actual.isSigned;
    if (DataType.isFloat(expected))
        return DataType.isFloat(actual) && actual.precision === expected.precision;
    if (DataType.isTimestamp(expected))
        return DataType.isTimestamp(actual) && actual.unit === expected.unit;
    return actual.typeId === expected.typeId;
}
/** Trade-time range of a batch column (µs values), in ms. */
function tradeTimeRange(data, rows) {
    const values = data.values;
    let min = values[data.offset];
    let max = min;
    for (let i = data.offset + 1; i < data.offset + rows; i++) {
        const v = values[i];
        if (v < min)
            min = v;
        else if (v > max)
            max = v;
    }
    return { min: Number(min) / 1000, max: Number(max) / 1000 };
}
/** The dictionary strings of a dictionary-encoded column, as a DuckDB `VARCHAR[]` value. */
function dictionaryList(data) {
    return listValue((data.dictionary?.toArray() ?? []));
}
/**
 * The columnar tick appender of one writer connection. Not safe for concurrent calls: the `Store` serialises them.
 */
export class TickWriter {
    connection;
    appender = null;
    chunk = DuckDBDataChunk.create(STAGE_TYPES);
    bools = new Uint8Array(CHUNK_ROWS);
    constructor(connection) {
        this.connection = connection;
    }
    /**
     * Prepares the staging table on `connection` (a TEMP table: private to the connection, never written to the file).
     *
     * @param connection the store's writer connection
     * @returns the writer
     * @throws DuckDB's error if the staging table cannot be created
     * @example
     * const writer = await TickWriter.create(connection);
     */
    static async create(connection) {
        if (duckdb.sizeof_bool !== 1)
            throw new Error(`TickWriter assumes 1-byte DuckDB booleans, found ${duckdb.sizeof_bool}`);
        // Symbols and sources stay dictionary indices here and become strings in the INSERT … SELECT, so no string is
        // ever written row by row from JS.
        await connection.run(`
      CREATE TEMP TABLE IF NOT EXISTS tick_stage (
        sym INTEGER, trade_id BIGINT, price DOUBLE, qty DOUBLE, quote_qty DOUBLE, is_buyer_maker BOOLEAN,
        trade_time TIMESTAMP, event_time TIMESTAMP, recv_time TIMESTAMP, src INTEGER
      )`);
        return new TickWriter(connection);
    }
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
    async append(batch, options = {}) {
        validateTickBatch(batch, "appendTicks");
        const rows = batch.numRows;
        const within = options.within;
        if (rows === 0) {
            if (within !== undefined)
                await inTransaction(this.connection, () => within(this.connection, EMPTY));
            return EMPTY;
        }
        const columns = batch.data.children;
        const { min, max } = tradeTimeRange(columns[TRADE_TIME], rows);
        const symbols = dictionaryList(columns[0]);
        const sources = dictionaryList(columns[9]);
        try {
            return await inTransaction(this.connection, async () => {
                const appender = await this.stageAppender();
                for (let from = 0; from < rows; from += CHUNK_ROWS) {
                    this.fillChunk(columns, from, Math.min(CHUNK_ROWS, rows - from));
                    appender.appendDataChunk(this.chunk);
                }
                appender.flushSync();
                const result = await this.connection.run(`INSERT INTO tick_data
           SELECT ($1::VARCHAR[])[sym + 1], trade_id, price, qty, quote_qty, is_buyer_maker, trade_time, event_time,
                  recv_time, ($2::VARCHAR[])[src + 1]
           FROM tick_stage
           ON CONFLICT DO NOTHING`, [symbols, sources]);
                if (result.rowsChanged > 0) {
                    await this.connection.run(symbolExtentUpsertSql(`SELECT ($1::VARCHAR[])[sym + 1] AS symbol, min(trade_time) AS first_time, max(trade_time) AS last_time
               FROM tick_stage GROUP BY 1`), [symbols]);
                }
                await this.connection.run("TRUNCATE tick_stage");
                const appended = { inserted: result.rowsChanged, duplicates: rows - result.rowsChanged, minTradeTime: min, maxTradeTime: max };
                if (within !== undefined)
                    await within(this.connection, appended);
                return appended;
            });
        }
        catch (error) {
            // The rollback emptied the stage; an appender that saw the failure is not trusted with the next batch.
            this.dropAppender();
            throw error;
        }
    }
    /**
     * Releases the appender (the staging table goes with the connection).
     *
     * @returns nothing
     * @throws nothing: a failing close is ignored
     * @example
     * writer.close();
     */
    close() {
        this.dropAppender();
    }
    async stageAppender() {
        this.appender ??= await this.connection.createAppender("tick_stage", "main", "temp");
        return this.appender;
    }
    dropAppender() {
        try {
            this.appender?.closeSync();
        }
        catch {
            // Closing flushes; after a failure there is nothing it could still write that we want.
        }
        this.appender = null;
    }
    /** Copies rows [from, from + n) of every column into the chunk's vectors. */
    fillChunk(columns, from, n) {
        const chunk = this.chunk.chunk;
        duckdb.data_chunk_set_size(chunk, n);
        for (let c = 0; c < columns.length; c++) {
            const data = columns[c];
            const vector = duckdb.data_chunk_get_vector(chunk, c);
            const width = COLUMN_BYTES[c];
            if (width === 0) {
                // Arrow packs booleans 8 to a byte; DuckDB stores one per byte.
                const bits = data.values;
                const bools = this.bools;
                for (let i = 0, j = data.offset + from; i < n; i++, j++)
                    bools[i] = (bits[j >> 3] >> (j & 7)) & 1;
                duckdb.copy_data_to_vector(vector, 0, bools.buffer, bools.byteOffset, n);
            }
            else {
                const values = data.values;
                const start = values.byteOffset + (data.offset + from) * width;
                duckdb.copy_data_to_vector(vector, 0, values.buffer, start, n * width);
            }
        }
    }
}
