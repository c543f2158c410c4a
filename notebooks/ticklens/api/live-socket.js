import { LiveHub } from "./live-hub.js";
export { SLOW_CLIENT_CLOSE_CODE } from "./live-client.js";
/**
 * Registers `GET /ws/live` on `app`.
 *
 * @param app the Hono app
 * @param deps the store (snapshots) and the live source (updates, status); without `live` only snapshots are sent
 * @param upgradeWebSocket `upgradeWebSocket` from `@hono/node-server`
 * @param options heartbeat and status intervals, snapshot sizes, per-client outgoing bounds
 * @returns a function that stops the timers and the batch subscription and closes every live socket
 * @throws nothing
 * @example
 * const stop = mountLiveSocket(app, { store, live: collector }, upgradeWebSocket, { heartbeatMs: 10_000 });
 */
export function mountLiveSocket(app, deps, upgradeWebSocket, options = {}) {
    const hub = new LiveHub(deps.store, deps.live ?? null, options, deps.alerts ?? null);
    app.get("/ws/live", upgradeWebSocket(() => {
        let client = null;
        return {
            onOpen(_event, ws) {
                client = hub.connect(ws);
            },
            onMessage(event, _ws) {
                if (client !== null)
                    hub.message(client, event.data);
            },
            onClose() {
                if (client !== null)
                    hub.disconnect(client);
            },
            onError() {
                if (client !== null)
                    hub.disconnect(client);
            },
        };
    }));
    return () => hub.close();
}
