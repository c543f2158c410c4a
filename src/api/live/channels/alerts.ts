/**
 * The live `alerts` channel: a snapshot of the newest alert history, then every fire and acknowledgement as the
 * alert manager announces it, serialised once per notice for every subscriber.
 */
import type { AlertNotice, AlertService } from "../../../alerts/alert-service.ts";
import { listHistory } from "../../../store/alert-store.ts";
import type { Store } from "../../../store/index.ts";
import { shareFrame, type LiveClient } from "../client.ts";

/** History entries in the snapshot. */
const SNAPSHOT_EVENTS = 100;

/** A subscriber waiting for its snapshot holds the notices meanwhile, so none falls between read and send. */
interface AlertSubscriber {
  ready: boolean;
  buffered: AlertNotice[];
}

export class LiveAlerts {
  private readonly subscribers = new Map<LiveClient, AlertSubscriber>();
  private readonly stopListening: () => void;

  constructor(
    private readonly store: Store,
    alerts: AlertService | null,
  ) {
    this.stopListening = alerts?.onNotice((notice) => this.publish(notice)) ?? (() => {});
  }

  /** Sends `{ events }` (newest first), then the notices that arrived while it was read and not in it. */
  async subscribe(client: LiveClient): Promise<void> {
    const sub: AlertSubscriber = { ready: false, buffered: [] };
    this.subscribers.set(client, sub);
    const events = await listHistory(this.store, { limit: SNAPSHOT_EVENTS });
    if (this.subscribers.get(client) !== sub) return; // unsubscribed meanwhile
    client.send({ type: "snapshot", channel: "alerts", data: { events } });
    sub.ready = true;
    const known = new Set(events.map((e) => e.id));
    for (const notice of sub.buffered) {
      if (notice.kind === "fired" && notice.alert.id !== null && known.has(notice.alert.id)) continue;
      client.send({ type: "update", channel: "alerts", data: notice, time: Date.now() });
    }
    sub.buffered = [];
  }

  leave(client: LiveClient, name: string): void {
    if (name === "alerts") this.subscribers.delete(client);
  }

  close(): void {
    this.stopListening();
    this.subscribers.clear();
  }

  private publish(notice: AlertNotice): void {
    if (this.subscribers.size === 0) return;
    const shared = shareFrame({ type: "update", channel: "alerts", data: notice, time: Date.now() });
    for (const [client, sub] of this.subscribers) {
      if (sub.ready) client.sendShared(shared);
      else sub.buffered.push(notice);
    }
  }
}
