/**
 * The Arrow record batch of ticks that crosses the platform: the collector builds it, the store appends it to
 * DuckDB, the API streams it as Arrow IPC and fans it out live. Defined once here.
 */
import { Bool, Dictionary, Field, Float64, Int32, Int64, RecordBatch, Schema, Struct, TimestampMicrosecond, Utf8, makeData, vectorFromArray, } from "apache-arrow";
const symbolType = new Dictionary(new Utf8(), new Int32());
const sourceType = new Dictionary(new Utf8(), new Int32(), 1);
/** Column names and types, in `tick_data` order. Times are UTC microseconds. */
export const TICK_SCHEMA = new Schema([
    new Field("symbol", symbolType, false),
    new Field("trade_id", new Int64(), false),
    new Field("price", new Float64(), false),
    new Field("qty", new Float64(), false),
    new Field("quote_qty", new Float64(), false),
    new Field("is_buyer_maker", new Bool(), false),
    new Field("trade_time", new TimestampMicrosecond("UTC"), false),
    new Field("event_time", new TimestampMicrosecond("UTC"), false),
    new Field("recv_time", new TimestampMicrosecond("UTC"), false),
    new Field("source", sourceType, false),
]);
/** Rows a builder's columns hold before their first doubling. */
const INITIAL_ROWS = 1_024;
/**
 * Accumulates ticks into typed-array columns and emits them as one Arrow record batch: no per-row objects survive
 * a push, and `finish` wraps the arrays without copying them. Columns start at {@link INITIAL_ROWS} rows and double
 * up to `capacity` as rows arrive: the live collector seals a batch every few tens of milliseconds, and
 * preallocating a full-capacity batch each time (4 MiB at 65,536 rows) made V8 run a full GC several times a second.
 */
export class TickBatchBuilder {
    capacity;
    symbols = new Map();
    sources = new Map();
    symbolIndex;
    tradeId;
    price;
    qty;
    quoteQty;
    buyerMaker;
    tradeTime;
    eventTime;
    recvTime;
    sourceIndex;
    count = 0;
    /** @param capacity most rows per batch: `isFull` turns true there and `push` refuses more */
    constructor(capacity) {
        this.capacity = capacity;
        const rows = Math.min(capacity, INITIAL_ROWS);
        this.symbolIndex = new Int32Array(rows);
        this.tradeId = new BigInt64Array(rows);
        this.price = new Float64Array(rows);
        this.qty = new Float64Array(rows);
        this.quoteQty = new Float64Array(rows);
        this.buyerMaker = new Uint8Array(Math.ceil(rows / 8));
        this.tradeTime = new BigInt64Array(rows);
        this.eventTime = new BigInt64Array(rows);
        this.recvTime = new BigInt64Array(rows);
        this.sourceIndex = new Int32Array(rows);
    }
    /** Rows pushed since the last `finish`. */
    get length() {
        return this.count;
    }
    get isFull() {
        return this.count === this.capacity;
    }
    /** Adds one tick; throws a RangeError when the builder is full (check `isFull`). */
    push(tick) {
        if (this.count === this.capacity)
            throw new RangeError(`TickBatchBuilder is full (capacity ${this.capacity})`);
        if (this.count === this.price.length)
            this.grow();
        const i = this.count++;
        this.symbolIndex[i] = indexOf(this.symbols, tick.symbol);
        this.tradeId[i] = BigInt(tick.tradeId);
        this.price[i] = tick.price;
        this.qty[i] = tick.qty;
        this.quoteQty[i] = tick.quoteQty;
        if (tick.isBuyerMaker)
            this.buyerMaker[i >> 3] |= 1 << (i & 7);
        this.tradeTime[i] = msToMicros(tick.tradeTime);
        this.eventTime[i] = msToMicros(tick.eventTime);
        this.recvTime[i] = msToMicros(tick.recvTime);
        this.sourceIndex[i] = indexOf(this.sources, tick.source);
    }
    /** The rows pushed so far as one record batch; the builder starts empty again with fresh arrays. */
    finish() {
        const n = this.count;
        const dictionary = (type, values, indices) => makeData({ type, length: n, data: indices.subarray(0, n), dictionary: vectorFromArray([...values.keys()], new Utf8()) });
        const children = [
            dictionary(symbolType, this.symbols, this.symbolIndex),
            makeData({ type: new Int64(), length: n, data: this.tradeId.subarray(0, n) }),
            makeData({ type: new Float64(), length: n, data: this.price.subarray(0, n) }),
            makeData({ type: new Float64(), length: n, data: this.qty.subarray(0, n) }),
            makeData({ type: new Float64(), length: n, data: this.quoteQty.subarray(0, n) }),
            makeData({ type: new Bool(), length: n, data: this.buyerMaker.subarray(0, Math.ceil(n / 8)) }),
            makeData({ type: new TimestampMicrosecond("UTC"), length: n, data: this.tradeTime.subarray(0, n) }),
            makeData({ type: new TimestampMicrosecond("UTC"), length: n, data: this.eventTime.subarray(0, n) }),
            makeData({ type: new TimestampMicrosecond("UTC"), length: n, data: this.recvTime.subarray(0, n) }),
            dictionary(sourceType, this.sources, this.sourceIndex),
        ];
        const batch = new RecordBatch(TICK_SCHEMA, makeData({ type: new Struct(TICK_SCHEMA.fields), length: n, children, nullCount: 0 }));
        this.reset();
        return batch;
    }
    reset() {
        const fresh = new TickBatchBuilder(this.capacity);
        Object.assign(this, fresh);
    }
    /** Doubles every column (up to `capacity` rows), keeping the rows pushed so far. */
    grow() {
        const rows = Math.min(this.capacity, this.price.length * 2);
        const widen = (from, length) => {
            const to = new from.constructor(length);
            to.set(from);
            return to;
        };
        this.symbolIndex = widen(this.symbolIndex, rows);
        this.tradeId = widen(this.tradeId, rows);
        this.price = widen(this.price, rows);
        this.qty = widen(this.qty, rows);
        this.quoteQty = widen(this.quoteQty, rows);
        this.buyerMaker = widen(this.buyerMaker, Math.ceil(rows / 8));
        this.tradeTime = widen(this.tradeTime, rows);
        this.eventTime = widen(this.eventTime, rows);
        this.recvTime = widen(this.recvTime, rows);
        this.sourceIndex = widen(this.sourceIndex, rows);
    }
}
function indexOf(values, key) {
    let index = values.get(key);
    if (index === undefined) {
        index = values.size;
        values.set(key, index);
    }
    return index;
}
/** ms (with µs fractions) to whole µs; rounding, because 0.001 has no exact binary form. */
export function msToMicros(ms) {
    return BigInt(Math.round(ms * 1000));
}
