import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRoutes } from "../../../src/api/alerts/routes.ts";
import { onApiError } from "../../../src/api/errors.ts";
import { alignBars, backtestAlertRule, ols, parseAlertRule, type AlertEvent } from "../../../src/engine/index.ts";
import { appendHistory, listHistory, listRules } from "../../../src/store/alert-store.ts";
import { openStore, readTradeStream, type Store } from "../../../src/store/index.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";
import { captureStore } from "../api-store.ts";

const mount = (store: Store): Hono => {
  const app = new Hono();
  app.onError(onApiError);
  app.route("/api", alertRoutes({ store }));
  return app;
};

const call = async (app: Hono, method: string, url: string, body?: unknown) => {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  const res = await app.request(url, init);
  const text = await res.text();
  return { status: res.status, body: text === "" ? null : (JSON.parse(text) as any) };
};

const zRule = {
  name: "ETH/BTC z > 2",
  severity: "warning",
  enabled: true,
  metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 },
  condition: { op: ">", threshold: 2 },
  rearm: 1,
  channels: ["dashboard", "sound"],
};

const event = (ruleId: string, time: number, value: number): AlertEvent => ({
  ruleId,
  name: "n",
  severity: "info",
  metricKey: "price:BTCUSDT",
  time,
  value,
  threshold: 2,
  holdingSince: time,
  message: `price:BTCUSDT = ${value} > 2`,
});

const counts = async (store: Store) =>
  store.read(async (c) => {
    const r = (await c.runAndReadAll("SELECT (SELECT count(*) FROM alerts)::INTEGER, (SELECT count(*) FROM alert_history)::INTEGER")).getRows()[0];
    return { rules: Number(r[0]), history: Number(r[1]) };
  });

const dir = useTempDir("ticklens-alerts-");
let path: string;
let store: Store;
let app: Hono;
beforeAll(async () => {
  path = dir.path("alerts.duckdb");
  store = await openStore(path);
  app = mount(store);
});
afterAll(async () => {
  await store.close();
});

describe("alert rule CRUD", () => {
  it("creates, reads, lists, patches and deletes a rule", async () => {
    const created = await call(app, "POST", "/api/alerts", zRule);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toMatchObject({ ...zRule });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThan(0);
    expect(created.body.updatedAt).toBe(created.body.createdAt);

    expect((await call(app, "GET", `/api/alerts/${id}`)).body).toEqual(created.body);
    const list = await call(app, "GET", "/api/alerts");
    expect(list.body.rules.map((r: any) => r.id)).toContain(id);

    const disabled = await call(app, "PATCH", `/api/alerts/${id}`, { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    expect(disabled.body.condition).toEqual({ op: ">", threshold: 2 });

    // A nested patch merges: only the threshold changes, the op stays.
    const raised = await call(app, "PATCH", `/api/alerts/${id}`, { condition: { threshold: 3 }, forMs: 5000 });
    expect(raised.body.condition).toEqual({ op: ">", threshold: 3 });
    expect(raised.body.forMs).toBe(5000);
    expect(raised.body.createdAt).toBe(created.body.createdAt);
    // null removes an optional field (JSON merge patch).
    expect((await call(app, "PATCH", `/api/alerts/${id}`, { forMs: null })).body.forMs).toBeUndefined();
    // Changing the op replaces the condition object instead of merging stale fields into it.
    const band = await call(app, "PATCH", `/api/alerts/${id}`, { condition: { op: "outsideBand", low: -2, high: 2 }, rearm: null });
    expect(band.status).toBe(200);
    expect(band.body.condition).toEqual({ op: "outsideBand", low: -2, high: 2 });
    expect((await call(app, "GET", `/api/alerts/${id}`)).body).toEqual(band.body);

    expect((await call(app, "DELETE", `/api/alerts/${id}`)).status).toBe(204);
    expect((await call(app, "GET", `/api/alerts/${id}`)).status).toBe(404);
    expect((await call(app, "DELETE", `/api/alerts/${id}`)).status).toBe(404);
    expect((await call(app, "PATCH", `/api/alerts/${id}`, { enabled: true })).status).toBe(404);
  });

  it("answers 404 naming the id for an unknown rule", async () => {
    const res = await call(app, "GET", "/api/alerts/no-such-rule");
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe("id");
  });
});

describe("persistence", () => {
  it("keeps rules and history across a store reopen", async () => {
    const rule = (await call(app, "POST", "/api/alerts", { ...zRule, name: "survivor" })).body;
    const [entry] = await appendHistory(store, [event(rule.id, Date.UTC(2025, 11, 16, 10), 2.5)]);
    await store.close();
    store = await openStore(path);
    app = mount(store);
    expect((await call(app, "GET", `/api/alerts/${rule.id}`)).body).toEqual(rule);
    const history = await call(app, "GET", `/api/alerts/history?ruleId=${rule.id}`);
    expect(history.body.events).toEqual([entry]);
    expect(entry.firedAt).toBe("2025-12-16T10:00:00.000Z");
  });
});

describe("invalid rules are refused with 400 naming the field, nothing written", () => {
  const cases: [string, unknown, string][] = [
    ["not an object", [1, 2], "rule"],
    ["client-chosen id", { ...zRule, id: "mine" }, "id"],
    ["missing name", { ...zRule, name: undefined }, "name"],
    ["empty name", { ...zRule, name: "  " }, "name"],
    ["bad severity", { ...zRule, severity: "loud" }, "severity"],
    ["enabled not boolean", { ...zRule, enabled: "yes" }, "enabled"],
    ["unknown field", { ...zRule, cooldownMS: 5 }, "cooldownMS"],
    ["unknown metric kind", { ...zRule, metric: { kind: "rsi", symbol: "BTCUSDT" } }, "metric.kind"],
    ["lower-case symbol", { ...zRule, metric: { kind: "price", symbol: "btcusdt" } }, "metric.symbol"],
    ["same legs", { ...zRule, metric: { ...zRule.metric, b: "ETHUSDT" } }, "metric.b"],
    ["bad timeframe", { ...zRule, metric: { ...zRule.metric, timeframe: "soon" } }, "metric.timeframe"],
    ["window 1", { ...zRule, metric: { ...zRule.metric, window: 1 } }, "metric.window"],
    ["windowMs 0", { ...zRule, metric: { kind: "volume", symbol: "BTCUSDT", windowMs: 0 } }, "metric.windowMs"],
    ["bad op", { ...zRule, condition: { op: "~", threshold: 1 } }, "condition.op"],
    ["threshold string", { ...zRule, condition: { op: ">", threshold: "2" } }, "condition.threshold"],
    ["band inverted", { ...zRule, rearm: undefined, condition: { op: "outsideBand", low: 2, high: 1 } }, "condition.high"],
    ["rearm on wrong side", { ...zRule, rearm: 3 }, "rearm"],
    ["negative forMs", { ...zRule, forMs: -1 }, "forMs"],
    ["fractional cooldown", { ...zRule, cooldownMs: 1.5 }, "cooldownMs"],
    ["no channels", { ...zRule, channels: [] }, "channels"],
    ["repeated channel", { ...zRule, channels: ["sound", "sound"] }, "channels[1]"],
    ["unknown channel", { ...zRule, channels: ["sms"] }, "channels[0]"],
    ["webhook without url", { ...zRule, channels: ["webhook"] }, "webhookUrl"],
    ["url without webhook", { ...zRule, webhookUrl: "https://x.example" }, "webhookUrl"],
    ["ftp webhook", { ...zRule, channels: ["webhook"], webhookUrl: "ftp://x.example" }, "webhookUrl"],
  ];
  it.each(cases)("POST %s → 400 on %s", async (_label, body, field) => {
    const before = await counts(store);
    const res = await call(app, "POST", "/api/alerts", JSON.parse(JSON.stringify(body)));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_rule");
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(field);
    expect(await counts(store)).toEqual(before);
  });

  it("refuses a body that is not JSON", async () => {
    const before = await counts(store);
    const res = await call(app, "POST", "/api/alerts", "{nope");
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("body");
    expect(await counts(store)).toEqual(before);
  });

  it("refuses patches that would make the rule invalid, leaving it unchanged", async () => {
    const rule = (await call(app, "POST", "/api/alerts", zRule)).body;
    const bad: [unknown, string][] = [
      [{ condition: { threshold: "high" } }, "condition.threshold"],
      [{ rearm: 5 }, "rearm"],
      [{ id: "other" }, "id"],
      [{ name: null }, "name"],
      [{ metric: { window: 0 } }, "metric.window"],
      [{ channels: ["webhook"] }, "webhookUrl"],
      [[1], "rule"],
      [{ severity: 3 }, "severity"],
      [{ extra: true }, "extra"],
    ];
    for (const [patch, field] of bad) {
      const res = await call(app, "PATCH", `/api/alerts/${rule.id}`, patch);
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await call(app, "PATCH", `/api/alerts/${rule.id}`, "{")).status).toBe(400);
    expect((await call(app, "GET", `/api/alerts/${rule.id}`)).body).toEqual(rule);
  });
});

describe("history and acknowledgement", () => {
  it("stores whole-number doubles beyond int64 (a threshold of 1e20, a value of -1e300) and keeps the given order", async () => {
    const t0 = Date.UTC(2025, 11, 16, 13);
    const stored = await appendHistory(store, [
      { ...event("r-big", t0 + 5, -1e300), threshold: 1e20 },
      { ...event("r-big", t0, 3), threshold: 1e20 },
    ]);
    expect(stored.map((e) => [e.value, e.threshold, e.firedAt])).toEqual([
      [-1e300, 1e20, new Date(t0 + 5).toISOString()],
      [3, 1e20, new Date(t0).toISOString()],
    ]);
    expect(stored[1].id).toBe(stored[0].id + 1);
  });

  it("lists appended events newest first, filters by rule, limits, and acknowledges once", async () => {
    const t0 = Date.UTC(2025, 11, 16, 12);
    const stored = await appendHistory(store, [event("r-hist", t0, 2.1), event("r-hist", t0 + 1000, 2.2), event("r-other", t0 + 500, 9)]);
    expect(stored.map((e) => e.acknowledgedAt)).toEqual([null, null, null]);

    const mine = await call(app, "GET", "/api/alerts/history?ruleId=r-hist");
    expect(mine.status).toBe(200);
    expect(mine.body.events.map((e: any) => e.value)).toEqual([2.2, 2.1]);
    const one = await call(app, "GET", "/api/alerts/history?ruleId=r-hist&limit=1");
    expect(one.body.events).toEqual([stored[1]]);

    const before = await counts(store);
    const ack = await call(app, "POST", `/api/alerts/${stored[0].id}/ack`);
    expect(ack.status).toBe(200);
    expect(Date.parse(ack.body.acknowledgedAt)).toBeGreaterThan(0);
    expect(ack.body.id).toBe(stored[0].id);
    const again = await call(app, "POST", `/api/alerts/${stored[0].id}/ack`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_acknowledged");
    const after = (await listHistory(store, { ruleId: "r-hist" })).find((e) => e.id === stored[0].id);
    expect(after?.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(await counts(store)).toEqual(before);

    for (const id of ["999999", "0", "-1", "abc", "1.5", "99999999999999999999"]) {
      const res = await call(app, "POST", `/api/alerts/${id}/ack`);
      expect(res.status, id).toBe(404);
    }
  });

  it("refuses malformed history queries with 400 naming the field", async () => {
    for (const [q, field] of [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["limit=10001", "limit"],
      ["limit=1.5", "limit"],
      ["ruleId=", "ruleId"],
      ["bogus=1", "query"],
    ]) {
      const res = await call(app, "GET", `/api/alerts/history?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.field, q).toBe(field);
    }
  });
});

describe("POST /api/alerts/backtest on the real capture", () => {
  let capture: Awaited<ReturnType<typeof captureStore>>;
  let capApp: Hono;
  beforeAll(async () => {
    capture = await captureStore();
    capApp = mount(capture.store);
  }, 60_000);
  afterAll(async () => capture.cleanup());

  it("fires a zScore rule when the window's residual z-score of the stored 1 s bars says", async () => {
    const res = await call(capApp, "POST", "/api/alerts/backtest", { rule: zRule });
    expect(res.status).toBe(200);
    // Independently: OLS of each trailing 60-bar window of the inner-aligned bars, z of the latest residual.
    const pair = alignBars(
      await capture.store.queryBars({ symbol: "ETHUSDT", timeframe: "1s" }),
      await capture.store.queryBars({ symbol: "BTCUSDT", timeframe: "1s" }),
      { join: "inner" },
    );
    const value = new Float64Array(pair.closeA.length).fill(Number.NaN);
    for (let end = 60; end <= value.length; end++) {
      const r = ols(pair.closeA.subarray(end - 60, end), pair.closeB.subarray(end - 60, end)).residuals;
      const mean = r.reduce((a, v) => a + v, 0) / 60;
      value[end - 1] = (r[59] - mean) / Math.sqrt(r.reduce((a, v) => a + (v - mean) ** 2, 0) / 59);
    }
    const expected = backtestAlertRule(parseAlertRule({ id: "backtest", ...zRule }), { time: pair.bucketStart.map((t) => t + 1000), value });
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.events.map((e: any) => e.time)).toEqual(expected.map((e) => e.time));
    res.body.events.forEach((e: any, i: number) => expect(e.value).toBeCloseTo(expected[i].value, 6));
    expect(res.body.observations).toBe(pair.bucketStart.length);
    expect(res.body.metricKey).toBe("zScore:ETHUSDT:BTCUSDT:1s:60");
  });

  it("backtests a price rule trade by trade, within from/to", async () => {
    const { trades } = await readTradeStream(capture.store, { symbols: ["BTCUSDT"] });
    const mid = trades[Math.floor(trades.length / 2)];
    const rule = { ...zRule, rearm: undefined, metric: { kind: "price", symbol: "BTCUSDT" }, condition: { op: "crossesAbove", threshold: mid.price } };
    const from = trades[100].tradeTime;
    const to = trades[trades.length - 100].tradeTime;
    const res = await call(capApp, "POST", "/api/alerts/backtest", { rule: JSON.parse(JSON.stringify(rule)), from, to: new Date(to).toISOString() });
    expect(res.status).toBe(200);
    // Independently: each trade in [from, to) at the symbol's running-max time, through the evaluator.
    let clock = Number.NEGATIVE_INFINITY;
    const observed = trades.map((t) => ({ time: (clock = Math.max(clock, t.tradeTime)), price: t.price, tradeTime: t.tradeTime }));
    const inRange = observed.filter((o) => o.tradeTime < to);
    const expected = backtestAlertRule(parseAlertRule({ id: "backtest", ...JSON.parse(JSON.stringify(rule)) }), {
      time: inRange.map((o) => o.time),
      value: inRange.map((o) => o.price),
    }).filter((e) => e.time >= from);
    expect(res.body.observations).toBe(inRange.filter((o) => o.tradeTime >= from).length);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.events.map((e: any) => e.time)).toEqual(expected.map((e) => e.time));
  });

  it("backtests every metric kind", async () => {
    const metrics = [
      { kind: "changePct", symbol: "ETHUSDT", windowMs: 30_000 },
      { kind: "volume", symbol: "BTCUSDT", windowMs: 10_000 },
      { kind: "vwapDeviationPct", symbol: "BTCUSDT", windowMs: 60_000 },
      { ...zRule.metric, kind: "spread" },
      { ...zRule.metric, kind: "hedgeRatio" },
      { ...zRule.metric, kind: "correlation" },
      { ...zRule.metric, kind: "adfPValue" },
    ];
    for (const metric of metrics) {
      const res = await call(capApp, "POST", "/api/alerts/backtest", { rule: { ...zRule, rearm: undefined, metric, condition: { op: ">=", threshold: -1e12 } } });
      expect(res.status, metric.kind).toBe(200);
      expect(res.body.observations, metric.kind).toBeGreaterThan(100);
      expect(res.body.events.length, metric.kind).toBe(1); // true from the first defined value on, so exactly one fire
    }
  });

  it("refuses bad backtests with 4xx naming the field, writing nothing", async () => {
    const before = await counts(capture.store);
    const cases: [unknown, number, string][] = [
      ["{", 400, "body"],
      [{}, 400, "rule"],
      [{ rule: zRule, extra: 1 }, 400, "body"],
      [{ rule: { ...zRule, condition: { op: ">" } } }, 400, "rule.condition.threshold"],
      [{ rule: zRule, from: "yesterday-ish" }, 400, "from"],
      [{ rule: zRule, from: 1_765_922_902_000, to: 1_765_922_901_000 }, 400, "to"],
      [{ rule: { ...zRule, metric: { ...zRule.metric, a: "SOLUSDT" } } }, 404, "rule.metric.a"],
      [{ rule: { ...zRule, metric: { ...zRule.metric, window: 100000 } } }, 422, "rule.metric.window"],
      [{ rule: { ...zRule, rearm: undefined, metric: { kind: "price", symbol: "DOGEUSDT" } } }, 404, "rule.metric.symbol"],
    ];
    for (const [body, status, field] of cases) {
      const res = await call(capApp, "POST", "/api/alerts/backtest", typeof body === "string" ? body : JSON.parse(JSON.stringify(body)));
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await counts(capture.store)).toEqual(before);
  });
});

describe("the list reflects the store", () => {
  it("GET /api/alerts returns what listRules reads", async () => {
    const res = await call(app, "GET", "/api/alerts");
    expect(res.body.rules).toEqual(await listRules(store));
  });
});
