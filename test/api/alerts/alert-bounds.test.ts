/**
 * Every number of a rule is bounded at the edge: a rule the live evaluator could not hold (a window of 2^53 bars)
 * is refused with a 400 naming the field, nothing is stored, and later rule changes keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlertService } from "../../../src/alerts/alert-service.ts";
import { createApp } from "../../../src/api/app.ts";
import type { Store } from "../../../src/store/index.ts";
import { captureStore } from "../api-store.ts";

let store: Store;
let cleanup: () => Promise<void>;
let alerts: AlertService;
let app: ReturnType<typeof createApp>["app"];
const noWebhooks = { notify: () => {}, stats: () => ({ delivered: 0, failed: 0, dropped: 0, retried: 0, pending: 0 }), close: async () => {} };

beforeAll(async () => {
  ({ store, cleanup } = await captureStore());
  alerts = await AlertService.start(store, null, { webhooks: noWebhooks });
  app = createApp({ store, alerts }).app;
}, 60_000);
afterAll(async () => {
  await alerts.close();
  await cleanup();
});

const ruleCount = async () => store.read(async (c) => Number((await c.runAndReadAll("SELECT count(*)::INTEGER FROM alerts")).getRows()[0][0]));
const post = (path: string, body: unknown, method = "POST") =>
  app.request(path, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

const zRule = {
  name: "z",
  severity: "info",
  enabled: true,
  metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 },
  condition: { op: ">", threshold: 2 },
  channels: ["dashboard"],
};
const priceRule = { ...zRule, metric: { kind: "price", symbol: "BTCUSDT" } };
const windowed = { ...zRule, metric: { kind: "changePct", symbol: "BTCUSDT", windowMs: 60_000 } };

describe("rule numbers are bounded", () => {
  const cases: [string, unknown, string][] = [
    ["a window of 2^53 - 1 bars", { ...zRule, metric: { ...zRule.metric, window: 9007199254740991 } }, "metric.window"],
    ["a window of 100,001 bars", { ...zRule, metric: { ...zRule.metric, window: 100_001 } }, "metric.window"],
    ["a windowMs of 8 days", { ...windowed, metric: { ...windowed.metric, windowMs: 8 * 86_400_000 } }, "metric.windowMs"],
    ["a forMs of 2^53", { ...zRule, forMs: 2 ** 53 }, "forMs"],
    ["a cooldownMs of 1e15", { ...zRule, cooldownMs: 1e15 }, "cooldownMs"],
    ["a threshold of 1e300", { ...zRule, condition: { op: ">", threshold: 1e300 } }, "condition.threshold"],
    ["a band low of -1e13", { ...zRule, condition: { op: "outsideBand", low: -1e13, high: 1 } }, "condition.low"],
    ["a band high of 1e13", { ...zRule, condition: { op: "outsideBand", low: 0, high: 1e13 } }, "condition.high"],
    ["a rearm of -1e300", { ...priceRule, rearm: -1e300 }, "rearm"],
  ];
  it.each(cases)("%s is a 400 naming the field, and nothing is stored", async (_, body, field) => {
    const before = await ruleCount();
    const res = await post("/api/alerts", body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(json.error).toMatchObject({ code: "invalid_rule", field });
    expect(await ruleCount()).toBe(before);
  });

  it("a patch to an out-of-range number is refused and leaves the rule as it was", async () => {
    const created = await post("/api/alerts", zRule);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await post(`/api/alerts/${id}`, { metric: { window: 9007199254740991 } }, "PATCH");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("metric.window");
    const after = await post(`/api/alerts/${id}`, { enabled: false }, "PATCH");
    expect(after.status).toBe(200);
    expect(((await after.json()) as { metric: { window: number } }).metric.window).toBe(60);
  });

  it("the bounds are in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as any;
    const draft = doc.components.schemas.AlertRuleDraft;
    expect(JSON.stringify(draft)).toContain('"maximum":100000');
    expect(JSON.stringify(draft)).toContain('"maximum":604800000');
    expect(JSON.stringify(draft)).toContain('"maximum":1000000000000');
  });
});

describe("times are strict", () => {
  const bad: unknown[] = ["1.5", "%00", "\u0000", "x 5", "1e308", "99999999999999999", 1.5, 1e308, -1, 0, "2008-12-31T23:59:59Z", "3000-01-01", "yesterday", "2025-12-16 10:00 x"];
  it.each(bad.map((v) => [JSON.stringify(v), v]))("a backtest from of %s is a 400 naming from", async (_, from) => {
    const res = await post("/api/alerts/backtest", { rule: priceRule, from });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: "invalid_parameter", field: "from" });
  });
  it.each(["1.5", "%2500", "x%205", "1e308", "99999999999999999", "-5", "1230767999999", "NaN"])("GET /api/ticks/BTCUSDT?to=%s is a 400 naming to", async (to) => {
    const res = await app.request(`/api/ticks/BTCUSDT?to=${to}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("to");
  });
  it("ISO 8601 and whole epoch ms in range are read", async () => {
    expect((await app.request("/api/ticks/BTCUSDT?from=2025-12-16T22:20:00Z&to=1765924000000&limit=1")).status).toBe(200);
    expect((await post("/api/alerts/backtest", { rule: priceRule, from: "2025-12-16T22:20:00Z", to: 1_765_924_000_000 })).status).toBe(200);
  });
});

describe("bodies are bounded and hostile keys refused", () => {
  /** A body that never ends: 1 KiB chunks of JSON-ish text, counting how many were pulled. */
  const endless = () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(pulled === 1 ? '{"name":"' : "x".repeat(1024)));
      },
    });
    return { stream, pulled: () => pulled };
  };
  it.each([
    ["POST", "/api/alerts"],
    ["POST", "/api/alerts/backtest"],
    ["PATCH", "/api/alerts/some-id"],
  ])("%s %s answers 413 before reading an endless body", async (method, path) => {
    const before = await ruleCount();
    const body = endless();
    const res = await app.request(path, { method, body: body.stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: "too_large", field: "body" });
    expect(body.pulled()).toBeLessThan(200);
    expect(await ruleCount()).toBe(before);
  });

  it("a declared Content-Length past the limit is refused before a byte is read", async () => {
    const { readBodyLimited } = await import("../../../src/api/validation.ts");
    const body = endless();
    const c = { req: { header: (name: string) => (name === "content-length" ? "1000000" : undefined), raw: { body: body.stream } } };
    await expect(readBodyLimited(c as never, 65_536, () => new Error("too large"))).rejects.toThrow("too large");
    expect(body.pulled()).toBeLessThanOrEqual(1); // a stream may pull once when made; nothing was read
  });

  const deep = (n: number): unknown => (n === 0 ? 1 : { x: deep(n - 1) });
  it.each([
    ["__proto__ at the top", '{"__proto__":{"enabled":true},' + JSON.stringify(zRule).slice(1), "__proto__"],
    ["constructor in the metric", JSON.stringify({ ...zRule, metric: { ...zRule.metric, constructor: { prototype: 1 } } }), "metric.constructor"],
    ["prototype in the condition", JSON.stringify({ ...zRule, condition: { op: ">", threshold: 2, prototype: 1 } }), "condition.prototype"],
    ["nesting 40 deep", JSON.stringify({ ...zRule, name: deep(40) }), undefined],
  ])("POST with %s is a 400 and stores nothing", async (_, body, field) => {
    const before = await ruleCount();
    const res = await app.request("/api/alerts", { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { code: string; field: string } }).error;
    expect(error.code).toBe("invalid_body");
    if (field !== undefined) expect(error.field).toBe(field);
    expect(await ruleCount()).toBe(before);
  });

  it("PATCH refuses unknown and prototype keys anywhere, leaving the rule as it was", async () => {
    const created = (await (await post("/api/alerts", zRule)).json()) as { id: string; updatedAt: string };
    const raw = (text: string) => app.request(`/api/alerts/${created.id}`, { method: "PATCH", body: text, headers: { "content-type": "application/json" } });
    for (const [text, field] of [
      ['{"colour":"red"}', "colour"],
      ['{"metric":{"windowSize":3}}', "metric.windowSize"],
      ['{"condition":{"level":3}}', "condition.level"],
      ['{"__proto__":{"enabled":false}}', "__proto__"],
      ['{"metric":{"__proto__":{"window":5}}}', "metric.__proto__"],
    ] as const) {
      const res = await raw(text);
      expect(res.status, text).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field, text).toBe(field);
    }
    const now = (await (await app.request(`/api/alerts/${created.id}`)).json()) as { updatedAt: string };
    expect(now.updatedAt).toBe(created.updatedAt);
  });
});

describe("webhook URLs", () => {
  const hook = (webhookUrl: string) => ({ ...zRule, channels: ["webhook"], webhookUrl });
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://2852039166/",
    "http://0xA9FEA9FE/",
    "http://0251.0376.0251.0376/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://METADATA.GOOGLE.INTERNAL./",
    "file:///etc/passwd",
    "gopher://example.com/",
    "javascript:alert(1)",
    `https://hooks.example.com/${"a".repeat(2048)}`,
  ])("%s is refused naming webhookUrl, nothing stored", async (url) => {
    const before = await ruleCount();
    const res = await post("/api/alerts", hook(url));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("webhookUrl");
    expect(await ruleCount()).toBe(before);
  });

  it("is answered redacted everywhere, kept in full for sending, and a PATCH sending the redacted URL back keeps it", async () => {
    const full = "https://hooks.example.com/T000/B000/very-secret-token?x=1";
    const created = await post("/api/alerts", hook(full));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; webhookUrl: string };
    expect(body.webhookUrl).toBe("https://hooks.example.com/…");
    for (const path of ["/api/alerts", `/api/alerts/${body.id}`]) {
      const text = await (await app.request(path)).text();
      expect(text).not.toContain("very-secret-token");
      expect(text).toContain("https://hooks.example.com/…");
    }
    const patched = await post(`/api/alerts/${body.id}`, { name: "renamed", webhookUrl: "https://hooks.example.com/…" }, "PATCH");
    expect(patched.status).toBe(200);
    expect(await patched.text()).not.toContain("very-secret-token");
    const { listRules } = await import("../../../src/store/alert-store.ts");
    const stored = (await listRules(store)).find((r) => r.id === body.id) as { webhookUrl?: string; name: string };
    expect(stored).toMatchObject({ name: "renamed", webhookUrl: full });
  });
});
