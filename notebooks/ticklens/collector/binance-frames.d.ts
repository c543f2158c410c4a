/**
 * Binance market-data frames to ticks: the one place a raw WebSocket message is checked. A frame becomes a
 * tick, a rejection with its reason (for the quarantine table), or a control message; it never throws.
 */
import type { Tick } from "../store/tick-batch.ts";
export type Market = "spot" | "futures";
export type TradeStream = "trade" | "aggTrade";
export type ParsedFrame = 
/** A market trade, normalised. */
{
    readonly kind: "trade";
    readonly tick: Tick;
}
/**
 * Malformed, or a trade that is not a market trade; kept in quarantine with the reason. `tradeId` is set for a
 * well-formed trade that is refused (off-book, zero price): its id is used, and is no hole to backfill.
 */
 | {
    readonly kind: "rejected";
    readonly reason: string;
    readonly symbol: string | null;
    readonly tradeId?: number;
}
/** Binance asks the client to reconnect (`serverShutdown`): open a new connection before closing this one. */
 | {
    readonly kind: "shutdown";
}
/** Reply to a SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS request. */
 | {
    readonly kind: "reply";
    readonly id: unknown;
}
/** A well-formed frame of another stream (depth, kline, bookTicker): not ours to store. */
 | {
    readonly kind: "other";
    readonly stream: string;
};
export interface FrameContext {
    /** Local receive time, ms since the Unix epoch (fractions carry µs). */
    readonly recvTime: number;
    /** True when the stream URL asked for `timeUnit=MICROSECOND`: `E` and `T` are then µs. */
    readonly timesInMicros: boolean;
    /** Stored as the tick's `source`. */
    readonly source: string;
}
/**
 * Parses one WebSocket message of a combined (`{"stream","data"}`) or raw stream.
 * Checks every field a tick needs and says which one was wrong.
 */
export declare function parseFrame(text: string, context: FrameContext): ParsedFrame;
