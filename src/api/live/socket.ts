/**
 * WS /ws/live: JSON text frames over one WebSocket. The client sends `{ "op": "subscribe" | "unsubscribe",
 * "channel": "…" }` or `{ "op": "ping" }`; the server sends `{ "type", "channel", "data" }` with type `subscribed`,
 * `snapshot` (once per subscription), `update`, `unsubscribed`, `error` (`data: { field, message }`; the socket
 * stays open) and `heartbeat`. Channels: `trades:<symbol>`, `bars:<symbol>:<tf>`, `status`, `pairs:<a>:<b>:<tf>:<window>` and
 * `alerts` (history snapshot, then every fire and acknowledgement). A client that does not keep up is closed with 4008.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import type { ApiDeps } from "../deps.ts";
import type { LiveClient } from "./client.ts";
import { LiveHub, type LiveSocketOptions } from "./hub.ts";

export { SLOW_CLIENT_CLOSE_CODE } from "./client.ts";
export type { LiveSocketOptions } from "./hub.ts";

const liveRoute = createRoute({
  method: "get",
  path: "/ws/live",
  operationId: "live",
  tags: ["live"],
  summary: "WebSocket: subscribe to trades:<symbol>, bars:<symbol>:<tf>, pairs:<a>:<b>:<tf>:<window>, status, alerts (fires and acknowledgements)",
  description:
    "Served by the server on a port (an in-process app without a WebSocket adapter has no /ws/live). Client frames: " +
    '`{ "op": "subscribe" | "unsubscribe", "channel" }` or `{ "op": "ping" }` (at most 4096 characters). Server frames ' +
    "`{ type, channel, data }` with type subscribed, snapshot, update, unsubscribed, error (`data: { field, message }`, the " +
    "socket stays open) or heartbeat. A client that does not keep up is closed with code 4008.",
  // Read by the WebSocket adapter, not validated here: a request that is no upgrade falls through to 404.
  parameters: [{ name: "upgrade", in: "header", required: true, schema: { type: "string", enum: ["websocket"] } }],
  responses: { 101: { description: "Switching Protocols: the socket is open" } },
});

/**
 * Registers (and declares) `GET /ws/live` on `app`.
 *
 * @param app the Hono app (an `OpenAPIHono` also gets the route in its document)
 * @param deps the store (snapshots) and the live source (updates, status); without `live` only snapshots are sent
 * @param upgradeWebSocket `upgradeWebSocket` from `@hono/node-server`
 * @param options heartbeat and status intervals, snapshot sizes, per-client outgoing bounds
 * @returns a function that stops the timers and the batch subscription and closes every live socket
 * @throws nothing
 * @example
 * const stop = mountLiveSocket(app, { store, live: collector }, upgradeWebSocket, { heartbeatMs: 10_000 });
 */
export function mountLiveSocket(
  app: Hono,
  deps: ApiDeps,
  upgradeWebSocket: UpgradeWebSocket,
  options: LiveSocketOptions = {},
): () => void {
  const hub = new LiveHub(deps.store, deps.live ?? null, options, deps.alerts ?? null);
  // The upgrade is the adapter's (no request schema to check): the route is declared, then handed to it.
  if (app instanceof OpenAPIHono) app.openAPIRegistry.registerPath(liveRoute);
  app.get(
    liveRoute.getRoutingPath(),
    upgradeWebSocket(() => {
      let client: LiveClient | null = null;
      return {
        onOpen(_event, ws) {
          client = hub.connect(ws);
        },
        onMessage(event, _ws) {
          if (client !== null) hub.message(client, event.data);
        },
        onClose() {
          if (client !== null) hub.disconnect(client);
        },
        onError() {
          if (client !== null) hub.disconnect(client);
        },
      };
    }),
  );
  return () => hub.close();
}
