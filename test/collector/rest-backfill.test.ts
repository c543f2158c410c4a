import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RestBackfill } from "../../src/collector/rest-backfill.ts";

// The waits are timers of node:timers/promises, which vitest's fake timers do not reach by themselves.
vi.mock("node:timers/promises", async () => (await import("../helpers/timers-promises.ts")).onGlobalTimers());

/** A local HTTP server that answers requests from a script, one response per request, and records the URLs. */
async function scriptedServer(responses: { status: number; headers?: Record<string, string>; body: string }[]) {
  const urls: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    urls.push(req.url ?? "");
    const r = responses.shift() ?? { status: 500, body: "script ran out" };
    res.writeHead(r.status, { "content-type": "application/json", ...r.headers });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { server, urls, restUrl: `http://127.0.0.1:${port}` };
}

let servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of servers) await new Promise((r) => s.close(r));
  servers = [];
});

// Row shapes from Binance's REST docs: historicalTrades {id, price, qty, quoteQty, time, isBuyerMaker,
// isBestMatch}; aggTrades {a, p, q, f, l, T, m, M}.
const trade = (id: number) => ({ id, price: "87000.10", qty: "0.002", quoteQty: "174.0002", time: 1765922888978 + id, isBuyerMaker: id % 2 === 0, isBestMatch: true });

describe("RestBackfill fetches missing trades by id", () => {
  it("waits out a 429's Retry-After and a 418 ban, then returns the page", async () => {
    const { server, urls, restUrl } = await scriptedServer([
      { status: 429, headers: { "Retry-After": "1" }, body: '{"code":-1003,"msg":"Too many requests"}' },
      { status: 418, headers: { "Retry-After": "2" }, body: '{"code":-1003,"msg":"Way too many requests"}' },
      { status: 200, body: JSON.stringify([trade(5), trade(6)]) },
    ]);
    servers.push(server);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const backfill = new RestBackfill({ restUrl, market: "spot", stream: "trade" });
    const pending = backfill.page("BTCUSDT", 5, 2, new AbortController().signal);
    // Each wait starts when the refusal is counted (polling moves the fake clock by at most one 50 ms interval).
    await expect.poll(() => backfill.counters.rateLimited).toBe(1);
    await vi.advanceTimersByTimeAsync(900);
    expect(backfill.counters.requests).toBe(1); // not before Retry-After
    await vi.advanceTimersByTimeAsync(100);
    await expect.poll(() => backfill.counters.banned).toBe(1);
    await vi.advanceTimersByTimeAsync(1_900);
    expect(backfill.counters.requests).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    const page = await pending;
    expect(page.ticks.map((t) => t.tradeId)).toEqual([5, 6]);
    expect(page.ticks[0]).toMatchObject({ symbol: "BTCUSDT", price: 87000.1, qty: 0.002, isBuyerMaker: false, source: "backfill" });
    expect(backfill.counters).toMatchObject({ requests: 3, rateLimited: 1, banned: 1 });
    expect(urls[2]).toBe("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=5&limit=2");
  });

  it("waits the retry policy's two minutes on a 418 that gives no Retry-After", async () => {
    const { server, restUrl } = await scriptedServer([
      { status: 418, body: "{}" },
      { status: 200, body: JSON.stringify([trade(7)]) },
    ]);
    servers.push(server);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const backfill = new RestBackfill({ restUrl, market: "spot", stream: "trade" });
    const pending = backfill.page("BTCUSDT", 7, 1, new AbortController().signal);
    await expect.poll(() => backfill.counters.banned).toBe(1);
    await vi.advanceTimersByTimeAsync(119_900);
    expect(backfill.counters.requests).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect((await pending).ticks.map((t) => t.tradeId)).toEqual([7]);
  });

  it("backs off a 5xx and retries it", async () => {
    const { server, restUrl } = await scriptedServer([
      { status: 503, body: "busy" },
      { status: 200, body: JSON.stringify([trade(8)]) },
    ]);
    servers.push(server);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const backfill = new RestBackfill({ restUrl, market: "spot", stream: "trade" });
    const pending = backfill.page("BTCUSDT", 8, 1, new AbortController().signal);
    await expect.poll(() => backfill.counters.errors).toBe(1);
    await vi.advanceTimersByTimeAsync(250); // the first retry's delay is at most the policy's initialMs
    expect((await pending).ticks.map((t) => t.tradeId)).toEqual([8]);
    expect(backfill.counters).toMatchObject({ requests: 2, errors: 1 });
  });

  it("uses the futures aggTrades path and reads aggregate ids", async () => {
    const rows = [{ a: 42, p: "2950.5", q: "1.5", f: 100, l: 103, T: 1765922888978, m: true }];
    const { server, urls, restUrl } = await scriptedServer([{ status: 200, body: JSON.stringify(rows) }]);
    servers.push(server);
    const page = await new RestBackfill({ restUrl, market: "futures", stream: "aggTrade" }).page("ETHUSDT", 42, 1000, new AbortController().signal);
    expect(urls[0]).toBe("/fapi/v1/aggTrades?symbol=ETHUSDT&fromId=42&limit=1000");
    expect(page.ticks).toMatchObject([{ tradeId: 42, price: 2950.5, qty: 1.5, isBuyerMaker: true }]);
  });

  it("keeps bad rows apart with the row and field named", async () => {
    const { server, restUrl } = await scriptedServer([
      { status: 200, body: JSON.stringify([trade(1), { ...trade(2), price: "abc" }, { ...trade(3), id: -3 }]) },
    ]);
    servers.push(server);
    const page = await new RestBackfill({ restUrl, market: "spot", stream: "trade" }).page("BTCUSDT", 1, 3, new AbortController().signal);
    expect(page.ticks.map((t) => t.tradeId)).toEqual([1]);
    expect(page.rejected.map((r) => r.reason)).toEqual([
      "backfill BTCUSDT row 1 id 2: price is not a positive decimal string",
      "backfill BTCUSDT row 2: trade id is not a non-negative integer",
    ]);
  });

  it("gives up a wait at once when aborted", async () => {
    // An hour's Retry-After: a wait the abort did not cut short would outlast the test's timeout.
    const { server, restUrl } = await scriptedServer([{ status: 429, headers: { "Retry-After": "3600" }, body: "{}" }]);
    servers.push(server);
    const abort = new AbortController();
    const backfill = new RestBackfill({ restUrl, market: "spot", stream: "trade" });
    const pending = backfill.page("BTCUSDT", 1, 10, abort.signal);
    await expect.poll(() => backfill.counters.rateLimited).toBe(1); // the minute's wait has begun
    abort.abort(new Error("stopping"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError", cause: new Error("stopping") });
  });

  it("refuses a 4xx that retrying cannot fix, with Binance's message", async () => {
    const { server, restUrl } = await scriptedServer([{ status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' }]);
    servers.push(server);
    await expect(
      new RestBackfill({ restUrl, market: "spot", stream: "trade" }).page("NOPE", 1, 10, new AbortController().signal),
    ).rejects.toThrow(/HTTP 400: .*Invalid symbol/);
  });
});
