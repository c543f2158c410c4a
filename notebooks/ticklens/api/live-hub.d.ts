import type { Store } from "../store/index.ts";
import type { AlertService } from "../alerts/alert-service.ts";
import type { LiveSource } from "./deps.ts";
import { LiveClient } from "./live-client.ts";
/** Tunables of the live socket; every field has a default. */
export interface LiveSocketOptions {
    /** Interval between heartbeat frames to every client, ms (default 15,000). */
    readonly heartbeatMs?: number;
    /** Interval between `status` updates, ms (default 1,000). */
    readonly statusIntervalMs?: number;
    /** A `pairs:` channel is recomputed at most this often while its legs trade, ms (default 1,000). */
    readonly pairsIntervalMs?: number;
    /** Trades in a `trades:` snapshot (default 500). */
    readonly tradeSnapshotSize?: number;
    /** Bars in a `bars:` snapshot (default 300). */
    readonly barSnapshotSize?: number;
    /** Unsent bytes a client may hold before it is disconnected with 4008 (default 1 MiB). */
    readonly maxBufferedBytes?: number;
    /** Frames queued to a client's socket and not yet written, at most (default 1,024). */
    readonly maxPendingFrames?: number;
    /** Time a dropped slow client gets to complete the closing handshake before the socket is destroyed, ms (default 5,000). */
    readonly closeGraceMs?: number;
    /** Channels one client may hold at once (default 64). */
    readonly maxChannelsPerClient?: number;
}
/** Owns every live client and channel of one app. */
export declare class LiveHub {
    private readonly store;
    private readonly live;
    private readonly settings;
    private readonly clients;
    private readonly trades;
    private readonly bars;
    private readonly status;
    private readonly timers;
    private readonly unsubscribeLive;
    private readonly pairs;
    private readonly alerts;
    /**
     * @param store where snapshots are read
     * @param live the collector's batches and status, or null (snapshots only)
     * @param options tunables (see {@link LiveSocketOptions})
     * @param alertService the alert manager whose fires the `alerts` channel carries, or null (history snapshot only)
     */
    constructor(store: Store, live: LiveSource | null, options?: LiveSocketOptions, alertService?: AlertService | null);
    /** Clients connected now. */
    get clientCount(): number;
    /**
     * Registers a newly opened socket.
     *
     * @param ws Hono's socket context
     * @returns the client, to pass to {@link message} and {@link disconnect}
     * @throws nothing
     * @example
     * const client = hub.connect(ws);
     */
    connect(ws: ConstructorParameters<typeof LiveClient>[0]): LiveClient;
    /**
     * Handles one client frame; a bad frame gets an error frame and the socket stays open.
     *
     * @param client the sender
     * @param data the frame (binary frames are refused)
     * @returns nothing; replies are sent to the client
     * @throws nothing
     * @example
     * hub.message(client, '{"op":"subscribe","channel":"status"}');
     */
    message(client: LiveClient, data: unknown): void;
    /**
     * Forgets a client whose socket closed.
     *
     * @param client the client
     * @returns nothing
     * @throws nothing
     * @example
     * hub.disconnect(client);
     */
    disconnect(client: LiveClient): void;
    /**
     * Stops timers and the batch subscription and closes every socket (1001, going away).
     *
     * @returns nothing
     * @throws nothing
     * @example
     * hub.close();
     */
    close(): void;
    private forget;
    private error;
    private subscribe;
    private unsubscribe;
    private leave;
    private subscribeTrades;
    private subscribeBars;
    private onBatch;
    private fanOutTrades;
    private foldBars;
    private heartbeat;
    private sendStatus;
}
