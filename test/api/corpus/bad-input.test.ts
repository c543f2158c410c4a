/**
 * The bad-input corpus: hundreds of hostile requests generated from lists (every query parameter of every GET route
 * × hostile values, path parameters, rule bodies with every field broken in turn, patches, backtests, uploads with
 * corrupt lines). Each is answered below 500, a refusal in the one error shape `{ error: { code, message, field } }`,
 * and nothing a refused request sent is written (rows of alerts, tick_data and uploaded_data counted around each).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlertService } from "../../../src/alerts/alert-service.ts";
import { createApp } from "../../../src/api/app.ts";
import { alertRuleDraftSchema } from "../../../src/engine/index.ts";
import type { Store } from "../../../src/store/index.ts";
import { CORRUPT_CAPTURE, readRepoText } from "../../helpers/paths.ts";
import { captureStore } from "../api-store.ts";

/** Query values, already URL-encoded as they go on the wire. */
const HOSTILE: readonly (readonly [string, string])[] = [
  ["-1", "-1"],
  ["0", "0"],
  ["1e308", "1e308"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["2^53+1", "9007199254740993"],
  ["17 digits", "99999999999999999"],
  ["1.5", "1.5"],
  ["NUL", "%00"],
  ["SQL", "'%3B%20DROP%20TABLE%20tick_data%3B%20--"],
  ["10 kB", "x".repeat(10_000)],
  ["lone surrogate", "%ED%A0%80"],
  ["bad escape", "%"],
  ["empty", ""],
  ["space", "x%205"],
  ["emoji", "%F0%9F%92%A5"],
  ["JSON", "%7B%22a%22%3A1%7D"],
  ["path", "..%2F..%2Fetc%2Fpasswd"],
];

/** A GET route with query parameters: a valid base query and the parameters to break in turn. */
interface GetRoute {
  readonly path: string;
  readonly base: Record<string, string>;
  readonly params: readonly string[];
}

/** Every GET route with query parameters. */
const GET_ROUTES: readonly GetRoute[] = [
  { path: "/api/ticks/BTCUSDT", base: { limit: "5" }, params: ["from", "to", "limit", "cursor", "order"] },
  { path: "/api/ohlc/BTCUSDT", base: { timeframe: "1m", limit: "5" }, params: ["timeframe", "from", "to", "limit"] },
  { path: "/api/analytics/pairs", base: { a: "ETHUSDT", b: "BTCUSDT", timeframe: "1m", window: "10" }, params: ["a", "b", "timeframe", "window", "method", "join", "from", "to"] },
  { path: "/api/analytics/stats", base: { symbols: "BTCUSDT,ETHUSDT", timeframe: "1m", window: "10" }, params: ["symbols", "timeframe", "window"] },
  { path: "/api/alerts/history", base: {}, params: ["ruleId", "limit"] },
  ...["csv", "parquet"].flatMap((format): GetRoute[] => [
    { path: `/api/export/${format}`, base: { dataset: "ticks", symbol: "BTCUSDT", from: "2025-12-16T22:20:00Z", to: "2025-12-16T22:20:05Z" }, params: ["dataset", "symbol", "from", "to", "timeframe"] },
    { path: `/api/export/${format}`, base: { dataset: "pairs", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1m", window: "10" }, params: ["a", "b", "window", "method", "join"] },
  ]),
];

const query = (q: Record<string, string>) => Object.entries(q).map(([k, v]) => `${k}=${v}`).join("&");

let store: Store;
let cleanup: () => Promise<void>;
let alerts: AlertService;
let app: ReturnType<typeof createApp>["app"];
let ruleId: string;
const noWebhooks = { notify: () => {}, stats: () => ({ delivered: 0, failed: 0, dropped: 0, retried: 0, pending: 0 }), close: async () => {} };

const validRule = {
  name: "corpus",
  severity: "info",
  enabled: true,
  metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 },
  condition: { op: ">", threshold: 2 },
  forMs: 1_000,
  cooldownMs: 1_000,
  rearm: 1,
  channels: ["dashboard", "webhook"],
  webhookUrl: "https://hooks.example.com/x",
};

beforeAll(async () => {
  ({ store, cleanup } = await captureStore());
  alerts = await AlertService.start(store, null, { webhooks: noWebhooks });
  app = createApp({ store, alerts }).app;
  const res = await app.request("/api/alerts", { method: "POST", body: JSON.stringify(validRule), headers: { "content-type": "application/json" } });
  ruleId = ((await res.json()) as { id: string }).id;
}, 60_000);
afterAll(async () => {
  await alerts.close();
  await cleanup();
});

/** Rows of the written tables, and the stored rules as JSON (a refused patch must not change them). */
const snapshot = async () =>
  store.read(async (c) => {
    const r = (
      await c.runAndReadAll(
        "SELECT (SELECT count(*) FROM alerts)::INTEGER, (SELECT count(*) FROM tick_data)::INTEGER, (SELECT count(*) FROM uploaded_data)::INTEGER, (SELECT string_agg(rule::VARCHAR || epoch_us(updated_at)::VARCHAR, '|' ORDER BY id) FROM alerts)",
      )
    ).getRows()[0];
    return { alerts: Number(r[0]), ticks: Number(r[1]), uploads: Number(r[2]), rules: String(r[3]) };
  });

/**
 * Sends one request and checks the answer: below 500, a refusal in the error shape, and nothing written when
 * refused. Accepted requests that write are undone (a created rule deleted) so the next case starts the same.
 */
async function check(method: string, url: string, init: RequestInit = {}): Promise<number> {
  const before = await snapshot();
  const res = await app.request(url, { method, ...init });
  const text = await res.text();
  expect(res.status, `${method} ${url.slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    const body = JSON.parse(text) as { error: { code: unknown; message: unknown; field: unknown } };
    expect(body.error.code, url.slice(0, 200)).toBeTypeOf("string");
    expect(body.error.message, url.slice(0, 200)).toBeTypeOf("string");
    expect(body.error.field === null || typeof body.error.field === "string", url.slice(0, 200)).toBe(true);
    expect(await snapshot(), `${method} ${url.slice(0, 200)} wrote`).toEqual(before);
  } else if (method === "POST" && url === "/api/alerts") {
    await app.request(`/api/alerts/${(JSON.parse(text) as { id: string }).id}`, { method: "DELETE" });
  }
  return res.status;
}

const json = (body: string) => ({ body, headers: { "content-type": "application/json" } });

describe("GET query parameters × hostile values", () => {
  const cases = GET_ROUTES.flatMap((r) =>
    r.params.flatMap((p) => [
      ...HOSTILE.map(([what, v]) => [`${r.path} ${r.base.dataset ?? ""} ${p}=${what}`, `${r.path}?${query({ ...r.base, [p]: v })}`] as const),
      [`${r.path} ${r.base.dataset ?? ""} ${p} twice`, `${r.path}?${query(r.base)}&${p}=${r.base[p] ?? "1"}&${p}=2`] as const,
    ]),
  );
  const unknown = GET_ROUTES.map((r) => [`${r.path} unknown parameter`, `${r.path}?${query({ ...r.base, zzz: "1" })}`] as const);
  it.each([...cases, ...unknown])("%s", async (_, url) => {
    await check("GET", url);
  });

  it("the typed parameters refuse the values that are not theirs", async () => {
    for (const [p, values] of [
      ["limit", ["-1", "0", "1e308", "NaN", "9007199254740993", "1.5", "%00"]],
      ["from", ["1.5", "%00", "x%205", "1e308", "99999999999999999", "-1", "NaN"]],
      ["to", ["1.5", "%00", "x%205", "1e308", "99999999999999999", "-1", "NaN"]],
    ] as const) {
      for (const v of values) {
        const res = await app.request(`/api/ticks/BTCUSDT?${p}=${v}`);
        expect(res.status, `${p}=${v}`).toBe(400);
        expect(((await res.json()) as { error: { field: string } }).error.field, `${p}=${v}`).toBe(p);
      }
    }
  });
});

describe("path parameters × hostile values", () => {
  const cases = HOSTILE.filter(([, v]) => v !== "").flatMap(([what, v]) => [
    ["GET", `/api/ticks/${v}`, what],
    ["GET", `/api/ohlc/${v}?timeframe=1m`, what],
    ["GET", `/api/alerts/${v}`, what],
    ["DELETE", `/api/alerts/${v}`, what],
    ["PATCH", `/api/alerts/${v}`, what],
    ["POST", `/api/alerts/${v}/ack`, what],
  ]);
  it.each(cases)("%s %s (%s)", async (method, url) => {
    await check(method, url, method === "PATCH" ? json('{"enabled":false}') : {});
  });
});

/** Every field path of the valid rule, each replaced in turn by each broken value. */
const BROKEN: readonly (readonly [string, unknown])[] = [
  ["null", null],
  ["empty string", ""],
  ["string", "x"],
  ["-1", -1],
  ["0", 0],
  ["1.5", 1.5],
  ["1e308", 1e308],
  ["-1e308", -1e308],
  ["2^53-1", 9007199254740991],
  ["true", true],
  ["array", [1, 2]],
  ["object", { a: 1 }],
  ["10 kB string", "x".repeat(10_000)],
  ["deep", JSON.parse("[".repeat(40) + "]".repeat(40))],
];
const FIELD_PATHS: readonly string[][] = [
  ["name"],
  ["severity"],
  ["enabled"],
  ["metric"],
  ["metric", "kind"],
  ["metric", "a"],
  ["metric", "b"],
  ["metric", "timeframe"],
  ["metric", "window"],
  ["condition"],
  ["condition", "op"],
  ["condition", "threshold"],
  ["forMs"],
  ["cooldownMs"],
  ["rearm"],
  ["channels"],
  ["webhookUrl"],
];
const withField = (rule: unknown, path: readonly string[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const copy = { ...(rule as Record<string, unknown>) };
  copy[path[0]] = withField(copy[path[0]], path.slice(1), value);
  return copy;
};

describe("rule bodies with every field broken in turn", () => {
  const cases = FIELD_PATHS.flatMap((path) => BROKEN.map(([what, v]) => [path.join("."), what, withField(validRule, path, v)] as const));
  it.each(cases)("POST /api/alerts with %s = %s", async (_, __, body) => {
    const status = await check("POST", "/api/alerts", json(JSON.stringify(body)));
    // The rule schema decides; the API agrees with it (never a 5xx, never a rule it refuses).
    expect(status).toBe(alertRuleDraftSchema.safeParse(body).success ? 201 : 400);
  });

  it.each(cases)("PATCH /api/alerts/{id} with %s = %s", async (_, __, body) => {
    const path = _.split(".");
    const patch = path.length === 1 ? { [path[0]]: (body as Record<string, unknown>)[path[0]] } : { [path[0]]: (body as Record<string, Record<string, unknown>>)[path[0]] };
    await check("PATCH", `/api/alerts/${ruleId}`, json(JSON.stringify(patch)));
    // Put the rule back as it was for the next case.
    await app.request(`/api/alerts/${ruleId}`, { method: "PATCH", ...json(JSON.stringify({ ...validRule, metric: validRule.metric })) });
  });

  it.each(FIELD_PATHS.flatMap((path) => BROKEN.slice(0, 8).map(([what, v]) => [path.join("."), what, { rule: withField(validRule, path, v) }] as const)))(
    "POST /api/alerts/backtest with rule.%s = %s",
    async (_, __, body) => {
      await check("POST", "/api/alerts/backtest", json(JSON.stringify(body)));
    },
  );

  it.each([...BROKEN, ["ISO far future", "3000-01-01"], ["before 2009", "2008-12-31"], ["spaces", " 1765922900000 "]] as const)(
    "POST /api/alerts/backtest with from = %s",
    async (_, from) => {
      const status = await check("POST", "/api/alerts/backtest", json(JSON.stringify({ rule: { ...validRule, channels: ["dashboard"], webhookUrl: undefined }, from })));
      expect(status).toBe(400);
    },
  );
});

describe("hostile JSON bodies", () => {
  const bodies: readonly (readonly [string, string])[] = [
    ["not JSON", "{"],
    ["empty", ""],
    ["a number", "1"],
    ["null", "null"],
    ["an array", "[1,2]"],
    ["a string", '"rule"'],
    ["__proto__", `{"__proto__":{"enabled":true},${JSON.stringify(validRule).slice(1)}`],
    ["constructor", JSON.stringify({ ...validRule, constructor: { prototype: { polluted: true } } })],
    ["prototype", JSON.stringify({ ...validRule, metric: { ...validRule.metric, prototype: 1 } })],
    ["1,000 deep", "[".repeat(1000) + "]".repeat(1000)],
    ["100,000 deep", "[".repeat(100_000) + "]".repeat(100_000)],
    ["huge number", JSON.stringify(validRule).replace('"window":60', `"window":1${"0".repeat(400)}`)],
    ["lone surrogate", JSON.stringify(validRule).replace('"corpus"', '"\\ud800"')],
    ["invalid UTF-8", "\u00ff\u00fe"],
    ["NUL in name", JSON.stringify({ ...validRule, name: "a\u0000b" })],
    ["70 kB", JSON.stringify({ ...validRule, name: "x".repeat(70_000) })],
    ["unknown field", JSON.stringify({ ...validRule, cooldownMS: 1 })],
  ];
  const targets = [
    ["POST", "/api/alerts"],
    ["POST", "/api/alerts/backtest"],
    ["PATCH", "/api/alerts/{id}"],
  ] as const;
  it.each(targets.flatMap(([method, url]) => bodies.map(([what, body]) => [method, url, what, body] as const)))("%s %s: %s", async (method, url, what, body) => {
    const status = await check(method, url.replace("{id}", ruleId), json(body));
    if (what !== "NUL in name" && what !== "lone surrogate") expect(status).toBeGreaterThanOrEqual(400);
  });
});

describe("uploads with corrupt lines", () => {
  const header = "symbol,trade_id,price,qty,quote_qty,is_buyer_maker,trade_time,event_time,recv_time,source";
  const good = "BTCUSDT,900000001,87000.1,0.01,870.001,0,1765922900000000,1765922900000000,1765922900000000,upload";
  const corrupt: readonly (readonly [string, string])[] = [
    ["the corrupt capture", readRepoText(CORRUPT_CAPTURE)],
    ["NaN price", `${header}\n${good}\n${good.replace("87000.1", "NaN").replace("900000001", "900000002")}\n`],
    ["negative qty", `${header}\n${good}\n${good.replace("0.01", "-0.01").replace("900000001", "900000002")}\n`],
    ["huge time", `${header}\n${good}\n${good.replaceAll("1765922900000000", "99999999999999999999").replace("900000001", "900000002")}\n`],
    ["1e308 price", `${header}\n${good}\n${good.replace("87000.1", "1e308").replace("900000001", "900000002")}\n`],
    ["SQL in symbol", `${header}\n${good}\n${good.replace("BTCUSDT", "'; DROP TABLE tick_data; --").replace("900000001", "900000002")}\n`],
    ["missing column", `${header}\n${good}\nBTCUSDT,900000002,87000\n`],
    ["extra column", `${header}\n${good}\n${good.replace("900000001", "900000002")},extra\n`],
    ["NUL byte", `${header}\n${good}\n${good.replace("upload", "up\u0000load").replace("900000001", "900000002")}\n`],
    ["binary", "\u0000\u0001\u0002\u00ff"],
    ["header only", `${header}\n`],
    ["empty", ""],
  ];
  let n = 0;
  it.each(corrupt)("%s is refused with nothing stored", async (_, text) => {
    const status = await check("POST", `/api/upload?kind=ticks&name=corpus-${n++}`, { body: text, headers: { "content-type": "text/csv" } });
    expect(status).toBeGreaterThanOrEqual(400);
  });
  it.each(HOSTILE.map(([what, v]) => [what, v] as const))("upload query name=%s", async (_, v) => {
    await check("POST", `/api/upload?kind=ticks&name=${v}`, { body: "x,y\n1,2\n", headers: { "content-type": "text/csv" } });
  });
});
