/**
 * One Binance WebSocket stream kept alive forever: reconnects after the platform's retry delays (capped, jittered,
 * exponential); a watchdog drops a silent (half-open) socket; a connection near Binance's 24 h limit, or one the
 * server is shutting down, is replaced make-before-break — the new socket is open and delivering before the old one closes, so no trade
 * falls between them (the overlap's duplicates are dropped downstream by trade id).
 */
import { WebSocket } from "ws";
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from "../runtime/retry.ts";

export type FeedState = "connecting" | "live" | "reconnecting" | "stopped";

export type FeedEvent =
  | { readonly type: "connected"; readonly rotation: boolean }
  | { readonly type: "disconnected"; readonly reason: string }
  | { readonly type: "reconnecting"; readonly attempt: number; readonly delayMs: number }
  | { readonly type: "rotating"; readonly reason: string }
  | { readonly type: "error"; readonly message: string };

export interface FeedOptions {
  /** Full stream URL, e.g. `wss://stream.binance.com:9443/stream?streams=btcusdt@trade`. */
  readonly url: string;
  /** Every text frame, with its local receive time (ms since the Unix epoch). */
  readonly onFrame: (text: string, recvTime: number) => void;
  readonly onEvent?: (event: FeedEvent) => void;
  /** A socket that sends nothing (no frame, no ping) for this long is taken as dead, ms. Binance pings every 20 s. */
  readonly watchdogMs?: number;
  /** Replace a connection this old, ms (Binance closes at 24 h). */
  readonly maxConnectionAgeMs?: number;
  /** Delays between reconnects (default {@link DEFAULT_RETRY}). */
  readonly retry?: RetryPolicy;
}

interface Connection {
  readonly ws: WebSocket;
  readonly openedAt: number;
  lastSeenAt: number;
  delivering: boolean;
}

export interface FeedCounters {
  readonly reconnects: number;
  readonly rotations: number;
  readonly watchdogDrops: number;
}

export class BinanceFeed {
  private current: Connection | null = null;
  private next: Connection | null = null;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private stopped = false;
  private paused = false;
  private reconnects = 0;
  private rotations = 0;
  private watchdogDrops = 0;
  private readonly watchdogMs: number;
  private readonly maxAgeMs: number;

  constructor(private readonly options: FeedOptions) {
    this.watchdogMs = options.watchdogMs ?? 60_000;
    this.maxAgeMs = options.maxConnectionAgeMs ?? 23.5 * 3600_000;
  }

  get state(): FeedState {
    if (this.stopped) return "stopped";
    if (this.current?.delivering) return "live";
    return this.reconnects > 0 ? "reconnecting" : "connecting";
  }

  counters(): FeedCounters {
    return { reconnects: this.reconnects, rotations: this.rotations, watchdogDrops: this.watchdogDrops };
  }

  start(): void {
    this.current = this.open(false);
    this.watchdog = setInterval(() => this.checkHealth(), Math.max(50, Math.min(1_000, this.watchdogMs / 4)));
  }

  /** Opens a replacement connection and closes the current one once the new one delivers. */
  rotate(reason: string): void {
    if (this.stopped || this.next !== null) return;
    this.options.onEvent?.({ type: "rotating", reason });
    this.rotations++;
    this.next = this.open(true);
  }

  /** Stops reading from the sockets (the kernel buffers, then TCP pushes back on the server). */
  pause(): void {
    this.paused = true;
    this.current?.ws.pause();
    this.next?.ws.pause();
  }

  resume(): void {
    this.paused = false;
    const now = Date.now();
    for (const conn of [this.current, this.next]) {
      if (conn === null) continue;
      conn.lastSeenAt = now; // silence while paused was ours, not the server's
      conn.ws.resume();
    }
  }

  /** Closes everything; no reconnect follows. */
  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    for (const c of [this.current, this.next]) c?.ws.close(1000, "collector stopping");
    this.current = null;
    this.next = null;
  }

  private open(rotation: boolean): Connection {
    const ws = new WebSocket(this.options.url, { perMessageDeflate: false, handshakeTimeout: 10_000 });
    const now = Date.now();
    const conn: Connection = { ws, openedAt: now, lastSeenAt: now, delivering: false };
    if (this.paused) ws.pause();
    ws.on("message", (data, isBinary) => {
      const recvTime = Date.now();
      conn.lastSeenAt = recvTime;
      if (!conn.delivering) this.onFirstFrame(conn, rotation);
      if (!isBinary) this.options.onFrame(data.toString(), recvTime);
    });
    // `ws` answers Binance's pings with the same payload on its own; a ping still proves the link is alive.
    ws.on("ping", () => {
      conn.lastSeenAt = Date.now();
    });
    ws.on("error", (error) => this.options.onEvent?.({ type: "error", message: error.message }));
    ws.on("close", (code, reason) => this.onClose(conn, `code ${code}${reason.length ? ` ${reason.toString()}` : ""}`));
    return conn;
  }

  private onFirstFrame(conn: Connection, rotation: boolean): void {
    conn.delivering = true;
    this.attempt = 0;
    if (conn === this.next) {
      const old = this.current;
      this.current = conn;
      this.next = null;
      old?.ws.close(1000, "replaced by a newer connection");
    }
    this.options.onEvent?.({ type: "connected", rotation });
  }

  private onClose(conn: Connection, reason: string): void {
    if (this.stopped) return;
    if (conn === this.next) {
      this.next = null;
      return;
    }
    if (conn !== this.current) return; // the old socket of a finished rotation
    this.options.onEvent?.({ type: "disconnected", reason });
    if (this.next !== null) {
      // A rotation is under way: its socket takes over at once.
      this.current = this.next;
      this.next = null;
      return;
    }
    this.current = null;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delayMs = backoffDelay(this.attempt++, this.options.retry ?? DEFAULT_RETRY);
    this.reconnects++;
    this.options.onEvent?.({ type: "reconnecting", attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.current = this.open(false);
    }, delayMs);
  }

  private checkHealth(): void {
    const now = Date.now();
    for (const conn of [this.current, this.next]) {
      // A paused socket is silent by our own choice; judge it only while reading.
      if (conn === null || this.paused || now - conn.lastSeenAt <= this.watchdogMs) continue;
      this.watchdogDrops++;
      this.options.onEvent?.({ type: "error", message: `no frame or ping for ${now - conn.lastSeenAt} ms: dropping the socket` });
      conn.ws.terminate();
    }
    if (this.current !== null && this.next === null && now - this.current.openedAt >= this.maxAgeMs) {
      this.rotate(`connection is ${Math.round((now - this.current.openedAt) / 60_000)} min old`);
    }
  }
}
