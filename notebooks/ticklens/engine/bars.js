/**
 * Trades into OHLCV bars in memory: pandas `resample(rule, label="left", closed="left")` per symbol, with quote
 * volume, trade count, VWAP and taker buy/sell volume. The store builds the same bars in SQL; this is the engine's.
 */
import { EngineInputError } from "./errors.js";
import { parseTimeframe } from "./timeframe.js";
/** A trade in the input is unusable; `index` is its position and `field` the offending property. */
export class InvalidTradeError extends EngineInputError {
    /** Position of the trade in the input array. */
    index;
    /** The property that is wrong (`"price"`, `"qty"`, `"tradeTime"`, `"symbol"`, `"isBuyerMaker"`), or `"trade"`. */
    field;
    constructor(fn, index, field, value, rule) {
        super(fn, `trades[${index}].${field} is ${describe(value)}; ${rule}`);
        this.index = index;
        this.field = field;
    }
}
/**
 * Aggregates trades into one bar per symbol and non-empty bucket.
 *
 * - Buckets are `[start, start + length)` in UTC, labelled by `start` (closed and labelled on the left), and
 *   aligned on the Unix epoch: `start = floor(tradeTime / length) · length`. For lengths that divide a day (1s,
 *   15s, 1m, 5m, 1h, …) that is also pandas' default `origin="start_day"`; for others ("7m") it is
 *   `origin="epoch"`.
 * - Trades may arrive out of time order (a recorder interleaves frames; the sample capture has ~40 per symbol):
 *   each lands in the bucket of its own trade time, and open / close are the trades with the earliest / latest
 *   trade time in the bucket. Trades with equal times keep their input order, which for exchange data is trade id
 *   order, so the first of them opens and the last closes (pandas `first()` / `last()` after a stable sort by time).
 * - Buckets with no trade are not emitted (pandas yields a NaN row for them); there is no price to carry, and
 *   filling is a choice left to the caller (see `alignBars`).
 * - Taker side: `isBuyerMaker = false` means the taker bought, so its qty counts in `buyVolume`; otherwise in
 *   `sellVolume`.
 *
 * @param trades trades of one or more symbols, in any order
 * @param timeframe bar length, e.g. `"1s"`, `"1m"`, `"5m"`, or a parsed {@link Timeframe}
 * @returns bars sorted by symbol (code-unit order), then by bucket start
 * @throws {InvalidTradeError} a trade has a NaN/±Infinity or non-positive price or qty, a non-finite trade time, an
 *   empty symbol or a non-boolean isBuyerMaker (the message names the index and the field)
 * @throws {InvalidParameterError} the timeframe is not a valid bar length
 * @example
 * toBars(
 *   [
 *     { symbol: "BTCUSDT", tradeId: 1, price: 87000, qty: 0.5, isBuyerMaker: false, tradeTime: 1_765_922_889_100 },
 *     { symbol: "BTCUSDT", tradeId: 2, price: 87010, qty: 0.5, isBuyerMaker: true, tradeTime: 1_765_922_889_900 },
 *   ],
 *   "1s",
 * )[0]; // { bucketStart: 1765922889000, open: 87000, close: 87010, volume: 1, vwap: 87005, buyVolume: 0.5, … }
 */
export function toBars(trades, timeframe) {
    const fn = "toBars";
    const tf = parseTimeframe(timeframe);
    const bySymbol = new Map();
    for (let i = 0; i < trades.length; i++) {
        const t = trades[i];
        checkTrade(fn, t, i);
        const start = Math.floor(t.tradeTime / tf.ms) * tf.ms;
        let buckets = bySymbol.get(t.symbol);
        if (buckets === undefined) {
            buckets = new Map();
            bySymbol.set(t.symbol, buckets);
        }
        const b = buckets.get(start);
        if (b === undefined) {
            buckets.set(start, {
                bucketStart: start,
                open: t.price,
                openTime: t.tradeTime,
                high: t.price,
                low: t.price,
                close: t.price,
                closeTime: t.tradeTime,
                volume: t.qty,
                quoteVolume: t.price * t.qty,
                trades: 1,
                buyVolume: t.isBuyerMaker ? 0 : t.qty,
                sellVolume: t.isBuyerMaker ? t.qty : 0,
            });
            continue;
        }
        // Strict < for the open and >= for the close: among equal times the earlier input opens, the later closes.
        if (t.tradeTime < b.openTime) {
            b.open = t.price;
            b.openTime = t.tradeTime;
        }
        if (t.tradeTime >= b.closeTime) {
            b.close = t.price;
            b.closeTime = t.tradeTime;
        }
        if (t.price > b.high)
            b.high = t.price;
        if (t.price < b.low)
            b.low = t.price;
        b.volume += t.qty;
        b.quoteVolume += t.price * t.qty;
        b.trades += 1;
        if (t.isBuyerMaker)
            b.sellVolume += t.qty;
        else
            b.buyVolume += t.qty;
    }
    const bars = [];
    const symbols = [...bySymbol.keys()].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
    for (const symbol of symbols) {
        const buckets = [...bySymbol.get(symbol).values()].sort((p, q) => p.bucketStart - q.bucketStart);
        for (const b of buckets) {
            bars.push({
                symbol,
                timeframe: tf.label,
                bucketStart: b.bucketStart,
                open: b.open,
                high: b.high,
                low: b.low,
                close: b.close,
                volume: b.volume,
                quoteVolume: b.quoteVolume,
                trades: b.trades,
                vwap: b.quoteVolume / b.volume,
                buyVolume: b.buyVolume,
                sellVolume: b.sellVolume,
            });
        }
    }
    return bars;
}
function checkTrade(fn, t, i) {
    if (typeof t !== "object" || t === null)
        throw new InvalidTradeError(fn, i, "trade", t, "every trade must be an object");
    if (typeof t.symbol !== "string" || t.symbol.length === 0) {
        throw new InvalidTradeError(fn, i, "symbol", t.symbol, "a symbol must be a non-empty string");
    }
    if (typeof t.price !== "number" || !Number.isFinite(t.price) || t.price <= 0) {
        throw new InvalidTradeError(fn, i, "price", t.price, "a price must be a finite number > 0");
    }
    if (typeof t.qty !== "number" || !Number.isFinite(t.qty) || t.qty <= 0) {
        throw new InvalidTradeError(fn, i, "qty", t.qty, "a quantity must be a finite number > 0");
    }
    if (typeof t.tradeTime !== "number" || !Number.isFinite(t.tradeTime)) {
        throw new InvalidTradeError(fn, i, "tradeTime", t.tradeTime, "a trade time must be a finite number of ms since the epoch");
    }
    if (typeof t.isBuyerMaker !== "boolean") {
        throw new InvalidTradeError(fn, i, "isBuyerMaker", t.isBuyerMaker, "isBuyerMaker must be true or false");
    }
}
function describe(value) {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
}
