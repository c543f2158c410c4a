import { shareFrame } from "./live-client.js";
import { computePairsSeries, latestPairsPoint, pairsReport } from "./pairs-series.js";
/** Bars of lookback: enough for the window's statistics to settle, bounded so a recomputation stays cheap. */
function lookbackBars(window) {
    return Math.max(5 * window, 600);
}
export class LivePairs {
    store;
    channels = new Map();
    timer;
    constructor(store, intervalMs) {
        this.store = store;
        this.timer = setInterval(() => void this.recomputeDirty(), intervalMs);
        this.timer.unref?.();
    }
    /** Sends the snapshot; a pair without enough data yet answers `{ waiting: reason }` and updates once it has. */
    async subscribe(client, channel) {
        let state = this.channels.get(channel.name);
        if (state === undefined) {
            state = { channel, subscribers: new Set(), dirty: false, computing: false };
            this.channels.set(channel.name, state);
        }
        state.subscribers.add(client);
        client.send({ type: "snapshot", channel: channel.name, data: await this.report(channel).catch((error) => ({ waiting: error.message })) });
    }
    leave(client, name) {
        const state = this.channels.get(name);
        if (state && state.subscribers.delete(client) && state.subscribers.size === 0)
            this.channels.delete(name);
    }
    /** Symbols that just traded: their pairs are recomputed on the next tick of the interval. */
    touch(symbols) {
        const traded = new Set(symbols);
        for (const state of this.channels.values()) {
            if (traded.has(state.channel.a) || traded.has(state.channel.b))
                state.dirty = true;
        }
    }
    get size() {
        return this.channels.size;
    }
    close() {
        clearInterval(this.timer);
        this.channels.clear();
    }
    async recomputeDirty() {
        for (const state of this.channels.values()) {
            if (!state.dirty || state.computing)
                continue;
            state.dirty = false;
            state.computing = true;
            try {
                const point = latestPairsPoint(await this.report(state.channel));
                const shared = shareFrame({ type: "update", channel: state.channel.name, data: point, time: Date.now() });
                for (const client of state.subscribers)
                    client.sendShared(shared);
            }
            catch {
                // Not enough aligned bars yet (or a leg went quiet): nothing to send until the next trade.
            }
            finally {
                state.computing = false;
            }
        }
    }
    async report(channel) {
        const latest = await this.store.read(async (c) => Number((await c.runAndReadAll(`SELECT epoch_ms(max(last_trade_time)) FROM tick_symbols WHERE symbol IN ('${channel.a}', '${channel.b}')`)).getRows()[0][0] ?? 0));
        const query = {
            a: channel.a,
            b: channel.b,
            timeframe: channel.timeframe.label,
            window: channel.window,
            method: "ols",
            join: "inner",
            from: latest - lookbackBars(channel.window) * channel.timeframe.ms,
        };
        return pairsReport(await computePairsSeries(this.store, query));
    }
}
