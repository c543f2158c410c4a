import { type BackoffPolicy } from "./backoff.ts";
export type FeedState = "connecting" | "live" | "reconnecting" | "stopped";
export type FeedEvent = {
    readonly type: "connected";
    readonly rotation: boolean;
} | {
    readonly type: "disconnected";
    readonly reason: string;
} | {
    readonly type: "reconnecting";
    readonly attempt: number;
    readonly delayMs: number;
} | {
    readonly type: "rotating";
    readonly reason: string;
} | {
    readonly type: "error";
    readonly message: string;
};
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
    readonly backoff?: BackoffPolicy;
}
export interface FeedCounters {
    readonly reconnects: number;
    readonly rotations: number;
    readonly watchdogDrops: number;
}
export declare class BinanceFeed {
    private readonly options;
    private current;
    private next;
    private attempt;
    private reconnectTimer;
    private watchdog;
    private stopped;
    private paused;
    private reconnects;
    private rotations;
    private watchdogDrops;
    private readonly watchdogMs;
    private readonly maxAgeMs;
    constructor(options: FeedOptions);
    get state(): FeedState;
    counters(): FeedCounters;
    start(): void;
    /** Opens a replacement connection and closes the current one once the new one delivers. */
    rotate(reason: string): void;
    /** Stops reading from the sockets (the kernel buffers, then TCP pushes back on the server). */
    pause(): void;
    resume(): void;
    /** Closes everything; no reconnect follows. */
    stop(): void;
    private open;
    private onFirstFrame;
    private onClose;
    private scheduleReconnect;
    private checkHealth;
}
