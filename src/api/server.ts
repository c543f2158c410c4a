/**
 * The API on a real port, WebSockets included (`@hono/node-server` serves `/ws/live` itself). Refuses to listen
 * beyond loopback without a token: the API must not be open to a network. Tells the app the address it bound, which
 * the Host check accepts (http/request-guard.ts).
 */
import { serve, upgradeWebSocket } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { createApp } from "./app.ts";
import type { ApiDeps } from "./deps.ts";
import type { ListenAddress } from "./http/request-guard.ts";

export interface ApiServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** The built dashboard to serve at `/` (e.g. `dist/dashboard`); default none. */
  readonly dashboardDir?: string;
}

export interface RunningApiServer {
  /** e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export class ApiServerConfigError extends Error {
  override readonly name = "ApiServerConfigError";
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function startApiServer(deps: ApiDeps, options: ApiServerOptions = {}): Promise<RunningApiServer> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.test(host) && !deps.token) {
    throw new ApiServerConfigError(`refusing to listen on ${host} without API_TOKEN: set it, or bind 127.0.0.1`);
  }
  // The Host header must name this address (or loopback at its port): known once the port is bound.
  let bound: ListenAddress | undefined;
  const listening = () => bound;
  const { app, close: closeApp } = createApp(deps, { upgradeWebSocket, dashboardDir: options.dashboardDir, listening });
  // Clients send only small control frames; a large one is refused by `ws` before it is buffered.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host, websocket: { server: wss } });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  bound = { host, port };
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: async () => {
      closeApp();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
