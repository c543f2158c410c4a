/**
 * One /ws/live connection's outgoing side with a bound: a client that does not read is disconnected (close code
 * 4008) once its unsent bytes or unwritten frames pass the limits, so a slow reader never grows server memory.
 */
import type { WSContext } from "hono/ws";
import type { LiveFrame } from "./protocol.ts";

/** Close code for a client whose outgoing queue overflowed (application range; 1008-like "policy"). */
export const SLOW_CLIENT_CLOSE_CODE = 4008;

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
export function shareFrame(frame: LiveFrame): SharedFrame {
  return Buffer.from(JSON.stringify(frame));
}

/** What `ws`'s WebSocket offers beyond Hono's WSContext (present under @hono/node-server). */
interface RawSocket {
  readonly bufferedAmount: number;
  send(data: string | Buffer, options: { binary: boolean }, cb?: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}

function isRawSocket(raw: unknown): raw is RawSocket {
  return typeof raw === "object" && raw !== null && "bufferedAmount" in raw && typeof (raw as RawSocket).terminate === "function";
}

/** A connected client: subscriptions by canonical channel name, and the bounded send. */
export class LiveClient {
  /** Canonical channel names this client is subscribed to. */
  readonly channels = new Set<string>();
  private pending = 0;
  private closed = false;
  private killTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ws: WSContext,
    private readonly limits: SendLimits,
    /** Called once when the client is dropped for being slow (the hub forgets it there). */
    private readonly onSlow: (client: LiveClient) => void,
  ) {}

  /** False once closed by either side or dropped for being slow. */
  get open(): boolean {
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
  send(frame: LiveFrame): boolean {
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
  sendShared(frame: SharedFrame): boolean {
    return this.write(frame);
  }

  private write(data: string | SharedFrame): boolean {
    if (!this.open) return false;
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
    } catch {
      this.closeNow();
      return false;
    }
    return true;
  }

  /** Marks the client gone (the socket closed) and stops its timers. */
  markClosed(): void {
    this.closed = true;
    if (this.killTimer !== null) clearTimeout(this.killTimer);
    this.killTimer = null;
  }

  /** Closes the socket with a code and reason (server shutdown). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
  }

  private closeNow(): void {
    this.closed = true;
    const raw = this.ws.raw;
    if (isRawSocket(raw)) raw.terminate();
    else this.ws.close();
  }

  private dropSlow(raw: RawSocket): void {
    this.closed = true;
    // Nothing more is queued for this client: the close frame goes out behind what is already buffered, and a
    // client that never reads it is cut off after the grace period.
    raw.close(SLOW_CLIENT_CLOSE_CODE, `slow consumer: over ${this.limits.maxBufferedBytes} bytes unsent`);
    this.killTimer = setTimeout(() => raw.terminate(), this.limits.closeGraceMs);
    this.killTimer.unref?.();
    this.onSlow(this);
  }
}
