import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { BinanceFeed, type FeedEvent } from "../../src/collector/binance-feed.ts";
import { DEFAULT_RETRY } from "../../src/runtime/retry.ts";

/** A bare local WebSocket server on 127.0.0.1:0 that the test scripts frame by frame. */
async function localServer(): Promise<{ wss: WebSocketServer; url: string; sockets: WebSocket[] }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const sockets: WebSocket[] = [];
  wss.on("connection", (ws) => sockets.push(ws));
  const { port } = wss.address() as { port: number };
  return { wss, url: `ws://127.0.0.1:${port}/stream?streams=btcusdt@trade`, sockets };
}

const fast = { ...DEFAULT_RETRY, initialMs: 20, maxMs: 100 };
let cleanup: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const c of cleanup) c();
  cleanup = [];
});

describe("BinanceFeed keeps one stream alive", () => {
  it("reconnects after an abrupt close and goes on delivering", async () => {
    const { wss, url, sockets } = await localServer();
    const frames: string[] = [];
    const events: FeedEvent[] = [];
    const feed = new BinanceFeed({ url, onFrame: (t) => frames.push(t), onEvent: (e) => events.push(e), retry: fast });
    cleanup.push(() => feed.stop(), () => wss.close());
    feed.start();
    await expect.poll(() => sockets.length).toBe(1);
    sockets[0].send("one");
    await expect.poll(() => frames.length).toBe(1);
    sockets[0].terminate(); // no close frame: what a dropped TCP connection looks like
    await expect.poll(() => sockets.length).toBe(2);
    sockets[1].send("two");
    await expect.poll(() => frames.length).toBe(2);
    expect(frames).toEqual(["one", "two"]);
    expect(feed.counters().reconnects).toBe(1);
    expect(events.map((e) => e.type)).toContain("reconnecting");
    expect(feed.state).toBe("live");
  });

  it("drops a half-open socket that stays silent past the watchdog and reconnects", async () => {
    const { wss, url, sockets } = await localServer();
    const feed = new BinanceFeed({ url, onFrame: () => {}, watchdogMs: 200, retry: fast });
    cleanup.push(() => feed.stop(), () => wss.close());
    feed.start();
    await expect.poll(() => sockets.length).toBe(1);
    sockets[0].send("hello"); // then silence, socket left open
    await expect.poll(() => sockets.length).toBe(2);
    expect(feed.counters().watchdogDrops).toBeGreaterThanOrEqual(1);
  });

  it("counts server pings as signs of life and answers them with the same payload", async () => {
    const { wss, url, sockets } = await localServer();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] }); // the watchdog's clock
    const feed = new BinanceFeed({ url, onFrame: () => {}, watchdogMs: 300, retry: fast });
    cleanup.push(() => feed.stop(), () => wss.close());
    feed.start();
    await expect.poll(() => sockets.length).toBe(1);
    const pongs: string[] = [];
    sockets[0].on("pong", (data) => pongs.push(data.toString()));
    for (let i = 0; i < 8; i++) {
      sockets[0].ping(`p${i}`);
      await expect.poll(() => pongs.length).toBe(i + 1);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sockets.length).toBe(1); // 800 ms of pings only, watchdog 300 ms: never dropped
    expect(feed.counters().watchdogDrops).toBe(0);
    expect(pongs).toEqual(["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
  });

  it("replaces a connection make-before-break: the old one closes only after the new one delivers", async () => {
    const { wss, url, sockets } = await localServer();
    const frames: string[] = [];
    const feed = new BinanceFeed({ url, onFrame: (t) => frames.push(t), retry: fast });
    cleanup.push(() => feed.stop(), () => wss.close());
    feed.start();
    await expect.poll(() => sockets.length).toBe(1);
    sockets[0].send("old-1");
    await expect.poll(() => frames.length).toBe(1);
    let oldClosed = false;
    sockets[0].on("close", () => (oldClosed = true));
    feed.rotate("serverShutdown");
    await expect.poll(() => sockets.length).toBe(2);
    sockets[0].send("old-2"); // the old socket still delivers while the new one has said nothing
    await expect.poll(() => frames.length).toBe(2);
    expect(oldClosed).toBe(false);
    sockets[1].send("new-1");
    await expect.poll(() => oldClosed).toBe(true);
    expect(frames).toEqual(["old-1", "old-2", "new-1"]);
    expect(feed.counters()).toMatchObject({ rotations: 1, reconnects: 0 });
  });

  it("rotates by itself when a connection reaches its maximum age", async () => {
    const { wss, url, sockets } = await localServer();
    const feed = new BinanceFeed({ url, onFrame: () => {}, maxConnectionAgeMs: 300, watchdogMs: 10_000, retry: fast });
    cleanup.push(() => feed.stop(), () => wss.close());
    feed.start();
    await expect.poll(() => sockets.length).toBe(1);
    sockets[0].send("x");
    await expect.poll(() => sockets.length).toBe(2);
    expect(feed.counters().rotations).toBe(1);
  });

  it("keeps retrying with the retry policy's capped, jittered, growing delays while the server is down", async () => {
    const { wss, url } = await localServer();
    await new Promise<void>((r) => wss.close(() => r()));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const events: FeedEvent[] = [];
    const feed = new BinanceFeed({ url, onFrame: () => {}, onEvent: (e) => events.push(e) });
    cleanup.push(() => feed.stop());
    feed.start();
    const delays = () => events.flatMap((e) => (e.type === "reconnecting" ? [e.delayMs] : []));
    await expect.poll(() => delays().length).toBe(1);
    while (delays().length < 12) {
      // Past the newest wait the next attempt is made and refused. A refusal that lands while the clock is still
      // being moved may start (and, for a tiny jittered wait, finish) one more: count at least one.
      const seen = delays().length;
      await vi.advanceTimersByTimeAsync(delays()[seen - 1]);
      await expect.poll(() => delays().length).toBeGreaterThan(seen);
    }
    // Attempt k waits at most min(maxMs, initialMs·2^k) (the default policy: 250 ms doubling up to 30 s).
    delays().forEach((delay, k) => expect(delay).toBeLessThanOrEqual(Math.min(DEFAULT_RETRY.maxMs, DEFAULT_RETRY.initialMs * 2 ** k)));
    expect(Math.max(...delays().slice(-4))).toBeGreaterThan(DEFAULT_RETRY.initialMs * 4); // they grew (jitter aside)
    expect(feed.counters().reconnects).toBeGreaterThanOrEqual(12);
  });
});
