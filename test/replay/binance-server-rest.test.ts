import { describe, expect, it } from "vitest";
import type { BinanceServer } from "../../src/replay/binance-server.ts";
import { readFuturesSampleCsv } from "../../src/replay/futures-sample-csv.ts";
import { readSpotSampleCsv } from "../../src/replay/spot-sample-csv.ts";
import { get, payload, useReplayServers, spotText, futuresText, head } from "./replay-client.ts";


const { serve, client } = useReplayServers();

/** Streams a whole capture at max speed and returns the payloads per stream. */
async function streamAll(server: BinanceServer, streams: string[]): Promise<Map<string, Record<string, unknown>[]>> {
  const c = client(server.streamUrl(streams));
  await server.finished;
  const s = server.stats.published;
  let n = 0;
  for (const stream of streams) {
    const [sym, kind] = stream.split("@");
    const ledger = s[sym.toUpperCase()];
    n += kind === "trade" ? ledger.trade.count + (server.market === "futures" ? ledger.offBook.count : 0) : ledger.aggTrade.count;
  }
  await expect.poll(() => c.frames.length, { message: "every published frame" }).toBe(n);
  const out = new Map<string, Record<string, unknown>[]>(streams.map((s) => [s, []]));
  for (const f of c.frames) out.get(JSON.parse(f).stream)!.push(payload(f));
  return out;
}

/** Pages a history endpoint by fromId until it returns nothing. */
async function pageAll(url: string, idField: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let fromId = 1;
  for (;;) {
    const res = await get(`${url}&fromId=${fromId}&limit=1000`);
    expect(res.status).toBe(200);
    if (res.body.length === 0) return rows;
    expect(res.body.length).toBeLessThanOrEqual(1000);
    rows.push(...res.body);
    fromId = (res.body[res.body.length - 1][idField] as number) + 1;
  }
}

describe("REST history matches the stream", () => {
  it("spot historicalTrades and aggTrades paged by fromId return exactly the streamed trades", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max" });
    const streamed = await streamAll(server, ["btcusdt@trade", "btcusdt@aggTrade"]);
    const trades = await pageAll(`${server.restUrl}/api/v3/historicalTrades?symbol=BTCUSDT`, "id");
    expect(trades.map((r) => ({ t: r.id, p: r.price, q: r.qty, T: r.time, m: r.isBuyerMaker }))).toEqual(
      streamed.get("btcusdt@trade")!.map((d) => ({ t: d.t, p: d.p, q: d.q, T: d.T, m: d.m })),
    );
    expect(Object.keys(trades[0])).toEqual(["id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch"]);
    // quoteQty is the exact product, spelled with 8 decimals: 87343.30 × 0.00066 = 57.646578.
    expect(trades[0]).toMatchObject({ price: "87343.30000000", qty: "0.00066000", quoteQty: "57.64657800", isBestMatch: true });
    const aggs = await pageAll(`${server.restUrl}/api/v3/aggTrades?symbol=BTCUSDT`, "a");
    expect(aggs).toEqual(streamed.get("btcusdt@aggTrade")!.map(({ a, p, q, f, l, T, m, M }) => ({ a, p, q, f, l, T, m, M })));
  });

  it("futures historicalTrades serves market trades only: off-book ids are on the stream, never on REST", async () => {
    const server = await serve({ capture: readFuturesSampleCsv(head(futuresText, 3000)), speed: "max" });
    const streamed = await streamAll(server, ["ethusdt@trade", "ethusdt@aggTrade"]);
    const trades = await pageAll(`${server.restUrl}/fapi/v1/historicalTrades?symbol=ETHUSDT`, "id");
    const market = streamed.get("ethusdt@trade")!.filter((d) => d.X === "MARKET");
    expect(market.length).toBeLessThan(streamed.get("ethusdt@trade")!.length); // this slice has off-book rows
    expect(trades.map((r) => [r.id, r.price, r.qty, r.time, r.isBuyerMaker])).toEqual(market.map((d) => [d.t, d.p, d.q, d.T, d.m]));
    expect(Object.keys(trades[0])).toEqual(["id", "price", "qty", "quoteQty", "time", "isBuyerMaker"]);
    expect(server.publishedIds("ETHUSDT")).toEqual(trades.map((r) => r.id));
    expect(server.publishedIds("ETHUSDT", "offBook")).toEqual(streamed.get("ethusdt@trade")!.filter((d) => d.X !== "MARKET").map((d) => d.t));
    const aggs = await pageAll(`${server.restUrl}/fapi/v1/aggTrades?symbol=ETHUSDT`, "a");
    expect(Object.keys(aggs[0])).toEqual(["a", "p", "q", "f", "l", "T", "m"]);
    expect(aggs).toEqual(streamed.get("ethusdt@aggTrade")!.map(({ a, p, q, f, l, T, m }) => ({ a, p, q, f, l, T, m })));
  });

  it("aggTrades by startTime/endTime returns the streamed aggregates inside the window, in id order", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max" });
    const aggs = (await streamAll(server, ["ethusdt@aggTrade"])).get("ethusdt@aggTrade")!;
    const start = aggs[100].T as number;
    const end = aggs[160].T as number;
    const res = await get(`${server.restUrl}/api/v3/aggTrades?symbol=ETHUSDT&startTime=${start}&endTime=${end}&limit=1000`);
    expect(res.body.map((r: { a: number }) => r.a)).toEqual(aggs.filter((a) => (a.T as number) >= start && (a.T as number) <= end).map((a) => a.a));
    const limited = await get(`${server.restUrl}/api/v3/aggTrades?symbol=ETHUSDT&startTime=${start}&limit=3`);
    expect(limited.body).toHaveLength(3);
  });

  it("recent trades are the last `limit` published, oldest first; default limit 500", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: "max" });
    await streamAll(server, ["ethusdt@trade"]);
    const last = server.published("ETHUSDT").lastId!;
    const recent = await get(`${server.restUrl}/api/v3/trades?symbol=ETHUSDT&limit=3`);
    expect(recent.body.map((r: { id: number }) => r.id)).toEqual([last - 2, last - 1, last]);
    expect((await get(`${server.restUrl}/api/v3/trades?symbol=ETHUSDT`)).body).toHaveLength(500);
    // Spot caps an over-large limit at 1000; futures refuses it.
    expect((await get(`${server.restUrl}/api/v3/historicalTrades?symbol=ETHUSDT&limit=5000`)).body).toHaveLength(1000);
  });
});

describe("REST serves only what has been published", () => {
  it("is empty before the replay starts and never runs ahead of the cursor", async () => {
    const server = await serve({ capture: readSpotSampleCsv(spotText), speed: 4, start: "manual" });
    for (const path of ["historicalTrades?symbol=BTCUSDT&fromId=1", "trades?symbol=BTCUSDT", "aggTrades?symbol=BTCUSDT&fromId=1"]) {
      expect((await get(`${server.restUrl}/api/v3/${path}`)).body).toEqual([]);
    }
    server.start();
    await expect.poll(() => server.published("ETHUSDT").count, { message: "the replay to publish" }).toBeGreaterThan(0);
    const res = await get(`${server.restUrl}/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1&limit=1000`);
    const after = server.published("ETHUSDT");
    const ids = res.body.map((r: { id: number }) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(ids[ids.length - 1]).toBeLessThanOrEqual(after.lastId!);
    expect(server.stats.finished).toBe(false);
    expect(after.count).toBeLessThan(3_138); // ETHUSDT rows in the capture
  });
});

describe("REST errors, weights and rate limits like Binance", () => {
  it("answers parameter errors with Binance's codes and messages", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 100)) });
    const api = `${server.restUrl}/api/v3`;
    const cases: [string, number, number, RegExp][] = [
      ["historicalTrades?symbol=XRPUSDT", 400, -1121, /^Invalid symbol\.$/],
      ["historicalTrades", 400, -1102, /Mandatory parameter 'symbol'/],
      ["historicalTrades?symbol=btcusdt", 400, -1100, /Illegal characters found in parameter 'symbol'/],
      ["historicalTrades?symbol=BTCUSDT&fromId=-3", 400, -1100, /parameter 'fromId'/],
      ["historicalTrades?symbol=BTCUSDT&limit=0", 400, -1130, /parameter 'limit' is not valid/],
      ["historicalTrades?symbol=BTCUSDT&colour=red", 400, -1104, /Not all sent parameters were read; read '1' parameter\(s\) but was sent '2'/],
      ["aggTrades?symbol=BTCUSDT&startTime=0&endTime=3600001", 400, -1127, /More than 1 hours between startTime and endTime/],
      ["exchangeInfo?symbol=NOPE", 400, -1121, /Invalid symbol/],
    ];
    for (const [path, status, code, msg] of cases) {
      const res = await get(`${api}/${path}`);
      expect([path, res.status, res.body.code]).toEqual([path, status, code]);
      expect(res.body.msg).toMatch(msg);
    }
    expect((await get(`${server.restUrl}/fapi/v1/trades?symbol=BTCUSDT`)).status).toBe(404);
    expect((await get(`${api}/ping`)).body).toEqual({});
    expect(Math.abs((await get(`${api}/time`)).body.serverTime - Date.now())).toBeLessThan(5_000);
    const info = (await get(`${api}/exchangeInfo`)).body;
    expect(info.symbols.map((s: { symbol: string }) => s.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(info.symbols[0]).toMatchObject({ symbol: "BTCUSDT", status: "TRADING", baseAsset: "BTC", quoteAsset: "USDT" });
    const one = (await get(`${api}/exchangeInfo?symbols=${encodeURIComponent('["ETHUSDT"]')}`)).body;
    expect(one.symbols.map((s: { symbol: string }) => s.symbol)).toEqual(["ETHUSDT"]);
  });

  it("futures refuses a limit above 1000 and serves under /fapi/v1 only", async () => {
    const server = await serve({ capture: readFuturesSampleCsv(head(futuresText, 50)) });
    const res = await get(`${server.restUrl}/fapi/v1/historicalTrades?symbol=BTCUSDT&limit=1001`);
    expect([res.status, res.body.code]).toEqual([400, -1130]);
    expect((await get(`${server.restUrl}/api/v3/ping`)).status).toBe(404);
    const info = (await get(`${server.restUrl}/fapi/v1/exchangeInfo`)).body;
    expect(info.symbols[0]).toMatchObject({ symbol: "BTCUSDT", contractType: "PERPETUAL", pricePrecision: 1 });
  });

  it("reports used weight in X-MBX-USED-WEIGHT-1M and answers 429 with Retry-After past the limit", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 100)), weightLimitPerMinute: 60 });
    const url = `${server.restUrl}/api/v3/historicalTrades?symbol=BTCUSDT`;
    const first = await get(url);
    const second = await get(url);
    const [w1, w2] = [Number(first.headers.get("x-mbx-used-weight-1m")), Number(second.headers.get("x-mbx-used-weight-1m"))];
    expect(w1 === 25 || w1 % 25 === 0).toBe(true);
    expect(w2 === w1 + 25 || w2 === 25).toBe(true); // unless the minute rolled over in between
    let res = second;
    for (let i = 0; i < 3 && res.status === 200; i++) res = await get(url);
    expect(res.status).toBe(429);
    expect(res.body.code).toBe(-1003);
    expect(res.body.msg).toMatch(/request weight per minute is 60/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(server.stats.counters.rest429).toBeGreaterThanOrEqual(1);
  });

  it("honours X-MBX-TIME-UNIT: MICROSECOND on spot", async () => {
    const server = await serve({ capture: readSpotSampleCsv(head(spotText, 100)), speed: "max" });
    await streamAll(server, ["ethusdt@trade"]);
    const ms = await get(`${server.restUrl}/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1&limit=1`);
    const us = await get(`${server.restUrl}/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1&limit=1`, { "X-MBX-TIME-UNIT": "MICROSECOND" });
    expect(us.body[0].time).toBe(ms.body[0].time * 1000);
  });
});
