/**
 * The Arrow record batch of ticks that crosses the platform: the collector builds it, the store appends it to
 * DuckDB, the API streams it as Arrow IPC and fans it out live. Defined once here.
 */
import { RecordBatch, Schema } from "apache-arrow";
import type { Trade } from "../engine/types.ts";
/** A trade as stored in `tick_data`: the normalised trade plus where and when it was seen. */
export interface Tick extends Trade {
    /** Price × quantity, quote currency. */
    readonly quoteQty: number;
    /** Exchange event time (Binance `E`), ms since the Unix epoch, UTC; fractions carry µs. */
    readonly eventTime: number;
    /** Local receive time (this machine's clock), ms since the Unix epoch, UTC; fractions carry µs. */
    readonly recvTime: number;
    /** Where the row came from: `"live"`, `"backfill"`, `"upload:<name>"`, `"replay"`. */
    readonly source: string;
}
/** Column names and types, in `tick_data` order. Times are UTC microseconds. */
export declare const TICK_SCHEMA: Schema<any>;
/** A record batch with {@link TICK_SCHEMA}. */
export type TickBatch = RecordBatch;
/**
 * Accumulates ticks into typed-array columns and emits them as one Arrow record batch: no per-row objects survive
 * a push, and `finish` wraps the arrays without copying them. Columns start at {@link INITIAL_ROWS} rows and double
 * up to `capacity` as rows arrive: the live collector seals a batch every few tens of milliseconds, and
 * preallocating a full-capacity batch each time (4 MiB at 65,536 rows) made V8 run a full GC several times a second.
 */
export declare class TickBatchBuilder {
    readonly capacity: number;
    private symbols;
    private sources;
    private symbolIndex;
    private tradeId;
    private price;
    private qty;
    private quoteQty;
    private buyerMaker;
    private tradeTime;
    private eventTime;
    private recvTime;
    private sourceIndex;
    private count;
    /** @param capacity most rows per batch: `isFull` turns true there and `push` refuses more */
    constructor(capacity: number);
    /** Rows pushed since the last `finish`. */
    get length(): number;
    get isFull(): boolean;
    /** Adds one tick; throws a RangeError when the builder is full (check `isFull`). */
    push(tick: Tick): void;
    /** The rows pushed so far as one record batch; the builder starts empty again with fresh arrays. */
    finish(): TickBatch;
    private reset;
    /** Doubles every column (up to `capacity` rows), keeping the rows pushed so far. */
    private grow;
}
/** ms (with µs fractions) to whole µs; rounding, because 0.001 has no exact binary form. */
export declare function msToMicros(ms: number): bigint;
