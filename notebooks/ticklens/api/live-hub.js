import { OpenBar, readOpenBarSeed } from "./live-bars.js";
import { LiveAlerts } from "./live-alerts.js";
import { LivePairs } from "./live-pairs.js";
import { LiveClient, shareFrame } from "./live-client.js";
import { LiveProtocolError, parseLiveRequest } from "./live-protocol.js";
import { batchTradesBySymbol, readTradeSnapshot } from "./live-ticks.js";
const DEFAULTS = {
    heartbeatMs: 15_000,
    statusIntervalMs: 1_000,
    pairsIntervalMs: 1_000,
    tradeSnapshotSize: 500,
    barSnapshotSize: 300,
    maxBufferedBytes: 1 << 20,
    maxPendingFrames: 1024,
    closeGraceMs: 5_000,
    maxChannelsPerClient: 64,
};
/** Owns every live client and channel of one app. */
export class LiveHub {
    store;
    live;
    settings;
    clients = new Set();
    trades = new Map();
    bars = new Map();
    status = new Set();
    timers = [];
    unsubscribeLive;
    pairs;
    alerts;
    /**
     * @param store where snapshots are read
     * @param live the collector's batches and status, or null (snapshots only)
     * @param options tunables (see {@link LiveSocketOptions})
     * @param alertService the alert manager whose fires the `alerts` channel carries, or null (history snapshot only)
     */
    constructor(store, live, options = {}, alertService = null) {
        this.store = store;
        this.live = live;
        this.settings = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
        this.pairs = new LivePairs(store, this.settings.pairsIntervalMs);
        this.alerts = new LiveAlerts(store, alertService);
        this.unsubscribeLive = live ? live.onBatch((batch) => this.onBatch(batch)) : () => { };
        this.timers.push(setInterval(() => this.heartbeat(), this.settings.heartbeatMs));
        this.timers.push(setInterval(() => this.sendStatus(), this.settings.statusIntervalMs));
        for (const t of this.timers)
            t.unref?.();
    }
    /** Clients connected now. */
    get clientCount() {
        return this.clients.size;
    }
    /**
     * Registers a newly opened socket.
     *
     * @param ws Hono's socket context
     * @returns the client, to pass to {@link message} and {@link disconnect}
     * @throws nothing
     * @example
     * const client = hub.connect(ws);
     */
    connect(ws) {
        const client = new LiveClient(ws, this.settings, (c) => this.forget(c));
        this.clients.add(client);
        return client;
    }
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
    message(client, data) {
        if (typeof data !== "string") {
            this.error(client, null, "json", "binary frames are not accepted; send JSON text");
            return;
        }
        let request;
        try {
            request = parseLiveRequest(data);
        }
        catch (error) {
            if (!(error instanceof LiveProtocolError))
                throw error;
            this.error(client, error.channel, error.field, error.message);
            return;
        }
        if (request.op === "ping")
            client.send({ type: "heartbeat", channel: null, data: { time: Date.now() } });
        else if (request.op === "subscribe")
            void this.subscribe(client, request.channel);
        else
            this.unsubscribe(client, request.channel);
    }
    /**
     * Forgets a client whose socket closed.
     *
     * @param client the client
     * @returns nothing
     * @throws nothing
     * @example
     * hub.disconnect(client);
     */
    disconnect(client) {
        client.markClosed();
        this.forget(client);
    }
    /**
     * Stops timers and the batch subscription and closes every socket (1001, going away).
     *
     * @returns nothing
     * @throws nothing
     * @example
     * hub.close();
     */
    close() {
        for (const t of this.timers)
            clearInterval(t);
        this.pairs.close();
        this.alerts.close();
        this.unsubscribeLive();
        for (const client of [...this.clients]) {
            client.close(1001, "server shutting down");
            this.forget(client);
        }
    }
    forget(client) {
        this.clients.delete(client);
        for (const name of client.channels)
            this.leave(client, name);
        client.channels.clear();
    }
    error(client, channel, field, message) {
        client.send({ type: "error", channel, data: { field, message } });
    }
    async subscribe(client, channel) {
        const name = channel.name;
        if (client.channels.has(name)) {
            client.send({ type: "subscribed", channel: name, data: { already: true } });
            return;
        }
        if (client.channels.size >= this.settings.maxChannelsPerClient) {
            this.error(client, name, "channel", `at most ${this.settings.maxChannelsPerClient} channels per connection`);
            return;
        }
        client.channels.add(name);
        client.send({ type: "subscribed", channel: name, data: null });
        try {
            switch (channel.kind) {
                case "trades":
                    return await this.subscribeTrades(client, channel);
                case "bars":
                    return await this.subscribeBars(client, channel);
                case "status":
                    this.status.add(client);
                    client.send({ type: "snapshot", channel: name, data: this.live ? this.live.status() : null });
                    return;
                case "pairs":
                    return await this.pairs.subscribe(client, channel);
                case "alerts":
                    return await this.alerts.subscribe(client);
            }
        }
        catch (error) {
            this.leave(client, name);
            client.channels.delete(name);
            this.error(client, name, "channel", `snapshot failed: ${error.message}`);
        }
    }
    unsubscribe(client, channel) {
        if (!client.channels.delete(channel.name)) {
            this.error(client, channel.name, "channel", "not subscribed to this channel");
            return;
        }
        this.leave(client, channel.name);
        client.send({ type: "unsubscribed", channel: channel.name, data: null });
    }
    leave(client, name) {
        const t = this.trades.get(name);
        if (t && t.subscribers.delete(client) && t.subscribers.size === 0)
            this.trades.delete(name);
        const b = this.bars.get(name);
        if (b && b.subscribers.delete(client) && b.subscribers.size === 0)
            this.bars.delete(name);
        if (name === "status")
            this.status.delete(client);
        this.pairs.leave(client, name);
        this.alerts.leave(client, name);
    }
    async subscribeTrades(client, channel) {
        let state = this.trades.get(channel.name);
        if (state === undefined) {
            state = { channel, subscribers: new Map(), lastId: Number.NEGATIVE_INFINITY };
            this.trades.set(channel.name, state);
        }
        const sub = { ready: false, floor: Number.NEGATIVE_INFINITY, buffered: [] };
        state.subscribers.set(client, sub);
        const snapshot = await readTradeSnapshot(this.store, channel.symbol, this.settings.tradeSnapshotSize);
        if (this.trades.get(channel.name)?.subscribers.get(client) !== sub)
            return; // unsubscribed meanwhile
        client.send({ type: "snapshot", channel: channel.name, data: snapshot.trades });
        sub.floor = snapshot.maxTradeId;
        sub.ready = true;
        for (const trades of sub.buffered) {
            const after = trades.filter((t) => t.tradeId > sub.floor);
            if (after.length > 0)
                client.send({ type: "update", channel: channel.name, data: after, time: Date.now() });
        }
        sub.buffered = [];
    }
    async subscribeBars(client, channel) {
        let state = this.bars.get(channel.name);
        if (state === undefined) {
            const created = { channel, subscribers: new Map(), openBar: null, pending: [], seeded: Promise.resolve() };
            created.seeded = readOpenBarSeed(this.store, channel.symbol, channel.timeframe).then((seed) => {
                created.openBar = new OpenBar(seed, channel.timeframe);
                for (const trades of created.pending)
                    this.foldBars(created, trades);
                created.pending = [];
            }, (error) => {
                if (this.bars.get(channel.name) === created)
                    this.bars.delete(channel.name);
                throw error;
            });
            state = created;
            this.bars.set(channel.name, state);
        }
        const sub = { ready: false };
        state.subscribers.set(client, sub);
        await state.seeded;
        const open = state.openBar?.bar ?? null;
        const history = open === null
            ? []
            : await this.store.queryBars({
                symbol: channel.symbol,
                timeframe: channel.timeframe.label,
                from: open.bucketStart - (this.settings.barSnapshotSize - 1) * channel.timeframe.ms,
            });
        if (this.bars.get(channel.name)?.subscribers.get(client) !== sub)
            return;
        client.send({ type: "snapshot", channel: channel.name, data: history });
        sub.ready = true;
        // The channel's open bar may be ahead of (or equal to) the snapshot's last bar; an update replaces it.
        const now = state.openBar?.bar ?? null;
        if (now !== null)
            client.send({ type: "update", channel: channel.name, data: [now], time: Date.now() });
    }
    onBatch(batch) {
        if (this.trades.size === 0 && this.bars.size === 0 && this.pairs.size === 0)
            return;
        const bySymbol = batchTradesBySymbol(batch);
        this.pairs.touch(bySymbol.keys());
        for (const state of this.trades.values()) {
            const trades = bySymbol.get(state.channel.symbol);
            if (trades !== undefined)
                this.fanOutTrades(state, trades);
        }
        for (const state of this.bars.values()) {
            const trades = bySymbol.get(state.channel.symbol);
            if (trades === undefined)
                continue;
            if (state.openBar === null)
                state.pending.push(trades);
            else
                this.foldBars(state, trades);
        }
    }
    fanOutTrades(state, trades) {
        const fresh = [];
        let lastId = state.lastId;
        const seen = new Set();
        for (const t of trades) {
            if (t.tradeId > state.lastId && !seen.has(t.tradeId)) {
                seen.add(t.tradeId);
                fresh.push(t);
                if (t.tradeId > lastId)
                    lastId = t.tradeId;
            }
        }
        state.lastId = lastId;
        if (fresh.length === 0)
            return;
        let minId = Number.POSITIVE_INFINITY;
        for (const t of fresh)
            if (t.tradeId < minId)
                minId = t.tradeId;
        let shared = null;
        for (const [client, sub] of state.subscribers) {
            if (!sub.ready) {
                if (sub.buffered.length >= this.settings.maxPendingFrames) {
                    // Its snapshot is taking longer than the bound allows holding updates for: better a retry than a hole.
                    client.close(1013, "snapshot too slow; subscribe again");
                    this.forget(client);
                }
                else
                    sub.buffered.push(fresh);
            }
            else if (minId > sub.floor) {
                shared ??= shareFrame({ type: "update", channel: state.channel.name, data: fresh, time: Date.now() });
                client.sendShared(shared);
            }
            else {
                const after = fresh.filter((t) => t.tradeId > sub.floor);
                if (after.length > 0)
                    client.send({ type: "update", channel: state.channel.name, data: after, time: Date.now() });
            }
        }
    }
    foldBars(state, trades) {
        const changed = state.openBar.fold(trades);
        if (changed.length === 0)
            return;
        const shared = shareFrame({ type: "update", channel: state.channel.name, data: changed, time: Date.now() });
        for (const [client, sub] of state.subscribers)
            if (sub.ready)
                client.sendShared(shared);
    }
    heartbeat() {
        if (this.clients.size === 0)
            return;
        const shared = shareFrame({ type: "heartbeat", channel: null, data: { time: Date.now() } });
        for (const client of [...this.clients])
            client.sendShared(shared);
    }
    sendStatus() {
        if (this.status.size === 0 || this.live === null)
            return;
        const shared = shareFrame({ type: "update", channel: "status", data: this.live.status() });
        for (const client of [...this.status])
            client.sendShared(shared);
    }
}
