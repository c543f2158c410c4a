/**
 * WS /ws/live: JSON text frames over one WebSocket. The client sends `{ "op": "subscribe" | "unsubscribe",
 * "channel": "…" }` or `{ "op": "ping" }`; the server sends `{ "type", "channel", "data" }` with type `subscribed`,
 * `snapshot` (once per subscription), `update`, `unsubscribed`, `error` (`data: { field, message }`; the socket
 * stays open) and `heartbeat`. Channels: `trades:<symbol>`, `bars:<symbol>:<tf>`, `status`, `pairs:<a>:<b>:<tf>:<window>` and
 * `alerts` (history snapshot, then every fire and acknowledgement). A client that does not keep up is closed with 4008.
 */
import type { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import type { ApiDeps } from "./deps.ts";
import { type LiveSocketOptions } from "./live-hub.ts";
export { SLOW_CLIENT_CLOSE_CODE } from "./live-client.ts";
export type { LiveSocketOptions } from "./live-hub.ts";
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
export declare function mountLiveSocket(app: Hono, deps: ApiDeps, upgradeWebSocket: UpgradeWebSocket, options?: LiveSocketOptions): () => void;
