/**
 * One client WebSocket connection, behaving like a Binance stream connection: its subscriptions and live
 * SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY requests, combined or raw framing,
 * ms or µs times, server pings with a pong deadline, the 5-messages-a-second limit, the lifetime limit,
 * `serverShutdown`, backpressure, and the stream faults it is dealt.
 */
import type { WebSocket } from "ws";
import { combinedFrame, serverShutdownEvent } from "./binance-payloads.ts";
import { malformPayload, type StreamDice } from "./fault-plan.ts";

/** Limits and timers of every connection. */
export interface SessionConfig {
  /** Server ping period, ms (Binance: 20 s). */
  readonly pingIntervalMs: number;
  /** A ping not answered by a pong echoing its payload within this drops the connection, ms (Binance: 1 min). */
  readonly pongTimeoutMs: number;
  /** The connection is closed this long after it opened, ms (Binance: 24 h). */
  readonly maxLifetimeMs: number;
  /** When > 0, `serverShutdown` is sent this long before the lifetime close, ms. */
  readonly lifetimeNoticeMs: number;
  /** How long a connection keeps streaming after a `serverShutdown` fault before it is closed, ms. */
  readonly shutdownGraceMs: number;
  /** A half-open (faulted) socket is finally destroyed after this, ms. */
  readonly halfOpenTimeoutMs: number;
  /** Streams per connection (Binance: 1024). */
  readonly maxStreams: number;
  /** Incoming messages (requests and pings) per second before the connection is dropped (Binance: 5). */
  readonly maxMessagesPerSecond: number;
  /** With `speed: "max"`, the replay waits while a connection has more than this many bytes unsent. */
  readonly highWaterBytes: number;
  /** At a fixed speed, a connection with more than this many bytes unsent is dropped as too slow. */
  readonly maxBufferedBytes: number;
}

/** One recorded fault: which connection, which trade. */
export interface FaultRecord {
  readonly connection: number;
  readonly stream: string;
  /** The trade's id (`t` or `a`). */
  readonly id: number;
  /** The malformed variant, for malformed frames. */
  readonly variant?: string;
}

/** What a session needs from its server. */
export interface SessionHost {
  readonly config: SessionConfig;
  /** Payload JSON of a timeline position (cached across connections). */
  payload(pos: number, micro: boolean): string;
  /** Stream of a base event, `""` when never sent. */
  streamOf(pos: number): string;
  /** True for trade and aggTrade positions (the ones faults apply to). */
  isTrade(pos: number): boolean;
  /** Trade id at a position. */
  idOf(pos: number): number;
  /** A session's subscriptions changed (the first subscription may start the replay). */
  subscribed(session: StreamSession): void;
  closed(session: StreamSession): void;
  /** Counts an event (`framesSent`, `drops`, `pongTimeouts`...). */
  count(what: string, n?: number): void;
  /** Keeps a fault record (lost, malformed, duplicated frames). */
  record(kind: "lost" | "malformed" | "duplicated", record: FaultRecord): void;
}

const STREAM_NAME = /^[a-z0-9]+@[A-Za-z0-9_@!]+$|^![A-Za-z0-9_@]+$/;
const METHODS = ["SUBSCRIBE", "UNSUBSCRIBE", "LIST_SUBSCRIPTIONS", "SET_PROPERTY", "GET_PROPERTY"];

/** One accepted stream connection; the server creates one per WebSocket upgrade. */
export class StreamSession {
  readonly subscriptions = new Set<string>();
  readonly openedAt = Date.now();
  /** Frames actually written to this connection. */
  framesSent = 0;
  private halfOpen_ = false;
  private ended = false;
  private shuttingDown = false;
  private readonly pings = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pingTimer: NodeJS.Timeout | null = null;
  private readonly recentMessages: number[] = [];
  private pending = 0;
  private waiters: (() => void)[] = [];
  private readonly onSent = (): void => {
    this.pending--;
    if (this.waiters.length > 0 && (this.pending === 0 || this.ws.bufferedAmount <= this.host.config.highWaterBytes / 2)) this.wake();
  };

  /**
   * @param ws the accepted socket (`autoPong` off: pings are answered here, so a half-open socket can stay mute)
   * @param host the server
   * @param id connection number (also seeds its fault dice)
   * @param combined frames wrapped as `{"stream","data"}`
   * @param micro times in µs
   * @param streams streams named in the URL (the server announces them through `host.subscribed` once the
   *   session is registered, so the replay cannot start before the session can receive)
   * @param dice the connection's fault dice, or null when no stream fault is configured
   */
  constructor(
    readonly ws: WebSocket,
    private readonly host: SessionHost,
    readonly id: number,
    public combined: boolean,
    readonly micro: boolean,
    streams: readonly string[],
    private readonly dice: StreamDice | null,
  ) {
    for (const s of streams) this.subscriptions.add(s);
    const cfg = host.config;
    ws.on("message", (data, isBinary) => this.onMessage(isBinary ? null : data.toString()));
    ws.on("ping", (payload) => {
      if (this.tooChatty()) return;
      if (!this.halfOpen_) ws.pong(payload);
    });
    ws.on("pong", (payload) => this.onPong(payload.toString()));
    ws.on("close", () => this.onClose());
    ws.on("error", () => {}); // a reset peer; 'close' follows
    if (cfg.pingIntervalMs > 0 && Number.isFinite(cfg.pingIntervalMs)) {
      this.pingTimer = setInterval(() => this.ping(), cfg.pingIntervalMs);
    }
    if (Number.isFinite(cfg.maxLifetimeMs)) {
      if (cfg.lifetimeNoticeMs > 0 && cfg.lifetimeNoticeMs < cfg.maxLifetimeMs) {
        this.later(cfg.maxLifetimeMs - cfg.lifetimeNoticeMs, () => this.sendShutdownNotice());
      }
      this.later(cfg.maxLifetimeMs, () => {
        host.count("lifetimeCloses");
        this.close(1000, "connection lifetime reached");
      });
    }
  }

  /** Receives frames: open, not half-open, subscribed to something. */
  get active(): boolean {
    return !this.ended && !this.halfOpen_ && this.subscriptions.size > 0 && this.ws.readyState === this.ws.OPEN;
  }

  get halfOpen(): boolean {
    return this.halfOpen_;
  }

  /** More unsent bytes than the high-water mark. */
  get blocked(): boolean {
    return this.ws.bufferedAmount > this.host.config.highWaterBytes;
  }

  /** Resolves once the unsent bytes fall under half the high-water mark, or the connection ends. */
  drained(): Promise<void> {
    if (!this.blocked || !this.active) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Sends timeline position `pos` if this connection is subscribed to its stream, after rolling its faults.
   * @param pos timeline position
   * @param stream the position's stream name
   */
  deliver(pos: number, stream: string): void {
    if (!this.subscriptions.has(stream) || !this.active) return;
    const trade = this.host.isTrade(pos);
    const fault = trade && this.dice !== null ? this.dice.next() : null;
    if (fault === null) {
      this.send(this.frame(stream, this.host.payload(pos, this.micro)));
      return;
    }
    this.host.count(fault);
    switch (fault) {
      case "drop":
        this.end();
        this.uncork(); // the frames before the drop were sent: let them reach the wire first
        this.ws.terminate();
        return;
      case "halfOpen":
        this.goHalfOpen();
        return;
      case "shutdown":
        this.sendShutdownNotice(this.host.config.shutdownGraceMs);
        this.send(this.frame(stream, this.host.payload(pos, this.micro)));
        return;
      case "lose":
        this.host.record("lost", { connection: this.id, stream, id: this.host.idOf(pos) });
        return;
      case "malformed": {
        const variant = this.dice!.variant();
        const data = this.host.payload(pos, this.micro);
        const text =
          variant === "invalid-json"
            ? malformPayload(this.frame(stream, data), variant)
            : this.frame(stream, malformPayload(data, variant));
        this.host.record("malformed", { connection: this.id, stream, id: this.host.idOf(pos), variant });
        this.send(text);
        return;
      }
      case "duplicate": {
        const text = this.frame(stream, this.host.payload(pos, this.micro));
        this.host.record("duplicated", { connection: this.id, stream, id: this.host.idOf(pos) });
        this.send(text);
        this.send(text);
        return;
      }
    }
  }

  /**
   * Sends `serverShutdown` now and closes the connection after `graceMs` (it keeps streaming meanwhile).
   * @param graceMs wait before the close, ms
   */
  shutdown(graceMs: number): void {
    this.sendShutdownNotice(graceMs);
  }

  /** Closes with a close frame. */
  close(code: number, reason: string): void {
    if (this.ended) return;
    this.end();
    this.ws.close(code, reason);
  }

  /** Destroys the socket at once. */
  terminate(): void {
    this.end();
    this.uncork();
    this.ws.terminate();
  }

  private frame(stream: string, data: string): string {
    return this.combined ? combinedFrame(stream, data) : data;
  }

  /**
   * Holds this burst's frames in the socket and writes them as one: a write (and a TCP segment) per trade frame
   * costs the server more than building the frames. `ws` keeps its socket private; it is a net.Socket.
   */
  cork(): void {
    (this.ws as unknown as { _socket?: { cork(): void } })._socket?.cork();
  }

  uncork(): void {
    (this.ws as unknown as { _socket?: { uncork(): void } })._socket?.uncork();
  }

  private send(text: string): void {
    this.pending++;
    this.framesSent++;
    this.host.count("framesSent");
    this.ws.send(text, this.onSent);
  }

  /** Sends `serverShutdown` once per connection; closes it after `graceMs` when that is >= 0. */
  private sendShutdownNotice(graceMs = -1): void {
    if (this.ended || this.halfOpen_) return;
    if (!this.shuttingDown) {
      this.shuttingDown = true;
      this.host.count("shutdownNotices");
      this.send(serverShutdownEvent(Date.now(), this.micro));
    }
    if (graceMs >= 0) this.later(graceMs, () => this.close(1001, "server shutdown"));
  }

  private goHalfOpen(): void {
    this.halfOpen_ = true;
    // No reads: client pings, pongs and close frames go unanswered, as on a dead TCP path.
    this.ws.pause();
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.later(this.host.config.halfOpenTimeoutMs, () => this.terminate());
    this.wake();
  }

  private ping(): void {
    if (this.halfOpen_ || this.ended) return;
    const payload = String(Date.now());
    if (this.pings.has(payload)) return;
    this.pings.set(payload, Date.now());
    this.ws.ping(payload);
    this.later(this.host.config.pongTimeoutMs, () => {
      if (this.pings.has(payload) && !this.halfOpen_) {
        this.host.count("pongTimeouts");
        this.terminate();
      }
    });
  }

  private onPong(payload: string): void {
    if (!this.pings.has(payload)) return; // unsolicited pongs are allowed but prove nothing
    // A pong answers its ping and every earlier one.
    for (const key of [...this.pings.keys()]) {
      this.pings.delete(key);
      if (key === payload) break;
    }
  }

  private tooChatty(): boolean {
    const now = Date.now();
    this.recentMessages.push(now);
    while (this.recentMessages.length > 0 && this.recentMessages[0] <= now - 1000) this.recentMessages.shift();
    if (this.recentMessages.length <= this.host.config.maxMessagesPerSecond) return false;
    this.host.count("tooManyMessages");
    this.close(1008, "Too many requests");
    return true;
  }

  private onMessage(text: string | null): void {
    if (this.halfOpen_ || this.tooChatty()) return;
    if (text === null) return this.reply({ error: { code: 3, msg: "Invalid JSON: binary frames are not accepted" }, id: null });
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (error) {
      return this.reply({ error: { code: 3, msg: `Invalid JSON: ${(error as Error).message}` }, id: null });
    }
    if (typeof request !== "object" || request === null || Array.isArray(request)) {
      return this.reply({ error: { code: 2, msg: "Invalid request: expected a JSON object" }, id: null });
    }
    const r = request as Record<string, unknown>;
    const id = r.id;
    if (!("id" in r)) return this.reply({ error: { code: 2, msg: "Invalid request: missing field `id`" }, id: null });
    if (!(id === null || typeof id === "string" || (Number.isSafeInteger(id) && (id as number) >= 0))) {
      return this.reply({ error: { code: 2, msg: "Invalid request: request ID must be an unsigned integer" }, id: null });
    }
    if (typeof r.method !== "string" || !METHODS.includes(r.method)) {
      return this.reply({
        error: { code: 2, msg: `Invalid request: unknown variant \`${String(r.method)}\`, expected one of ${METHODS.map((m) => `\`${m}\``).join(", ")}` },
        id,
      });
    }
    const params = r.params ?? [];
    if (!Array.isArray(params)) return this.reply({ error: { code: 2, msg: "Invalid request: params must be an array" }, id });
    switch (r.method) {
      case "SUBSCRIBE":
      case "UNSUBSCRIBE": {
        const bad = params.find((p) => typeof p !== "string" || !STREAM_NAME.test(p));
        if (bad !== undefined) return this.reply({ error: { code: 2, msg: `Invalid request: invalid stream name ${JSON.stringify(bad)}` }, id });
        if (r.method === "SUBSCRIBE") {
          const after = new Set([...this.subscriptions, ...(params as string[])]);
          if (after.size > this.host.config.maxStreams) {
            return this.reply({ error: { code: 2, msg: `Invalid request: too many streams (at most ${this.host.config.maxStreams})` }, id });
          }
          for (const p of params as string[]) this.subscriptions.add(p);
          this.host.subscribed(this);
        } else {
          for (const p of params as string[]) this.subscriptions.delete(p);
          this.host.subscribed(this);
        }
        return this.reply({ result: null, id });
      }
      case "LIST_SUBSCRIPTIONS":
        return this.reply({ result: [...this.subscriptions], id });
      case "SET_PROPERTY":
        if (params[0] !== "combined") return this.reply({ error: { code: 0, msg: "Unknown property" }, id });
        if (typeof params[1] !== "boolean") return this.reply({ error: { code: 1, msg: "Invalid value type: expected Boolean" }, id });
        this.combined = params[1];
        return this.reply({ result: null, id });
      case "GET_PROPERTY":
        if (params[0] !== "combined") return this.reply({ error: { code: 0, msg: "Unknown property" }, id });
        return this.reply({ result: this.combined, id });
    }
  }

  private reply(message: unknown): void {
    if (this.ended) return;
    this.send(JSON.stringify(message));
  }

  private later(ms: number, f: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      f();
    }, ms);
    this.timers.add(t);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private end(): void {
    this.ended = true;
    this.wake();
  }

  private onClose(): void {
    this.end();
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.host.closed(this);
  }
}
