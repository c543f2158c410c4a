import { listHistory } from "../store/alert-store.js";
import { shareFrame } from "./live-client.js";
/** History entries in the snapshot. */
const SNAPSHOT_EVENTS = 100;
export class LiveAlerts {
    store;
    subscribers = new Map();
    stopListening;
    constructor(store, alerts) {
        this.store = store;
        this.stopListening = alerts?.onNotice((notice) => this.publish(notice)) ?? (() => { });
    }
    /** Sends `{ events }` (newest first), then the notices that arrived while it was read and not in it. */
    async subscribe(client) {
        const sub = { ready: false, buffered: [] };
        this.subscribers.set(client, sub);
        const events = await listHistory(this.store, { limit: SNAPSHOT_EVENTS });
        if (this.subscribers.get(client) !== sub)
            return; // unsubscribed meanwhile
        client.send({ type: "snapshot", channel: "alerts", data: { events } });
        sub.ready = true;
        const known = new Set(events.map((e) => e.id));
        for (const notice of sub.buffered) {
            if (notice.kind === "fired" && notice.alert.id !== null && known.has(notice.alert.id))
                continue;
            client.send({ type: "update", channel: "alerts", data: notice, time: Date.now() });
        }
        sub.buffered = [];
    }
    leave(client, name) {
        if (name === "alerts")
            this.subscribers.delete(client);
    }
    close() {
        this.stopListening();
        this.subscribers.clear();
    }
    publish(notice) {
        if (this.subscribers.size === 0)
            return;
        const shared = shareFrame({ type: "update", channel: "alerts", data: notice, time: Date.now() });
        for (const [client, sub] of this.subscribers) {
            if (sub.ready)
                client.sendShared(shared);
            else
                sub.buffered.push(notice);
        }
    }
}
