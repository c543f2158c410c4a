/**
 * The /ws/live wire protocol: the client's request frames, the server's reply frames, and the channel names, each
 * parsed once here so the hub only ever sees a well-formed request or a typed refusal naming the field.
 */
import { type Timeframe } from "../store/index.ts";
/** A subscribable channel, parsed; `name` is its canonical spelling (upper-case symbols, canonical timeframe). */
export type LiveChannel = {
    readonly kind: "trades";
    readonly name: string;
    readonly symbol: string;
} | {
    readonly kind: "bars";
    readonly name: string;
    readonly symbol: string;
    readonly timeframe: Timeframe;
} | {
    readonly kind: "status";
    readonly name: string;
} | {
    readonly kind: "pairs";
    readonly name: string;
    readonly a: string;
    readonly b: string;
    readonly timeframe: Timeframe;
    readonly window: number;
} | {
    readonly kind: "alerts";
    readonly name: string;
};
/** A client frame that passed validation. */
export type LiveRequest = {
    readonly op: "subscribe" | "unsubscribe";
    readonly channel: LiveChannel;
} | {
    readonly op: "ping";
};
/** The kinds of frame the server sends. */
export type LiveFrameType = "snapshot" | "update" | "error" | "subscribed" | "unsubscribed" | "heartbeat";
/** Every server frame: `{ type, channel, data }` (`channel` null for heartbeats and frame-level errors). */
export interface LiveFrame {
    /** What the frame is. */
    readonly type: LiveFrameType;
    /** The canonical channel name it concerns, or null. */
    readonly channel: string | null;
    /** The payload: ticks, bars, a status, `{ field, message }` for errors, `{ time }` for heartbeats. */
    readonly data: unknown;
    /** On updates: when the server published the frame, ms since the Unix epoch (server clock), to measure delivery. */
    readonly time?: number;
}
/** A refused client frame: the field at fault (`"json"`, `"op"`, `"channel"`) and why. */
export declare class LiveProtocolError extends Error {
    /** The offending field of the client frame. */
    readonly field: string;
    /** The channel text the client sent, when there was one. */
    readonly channel: string | null;
    constructor(
    /** The offending field of the client frame. */
    field: string, message: string, 
    /** The channel text the client sent, when there was one. */
    channel?: string | null);
}
/** Longest client frame accepted, characters: requests are tiny, so anything bigger is refused unread. */
export declare const MAX_CLIENT_FRAME_CHARS = 4096;
/**
 * Parses one client text frame.
 *
 * @param text the frame as received
 * @returns the request
 * @throws {LiveProtocolError} not JSON, not an object, an unknown `op`, or an invalid channel (field `"channel"`)
 * @example
 * parseLiveRequest('{"op":"subscribe","channel":"trades:btcusdt"}'); // { op: "subscribe", channel: { kind: "trades", name: "trades:BTCUSDT", … } }
 */
export declare function parseLiveRequest(text: string): LiveRequest;
/**
 * Parses a channel name: `trades:<symbol>`, `bars:<symbol>:<tf>`, `status`, `pairs:<a>:<b>:<tf>:<window>`, `alerts`.
 * A timeframe is any width the store accepts (`Ns`, `Nm`, `Nh`, `1d` that divide one day).
 *
 * @param text the channel as the client wrote it (symbols in any case)
 * @returns the parsed channel with its canonical name
 * @throws {LiveProtocolError} (field `"channel"`) an unknown kind, a malformed symbol, timeframe or window
 * @example
 * parseLiveChannel("bars:ethusdt:60s").name; // "bars:ETHUSDT:1m"
 */
export declare function parseLiveChannel(text: string): LiveChannel;
