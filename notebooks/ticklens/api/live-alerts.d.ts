/**
 * The live `alerts` channel: a snapshot of the newest alert history, then every fire and acknowledgement as the
 * alert manager announces it, serialised once per notice for every subscriber.
 */
import type { AlertService } from "../alerts/alert-service.ts";
import type { Store } from "../store/index.ts";
import { type LiveClient } from "./live-client.ts";
export declare class LiveAlerts {
    private readonly store;
    private readonly subscribers;
    private readonly stopListening;
    constructor(store: Store, alerts: AlertService | null);
    /** Sends `{ events }` (newest first), then the notices that arrived while it was read and not in it. */
    subscribe(client: LiveClient): Promise<void>;
    leave(client: LiveClient, name: string): void;
    close(): void;
    private publish;
}
