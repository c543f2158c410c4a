/**
 * The Ticklens HTTP API, built by `createApp(deps)` so tests can call it in process (`app.request(url)`) and the
 * server can mount it on a real port. Every route module owns one area; this file only assembles them.
 */
import { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import type { ApiDeps } from "./deps.ts";
import { type LiveSocketOptions } from "./live-socket.ts";
export interface AppOptions {
    /** From `@hono/node-server`; without it there is no /ws/live (in-process tests of the REST side). */
    readonly upgradeWebSocket?: UpgradeWebSocket;
    /** Heartbeat, queue limits and snapshot sizes of /ws/live (defaults in live-hub.ts). */
    readonly live?: LiveSocketOptions;
    /** The built dashboard served at `/` (default none: API only). */
    readonly dashboardDir?: string;
}
export interface TicklensApp {
    readonly app: Hono;
    /** Stops live subscriptions and timers the app started. */
    close(): void;
}
export declare function createApp(deps: ApiDeps, options?: AppOptions): TicklensApp;
