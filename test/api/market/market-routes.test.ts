import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE as CAPTURE } from "../../helpers/paths.ts";
import { withCaptureApp } from "../api-store.ts";

// Expected counts: the capture's market trades per symbol (rows with price 0 are off-book events, not stored).
const trades = futuresCaptureTrades(CAPTURE);
const BTC = trades.filter((t) => t.symbol === "BTCUSDT").length;
const ETH = trades.length - BTC;

let app: ReturnType<typeof createApp>["app"];
withCaptureApp((_store, a) => (app = a));

const getJson = async (url: string, init?: RequestInit) => {
  const res = await app.request(url, init);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as any };
};

describe("market data endpoints", () => {
  it("lists the symbols with their extent, count and last price", async () => {
    const { status, body } = await getJson("/api/symbols");
    expect(status).toBe(200);
    expect(body.symbols.map((s: any) => [s.symbol, s.trades])).toEqual([
      ["BTCUSDT", BTC],
      ["ETHUSDT", ETH],
    ]);
    expect(body.symbols[0].firstTradeTime).toBe("2025-12-16T22:08:08.978Z");
  });

  it("pages ticks by trade id without gaps or overlaps", async () => {
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const { status, body } = await getJson(`/api/ticks/btcusdt?limit=3000&order=asc${cursor === null ? "" : `&cursor=${cursor}`}`);
      expect(status).toBe(200);
      seen.push(...body.ticks.map((t: any) => t.tradeId));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBe(BTC);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("returns the newest ticks first by default, within a time range", async () => {
    const { body } = await getJson("/api/ticks/ETHUSDT?limit=5&from=2025-12-16T22:20:00Z&to=2025-12-16T22:21:00Z");
    expect(body.ticks).toHaveLength(5);
    for (const t of body.ticks) {
      expect(t.tradeTime).toBeGreaterThanOrEqual(Date.parse("2025-12-16T22:20:00Z"));
      expect(t.tradeTime).toBeLessThan(Date.parse("2025-12-16T22:21:00Z"));
    }
    expect(body.ticks[0].tradeId).toBeGreaterThan(body.ticks[4].tradeId);
  });

  it("serves bars of a stored and an on-demand timeframe, in bucket order", async () => {
    const oneMinute = await getJson("/api/ohlc/BTCUSDT?timeframe=1m");
    expect(oneMinute.status).toBe(200);
    expect(oneMinute.body.bars.length).toBe(17);
    const fifteen = await getJson("/api/ohlc/BTCUSDT?timeframe=15s&limit=10");
    expect(fifteen.body.bars).toHaveLength(10);
    const starts = fifteen.body.bars.map((b: any) => b.bucketStart);
    expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
    expect(starts.every((s: number) => s % 15_000 === 0)).toBe(true);
    const total = oneMinute.body.bars.reduce((n: number, b: any) => n + b.trades, 0);
    expect(total).toBe(BTC);
  });

  it("returns exactly the newest `limit` bars of the full series, stored, on-demand and coarsened timeframes alike", async () => {
    for (const timeframe of ["1s", "15s", "1m", "3m"]) {
      const all = (await getJson(`/api/ohlc/ETHUSDT?timeframe=${timeframe}&limit=100000`)).body.bars;
      expect(all.length).toBeGreaterThan(5);
      for (const limit of [1, 5, all.length, all.length + 1]) {
        const { status, body } = await getJson(`/api/ohlc/ETHUSDT?timeframe=${timeframe}&limit=${limit}`);
        expect(status).toBe(200);
        expect(body.bars).toEqual(all.slice(-limit));
      }
      const from = all[2].bucketStart;
      const to = all[all.length - 2].bucketStart;
      const ranged = (await getJson(`/api/ohlc/ETHUSDT?timeframe=${timeframe}&from=${from}&to=${to}&limit=3`)).body.bars;
      expect(ranged).toEqual(all.filter((b: any) => b.bucketStart >= from && b.bucketStart < to).slice(-3));
    }
  });

  it("answers Arrow IPC when asked", async () => {
    const res = await app.request("/api/ohlc/ETHUSDT?timeframe=5m", { headers: { accept: "application/vnd.apache.arrow.stream" } });
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.arrow.stream");
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(4);
    expect(table.schema.fields.map((f) => f.name)).toContain("vwap");
    const ticks = await app.request("/api/ticks/ETHUSDT?limit=7", { headers: { accept: "application/vnd.apache.arrow.stream" } });
    expect(tableFromIPC(new Uint8Array(await ticks.arrayBuffer())).numRows).toBe(7);
  });

  it("names the known symbols when asked for another", async () => {
    const { status, body } = await getJson("/api/ohlc/SOLUSDT?timeframe=1m");
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: "unknown_symbol", message: "no data for SOLUSDT; known symbols: BTCUSDT, ETHUSDT", field: "symbol" });
  });
});

describe("bad input gets a 4xx that names the field", () => {
  const cases: [string, string][] = [
    ["/api/ohlc/BTCUSDT?timeframe=7x", "timeframe"],
    ["/api/ohlc/BTCUSDT?timeframe=0s", "timeframe"],
    ["/api/ohlc/BTCUSDT?timeframe=7m", "timeframe"],
    ["/api/ohlc/BTCUSDT?timeframe=1s&limit=0", "limit"],
    ["/api/ohlc/BTCUSDT?timeframe=1s&limit=abc", "limit"],
    ["/api/ohlc/BTCUSDT?limit=1e9", "limit"],
    ["/api/ohlc/BTCUSDT?from=yesterday", "from"],
    ["/api/ohlc/BTCUSDT?to=2025-13-45", "to"],
    ["/api/ohlc/BTCUSDT?bogus=1", "query"],
    ["/api/ohlc/BTC%20USDT", "symbol"],
    ["/api/ohlc/B", "symbol"],
    ["/api/ohlc/%27%3B%20DROP%20TABLE%20tick_data", "symbol"],
    ["/api/ticks/BTCUSDT?limit=-1", "limit"],
    ["/api/ticks/BTCUSDT?limit=100001", "limit"],
    ["/api/ticks/BTCUSDT?cursor=-5", "cursor"],
    ["/api/ticks/BTCUSDT?cursor=1.5", "cursor"],
    ["/api/ticks/BTCUSDT?order=sideways", "order"],
    ["/api/ticks/BTCUSDT?from=", "from"],
  ];
  for (const [url, field] of cases) {
    it(`${url} → 400 naming ${field}`, async () => {
      const { status, body } = await getJson(url);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(body.error.field).toBe(field);
      expect(typeof body.error.message).toBe("string");
    });
  }

  it("answers an unknown API path with a JSON 404", async () => {
    const { status, body } = await getJson("/api/nothing/here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("still holds every tick afterwards: nothing was written or dropped", async () => {
    const { body } = await getJson("/api/symbols");
    expect(body.symbols.reduce((n: number, s: any) => n + s.trades, 0)).toBe(BTC + ETH);
  });
});

describe("operations endpoints", () => {
  it("reports health without a collector", async () => {
    const { status, body } = await getJson("/api/health");
    expect(status).toBe(200);
    expect(body.status).toBe("no collector");
  });
  it("serves Prometheus metrics as text", async () => {
    const res = await app.request("/metrics");
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0.0.4/);
    expect(await res.text()).toMatch(/^ticklens_up 1$/m);
  });
  it("describes itself in OpenAPI and in a docs page", async () => {
    const { body } = await getJson("/api/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toContain("/api/ohlc/{symbol}");
    const docs = await app.request("/api/docs");
    expect(await docs.text()).toContain("/api/ticks/{symbol}");
  });
});
