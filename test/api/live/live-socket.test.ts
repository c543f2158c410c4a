/**
 * WS /ws/live over a real port: @hono/node-server with a `ws` WebSocketServer, real `ws` clients, a real DuckDB
 * store holding the futures capture, and a LiveSource that appends each batch to that store before announcing it
 * (as the collector does). Expected values come from the store itself (`queryBars` from ticks, the stored rows).
 */
import type { AddressInfo } from "node:net";
import { serve, upgradeWebSocket } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import type { LiveFrame } from "../../../src/api/live/protocol.ts";
import { mountLiveSocket, SLOW_CLIENT_CLOSE_CODE, type LiveSocketOptions } from "../../../src/api/live/socket.ts";
import type { CollectorStatus } from "../../../src/collector/collector.ts";
import type { Bar, Trade } from "../../../src/engine/types.ts";
import { appendHistory } from "../../../src/store/alert-store.ts";
import { openStore, type Store } from "../../../src/store/index.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE } from "../../helpers/paths.ts";
import { StoreFeed, tradeBatch } from "../../helpers/store-feed.ts";
import { tempDir } from "../../helpers/temp-dir.ts";

const ALL = futuresCaptureTrades(FUTURES_CAPTURE);
const PRELOAD = 4000;

interface Harness {
  url: string;
  store: Store;
  feed: StoreFeed;
  wss: WebSocketServer;
  stop(): Promise<void>;
}

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.stop();
});

async function startLive(options: LiveSocketOptions, preload: readonly Trade[] = ALL.slice(0, PRELOAD)): Promise<Harness> {
  const tmp = tempDir("ticklens-live-");
  const store = await openStore(tmp.path("live.duckdb"));
  const feed = new StoreFeed(store);
  if (preload.length > 0) await store.appendTicks(tradeBatch(preload));
  await store.resample({ final: true });
  const app = new Hono();
  const closeLive = mountLiveSocket(app, { store, live: feed }, upgradeWebSocket, options);
  const wss = new WebSocketServer({ noServer: true });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1", websocket: { server: wss } });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const h: Harness = {
    url: `ws://127.0.0.1:${port}/ws/live`,
    store,
    feed,
    wss,
    stop: async () => {
      closeLive();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      tmp.cleanup();
    },
  };
  harnesses.push(h);
  return h;
}

/** A real `ws` client that records every frame. */
class Client {
  readonly frames: LiveFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters = new Set<() => void>();
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.frames.push(JSON.parse(String(data)) as LiveFrame);
      for (const w of [...this.waiters]) w();
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
  }
  static async open(url: string): Promise<Client> {
    const ws = new WebSocket(url);
    const client = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return client;
  }
  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }
  /** The first recorded frame at index ≥ from that matches, waiting for it if needed. */
  waitFor(match: (f: LiveFrame) => boolean, from = 0, timeoutMs = 5000): Promise<LiveFrame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.frames.length; i++) {
          if (match(this.frames[i])) {
            this.waiters.delete(check);
            clearTimeout(timer);
            resolve(this.frames[i]);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-3))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
  of(type: string, channel: string | null): LiveFrame[] {
    return this.frames.filter((f) => f.type === type && f.channel === channel);
  }
  close(): void {
    this.ws.close();
  }
}

const is = (type: string, channel: string | null) => (f: LiveFrame) => f.type === type && f.channel === channel;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the store holds for a symbol, oldest first by (trade time, id): the reference for snapshots. */
function storedOrder(trades: readonly Trade[], symbol: string): Trade[] {
  return trades.filter((t) => t.symbol === symbol).sort((p, q) => p.tradeTime - q.tradeTime || p.tradeId - q.tradeId);
}

describe("trades channel", () => {
  it("answers subscribe with subscribed, then the last N stored trades, then one update per stored batch", async () => {
    const h = await startLive({ tradeSnapshotSize: 200 });
    const c = await Client.open(h.url);
    c.send({ op: "subscribe", channel: "trades:btcusdt" });
    const snapshot = await c.waitFor(is("snapshot", "trades:BTCUSDT"));
    expect(c.frames.findIndex(is("subscribed", "trades:BTCUSDT"))).toBeLessThan(c.frames.indexOf(snapshot));
    expect(snapshot.data).toEqual(storedOrder(ALL.slice(0, PRELOAD), "BTCUSDT").slice(-200));

    const batches = [ALL.slice(PRELOAD, PRELOAD + 300), ALL.slice(PRELOAD + 300, PRELOAD + 700)];
    for (const b of batches) await h.feed.append(b);
    await c.waitFor((f) => f.type === "update" && c.of("update", "trades:BTCUSDT").length === 2);
    const updates = c.of("update", "trades:BTCUSDT").map((f) => f.data);
    expect(updates).toEqual(batches.map((b) => b.filter((t) => t.symbol === "BTCUSDT")));
    // ETH trades of the same batches are not sent on the BTC channel.
    expect(c.frames.some((f) => f.channel === "trades:ETHUSDT")).toBe(false);
  });

  it("stops sending updates after unsubscribe, and keeps the socket open", async () => {
    const h = await startLive({});
    const c = await Client.open(h.url);
    c.send({ op: "subscribe", channel: "trades:ETHUSDT" });
    await c.waitFor(is("snapshot", "trades:ETHUSDT"));
    await h.feed.append(ALL.slice(PRELOAD, PRELOAD + 400));
    await c.waitFor(is("update", "trades:ETHUSDT"));
    c.send({ op: "unsubscribe", channel: "trades:ETHUSDT" });
    await c.waitFor(is("unsubscribed", "trades:ETHUSDT"));
    const before = c.of("update", "trades:ETHUSDT").length;
    await h.feed.append(ALL.slice(PRELOAD + 400, PRELOAD + 800));
    c.send({ op: "ping" });
    const pong = c.frames.length;
    await c.waitFor(is("heartbeat", null), pong);
    await sleep(100);
    expect(c.of("update", "trades:ETHUSDT").length).toBe(before);
    c.send({ op: "unsubscribe", channel: "trades:ETHUSDT" });
    const err = await c.waitFor(is("error", "trades:ETHUSDT"));
    expect(err.data).toMatchObject({ field: "channel" });
  });

  it("sends a repeated batch's trades once (the store dropped them as duplicates)", async () => {
    const h = await startLive({});
    const c = await Client.open(h.url);
    c.send({ op: "subscribe", channel: "trades:BTCUSDT" });
    await c.waitFor(is("snapshot", "trades:BTCUSDT"));
    const batch = ALL.slice(PRELOAD, PRELOAD + 200);
    await h.feed.append(batch);
    await h.feed.append(batch);
    await h.feed.append(ALL.slice(PRELOAD + 200, PRELOAD + 400));
    await c.waitFor(() => c.of("update", "trades:BTCUSDT").length === 2);
    const ids = c.of("update", "trades:BTCUSDT").flatMap((f) => (f.data as Trade[]).map((t) => t.tradeId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ALL.slice(PRELOAD, PRELOAD + 400).filter((t) => t.symbol === "BTCUSDT").map((t) => t.tradeId));
  });
});

describe("bars channel", () => {
  for (const tf of ["1m", "15s"]) {
    it(`keeps the open ${tf} bar equal to the store's bar from ticks after every batch`, async () => {
      const h = await startLive({ barSnapshotSize: 50 });
      const c = await Client.open(h.url);
      const channel = `bars:BTCUSDT:${tf}`;
      c.send({ op: "subscribe", channel: `bars:btcusdt:${tf}` });
      const snapshot = await c.waitFor(is("snapshot", channel));
      const stored = await h.store.queryBars({ symbol: "BTCUSDT", timeframe: tf });
      expect(snapshot.data).toEqual(JSON.parse(JSON.stringify(stored.slice(-50))));
      for (let i = PRELOAD; i < PRELOAD + 6000; i += 500) {
        const from = c.frames.length;
        await h.feed.append(ALL.slice(i, i + 500));
        const update = await c.waitFor(is("update", channel), from);
        const bars = update.data as Bar[];
        const last = bars[bars.length - 1];
        const reference = (await h.store.queryBars({ symbol: "BTCUSDT", timeframe: tf, source: "ticks" })).at(-1) as Bar;
        expect(last.bucketStart).toBe(reference.bucketStart);
        expect([last.open, last.high, last.low, last.close, last.trades]).toEqual([
          reference.open,
          reference.high,
          reference.low,
          reference.close,
          reference.trades,
        ]);
        for (const k of ["volume", "quoteVolume", "vwap", "buyVolume", "sellVolume"] as const) {
          expect(Math.abs(last[k] - reference[k]), `${k} at batch ${i}`).toBeLessThanOrEqual(1e-9 * Math.abs(reference[k]) + 1e-12);
        }
        if (bars.length > 1) {
          // A batch that crossed into a new bucket also sends the bucket it closed, complete.
          const closed = (await h.store.queryBars({ symbol: "BTCUSDT", timeframe: tf, source: "ticks" })).find(
            (b) => b.bucketStart === bars[bars.length - 2].bucketStart,
          ) as Bar;
          expect(bars[bars.length - 2].trades).toBe(closed.trades);
        }
      }
    });
  }
});

describe("status channel and heartbeats", () => {
  it("sends the collector status as a snapshot and then every interval", async () => {
    const h = await startLive({ statusIntervalMs: 50 });
    const c = await Client.open(h.url);
    c.send({ op: "subscribe", channel: "status" });
    const snap = await c.waitFor(is("snapshot", "status"));
    expect(snap.data).toEqual(h.feed.status());
    await h.feed.append(ALL.slice(PRELOAD, PRELOAD + 100));
    const update = await c.waitFor((f) => f.type === "update" && f.channel === "status" && (f.data as CollectorStatus).stored === 100);
    expect((update.data as CollectorStatus).state).toBe("live");
  });

  it("sends heartbeats on the configured interval to a client with no subscription", async () => {
    const h = await startLive({ heartbeatMs: 50 });
    const c = await Client.open(h.url);
    await c.waitFor(() => c.of("heartbeat", null).length >= 3, 0, 2000);
    for (const f of c.of("heartbeat", null)) expect(typeof (f.data as { time: number }).time).toBe("number");
  });

  it("sends a pair's analytics as its snapshot, then its latest point while the legs trade", async () => {
    const h = await startLive({ pairsIntervalMs: 50 });
    const c = await Client.open(h.url);
    c.send({ op: "subscribe", channel: "pairs:ethusdt:btcusdt:1s:30" });
    const snapshot = (await c.waitFor(is("snapshot", "pairs:ETHUSDT:BTCUSDT:1s:30"))).data as {
      n: number;
      hedge: { beta: number };
      zScore: (number | null)[];
      adf: { pValue: number };
    };
    expect(snapshot.n).toBeGreaterThan(30);
    expect(snapshot.zScore).toHaveLength(snapshot.n);
    expect(snapshot.hedge.beta).toBeGreaterThan(0);
    expect(snapshot.adf.pValue).toBeGreaterThanOrEqual(0);
    await h.feed.append(ALL.slice(PRELOAD, PRELOAD + 400));
    const update = (await c.waitFor(is("update", "pairs:ETHUSDT:BTCUSDT:1s:30"))).data as { bucketStart: number; zScore: number | null };
    expect(update.bucketStart).toBeGreaterThan(0);
    expect(typeof update.zScore === "number" || update.zScore === null).toBe(true);
  });

  it("answers alerts with the stored history, newest first, without an alert manager", async () => {
    const h = await startLive({});
    await appendHistory(h.store, [1, 2].map((i) => ({ ruleId: "r", name: "r", severity: "info" as const, metricKey: "price:BTCUSDT", time: 1_000 * i, value: i, threshold: 0, holdingSince: 1_000 * i, message: `fire ${i}` })));
    const c = await Client.open(h.url);
    c.send({ op: "subscribe", channel: "alerts" });
    const snapshot = (await c.waitFor(is("snapshot", "alerts"))).data as { events: { message: string }[] };
    expect(snapshot.events.map((e) => e.message)).toEqual(["fire 2", "fire 1"]);
  });
});

describe("bad client frames", () => {
  const corpus: [string, string][] = [
    ["not json", "json"],
    ["{", "json"],
    ["[]", "json"],
    ["42", "json"],
    ["null", "json"],
    ['"subscribe"', "json"],
    ["x".repeat(5000), "json"],
    ["{}", "op"],
    ['{"op":"sub","channel":"status"}', "op"],
    ['{"op":null}', "op"],
    ['{"op":["subscribe"]}', "op"],
    ['{"op":"subscribe"}', "channel"],
    ['{"op":"subscribe","channel":42}', "channel"],
    ['{"op":"subscribe","channel":null}', "channel"],
    ['{"op":"subscribe","channel":""}', "channel"],
    ['{"op":"subscribe","channel":"nope"}', "channel"],
    ['{"op":"subscribe","channel":"trades"}', "channel"],
    ['{"op":"subscribe","channel":"trades:"}', "channel"],
    ['{"op":"subscribe","channel":"trades:B"}', "channel"],
    ['{"op":"subscribe","channel":"trades:BTC-USDT"}', "channel"],
    ['{"op":"subscribe","channel":"trades:BTCUSDT:1m"}', "channel"],
    ['{"op":"subscribe","channel":"bars:BTCUSDT"}', "channel"],
    ['{"op":"subscribe","channel":"bars:BTCUSDT:7m"}', "channel"],
    ['{"op":"subscribe","channel":"bars:BTCUSDT:1M"}', "channel"],
    ['{"op":"subscribe","channel":"bars:BTCUSDT:0s"}', "channel"],
    ['{"op":"subscribe","channel":"bars:BTCUSDT:2d"}', "channel"],
    ['{"op":"subscribe","channel":"bars:BTCUSDT:abc"}', "channel"],
    ['{"op":"subscribe","channel":"bars::1m"}', "channel"],
    ['{"op":"subscribe","channel":"status:x"}', "channel"],
    ['{"op":"subscribe","channel":"alerts:1"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:ETHUSDT:1m"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:BTCUSDT:1m:60"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:ETHUSDT:1m:1"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:ETHUSDT:1m:1e3"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:ETHUSDT:1m:-5"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:ETHUSDT:1m:999999"}', "channel"],
    ['{"op":"subscribe","channel":"pairs:BTCUSDT:ETHUSDT:13m:60"}', "channel"],
    ['{"op":"unsubscribe","channel":"trades:BTCUSDT"}', "channel"],
    ['{"op":"unsubscribe","channel":"bogus"}', "channel"],
  ];

  it(`answers each of ${corpus.length} malformed frames with an error naming the field, and the socket stays open`, async () => {
    const h = await startLive({});
    const c = await Client.open(h.url);
    for (const [frame, field] of corpus) {
      const from = c.frames.length;
      c.send(frame);
      const err = await c.waitFor((f) => f.type === "error", from);
      expect(err.data, frame.slice(0, 80)).toMatchObject({ field });
      expect(typeof (err.data as { message: string }).message).toBe("string");
    }
    c.ws.send(Buffer.from([1, 2, 3]));
    expect((await c.waitFor((f) => f.type === "error" && (f.data as { field: string }).field === "json", 0)).type).toBe("error");
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    // Still fully working afterwards.
    c.send({ op: "subscribe", channel: "status" });
    await c.waitFor(is("snapshot", "status"));
    expect(c.frames.filter((f) => f.type === "snapshot" || f.type === "update" || f.type === "subscribed").map((f) => f.channel)).toEqual([
      "status",
      "status",
    ]);
  });
});

describe("slow clients and fan-out", () => {
  it(`disconnects a client that stops reading with ${SLOW_CLIENT_CLOSE_CODE}, while another keeps receiving, without unbounded buffering`, async () => {
    const maxBufferedBytes = 64 * 1024;
    // Big snapshots so that the paused client's kernel buffers (a few MB on loopback) fill quickly.
    const h = await startLive({ maxBufferedBytes, tradeSnapshotSize: 30_000, closeGraceMs: 20_000 }, ALL);
    const slow = await Client.open(h.url);
    const fast = await Client.open(h.url);
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    for (const c of [slow, fast]) {
      c.send({ op: "subscribe", channel: "trades:BTCUSDT" });
      c.send({ op: "subscribe", channel: "trades:ETHUSDT" });
    }
    await fast.waitFor(is("snapshot", "trades:ETHUSDT"), 0, 10_000);
    await fast.waitFor(is("snapshot", "trades:BTCUSDT"), 0, 10_000);
    // A second "day": the capture's rows again, one day later with new ids, fed live in batches.
    const day = 86_400_000;
    const idOffset = ALL.length + 1_000_000;
    const again = ALL.map((t) => ({ ...t, tradeId: t.tradeId + idOffset, tradeTime: t.tradeTime + day }));
    let maxBuffered = 0;
    let largestFrame = 0;
    let batches = 0;
    for (let i = 0; i < again.length; i += 1000) {
      const batch = again.slice(i, i + 1000);
      await h.feed.append(batch);
      batches++;
      for (const s of h.wss.clients) maxBuffered = Math.max(maxBuffered, s.bufferedAmount);
    }
    // The fast client got every update of both channels.
    await fast.waitFor(() => fast.frames.filter((f) => f.type === "update" && f.channel?.startsWith("trades:")).length === 2 * batches, 0, 10_000);
    const ids = fast.frames.filter((f) => f.type === "update").flatMap((f) => (f.data as Trade[]).map((t) => t.tradeId));
    expect(ids.length).toBe(again.length);
    for (const f of fast.frames) largestFrame = Math.max(largestFrame, JSON.stringify(f).length);
    // Server-side unsent bytes stayed within the bound plus the one frame that crossed it.
    expect(maxBuffered).toBeLessThanOrEqual(maxBufferedBytes + largestFrame);
    // The slow client, once it reads again, finds what was queued and then the close frame with the code.
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(SLOW_CLIENT_CLOSE_CODE);
    expect(closed.reason).toMatch(/slow consumer/);
    expect(slow.frames.filter((f) => f.type === "update").length).toBeLessThan(2 * batches);
    expect(fast.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("delivers one stored batch to 1,000 subscribers of one channel", async () => {
    const h = await startLive({ tradeSnapshotSize: 5 });
    const clients: Client[] = [];
    for (let i = 0; i < 1000; i += 100) {
      clients.push(...(await Promise.all(Array.from({ length: 100 }, () => Client.open(h.url)))));
    }
    for (const c of clients) c.send({ op: "subscribe", channel: "trades:BTCUSDT" });
    await Promise.all(clients.map((c) => c.waitFor(is("snapshot", "trades:BTCUSDT"), 0, 20_000)));
    const batch = ALL.slice(PRELOAD, PRELOAD + 200);
    await h.feed.append(batch);
    const expected = batch.filter((t) => t.symbol === "BTCUSDT");
    const updates = await Promise.all(clients.map((c) => c.waitFor(is("update", "trades:BTCUSDT"), 0, 20_000)));
    for (const u of updates) expect(u.data).toEqual(expected);
    for (const c of clients) c.close();
  });
});
