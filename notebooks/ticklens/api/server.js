/**
 * The API on a real port, WebSockets included (`@hono/node-server` serves `/ws/live` itself). Refuses to listen
 * beyond loopback without a token: the mutating endpoints and raw SQL must not be open to a network.
 */
import { serve, upgradeWebSocket } from "@hono/node-server";
import { WebSocketServer } from "ws";
import { createApp } from "./app.js";
export class ApiServerConfigError extends Error {
    name = "ApiServerConfigError";
}
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
export async function startApiServer(deps, options = {}) {
    const host = options.host ?? "127.0.0.1";
    if (!LOOPBACK.test(host) && !deps.token) {
        throw new ApiServerConfigError(`refusing to listen on ${host} without API_TOKEN: set it, or bind 127.0.0.1`);
    }
    const { app, close: closeApp } = createApp(deps, { upgradeWebSocket, dashboardDir: options.dashboardDir });
    // Clients send only small control frames; a large one is refused by `ws` before it is buffered.
    const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host, websocket: { server: wss } });
    await new Promise((resolve, reject) => {
        server.once("listening", resolve);
        server.once("error", reject);
    });
    const { port } = server.address();
    const shown = host.includes(":") ? `[${host}]` : host;
    return {
        url: `http://${shown}:${port}`,
        port,
        close: async () => {
            closeApp();
            for (const client of wss.clients)
                client.terminate();
            wss.close();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
