/**
 * What every capture reader produces: a replay-ordered list of trade, aggregate-trade and raw-frame events with
 * their schedule times, and the rule for captures that kept no exchange trade id (synthetic contiguous ids).
 */
export type ReplayMarket = "spot" | "futures";
/** One trade of a `<symbol>@trade` stream. */
export interface CaptureTrade {
    readonly kind: "trade";
    /** Upper-case symbol, e.g. `"BTCUSDT"`. */
    readonly symbol: string;
    /** Trade id `t` (exchange id, or synthetic: see {@link assignSyntheticIds}). */
    readonly id: number;
    /** Price as a plain decimal string, exactly as captured (re-spelled per market when sent). */
    readonly price: string;
    /** Quantity as a plain decimal string. */
    readonly qty: string;
    /** Trade time `T`, µs since the Unix epoch, UTC. */
    readonly timeUs: number;
    /** Event time `E` when the capture kept it, µs; null means "the schedule time". */
    readonly eventTimeUs: number | null;
    /** `m`: the buyer was the maker (the taker sold). */
    readonly isBuyerMaker: boolean;
    /** Futures `X`: `"MARKET"` for order-book trades; anything else (`"NA"`, `"ADL"`, `"INSURANCE_FUND"`) is off-book. */
    readonly status: string;
}
/** One aggregate trade of a `<symbol>@aggTrade` stream. */
export interface CaptureAggTrade {
    readonly kind: "aggTrade";
    readonly symbol: string;
    /** Aggregate trade id `a`. */
    readonly id: number;
    readonly price: string;
    readonly qty: string;
    /** First and last trade ids `f`, `l` of the trades it aggregates. */
    readonly firstTradeId: number;
    readonly lastTradeId: number;
    /** `T`, µs. */
    readonly timeUs: number;
    readonly eventTimeUs: number | null;
    readonly isBuyerMaker: boolean;
}
/** A frame of another stream (depth, bookTicker, kline...) replayed verbatim. */
export interface CaptureFrame {
    readonly kind: "frame";
    /** Stream name as captured, e.g. `"nknusdt@depth@100ms"`. */
    readonly stream: string;
    /** The `data` object's JSON text exactly as received. */
    readonly text: string;
}
export type CaptureEvent = CaptureTrade | CaptureAggTrade | CaptureFrame;
/** A capture ready to replay. */
export interface Capture {
    /** Where it came from (file name), for logs and stats. */
    readonly name: string;
    /** The market it was recorded on, when the capture says so. */
    readonly market: ReplayMarket | null;
    /** Events in replay (capture) order. */
    readonly events: readonly CaptureEvent[];
    /** Schedule time of each event, µs since the Unix epoch, non-decreasing (see {@link scheduleTimes}). */
    readonly atUs: Float64Array;
    /** True when the capture kept no trade ids and they were assigned by {@link assignSyntheticIds}. */
    readonly syntheticIds: boolean;
}
/** Thrown when a capture file cannot be read; the message names the capture, the line and the field. */
export declare class CaptureFormatError extends Error {
    readonly name = "CaptureFormatError";
}
/** First synthetic trade id of every symbol; ids grow by one per captured row of that symbol. */
export declare const FIRST_SYNTHETIC_ID = 1;
/**
 * Contiguous per-symbol ids in capture order for captures that kept none: the n-th captured row of a symbol
 * (counting every row, off-book events included, as Binance's own sequence does) gets id `first + n`.
 * @param symbols the symbol of each row, in capture order
 * @param first id of each symbol's first row
 * @returns the id of each row
 * @throws {CaptureFormatError} never; present for symmetry with the readers
 * @example
 * assignSyntheticIds(["BTCUSDT", "ETHUSDT", "BTCUSDT"]); // Float64Array [1, 1, 2]
 */
export declare function assignSyntheticIds(symbols: readonly string[], first?: number): Float64Array;
/**
 * Replay schedule from event times in capture order: the running maximum, so an out-of-order trade time is sent
 * right after its predecessor (the order the recorder received it in) instead of travelling back in time.
 * @param timesUs each event's own time, µs
 * @returns the non-decreasing schedule, µs
 * @throws never
 * @example
 * scheduleTimes([5, 3, 7]); // Float64Array [5, 5, 7]
 */
export declare function scheduleTimes(timesUs: ArrayLike<number>): Float64Array;
/**
 * A time field to µs: values at or above 1e14 are already µs (Binance's 2025+ spot dumps), smaller ones ms.
 * @param time ms or µs since the Unix epoch
 * @returns µs since the Unix epoch
 * @throws never
 * @example
 * toMicros(1735689600123); // 1735689600123000
 */
export declare function toMicros(time: number): number;
