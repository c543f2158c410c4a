/** Close code for a client whose outgoing queue overflowed (application range; 1008-like "policy"). */
export const SLOW_CLIENT_CLOSE_CODE = 4008;
/**
 * Serialises a frame for {@link LiveClient.sendShared}.
 *
 * @param frame the frame
 * @returns its JSON as UTF-8 bytes
 * @throws nothing for a JSON-serialisable frame
 * @example
 * const shared = shareFrame({ type: "heartbeat", channel: null, data: { time: Date.now() } });
 */
export function shareFrame(frame) {
    return Buffer.from(JSON.stringify(frame));
}
function isRawSocket(raw) {
    return typeof raw === "object" && raw !== null && "bufferedAmount" in raw && typeof raw.terminate === "function";
}
/** A connected client: subscriptions by canonical channel name, and the bounded send. */
export class LiveClient {
    ws;
    limits;
    onSlow;
    /** Canonical channel names this client is subscribed to. */
    channels = new Set();
    pending = 0;
    closed = false;
    killTimer = null;
    constructor(ws, limits, 
    /** Called once when the client is dropped for being slow (the hub forgets it there). */
    onSlow) {
        this.ws = ws;
        this.limits = limits;
        this.onSlow = onSlow;
    }
    /** False once closed by either side or dropped for being slow. */
    get open() {
        return !this.closed && this.ws.readyState === 1;
    }
    /**
     * Sends one frame, or drops the client when its queue is over the limits.
     *
     * @param frame the frame
     * @returns true when queued
     * @throws nothing: a send failure closes the client
     * @example
     * client.send({ type: "heartbeat", channel: null, data: { time: Date.now() } });
     */
    send(frame) {
        return this.write(JSON.stringify(frame));
    }
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
    sendShared(frame) {
        return this.write(frame);
    }
    write(data) {
        if (!this.open)
            return false;
        const raw = this.ws.raw;
        if (!isRawSocket(raw)) {
            this.ws.send(typeof data === "string" ? data : data.toString("utf8"));
            return true;
        }
        // Checked before queuing, so one frame larger than the bound (a big snapshot) still goes to a client that keeps
        // up; the bytes held per client stay under maxBufferedBytes plus one frame.
        if (raw.bufferedAmount > this.limits.maxBufferedBytes || this.pending >= this.limits.maxPendingFrames) {
            this.dropSlow(raw);
            return false;
        }
        this.pending++;
        try {
            raw.send(data, { binary: false }, () => {
                this.pending--;
            });
        }
        catch {
            this.closeNow();
            return false;
        }
        return true;
    }
    /** Marks the client gone (the socket closed) and stops its timers. */
    markClosed() {
        this.closed = true;
        if (this.killTimer !== null)
            clearTimeout(this.killTimer);
        this.killTimer = null;
    }
    /** Closes the socket with a code and reason (server shutdown). */
    close(code, reason) {
        if (this.closed)
            return;
        this.closed = true;
        this.ws.close(code, reason);
    }
    closeNow() {
        this.closed = true;
        const raw = this.ws.raw;
        if (isRawSocket(raw))
            raw.terminate();
        else
            this.ws.close();
    }
    dropSlow(raw) {
        this.closed = true;
        // Nothing more is queued for this client: the close frame goes out behind what is already buffered, and a
        // client that never reads it is cut off after the grace period.
        raw.close(SLOW_CLIENT_CLOSE_CODE, `slow consumer: over ${this.limits.maxBufferedBytes} bytes unsent`);
        this.killTimer = setTimeout(() => raw.terminate(), this.limits.closeGraceMs);
        this.killTimer.unref?.();
        this.onSlow(this);
    }
}
