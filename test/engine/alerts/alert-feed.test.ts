import { describe, expect, test } from "vitest";
import { alignBars, ols, toBars } from "../../../src/engine/index.ts";
import { AlertFeed, backtestAlertRule, parseAlertRule, type AlertEvent, type AlertRule } from "../../../src/engine/alerts/index.ts";
import type { Trade } from "../../../src/engine/types.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE } from "../../helpers/paths.ts";

const trades = futuresCaptureTrades(FUTURES_CAPTURE);
const of = (symbol: string): Trade[] => trades.filter((t) => t.symbol === symbol);

function rule(id: string, metric: object, condition: object, extra: object = {}): AlertRule {
  return parseAlertRule({ id, name: id, severity: "info", enabled: true, metric, condition, channels: ["dashboard"], ...extra });
}

/** Observations of a single-symbol metric by brute force: at each trade, in id order, at the symbol's stream time. */
function symbolSeries(symbol: string, value: (i: number, times: number[], list: Trade[]) => number) {
  const list = of(symbol);
  const times: number[] = [];
  for (const t of list) times.push(Math.max(times.at(-1) ?? Number.NEGATIVE_INFINITY, t.tradeTime));
  return { time: Float64Array.from(times), value: Float64Array.from(list, (_, i) => value(i, times, list)) };
}

/** Trades in (t − w, t] and the last at or before t − w, by scanning back from i. */
function scan(i: number, times: number[], list: Trade[], windowMs: number) {
  let qty = 0;
  let quote = 0;
  let j = i;
  for (; j >= 0 && times[j] > times[i] - windowMs; j--) {
    qty += list[j].qty;
    quote += list[j].price * list[j].qty;
  }
  return { start: j >= 0 ? list[j].price : Number.NaN, qty, quote };
}

/** z-score of the latest OLS residual over each trailing window of inner-aligned 1 s bars, at each bar's end. */
function zScoreSeries(window: number) {
  const pair = alignBars(toBars(of("ETHUSDT"), "1s"), toBars(of("BTCUSDT"), "1s"), { join: "inner" });
  const value = new Float64Array(pair.closeA.length).fill(Number.NaN);
  for (let end = window; end <= value.length; end++) {
    const r = ols(pair.closeA.subarray(end - window, end), pair.closeB.subarray(end - window, end)).residuals;
    const mean = r.reduce((s, v) => s + v, 0) / window;
    const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / (window - 1));
    value[end - 1] = (r[window - 1] - mean) / sd;
  }
  return { time: pair.bucketStart.map((s) => s + 1_000), value };
}

const fireTimes = (events: readonly AlertEvent[], id: string) => events.filter((e) => e.ruleId === id).map((e) => e.time);

describe("AlertFeed over the real capture", () => {
  const rules = [
    rule("btc-price", { kind: "price", symbol: "BTCUSDT" }, { op: "crossesAbove", threshold: 87_700 }, { rearm: 87_650 }),
    rule("eth-drop", { kind: "changePct", symbol: "ETHUSDT", windowMs: 30_000 }, { op: "absAbove", threshold: 0.15 }, { cooldownMs: 60_000 }),
    rule("btc-volume", { kind: "volume", symbol: "BTCUSDT", windowMs: 10_000 }, { op: ">", threshold: 8 }, { forMs: 2_000 }),
    rule("eth-vwap", { kind: "vwapDeviationPct", symbol: "ETHUSDT", windowMs: 60_000 }, { op: "outsideBand", low: -0.04, high: 0.04 }),
    rule("z", { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 }, { op: ">", threshold: 2 }, { forMs: 2_000, rearm: 1 }),
  ];
  const feed = new AlertFeed(rules, { pairGraceMs: 2_000 });
  const events = [...feed.ingest(trades), ...feed.advanceClock(Number.MAX_SAFE_INTEGER)];

  test("every rule fires exactly when a replay of its brute-force metric series says", () => {
    const expected: Record<string, { time: Float64Array; value: Float64Array }> = {
      "btc-price": symbolSeries("BTCUSDT", (i, _t, list) => list[i].price),
      "eth-drop": symbolSeries("ETHUSDT", (i, times, list) => 100 * (list[i].price / scan(i, times, list, 30_000).start - 1)),
      "btc-volume": symbolSeries("BTCUSDT", (i, times, list) => {
        const s = scan(i, times, list, 10_000);
        return Number.isNaN(s.start) ? Number.NaN : s.qty;
      }),
      "eth-vwap": symbolSeries("ETHUSDT", (i, times, list) => {
        const s = scan(i, times, list, 60_000);
        return Number.isNaN(s.start) ? Number.NaN : 100 * (list[i].price / (s.quote / s.qty) - 1);
      }),
      z: zScoreSeries(60),
    };
    for (const r of rules) {
      const reference = backtestAlertRule(r, expected[r.id]);
      expect(reference.length, r.id).toBeGreaterThan(0);
      const got = fireTimes(events, r.id);
      expect(got, r.id).toEqual(reference.map((e) => e.time));
      const values = events.filter((e) => e.ruleId === r.id).map((e) => e.value);
      reference.forEach((e, i) => expect(Math.abs(values[i] - e.value), `${r.id} value ${i}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(e.value))));
    }
  });

  test("the same trades in any batching give the same events", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const again = new AlertFeed(rules, { pairGraceMs: 2_000 });
    const out: AlertEvent[] = [];
    for (let i = 0; i < trades.length; ) {
      const n = 1 + (next() % 700);
      out.push(...again.ingest(trades.slice(i, i + n)));
      i += n;
    }
    out.push(...again.advanceClock(Number.MAX_SAFE_INTEGER));
    expect(out).toEqual(events);
  });

  test("repeated trades are counted late and change nothing", () => {
    const again = new AlertFeed(rules, { pairGraceMs: 2_000 });
    const out = [...again.ingest(trades), ...again.ingest(trades.slice(0, 500)), ...again.advanceClock(Number.MAX_SAFE_INTEGER)];
    expect(out).toEqual(events);
    expect(again.stats().lateTrades).toBe(500);
    expect(again.stats().trades).toBe(trades.length);
  });
});

describe("AlertFeed rules", () => {
  test("rules on one metric share its state; removing one keeps the other's, removing both drops it", () => {
    const a = rule("a", { kind: "changePct", symbol: "BTCUSDT", windowMs: 1_000 }, { op: ">", threshold: 5 });
    const b = rule("b", { kind: "changePct", symbol: "BTCUSDT", windowMs: 1_000 }, { op: ">", threshold: 5 });
    const feed = new AlertFeed([a, b]);
    const t = (id: number, price: number, time: number): Trade => ({ symbol: "BTCUSDT", tradeId: id, price, qty: 1, isBuyerMaker: false, tradeTime: time });
    feed.ingest([t(1, 100, 0), t(2, 100, 1_000)]);
    expect(feed.removeRule("a")).toBe(true);
    expect(feed.ingest([t(3, 110, 1_500)]).map((e) => e.ruleId)).toEqual(["b"]); // window still warm
    expect(feed.removeRule("b")).toBe(true);
    expect(feed.removeRule("b")).toBe(false);
    feed.addRule(a);
    expect(feed.ingest([t(4, 121, 2_000)])).toEqual([]); // a fresh window: not covered yet
    expect(feed.ingest([t(5, 140, 3_100)]).map((e) => e.ruleId)).toEqual(["a"]);
  });

  test("an unwatched symbol's trades only move the clock, which closes pair bars of quiet legs", () => {
    const z = rule("corr", { kind: "correlation", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 3 }, { op: "<", threshold: 2 });
    const feed = new AlertFeed([z], { pairGraceMs: 0 });
    const t = (symbol: string, id: number, price: number, time: number): Trade => ({ symbol, tradeId: id, price, qty: 1, isBuyerMaker: false, tradeTime: time });
    feed.ingest([t("ETHUSDT", 1, 10, 0), t("BTCUSDT", 1, 20, 0), t("ETHUSDT", 2, 11, 1_000), t("BTCUSDT", 2, 21, 1_000)]);
    feed.ingest([t("ETHUSDT", 3, 13, 2_000), t("BTCUSDT", 3, 22, 2_000)]);
    const fired = feed.ingest([t("SOLUSDT", 1, 100, 3_000)]);
    expect(fired.map((e) => [e.ruleId, e.time])).toEqual([["corr", 3_000]]);
    expect(feed.stats().clock).toBe(3_000);
  });
});
