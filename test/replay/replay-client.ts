/**
 * Test-side helpers for the replay server: a real `ws` client that records every frame, REST reads, the captures.
 * Tests wait for what they expect with `expect.poll` / `vi.waitFor`; {@link sleep} is only for a window in which
 * something must NOT happen (no frame after an unsubscribe, no pong from a half-open socket).
 */
import { afterEach } from "vitest";
import { WebSocket, type ClientOptions } from "ws";
import { startBinanceServer, type BinanceServer, type BinanceServerOptions } from "../../src/replay/binance-server.ts";
import { FUTURES_CAPTURE, readRepoText, SPOT_CAPTURE } from "../helpers/paths.ts";

export interface RecordingClient {
  readonly ws: WebSocket;
  /** Text frames in arrival order. */
  readonly frames: string[];
  /** Ping payloads received from the server. */
  readonly pings: string[];
  /** Close code once closed, else null. */
  closeCode: number | null;
  /** Resolves when the socket is open. */
  readonly opened: Promise<void>;
  /** Resolves with the close code. */
  readonly closed: Promise<number>;
}

/**
 * Connects and records.
 * @param url stream URL
 * @param options ws client options (e.g. `autoPong: false` to stay mute)
 */
export function connect(url: string, options: ClientOptions = {}): RecordingClient {
  const ws = new WebSocket(url, { perMessageDeflate: false, ...options });
  const client: RecordingClient = {
    ws,
    frames: [],
    pings: [],
    closeCode: null,
    opened: new Promise((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    }),
    closed: new Promise((resolve) => ws.once("close", (code) => resolve(code))),
  };
  ws.on("message", (data) => client.frames.push(data.toString()));
  ws.on("ping", (data) => client.pings.push(data.toString()));
  ws.on("close", (code) => (client.closeCode = code));
  ws.on("error", () => {});
  return client;
}

/** A real pause: a window in which something must not happen (a poll cannot show an absence). */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `data` object of a combined frame, or the frame itself when raw. */
export function payload(frame: string): Record<string, unknown> {
  const o = JSON.parse(frame) as Record<string, unknown>;
  return "stream" in o && "data" in o ? (o.data as Record<string, unknown>) : o;
}

/** A REST GET's status, headers and parsed body. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? null : JSON.parse(text) };
}

/** The real spot and futures trade captures as text. */
export const spotText = readRepoText(SPOT_CAPTURE);
export const futuresText = readRepoText(FUTURES_CAPTURE);
/** The header and first `rows` rows of a CSV text. */
export const head = (text: string, rows: number) => text.split("\n").slice(0, rows + 1).join("\n");

/**
 * Servers and clients a test starts through these are closed after each test, whatever the test did.
 * Call once at the top of a test file.
 */
export function useReplayServers(): {
  serve(options: BinanceServerOptions): Promise<BinanceServer>;
  client(url: string, options?: ClientOptions): RecordingClient;
} {
  let servers: BinanceServer[] = [];
  let clients: RecordingClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.ws.terminate();
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    clients = [];
  });
  return {
    async serve(options) {
      const server = await startBinanceServer(options);
      servers.push(server);
      return server;
    },
    client(url, options = {}) {
      const c = connect(url, options);
      clients.push(c);
      return c;
    },
  };
}
