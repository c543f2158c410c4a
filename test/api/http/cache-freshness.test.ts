// The response cache in the real app on a real store: what a read sees after a stored batch and after an upload.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { openStore, type Store } from "../../../src/store/index.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE } from "../../helpers/paths.ts";
import { StoreFeed } from "../../helpers/store-feed.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";

const BTC = futuresCaptureTrades(FUTURES_CAPTURE).filter((t) => t.symbol === "BTCUSDT");
/** The cache's default bound: a batch is in every answer served this long after it was stored. */
const MAX_STALE_MS = 2_000;

const tmp = useTempDir("ticklens-cache-");
let store: Store;
let feed: StoreFeed;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  // The cache reads its clock (Date.now) when it is made: a fake Date from here on lets the test step past the
  // staleness bound instead of sleeping through it. Timers stay real, so DuckDB and the app run as ever.
  vi.useFakeTimers({ toFake: ["Date"] });
  store = await openStore(tmp.path("cache.duckdb"));
  feed = new StoreFeed(store);
  app = createApp({ store, live: feed });
  await feed.append(BTC.slice(0, 4000));
});
afterAll(async () => {
  vi.useRealTimers();
  app.close();
  await store.close();
});

const tradesInBars = async () => {
  const res = await app.app.request("/api/ohlc/BTCUSDT?timeframe=1m");
  expect(res.status).toBe(200);
  return ((await res.json()) as { bars: { trades: number }[] }).bars.reduce((n, b) => n + b.trades, 0);
};
const storedTrades = async () => {
  const body = (await (await app.app.request("/api/symbols")).json()) as { symbols: { symbol: string; trades: number }[] };
  return body.symbols.find((s) => s.symbol === "BTCUSDT")?.trades;
};

describe("reads behind the response cache", () => {
  it("show a stored batch once the documented staleness bound has passed", async () => {
    expect(await tradesInBars()).toBe(4000);
    expect(await storedTrades()).toBe(4000);
    await feed.append(BTC.slice(4000, 5000));
    vi.advanceTimersByTime(MAX_STALE_MS + 50);
    expect(await tradesInBars()).toBe(5000);
    expect(await storedTrades()).toBe(5000);
  });

  it("show an upload at once (read-your-writes)", async () => {
    expect(await tradesInBars()).toBe(5000);
    const csv = BTC.slice(5000, 5500)
      .map((t) => `${t.tradeId},${t.price},${t.qty},${t.price * t.qty},${t.tradeTime},${t.isBuyerMaker ? "True" : "False"},True`)
      .join("\n");
    const upload = await app.app.request("/api/upload?kind=ticks&name=more&symbol=BTCUSDT", {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(upload.status).toBe(201);
    expect(await tradesInBars()).toBe(5500);
    expect(await storedTrades()).toBe(5500);
  });
});
