/**
 * One Binance WebSocket stream kept alive forever: reconnects with capped, jittered backoff; a watchdog drops a
 * silent (half-open) socket; a connection near Binance's 24 h limit, or one the server is shutting down, is
 * replaced make-before-break — the new socket is open and delivering before the old one closes, so no trade
 * falls between them (the overlap's duplicates are dropped downstream by trade id).
 */
import { WebSocket } from "ws";
import { backoffDelay, DEFAULT_BACKOFF } from "./backoff.js";
export class BinanceFeed {
    options;
    current = null;
    next = null;
    attempt = 0;
    reconnectTimer = null;
    watchdog = null;
    stopped = false;
    paused = false;
    reconnects = 0;
    rotations = 0;
    watchdogDrops = 0;
    watchdogMs;
    maxAgeMs;
    constructor(options) {
        this.options = options;
        this.watchdogMs = options.watchdogMs ?? 60_000;
        this.maxAgeMs = options.maxConnectionAgeMs ?? 23.5 * 3600_000;
    }
    get state() {
        if (this.stopped)
            return "stopped";
        if (this.current?.delivering)
            return "live";
        return this.reconnects > 0 ? "reconnecting" : "connecting";
    }
    counters() {
        return { reconnects: this.reconnects, rotations: this.rotations, watchdogDrops: this.watchdogDrops };
    }
    start() {
        this.current = this.open(false);
        this.watchdog = setInterval(() => this.checkHealth(), Math.max(50, Math.min(1_000, this.watchdogMs / 4)));
    }
    /** Opens a replacement connection and closes the current one once the new one delivers. */
    rotate(reason) {
        if (this.stopped || this.next !== null)
            return;
        this.options.onEvent?.({ type: "rotating", reason });
        this.rotations++;
        this.next = this.open(true);
    }
    /** Stops reading from the sockets (the kernel buffers, then TCP pushes back on the server). */
    pause() {
        this.paused = true;
        this.current?.ws.pause();
        this.next?.ws.pause();
    }
    resume() {
        this.paused = false;
        const now = Date.now();
        for (const conn of [this.current, this.next]) {
            if (conn === null)
                continue;
            conn.lastSeenAt = now; // silence while paused was ours, not the server's
            conn.ws.resume();
        }
    }
    /** Closes everything; no reconnect follows. */
    stop() {
        this.stopped = true;
        if (this.reconnectTimer)
            clearTimeout(this.reconnectTimer);
        if (this.watchdog)
            clearInterval(this.watchdog);
        for (const c of [this.current, this.next])
            c?.ws.close(1000, "collector stopping");
        this.current = null;
        this.next = null;
    }
    open(rotation) {
        const ws = new WebSocket(this.options.url, { perMessageDeflate: false, handshakeTimeout: 10_000 });
        const now = Date.now();
        const conn = { ws, openedAt: now, lastSeenAt: now, delivering: false };
        if (this.paused)
            ws.pause();
        ws.on("message", (data, isBinary) => {
            const recvTime = Date.now();
            conn.lastSeenAt = recvTime;
            if (!conn.delivering)
                this.onFirstFrame(conn, rotation);
            if (!isBinary)
                this.options.onFrame(data.toString(), recvTime);
        });
        // `ws` answers Binance's pings with the same payload on its own; a ping still proves the link is alive.
        ws.on("ping", () => {
            conn.lastSeenAt = Date.now();
        });
        ws.on("error", (error) => this.options.onEvent?.({ type: "error", message: error.message }));
        ws.on("close", (code, reason) => this.onClose(conn, `code ${code}${reason.length ? ` ${reason.toString()}` : ""}`));
        return conn;
    }
    onFirstFrame(conn, rotation) {
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
    onClose(conn, reason) {
        if (this.stopped)
            return;
        if (conn === this.next) {
            this.next = null;
            return;
        }
        if (conn !== this.current)
            return; // the old socket of a finished rotation
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
    scheduleReconnect() {
        const delayMs = backoffDelay(this.attempt++, this.options.backoff ?? DEFAULT_BACKOFF);
        this.reconnects++;
        this.options.onEvent?.({ type: "reconnecting", attempt: this.attempt, delayMs });
        this.reconnectTimer = setTimeout(() => {
            this.reconnectTimer = null;
            if (!this.stopped)
                this.current = this.open(false);
        }, delayMs);
    }
    checkHealth() {
        const now = Date.now();
        for (const conn of [this.current, this.next]) {
            // A paused socket is silent by our own choice; judge it only while reading.
            if (conn === null || this.paused || now - conn.lastSeenAt <= this.watchdogMs)
                continue;
            this.watchdogDrops++;
            this.options.onEvent?.({ type: "error", message: `no frame or ping for ${now - conn.lastSeenAt} ms: dropping the socket` });
            conn.ws.terminate();
        }
        if (this.current !== null && this.next === null && now - this.current.openedAt >= this.maxAgeMs) {
            this.rotate(`connection is ${Math.round((now - this.current.openedAt) / 60_000)} min old`);
        }
    }
}
