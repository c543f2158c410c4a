import { describe, expect, test } from "vitest";
import { adfTest, alignBars, ols, pearson, toBars } from "../../../src/engine/index.ts";
import { PairBarAligner, PairCloses, pairMetricSeries, pairWindowMetric, TradeWindow } from "../../../src/engine/alerts/index.ts";
import type { Trade } from "../../../src/engine/types.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE } from "../../helpers/paths.ts";

const trades = futuresCaptureTrades(FUTURES_CAPTURE);
const of = (symbol: string): Trade[] => trades.filter((t) => t.symbol === symbol);

/** Symbol stream time: the running maximum of trade time in id order (what the feed observes at). */
function streamTimes(list: readonly Trade[]): number[] {
  let clock = Number.NEGATIVE_INFINITY;
  return list.map((t) => (clock = Math.max(clock, t.tradeTime)));
}

describe("TradeWindow", () => {
  test.each([1_000, 10_000, 60_000])("equals a brute-force scan of the real BTC trades, window %i ms", (windowMs) => {
    const btc = of("BTCUSDT");
    const times = streamTimes(btc);
    const w = new TradeWindow(windowMs);
    let checked = 0;
    btc.forEach((t, i) => {
      w.push(t.price, t.qty, times[i]);
      const edge = times[i] - windowMs;
      // Brute force: the window is (edge, t]; the start price is the last trade at or before the edge.
      let start = -1;
      let qty = 0;
      let quote = 0;
      for (let j = 0; j <= i; j++) {
        if (times[j] <= edge) start = j;
        else {
          qty += btc[j].qty;
          quote += btc[j].price * btc[j].qty;
        }
      }
      if (start < 0) {
        expect(w.changePct()).toBeNaN();
        expect(w.volume()).toBeNaN();
        expect(w.vwapDeviationPct()).toBeNaN();
        return;
      }
      checked++;
      expect(w.changePct()).toBeCloseTo(100 * (t.price / btc[start].price - 1), 10);
      expect(Math.abs(w.volume() - qty)).toBeLessThanOrEqual(1e-9 * qty);
      expect(w.vwapDeviationPct()).toBeCloseTo(100 * (t.price / (quote / qty) - 1), 9);
    });
    expect(checked).toBeGreaterThan(btc.length / 2);
  });
});

describe("PairBarAligner", () => {
  test("emits exactly the inner-aligned closes of the real capture's 1 s bars, each once its grace has passed", () => {
    // The capture's timestamps step back by up to 1.23 s within a symbol, so a 2 s grace keeps every trade.
    const aligner = new PairBarAligner(1_000, 2_000);
    const emitted: { bucketStart: number; closeA: number; closeB: number; clock: number }[] = [];
    let clock = Number.NEGATIVE_INFINITY;
    for (const t of trades) {
      clock = Math.max(clock, t.tradeTime);
      if (t.symbol === "ETHUSDT" || t.symbol === "BTCUSDT") {
        expect(aligner.trade(t.symbol === "ETHUSDT" ? "a" : "b", t.price, t.tradeTime, t.tradeId)).toBe(true);
      }
      for (const c of aligner.advance(clock)) emitted.push({ ...c, clock });
    }
    const pair = alignBars(toBars(of("ETHUSDT"), "1s"), toBars(of("BTCUSDT"), "1s"), { join: "inner" });
    // Every bucket whose end + grace the stream reached is out; the rest are still open.
    const done = Array.from(pair.bucketStart).filter((s) => s + 3_000 <= clock).length;
    expect(emitted.map((c) => c.bucketStart)).toEqual(Array.from(pair.bucketStart.subarray(0, done)));
    expect(emitted.map((c) => c.closeA)).toEqual(Array.from(pair.closeA.subarray(0, done)));
    expect(emitted.map((c) => c.closeB)).toEqual(Array.from(pair.closeB.subarray(0, done)));
    for (const c of emitted) expect(c.clock).toBeGreaterThanOrEqual(c.bucketStart + 3_000);
    expect(done).toBeGreaterThan(500);
  });

  test("a leg with no trade in a bucket drops it (inner join); a trade for a final bucket is late", () => {
    const aligner = new PairBarAligner(1_000, 0);
    aligner.trade("a", 10, 100, 1);
    aligner.trade("b", 20, 150, 1);
    aligner.trade("a", 11, 1_100, 2); // b is quiet in [1 000, 2 000)
    aligner.trade("a", 12, 2_100, 3);
    aligner.trade("b", 21, 2_200, 2);
    expect(aligner.advance(3_000)).toEqual([
      { bucketStart: 0, closeA: 10, closeB: 20 },
      { bucketStart: 2_000, closeA: 12, closeB: 21 },
    ]);
    expect(aligner.trade("b", 22, 2_900, 3)).toBe(false);
    expect(aligner.advance(9_000)).toEqual([]);
  });

  test("the close is the trade with the latest (time, id), whatever the arrival order", () => {
    const aligner = new PairBarAligner(1_000, 0);
    aligner.trade("a", 10, 500, 2);
    aligner.trade("a", 9, 400, 3); // arrives later, stamped earlier
    aligner.trade("a", 11, 500, 1); // same time, lower id
    aligner.trade("b", 1, 0, 1);
    expect(aligner.advance(1_000)).toEqual([{ bucketStart: 0, closeA: 10, closeB: 1 }]);
  });
});

describe("pairWindowMetric", () => {
  const pair = alignBars(toBars(of("ETHUSDT"), "1s"), toBars(of("BTCUSDT"), "1s"), { join: "inner" });
  const y = pair.closeA;
  const x = pair.closeB;

  test.each([30, 120])("matches the engine's ols / pearson / adfTest on each trailing window of %i real 1 s bars", (window) => {
    for (const end of [window, window + 17, Math.floor(y.length / 2), y.length]) {
      const ys = y.subarray(end - window, end);
      const xs = x.subarray(end - window, end);
      const fit = ols(ys, xs);
      const resid = fit.residuals;
      const m = resid.reduce((s, v) => s + v, 0) / window;
      const sd = Math.sqrt(resid.reduce((s, v) => s + (v - m) ** 2, 0) / (window - 1));
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
      expect(rel(pairWindowMetric("hedgeRatio", y, x, end - window, end), fit.beta)).toBeLessThan(1e-9);
      expect(Math.abs(pairWindowMetric("spread", y, x, end - window, end) - resid[window - 1])).toBeLessThan(1e-9 * y[end - 1]);
      expect(pairWindowMetric("zScore", y, x, end - window, end)).toBeCloseTo((resid[window - 1] - m) / sd, 7);
      expect(pairWindowMetric("correlation", y, x, end - window, end)).toBeCloseTo(pearson(ys, xs), 12);
      expect(pairWindowMetric("adfPValue", y, x, end - window, end)).toBeCloseTo(adfTest(resid, { regression: "c", autolag: "AIC" }).pValue, 6);
    }
  });

  test("a window where a leg does not move is undefined (NaN), not an error", () => {
    const flat = [5, 5, 5, 5];
    for (const kind of ["hedgeRatio", "spread", "zScore", "correlation", "adfPValue"] as const) {
      expect(pairWindowMetric(kind, [1, 2, 3, 4], flat, 0, 4)).toBeNaN();
    }
    expect(pairWindowMetric("adfPValue", [1, 3, 2], [2, 1, 4], 0, 3)).toBeNaN(); // too short for an ADF regression
  });

  test("PairCloses windows and pairMetricSeries agree with direct slices, across wrap-around and resizing", () => {
    let closes = new PairCloses(50);
    const series = pairMetricSeries("zScore", y, x, 40);
    for (let i = 0; i < 300; i++) {
      closes.push(y[i], x[i]);
      if (i === 120) closes = closes.resized(80);
      const direct = i + 1 >= 40 ? pairWindowMetric("zScore", y, x, i + 1 - 40, i + 1) : Number.NaN;
      if (Number.isNaN(direct)) expect(closes.metric("zScore", 40)).toBeNaN();
      else expect(closes.metric("zScore", 40)).toBe(direct);
      expect(series[i]).toBe(Number.isNaN(direct) ? Number.NaN : direct);
    }
    expect(closes.length).toBe(80);
    expect(closes.metric("hedgeRatio", 80)).toBe(pairWindowMetric("hedgeRatio", y, x, 220, 300));
  });
});
