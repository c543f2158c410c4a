import { describe, expect, it, vi } from "vitest";
import { readFuturesSampleCsv } from "../../src/replay/futures-sample-csv.ts";
import { readRawFrameCapture } from "../../src/replay/raw-frame-capture.ts";
import { readSpotSampleCsv } from "../../src/replay/spot-sample-csv.ts";
import { FUTURES_RAW_FRAMES, readRepoText } from "../helpers/paths.ts";
import { get, payload, sleep, useReplayServers, spotText, futuresText, head } from "./replay-client.ts";


const SPOT_TRADE_KEYS = ["e", "E", "s", "t", "p", "q", "T", "m", "M"];
const SPOT_AGG_KEYS = ["e", "E", "s", "a", "p", "q", "f", "l", "T", "m", "M"];
const FUTURES_TRADE_KEYS = ["e", "E", "T", "s", "t", "p", "q", "X", "m"];
const FUTURES_AGG_KEYS = ["e", "E", "a", "s", "p", "q", "f", "l", "T", "m"];

const { serve, client } = useReplayServers();

/** Frames grouped by `stream`. */
function byStream(frames: readonly string[]): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const f of frames) {
    const o = JSON.parse(f) as { stream: string; data: Record<string, unknown> };
    if (!out.has(o.stream)) out.set(o.stream, []);
    out.get(o.stream)!.push(o.data);
  }
  return out;
}

const consecutive = (ids: number[]) => ids.every((id, i) => i === 0 || id === ids[i - 1] + 1);

describe("combined streams carry Binance's exact payloads", () => {
  it("spot trade and aggTrade: field order, types, 8-decimal strings, contiguous ids, the whole capture at max speed", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max" });
    const c = client(server.streamUrl(["btcusdt@trade", "ethusdt@trade", "btcusdt@aggTrade", "ethusdt@aggTrade"]));
    await server.finished;
    const s = server.stats;
    const expected = ["BTCUSDT", "ETHUSDT"].reduce((n, sym) => n + s.published[sym].trade.count + s.published[sym].aggTrade.count, 0);
    await expect.poll(() => c.frames.length, { message: "every published frame" }).toBe(expected);
    const streams = byStream(c.frames);
    const trades = [...streams.get("btcusdt@trade")!, ...streams.get("ethusdt@trade")!];
    expect(trades).toHaveLength(4_848); // every row of the capture
    for (const t of trades) {
      expect(Object.keys(t)).toEqual(SPOT_TRADE_KEYS);
      expect(t.e).toBe("trade");
      expect(t.p).toMatch(/^\d+\.\d{8}$/);
      expect(t.q).toMatch(/^\d+\.\d{8}$/);
      expect(Number.isSafeInteger(t.E) && Number.isSafeInteger(t.T) && Number.isSafeInteger(t.t)).toBe(true);
      expect(t.E as number).toBeGreaterThanOrEqual(t.T as number);
      expect(typeof t.m).toBe("boolean");
      expect(t.M).toBe(true);
    }
    for (const [stream, list] of streams) {
      const agg = stream.endsWith("@aggTrade");
      expect(list.every((d) => `${String(d.s).toLowerCase()}@${String(d.e)}` === stream)).toBe(true);
      const ids = list.map((d) => (agg ? d.a : d.t) as number);
      expect(ids[0]).toBe(1);
      expect(consecutive(ids)).toBe(true);
      if (agg) for (const d of list) expect(Object.keys(d)).toEqual(SPOT_AGG_KEYS);
    }
    // The first row of the file, as Binance would have sent it.
    expect(streams.get("ethusdt@trade")![0]).toEqual({
      e: "trade", E: 1765912493266, s: "ETHUSDT", t: 1, p: "2926.20000000", q: "0.00330000", T: 1765912493266, m: false, M: true,
    });
  });

  it("futures trade and aggTrade: X on trades, no M, off-book rows sent with X \"NA\" and price 0", async () => {
    const server = await serve({ capture: readFuturesSampleCsv(futuresText), speed: "max" });
    expect(server.market).toBe("futures");
    const c = client(server.streamUrl(["btcusdt@trade", "ethusdt@trade", "btcusdt@aggTrade"]));
    await server.finished;
    const s = server.stats.published;
    const expected = s.BTCUSDT.trade.count + s.BTCUSDT.offBook.count + s.ETHUSDT.trade.count + s.ETHUSDT.offBook.count + s.BTCUSDT.aggTrade.count;
    await expect.poll(() => c.frames.length, { timeout: 20_000, message: "every published frame" }).toBe(expected);
    const streams = byStream(c.frames);
    const trades = [...streams.get("btcusdt@trade")!, ...streams.get("ethusdt@trade")!];
    expect(trades).toHaveLength(28_482);
    for (const t of trades) expect(Object.keys(t)).toEqual(FUTURES_TRADE_KEYS);
    const offBook = trades.filter((t) => t.X !== "MARKET");
    expect(offBook).toHaveLength(84);
    expect(offBook.every((t) => t.X === "NA" && t.p === "0" && t.q === "0")).toBe(true);
    expect(s.BTCUSDT.offBook.count + s.ETHUSDT.offBook.count).toBe(84);
    // Every row takes an id, off-book ones included: t is contiguous on the wire.
    expect(consecutive(streams.get("ethusdt@trade")!.map((t) => t.t as number))).toBe(true);
    expect(streams.get("btcusdt@trade")![0]).toEqual({
      e: "trade", E: 1765922888978, T: 1765922888978, s: "BTCUSDT", t: 1, p: "87763.5", q: "0.006", X: "MARKET", m: false,
    });
    const aggs = streams.get("btcusdt@aggTrade")!;
    for (const a of aggs) expect(Object.keys(a)).toEqual(FUTURES_AGG_KEYS);
    expect(consecutive(aggs.map((a) => a.a as number))).toBe(true);
  });

  it("raw /ws/<stream> sends bare payloads, and timeUnit=MICROSECOND switches E and T to µs", async () => {
    const capture = readSpotSampleCsv(head(spotText, 300));
    const server = await serve({ capture, speed: "max", start: "manual" });
    const ms = client(server.streamUrl(["ethusdt@trade"], { combined: false }));
    const us = client(server.streamUrl(["ethusdt@trade"], { combined: false, micro: true }));
    const both = client(`${server.wsUrl}/ws/ethusdt@trade/btcusdt@trade`);
    await Promise.all([ms.opened, us.opened, both.opened]);
    server.start();
    await server.finished;
    const n = server.published("ETHUSDT").count;
    await expect.poll(() => [ms.frames.length, us.frames.length]).toEqual([n, n]);
    const a = ms.frames.map((f) => JSON.parse(f));
    const b = us.frames.map((f) => JSON.parse(f));
    expect(Object.keys(a[0])).toEqual(SPOT_TRADE_KEYS);
    for (let i = 0; i < n; i++) {
      expect(b[i].T).toBe(a[i].T * 1000);
      expect(b[i].E).toBe(a[i].E * 1000);
      expect({ ...b[i], T: 0, E: 0 }).toEqual({ ...a[i], T: 0, E: 0 });
    }
    await expect.poll(() => both.frames.length).toBe(n + server.published("BTCUSDT").count);
    expect(both.frames.every((f) => !("stream" in JSON.parse(f)))).toBe(true);
  });

  it("replays a raw-frame capture: other streams verbatim, aggTrades with their real ids", async () => {
    const text = readRepoText(FUTURES_RAW_FRAMES);
    const server = await serve({ capture: readRawFrameCapture(text), speed: "max" });
    const c = client(server.streamUrl(["sushiusdt@depth@100ms", "ctkusdt@aggTrade"]));
    await server.finished;
    const captured = text.split("\n").filter((l) => l.includes('"stream":"sushiusdt@depth@100ms"') || l.includes('"stream":"ctkusdt@aggTrade"'));
    await expect.poll(() => c.frames.length).toBe(captured.length);
    const depth = c.frames.filter((f) => f.includes("sushiusdt@depth@100ms"));
    const capturedDepth = captured.filter((l) => l.includes("depth")).map((l) => l.slice(l.indexOf(": ") + 2));
    expect(depth).toEqual(capturedDepth);
    const aggs = c.frames.filter((f) => f.includes("ctkusdt@aggTrade")).map((f) => payload(f));
    expect(aggs[0]).toEqual({ e: "aggTrade", E: 1626992741575, a: 16599292, s: "CTKUSDT", p: "1.01100", q: "10", f: 23961322, l: 23961322, T: 1626992741421, m: false });
    expect(consecutive(aggs.map((a) => a.a as number))).toBe(true);
  });
});

describe("live requests on a connection", () => {
  it("answers SUBSCRIBE, LIST_SUBSCRIPTIONS, UNSUBSCRIBE, SET/GET_PROPERTY and refuses bad requests like Binance", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: 2, maxMessagesPerSecond: 100 });
    const c = client(`${server.wsUrl}/ws`);
    await c.opened;
    const request = async (message: string): Promise<Record<string, unknown>> => {
      const before = c.frames.length;
      c.ws.send(message);
      const reply = await vi.waitFor(() => {
        const frame = c.frames.slice(before).find((f) => "id" in JSON.parse(f));
        if (frame === undefined) throw new Error(`no answer to ${message}`);
        return frame;
      });
      return JSON.parse(reply);
    };
    expect(server.stats.startedAt).toBeNull(); // nothing subscribed yet
    expect(await request('{"method":"SUBSCRIBE","params":["ethusdt@trade"],"id":1}')).toEqual({ result: null, id: 1 });
    expect(server.stats.startedAt).not.toBeNull();
    await expect.poll(() => c.frames.some((f) => JSON.parse(f).e === "trade")).toBe(true);
    expect(await request('{"method":"LIST_SUBSCRIPTIONS","id":"list"}')).toEqual({ result: ["ethusdt@trade"], id: "list" });
    expect(await request('{"method":"GET_PROPERTY","params":["combined"],"id":2}')).toEqual({ result: false, id: 2 });
    expect(await request('{"method":"SET_PROPERTY","params":["combined",true],"id":3}')).toEqual({ result: null, id: 3 });
    const wrappedFrom = c.frames.length;
    await expect.poll(() => c.frames.slice(wrappedFrom).some((f) => JSON.parse(f).stream === "ethusdt@trade")).toBe(true);
    expect(await request('{"method":"UNSUBSCRIBE","params":["ethusdt@trade"],"id":4}')).toEqual({ result: null, id: 4 });
    const after = c.frames.length;
    await sleep(200);
    expect(c.frames.slice(after)).toEqual([]);
    expect(await request('{"method":"SUBSCRIBED","params":[],"id":5}')).toMatchObject({ error: { code: 2 }, id: 5 });
    expect(await request('{"method":"SUBSCRIBE","params":["BTCUSDT"],"id":6}')).toMatchObject({ error: { code: 2 }, id: 6 });
    expect(await request('{"method":"SET_PROPERTY","params":["colour",true],"id":7}')).toEqual({ error: { code: 0, msg: "Unknown property" }, id: 7 });
    expect(await request('{"method":"SET_PROPERTY","params":["combined","yes"],"id":8}')).toEqual({ error: { code: 1, msg: "Invalid value type: expected Boolean" }, id: 8 });
    expect(await request("{oops")).toMatchObject({ error: { code: 3 }, id: null });
  });

  it("drops a connection that sends more than 5 messages a second", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 10)), speed: 1 });
    const c = client(`${server.wsUrl}/ws`);
    await c.opened;
    for (let i = 0; i < 6; i++) c.ws.send(`{"method":"LIST_SUBSCRIPTIONS","id":${i}}`);
    expect(await c.closed).toBe(1008);
    expect(server.stats.counters.tooManyMessages).toBe(1);
  });

  it("refuses unknown paths and bad timeUnit values at the upgrade", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 10)) });
    const bad = client(`${server.wsUrl}/nope`);
    await expect(bad.opened).rejects.toThrow(/404/);
    const unit = client(`${server.wsUrl}/ws/btcusdt@trade?timeUnit=NANOSECOND`);
    await expect(unit.opened).rejects.toThrow(/400/);
  });
});

describe("replay position and pace", () => {
  it("a late joiner starts at 'now' in replay time; what it missed is on REST", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: 8 });
    const early = client(server.streamUrl(["ethusdt@trade"]));
    await expect.poll(() => early.frames.length).toBeGreaterThan(50);
    const late = client(server.streamUrl(["ethusdt@trade"]));
    await expect.poll(() => late.frames.length).toBeGreaterThan(20);
    const firstLate = payload(late.frames[0]).t as number;
    expect(firstLate).toBeGreaterThan(1);
    const lateIds = late.frames.map((f) => payload(f).t as number);
    // The two sockets are read separately: let the early one catch up with what the late one has.
    await expect.poll(() => early.frames.some((f) => payload(f).t === lateIds[lateIds.length - 1])).toBe(true);
    const earlyIds = early.frames.map((f) => payload(f).t as number);
    expect(earlyIds.slice(earlyIds.indexOf(firstLate), earlyIds.indexOf(firstLate) + lateIds.length)).toEqual(lateIds);
    const missed = await get(`${server.restUrl}/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1&limit=1000`);
    expect(missed.body.slice(0, firstLate - 1).map((r: { id: number }) => r.id)).toEqual(Array.from({ length: firstLate - 1 }, (_, i) => i + 1));
  });

  it("the first subscriber of a timed replay gets the capture from its first trade", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: 5 });
    const c = client(server.streamUrl(["ethusdt@trade"]));
    await expect.poll(() => c.frames.length).toBeGreaterThanOrEqual(10);
    expect(c.frames.slice(0, 10).map((f) => payload(f).t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("speed N follows the capture's timestamps N times faster", async () => {
    // The spot capture spans 16.0 s of trade time: at 40× that is 0.4 s.
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: 40 });
    const c = client(server.streamUrl(["btcusdt@trade", "ethusdt@trade"]));
    await c.opened;
    const t0 = performance.now();
    await server.finished;
    const elapsed = performance.now() - t0;
    const span = server.timeline.atUs[server.timeline.length - 1] - server.timeline.atUs[0];
    expect(span / 1e6).toBeCloseTo(15.9, 0);
    // It cannot finish before the capture's span at 40×; how much later depends on the machine, not on the replay.
    expect(elapsed).toBeGreaterThan((span / 1000 / 40) * 0.9);
  });

  it("repeat K continues ids and shifts times pass after pass", async () => {
    const capture = readSpotSampleCsv(head(spotText, 200));
    const server = await serve({ capture, speed: "max", repeat: 3 });
    const c = client(server.streamUrl(["ethusdt@trade"]));
    await server.finished;
    const n = capture.events.filter((e) => e.kind === "trade" && e.symbol === "ETHUSDT").length;
    await expect.poll(() => c.frames.length).toBe(3 * n);
    const trades = c.frames.map((f) => payload(f));
    expect(trades.map((t) => t.t)).toEqual(Array.from({ length: 3 * n }, (_, i) => i + 1));
    const periodMs = server.timeline.periodUs / 1000;
    expect(trades[n].T).toBe((trades[0].T as number) + periodMs);
    expect(trades[2 * n + 5].T).toBe((trades[5].T as number) + 2 * periodMs);
    expect(trades[2 * n + 5].p).toBe(trades[5].p);
    for (let i = 1; i < trades.length; i++) expect(trades[i].E as number).toBeGreaterThanOrEqual(trades[i - 1].E as number);
    expect(server.published("ETHUSDT")).toEqual({ count: 3 * n, firstId: 1, lastId: 3 * n });
  });

  it("at max speed a client that stops reading holds the replay (memory stays bounded)", async () => {
    // ~340k frames of ~170 bytes: far more than the loopback socket buffers can absorb.
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max", repeat: 200, highWaterBytes: 64 * 1024 });
    const c = client(server.streamUrl(["btcusdt@trade"]));
    await c.opened;
    c.ws.pause();
    await sleep(600);
    const held = server.stats.cursor;
    await sleep(300);
    expect(server.stats.cursor).toBe(held);
    expect(held).toBeLessThan(server.timeline.total / 2);
    c.ws.resume();
    await expect.poll(() => server.stats.cursor, { message: "the replay to go on" }).toBeGreaterThan(held + 10_000);
  });
});

describe("keep-alive, lifetime and shutdown", () => {
  it("pings on its interval, answers client pings, and drops a client that never pongs", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 10)), pingIntervalMs: 40, pongTimeoutMs: 150 });
    const good = client(`${server.wsUrl}/ws`);
    const mute = client(`${server.wsUrl}/ws`, { autoPong: false });
    await Promise.all([good.opened, mute.opened]);
    const pong = new Promise<string>((resolve) => good.ws.once("pong", (d) => resolve(d.toString())));
    good.ws.ping("are-you-there");
    expect(await pong).toBe("are-you-there");
    expect(await mute.closed).toBe(1006); // terminated: no close frame
    // Five pings at 40 ms outlast the 150 ms pong timeout: the client that pongs is still there.
    await expect.poll(() => good.pings.length).toBeGreaterThanOrEqual(5);
    expect(good.closeCode).toBeNull();
    expect(good.pings.every((p) => /^\d+$/.test(p))).toBe(true);
    expect(server.stats.counters.pongTimeouts).toBe(1);
  });

  it("closes a connection at its lifetime, after a serverShutdown notice when asked", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 10)), maxLifetimeMs: 300, lifetimeNoticeMs: 100 });
    const c = client(`${server.wsUrl}/ws`);
    await c.opened;
    const opened = Date.now();
    expect(await c.closed).toBe(1000);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(250);
    expect(c.frames).toHaveLength(1);
    expect(Object.keys(JSON.parse(c.frames[0]))).toEqual(["e", "E"]);
    expect(JSON.parse(c.frames[0]).e).toBe("serverShutdown");
    expect(server.stats.counters.lifetimeCloses).toBe(1);
  });

  it("shutdown() sends serverShutdown to every connection, then closes them", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 10)) });
    const a = client(server.streamUrl(["btcusdt@trade"]));
    const b = client(`${server.wsUrl}/ws`);
    await Promise.all([a.opened, b.opened]);
    server.shutdown(50);
    expect(await a.closed).toBe(1001);
    expect(await b.closed).toBe(1001);
    for (const c of [a, b]) expect(c.frames.map((f) => JSON.parse(f).e)).toContain("serverShutdown");
  });
});
