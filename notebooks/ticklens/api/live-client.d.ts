/**
 * One /ws/live connection's outgoing side with a bound: a client that does not read is disconnected (close code
 * 4008) once its unsent bytes or unwritten frames pass the limits, so a slow reader never grows server memory.
 */
import type { WSContext } from "hono/ws";
import type { LiveFrame } from "./live-protocol.ts";
/** Close code for a client whose outgoing queue overflowed (application range; 1008-like "policy"). */
export declare const SLOW_CLIENT_CLOSE_CODE = 4008;
/** The outgoing bounds of one client. */
export interface SendLimits {
    /** Unsent bytes (the socket's `bufferedAmount`) a client may hold before it is disconnected. */
    readonly maxBufferedBytes: number;
    /** Frames handed to the socket but not yet written out, at most. */
    readonly maxPendingFrames: number;
    /** After the close frame is queued, how long the closing handshake may take before the socket is destroyed, ms. */
    readonly closeGraceMs: number;
}
/**
 * A frame serialised once for every subscriber of a channel: UTF-8 JSON bytes, sent as a text frame. Encoding
 * it once, rather than once per socket, spares a fan-out to 1,000 clients 999 encodings of the same text.
 */
export type SharedFrame = Buffer;
/**
 * Serialises a frame for {@link LiveClient.sendShared}.
 *
 * @param frame the frame
 * @returns its JSON as UTF-8 bytes
 * @throws nothing for a JSON-serialisable frame
 * @example
 * const shared = shareFrame({ type: "heartbeat", channel: null, data: { time: Date.now() } });
 */
export declare function shareFrame(frame: LiveFrame): SharedFrame;
/** A connected client: subscriptions by canonical channel name, and the bounded send. */
export declare class LiveClient {
    private readonly ws;
    private readonly limits;
    /** Called once when the client is dropped for being slow (the hub forgets it there). */
    private readonly onSlow;
    /** Canonical channel names this client is subscribed to. */
    readonly channels: Set<string>;
    private pending;
    private closed;
    private killTimer;
    constructor(ws: WSContext, limits: SendLimits, 
    /** Called once when the client is dropped for being slow (the hub forgets it there). */
    onSlow: (client: LiveClient) => void);
    /** False once closed by either side or dropped for being slow. */
    get open(): boolean;
    /**
     * Sends one frame, or drops the client when its queue is over the limits.
     *
     * @param frame the frame
     * @returns true when queued
     * @throws nothing: a send failure closes the client
     * @example
     * client.send({ type: "heartbeat", channel: null, data: { time: Date.now() } });
     */
    send(frame: LiveFrame): boolean;
    /**
     * Sends a frame serialised once for all its subscribers.
     *
     * @param frame from {@link shareFrame}
     * @returns true when queued
     * @throws nothing: a send failure closes the client
     * @example
     * const shared = shareFrame(frame);
     * for (const client of subscribers) client.sendShared(shared);
     */
    sendShared(frame: SharedFrame): boolean;
    private write;
    /** Marks the client gone (the socket closed) and stops its timers. */
    markClosed(): void;
    /** Closes the socket with a code and reason (server shutdown). */
    close(code: number, reason: string): void;
    private closeNow;
    private dropSlow;
}
