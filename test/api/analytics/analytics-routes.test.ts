import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { adfTest, alignBars, engleGranger, hedgeRatio, priceStatsFromBars, rollingZScore, spread, toBars } from "../../../src/engine/index.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE as CAPTURE } from "../../helpers/paths.ts";
import { withCaptureApp } from "../api-store.ts";

let app: ReturnType<typeof createApp>["app"];
withCaptureApp((_store, a) => (app = a));

const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as any };
};

// The expected numbers: the engine (itself checked against statsmodels/pandas in test/engine) applied to bars
// built in memory from the same capture, so this checks the store's bars and the endpoint's plumbing.
const trades = futuresCaptureTrades(CAPTURE);
const bars = (symbol: string) => toBars(trades.filter((t) => t.symbol === symbol), "1s");

describe("GET /api/analytics/pairs", () => {
  it("returns the engine's hedge ratio, spread, z-score, ADF and Engle-Granger for the stored bars", async () => {
    const { status, body } = await get("/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1s&window=60&method=huber");
    expect(status).toBe(200);
    const pair = alignBars(bars("ETHUSDT"), bars("BTCUSDT"), { join: "inner" });
    const hedge = hedgeRatio(pair.closeA, pair.closeB, { method: "huber" });
    const s = spread(pair.closeA, pair.closeB, hedge.beta, hedge.alpha);
    expect(body.n).toBe(pair.closeA.length);
    expect(body.hedge.beta).toBeCloseTo(hedge.beta, 12);
    expect(body.spread[100]).toBeCloseTo(s[100], 9);
    expect(body.zScore[58]).toBeNull(); // the first full window ends at index 59
    expect(body.zScore[500]).toBeCloseTo(rollingZScore(s, 60)[500], 9);
    expect(body.adf.statistic).toBeCloseTo(adfTest(s).statistic, 9);
    expect(body.engleGranger.pValue).toBeCloseTo(engleGranger(pair.closeA, pair.closeB).pValue, 9);
    expect(body.halfLife.halfLife).toBeGreaterThan(0);
  });

  it("gives the Kalman filter's hedge series", async () => {
    const { status, body } = await get("/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=15s&window=10&method=kalman");
    expect(status).toBe(200);
    expect(body.hedgeSeries.beta).toHaveLength(body.n);
  });

  const refused: [string, number, string | null][] = [
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&method=magic", 400, "method"],
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&window=2", 400, "window"],
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&window=ten", 400, "window"],
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=500", 422, "window"],
    ["/api/analytics/pairs?a=ETHUSDT&b=ETHUSDT", 400, "b"],
    ["/api/analytics/pairs?a=ETHUSDT&b=SOLUSDT", 404, "b"],
    ["/api/analytics/pairs?b=BTCUSDT", 400, "a"],
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&join=outer", 400, "join"],
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1w", 400, "timeframe"],
    ["/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1h&window=3", 422, "window"],
    ["/api/analytics/stats?symbols=", 400, "symbols"],
    ["/api/analytics/stats?symbols=BTCUSDT,NOPE", 404, "symbols"],
    ["/api/analytics/stats?symbols=BTCUSDT&window=1", 400, "window"],
    ["/api/analytics/stats", 400, "symbols"],
  ];
  for (const [url, status, field] of refused) {
    it(`${url.replace("/api/analytics/", "")} → ${status} naming ${field}`, async () => {
      const res = await get(url);
      expect(res.status).toBe(status);
      expect(res.body.error.field).toBe(field);
    });
  }
});

describe("GET /api/analytics/stats", () => {
  it("returns per-symbol statistics and the correlation matrix of log returns", async () => {
    const { status, body } = await get("/api/analytics/stats?symbols=btcusdt,ethusdt&timeframe=1s&window=300");
    expect(status).toBe(200);
    expect(body.stats.map((s: any) => s.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
    const expected = priceStatsFromBars(bars("BTCUSDT").slice(-300));
    expect(body.stats[0].stdLogReturns).toBeCloseTo(expected.stdLogReturns, 12);
    expect(body.stats[0].last).toBe(expected.last);
    expect(body.correlation.symbols).toEqual(["BTCUSDT", "ETHUSDT"]);
    expect(body.correlation.matrix[0][1]).toBeGreaterThan(0.3);
  });
});
