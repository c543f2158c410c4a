import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import type { BinanceServer } from "../../src/replay/binance-server.ts";
import { FaultPlan } from "../../src/replay/fault-plan.ts";
import { ReplayOptionError } from "../../src/replay/replay-errors.ts";
import { readSpotSampleCsv } from "../../src/replay/spot-sample-csv.ts";
import { get, payload, sleep, useReplayServers, spotText, head } from "./replay-client.ts";


const { serve, client } = useReplayServers();
// Retry-After and bans are judged by Date.now(): tests step a fake Date instead of sleeping them out.
afterEach(() => {
  vi.useRealTimers();
});

const trades = (frames: readonly string[]) =>
  frames.flatMap((f) => {
    try {
      const d = payload(f);
      return d.e === "trade" ? [d] : [];
    } catch {
      return [];
    }
  });

describe("stream faults", () => {
  it("lost frames never reach the socket but are on REST", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max", faults: { seed: 3, lose: 0.05 } });
    const c = client(server.streamUrl(["ethusdt@trade"]));
    await server.finished;
    const lost = server.stats.faults.lost;
    const published = server.publishedIds("ETHUSDT");
    await expect.poll(() => c.frames.length).toBe(published.length - lost.length);
    expect(lost.length).toBeGreaterThan(50); // ~5% of 3,138
    const got = trades(c.frames).map((t) => t.t as number);
    expect([...got, ...lost.map((l) => l.id)].sort((a, b) => a - b)).toEqual(published);
    expect(lost.every((l) => l.stream === "ethusdt@trade" && l.connection === 1)).toBe(true);
    for (const l of lost.slice(0, 5)) {
      const res = await get(`${server.restUrl}/api/v3/historicalTrades?symbol=ETHUSDT&fromId=${l.id}&limit=1`);
      expect(res.body[0].id).toBe(l.id);
    }
    expect(server.stats.counters.lose).toBe(lost.length);
  });

  it("duplicated frames arrive twice and malformed frames break JSON, drop a field, spoil the price or a type", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max", faults: { seed: 5, duplicate: 0.02, malformed: 0.02 } });
    const c = client(server.streamUrl(["ethusdt@trade", "btcusdt@trade"]));
    await server.finished;
    const { duplicated, malformed } = server.stats.faults;
    await expect.poll(() => c.frames.length).toBe(4_848 + duplicated.length);
    expect(duplicated.length).toBeGreaterThan(20);
    expect(malformed.length).toBeGreaterThan(20);
    for (const d of duplicated) {
      const copies = c.frames.filter((f) => f.includes(`"stream":"${d.stream}"`) && f.includes(`"t":${d.id},`));
      expect(copies).toHaveLength(2);
      expect(copies[0]).toBe(copies[1]);
    }
    const variants = new Set<string>();
    const good = (d: Record<string, unknown>) =>
      Number.isSafeInteger(d.t) && /^\d+(\.\d+)?$/.test(String(d.p)) && typeof d.p === "string" && Number.isSafeInteger(d.T);
    let broken = 0;
    for (const f of c.frames) {
      let d: Record<string, unknown>;
      try {
        d = payload(f);
      } catch {
        broken++;
        continue;
      }
      if (!good(d)) broken++;
    }
    for (const m of malformed) variants.add(m.variant!);
    expect(broken).toBe(malformed.length);
    expect(variants).toEqual(new Set(["invalid-json", "missing-field", "non-numeric-price", "wrong-type"]));
  });

  it("drop terminates the socket mid-stream without a close frame", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max", faults: { drop: { rate: 1, max: 1, after: 100 } } });
    const c = client(server.streamUrl(["ethusdt@trade"]));
    expect(await c.closed).toBe(1006);
    expect(c.frames).toHaveLength(100);
    expect(server.stats.counters.drop).toBe(1);
  });

  it("half-open stops frames, pings and pongs but keeps the socket open", async () => {
    const server = await serve({
      capture: readSpotSampleCsv(spotText),
      speed: 20,
      pingIntervalMs: 30,
      faults: { halfOpen: { rate: 1, max: 1, after: 50 } },
    });
    const c = client(server.streamUrl(["ethusdt@trade"]));
    await expect.poll(() => server.stats.counters.halfOpen).toBe(1);
    await sleep(100);
    const frames = c.frames.length;
    const pings = c.pings.length;
    let ponged = false;
    c.ws.on("pong", () => (ponged = true));
    c.ws.ping("hello?");
    await sleep(300);
    expect(frames).toBe(50);
    expect(c.frames.length).toBe(frames);
    expect(c.pings.length).toBe(pings);
    expect(ponged).toBe(false);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    expect(c.closeCode).toBeNull();
  });

  it("a serverShutdown fault announces the close, keeps streaming through the grace period, then closes", async () => {
    const server = await serve({
      capture: readSpotSampleCsv(spotText),
      speed: 10,
      faults: { shutdown: { rate: 1, max: 1, after: 10 }, shutdownGraceMs: 150 },
    });
    const c = client(server.streamUrl(["ethusdt@trade"]));
    expect(await c.closed).toBe(1001);
    const events = c.frames.map((f) => payload(f).e);
    const at = events.indexOf("serverShutdown");
    expect(at).toBe(10);
    expect(events.length).toBeGreaterThan(at + 2); // frames kept coming during the grace period
  });

  it("the same seed injects the same faults at the same frames", async () => {
    const run = async () => {
      const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max", faults: { seed: 11, lose: 0.01, malformed: 0.01, duplicate: 0.01 } });
      const c = client(server.streamUrl(["ethusdt@trade"]));
      await server.finished;
      await vi.waitFor(() => {
        expect(trades(c.frames).length).toBeGreaterThan(0);
        expect(c.frames.length).toBeGreaterThanOrEqual(3_000);
      }, { timeout: 10_000, interval: 20 });
      return server.stats.faults;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.lost.length + a.malformed.length + a.duplicated.length).toBeGreaterThan(30);
  });
});

describe("REST faults", () => {
  it("answers 429 with Retry-After, another 429 when ignored, and 200 after waiting", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 100)), faults: { rest429: { rate: 1, max: 1 }, retryAfterSeconds: 1 } });
    const url = `${server.restUrl}/api/v3/aggTrades?symbol=ETHUSDT`;
    const first = await get(url);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.body.code).toBe(-1003);
    expect((await get(url)).status).toBe(429);
    vi.advanceTimersByTime(1_050);
    expect((await get(url)).status).toBe(200);
  });

  it("bans with 418 a client that ignores Retry-After when ban418 is on", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const server = await serve({
      capture: readSpotSampleCsv(head(spotText, 100)),
      faults: { rest429: { rate: 1, max: 1 }, retryAfterSeconds: 1, ban418: true, banSeconds: 1 },
    });
    const url = `${server.restUrl}/api/v3/ping`;
    expect((await get(url)).status).toBe(429);
    const ban = await get(url);
    expect(ban.status).toBe(418);
    expect(ban.body.msg).toMatch(/banned until \d+/);
    expect(ban.headers.get("retry-after")).toBe("1");
    vi.advanceTimersByTime(1_050);
    expect((await get(url)).status).toBe(200);
    expect(server.stats.counters).toMatchObject({ rest429: 1, rest418: 1 });
  });

  it("refuses fault rates outside [0, 1]", () => {
    expect(() => new FaultPlan({ lose: 2 })).toThrow(ReplayOptionError);
    expect(() => new FaultPlan({ drop: { rate: 0.1, max: -1 } })).toThrow(/faults\.drop\.max/);
  });
});

/**
 * A minimal collector as the issue describes one: dedupe by id, note holes and backfill them from REST (pages of
 * 1000 from the first missing id, honouring Retry-After), reconnect on drops, a watchdog for half-open sockets,
 * make-before-break on serverShutdown.
 */
async function collectEverything(
  server: BinanceServer,
  symbols: string[],
): Promise<{ stored: Map<string, number[]>; quarantined: number; duplicates: number; reconnects: number; restWaits: number }> {
  const stored = new Map<string, Set<number>>(symbols.map((s) => [s, new Set<number>()]));
  const last = new Map<string, number>();
  const holes: { symbol: string; fromId: number; toId: number }[] = [];
  let quarantined = 0;
  let duplicates = 0;
  let reconnects = 0;
  let restWaits = 0;
  let stopping = false;
  const url = server.streamUrl(symbols.map((s) => `${s.toLowerCase()}@trade`));

  /** Stores every row from `fromId` on until the page reaching `toId` (a page fills every hole it spans). */
  const backfill = async (symbol: string, fromId: number, toId: number) => {
    let next = fromId;
    while (next <= toId) {
      const res = await fetch(`${server.restUrl}/api/v3/historicalTrades?symbol=${symbol}&fromId=${next}&limit=1000`);
      if (res.status === 429 || res.status === 418) {
        restWaits++;
        vi.advanceTimersByTime(Number(res.headers.get("retry-after")) * 1000); // waited out on the fake Date below
        continue;
      }
      const rows = (await res.json()) as { id: number }[];
      if (rows.length === 0) return;
      for (const r of rows) stored.get(symbol)!.add(r.id);
      next = rows[rows.length - 1].id + 1;
    }
  };

  const accept = (symbol: string, id: number) => {
    const set = stored.get(symbol)!;
    if (set.has(id)) {
      duplicates++;
      return;
    }
    const prev = last.get(symbol) ?? 0;
    if (id > prev + 1) holes.push({ symbol, fromId: prev + 1, toId: id - 1 });
    set.add(id);
    if (id > prev) last.set(symbol, id);
  };

  const live = new Set<WebSocket>();
  const open = (): WebSocket => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let seen = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - seen > 400) ws.terminate(); // silent: half-open
    }, 50);
    ws.on("ping", () => (seen = Date.now()));
    ws.on("message", (data) => {
      seen = Date.now();
      let d: Record<string, unknown>;
      try {
        d = payload(data.toString());
      } catch {
        quarantined++;
        return;
      }
      if (d.e === "serverShutdown") {
        const fresh = open(); // make before break: the old socket is closed once the new one delivers
        fresh.once("message", () => ws.close());
        return;
      }
      if (d.e !== "trade" || !Number.isSafeInteger(d.t) || typeof d.p !== "string" || !/^\d+(\.\d+)?$/.test(d.p) || !Number.isSafeInteger(d.T)) {
        quarantined++;
        return;
      }
      accept(d.s as string, d.t as number);
    });
    ws.on("error", () => {});
    ws.on("close", () => {
      clearInterval(watchdog);
      if (stopping || !live.delete(ws) || live.size > 0) return;
      reconnects++;
      setTimeout(() => !stopping && open(), 20);
    });
    live.add(ws);
    return ws;
  };
  open();
  await server.finished;
  await sleep(500);
  stopping = true;
  for (const ws of live) ws.terminate();
  // Only REST is read from here on: its Retry-After waits pass on a fake Date (the file's afterEach restores it).
  vi.useFakeTimers({ toFake: ["Date"] });
  for (const h of holes) {
    const set = stored.get(h.symbol)!;
    let first = h.fromId;
    while (first <= h.toId && set.has(first)) first++;
    if (first <= h.toId) await backfill(h.symbol, first, h.toId);
  }
  // The tail: frames lost after the last one received leave no gap to see, so read on until REST is exhausted.
  for (const s of symbols) await backfill(s, (last.get(s) ?? 0) + 1, Number.MAX_SAFE_INTEGER);
  return {
    stored: new Map([...stored].map(([s, set]) => [s, [...set].sort((a, b) => a - b)])),
    quarantined,
    duplicates,
    reconnects,
    restWaits,
  };
}

describe("published-id accounting", () => {
  it("lets a test check that a collector stored every published trade exactly once, through every fault", async () => {
    const server = await serve({
      capture: readSpotSampleCsv(spotText),
      speed: "max",
      repeat: 2,
      faults: {
        seed: 2024,
        drop: { rate: 0.002, max: 3 },
        halfOpen: { rate: 0.002, max: 1 },
        shutdown: { rate: 0.002, max: 2 },
        lose: 0.01,
        duplicate: 0.01,
        malformed: 0.01,
        rest429: 0.2,
        retryAfterSeconds: 1,
        shutdownGraceMs: 100,
      },
    });
    const result = await collectEverything(server, ["BTCUSDT", "ETHUSDT"]);
    const counters = server.stats.counters;
    for (const fault of ["drop", "halfOpen", "shutdown", "lose", "duplicate", "malformed"]) expect(counters[fault], fault).toBeGreaterThan(0);
    expect(result.quarantined).toBeGreaterThan(0);
    expect(result.duplicates).toBeGreaterThan(0);
    expect(result.reconnects).toBeGreaterThan(0);
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
      const published = server.publishedIds(symbol);
      expect(published).toHaveLength(server.published(symbol).count);
      expect(published.length).toBe(symbol === "BTCUSDT" ? 2 * 1_710 : 2 * 3_138);
      expect(result.stored.get(symbol)).toEqual(published);
    }
  });
});
