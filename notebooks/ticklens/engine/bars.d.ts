/**
 * Trades into OHLCV bars in memory: pandas `resample(rule, label="left", closed="left")` per symbol, with quote
 * volume, trade count, VWAP and taker buy/sell volume. The store builds the same bars in SQL; this is the engine's.
 */
import { EngineInputError } from "./errors.ts";
import { type Timeframe } from "./timeframe.ts";
import type { Bar, Trade } from "./types.ts";
/** A trade in the input is unusable; `index` is its position and `field` the offending property. */
export declare class InvalidTradeError extends EngineInputError {
    /** Position of the trade in the input array. */
    readonly index: number;
    /** The property that is wrong (`"price"`, `"qty"`, `"tradeTime"`, `"symbol"`, `"isBuyerMaker"`), or `"trade"`. */
    readonly field: string;
    constructor(fn: string, index: number, field: string, value: unknown, rule: string);
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
export declare function toBars(trades: readonly Trade[], timeframe: string | Timeframe): Bar[];
