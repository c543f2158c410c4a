// The OpenAPI document, generated from the routes' schemas, against the app itself: it is valid OpenAPI 3.1, it
// lists exactly the routes Hono's route table holds (with their path parameters), every documented GET answers a
// documented status, the statuses and error codes real refusals carry are the documented ones, and the bounds the
// validators check are stated.
import { spawnSync } from "node:child_process";
import { upgradeWebSocket } from "@hono/node-server";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApp } from "../../../src/api/app.ts";
import { startApiServer } from "../../../src/api/server.ts";
import { ALERT_CHANNELS, ALERT_CONDITION_OPS, ALERT_METRIC_KINDS, ALERT_SEVERITIES } from "../../../src/engine/index.ts";
import type { Store } from "../../../src/store/index.ts";
import { withCaptureApp } from "../api-store.ts";

let store: Store;
let app: ReturnType<typeof createApp>["app"];
withCaptureApp((s, a) => ((store = s), (app = a)));

type Schema = { [key: string]: unknown; $ref?: string; example?: unknown; oneOf?: Schema[]; properties?: Record<string, Schema> };
type Param = { name: string; in: string; required?: boolean; example?: unknown; schema?: Schema };
type Response = { description: string; content?: Record<string, { schema?: Schema }> };
type Operation = { summary: string; operationId: string; parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, Response> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

// A fully built app, with a WebSocket adapter as server.ts builds it (so /ws/live is registered too). Nothing here
// reads the store: the document and the route table are all that is looked at.
const full = createApp({ store: null as unknown as Store }, { upgradeWebSocket });
const doc = (await (await full.app.request("/api/openapi.json")).json()) as Document;
const routeTable = full.app.routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, path: r.path }));
full.close();

const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
const documented = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort();
const operation = (path: string, method: string): Operation => {
  const op = doc.paths[path]?.[method];
  expect(op, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  return op;
};
const parameter = (path: string, name: string, method = "get"): Param => {
  const p = (operation(path, method).parameters ?? []).find((q) => q.name === name);
  expect(p, `${path} documents ${name}`).toBeDefined();
  return p!;
};
/** A schema with its reference resolved and an `allOf` (an extended component) merged. */
const component = (schema: Schema): Schema => {
  const resolved = schema.$ref ? doc.components.schemas[schema.$ref.replace("#/components/schemas/", "")] : schema;
  const parts = (resolved.allOf as Schema[] | undefined)?.map(component) ?? [];
  return parts.reduce<Schema>((all, part) => ({ ...all, ...part, properties: { ...all.properties, ...part.properties } }), resolved);
};
const exampleOf = (p: Param) => p.example ?? p.schema?.example;

/** The documented path with its path parameters and required query parameters filled from their examples. */
function exampleUrl(path: string, op: Operation): string {
  const params = op.parameters ?? [];
  let url = path;
  for (const p of params.filter((p) => p.in === "path")) {
    expect(exampleOf(p), `${path}: path parameter ${p.name} needs an example`).toBeDefined();
    url = url.replace(`{${p.name}}`, encodeURIComponent(String(exampleOf(p))));
  }
  const query = params.filter((p) => p.in === "query" && p.required).map((p) => {
    expect(exampleOf(p), `${path}: required ${p.name} needs an example`).toBeDefined();
    return `${p.name}=${encodeURIComponent(String(exampleOf(p)))}`;
  });
  return query.length > 0 ? `${url}?${query.join("&")}` : url;
}

const isNoRoute = async (res: globalThis.Response) => {
  if (res.status !== 404) return false;
  const text = await res.clone().text();
  return text.includes('"not_found"');
};

describe("the generated OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("has a summary, a unique operationId and responses on every operation", () => {
    const ids = new Set<string>();
    for (const { path, op } of operations) {
      expect(op.summary.length, path).toBeGreaterThan(0);
      expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
      expect(ids.has(op.operationId), op.operationId).toBe(false);
      ids.add(op.operationId);
    }
  });

  it("documents every route the app registers (read from Hono's route table) with its path parameters, and nothing else", () => {
    const registered = [...new Set(routeTable.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`))].sort();
    expect(registered).toEqual(documented);
    for (const { method, path } of routeTable) {
      const names = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const op = operation(path.replace(/:([A-Za-z]+)/g, "{$1}"), method.toLowerCase());
      const inPath = (op.parameters ?? []).filter((p) => p.in === "path");
      expect(inPath.map((p) => p.name).sort(), `${method} ${path}`).toEqual([...names].sort());
      for (const p of inPath) expect(p.required, `${path}: ${p.name}`).toBe(true);
    }
  });

  it("is the document the app serves, whether or not it has a WebSocket adapter (then without /ws/live)", async () => {
    const served = (await (await app.request("/api/openapi.json")).json()) as Document;
    const { "/ws/live": live, ...rest } = doc.paths;
    expect(live.get.responses["101"]).toBeDefined();
    expect(served.paths).toEqual(rest);
    expect(served.components).toEqual(doc.components);
  });

  it("is generated whether the engine or the API is imported first", () => {
    // zod 4 gives a schema the `.openapi()` of @hono/zod-openapi only when it is made after that module loaded.
    const run = spawnSync(process.execPath, ["--import", "tsx", "test/api/health/engine-first.ts"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as { status: number; schemas: string[] };
    expect(out.status).toBe(200);
    expect(out.schemas.sort()).toEqual(Object.keys(doc.components.schemas).sort());
  });

  it("renders /api/docs from the document", async () => {
    const html = await (await app.request("/api/docs")).text();
    for (const { path, method } of operations.filter((o) => o.path !== "/ws/live")) {
      expect(html).toContain(`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td>`);
    }
    expect(html).toContain("<code>limit</code> (query): type &quot;integer&quot;, minimum 1, maximum 100000, default 1000");
    expect(html).toContain("<code>error.code</code>: <code>unknown_symbol</code>");
  });

  it.each(operations.filter((o) => o.method === "get" && o.path !== "/ws/live").map((o) => [o.path, o.op] as const))(
    "GET %s with its example parameters is routed, and answers a documented status below 500",
    async (path, op) => {
      const res = await app.request(exampleUrl(path, op));
      expect(await isNoRoute(res)).toBe(false);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(op.responses)).toContain(String(res.status));
      await res.body?.cancel(); // a download not read would keep its temporary file (the Parquet export's)
    },
  );

  it.each(operations.filter((o) => o.method === "post").map((o) => [o.path, o.op] as const))(
    "POST %s is routed (an empty body is refused as the document says)",
    async (path, op) => {
      const res = await app.request(exampleUrl(path, op), { method: "POST", headers: { "content-type": "application/json" }, body: "" });
      expect(await isNoRoute(res)).toBe(false);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(op.responses)).toContain(String(res.status));
      await res.body?.cancel(); // a download not read would keep its temporary file (the Parquet export's)
    },
  );

  it("answers a path it does not document with 404 not_found", async () => {
    const res = await app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("the document states the bounds the validators check", () => {
  it("query and path parameters: patterns, minimum, maximum, defaults, enums, required", () => {
    expect(parameter("/api/ticks/{symbol}", "limit").schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100_000, default: 1_000 });
    expect(parameter("/api/ticks/{symbol}", "order").schema).toMatchObject({ enum: ["asc", "desc"], default: "desc" });
    expect(parameter("/api/ticks/{symbol}", "cursor").schema).toMatchObject({ type: "integer", minimum: 0 });
    // The symbol is upper-cased before it is checked: the document states what may be typed.
    const symbol = parameter("/api/ticks/{symbol}", "symbol");
    expect(symbol).toMatchObject({ in: "path", required: true });
    expect(new RegExp(String(symbol.schema?.pattern)).test("btcusdt")).toBe(true);
    expect(new RegExp(String(symbol.schema?.pattern)).test("BTC-USDT")).toBe(false);
    expect(parameter("/api/ohlc/{symbol}", "timeframe").schema).toMatchObject({ pattern: "^[1-9][0-9]{0,5}[smhd]$", default: "1m" });
    expect(parameter("/api/analytics/pairs", "window").schema).toMatchObject({ minimum: 3, maximum: 100_000, default: 60 });
    expect(parameter("/api/analytics/pairs", "method").schema?.enum).toEqual(["ols", "huber", "theil-sen", "kalman"]);
    expect(parameter("/api/analytics/pairs", "a").required).toBe(true);
    expect(parameter("/api/analytics/stats", "symbols")).toMatchObject({ required: true });
    expect(parameter("/api/alerts/history", "limit").schema).toMatchObject({ minimum: 1, maximum: 10_000, default: 100 });
    expect(parameter("/api/upload", "kind", "post")).toMatchObject({ required: true, schema: { enum: ["ticks", "ohlc"] } });
    expect(parameter("/api/export/csv", "dataset").schema).toMatchObject({ enum: ["ticks", "ohlc", "pairs"], default: "ticks" });
  });

  it("the alert rule body is the rule schema: metric kinds, ops, severities and channels as enums", () => {
    const draft = component(operation("/api/alerts", "post").requestBody!.content["application/json"].schema);
    const props = draft.properties!;
    const values = (options: Schema[] | undefined, key: string) =>
      (options ?? []).flatMap((o) => (o.properties?.[key]?.enum as string[] | undefined) ?? [o.properties?.[key]?.const as string]);
    expect(values(props.metric.oneOf, "kind").sort()).toEqual([...ALERT_METRIC_KINDS].sort());
    expect(values(props.condition.oneOf, "op").sort()).toEqual([...ALERT_CONDITION_OPS].sort());
    expect(props.severity.enum).toEqual([...ALERT_SEVERITIES]);
    expect((props.channels.items as Schema).enum).toEqual([...ALERT_CHANNELS]);
    expect(draft.required).toEqual(expect.arrayContaining(["name", "severity", "enabled", "metric", "condition", "channels"]));
    expect(props.id).toBeUndefined(); // the server assigns it
    // The backtest takes a rule too, its id optional; the stored rule is answered with its times.
    const backtest = component(operation("/api/alerts/backtest", "post").requestBody!.content["application/json"].schema);
    expect(values(backtest.properties!.rule.properties!.metric.oneOf, "kind").sort()).toEqual([...ALERT_METRIC_KINDS].sort());
    expect(backtest.properties!.rule.required).not.toContain("id");
    const stored = component(operation("/api/alerts/{id}", "get").responses["200"].content!["application/json"].schema!);
    expect(stored.required).toEqual(expect.arrayContaining(["id", "createdAt", "updatedAt"]));
    expect(component(operation("/api/alerts/{id}", "patch").requestBody!.content["application/json"].schema).properties?.metric).toBeDefined();
  });

  it("the SQL body, and the content types of Arrow, CSV, Parquet and text answers", () => {
    const sql = component(operation("/api/sql", "post").requestBody!.content["application/json"].schema);
    expect(sql.required).toEqual(["sql"]);
    expect(sql.properties!.sql).toMatchObject({ maxLength: 100_000 });
    expect(sql.properties!.limit).toMatchObject({ minimum: 1, maximum: 100_000, default: 10_000 });
    expect(sql.properties!.format.enum).toEqual(["json", "arrow"]);
    const content = (path: string, method = "get") => Object.keys(operation(path, method).responses["200"].content ?? {});
    expect(content("/api/sql", "post")).toEqual(["application/json", "application/vnd.apache.arrow.stream"]);
    expect(content("/api/ticks/{symbol}")).toContain("application/vnd.apache.arrow.stream");
    expect(content("/api/ohlc/{symbol}")).toContain("application/vnd.apache.arrow.stream");
    expect(content("/api/export/csv")).toEqual(["text/csv"]);
    expect(content("/api/export/parquet")).toEqual(["application/vnd.apache.parquet"]);
    expect(content("/metrics")[0]).toMatch(/^text\/plain/);
    expect(Object.keys(operation("/api/upload", "post").requestBody!.content)).toEqual(expect.arrayContaining(["text/csv", "multipart/form-data"]));
  });

  it("the error shape is one registered component, used by every refusal", () => {
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"], properties: { error: { required: ["code", "message", "field"] } } });
    for (const { path, method, op } of operations) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
        expect(response.description, `${method} ${path} ${status}`).toMatch(/`error\.code`: `[a-z_]+`/);
        const schema = component(response.content!["application/json"].schema!);
        expect(schema.properties?.error, `${method} ${path} ${status}`).toEqual(doc.components.schemas.Error.properties!.error);
      }
    }
  });
});

describe("documented statuses and error codes are the ones the app answers", () => {
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const sql = (body: unknown) => json("POST", body);
  const rule = { name: "r", severity: "info", enabled: true, metric: { kind: "price", symbol: "BTCUSDT" }, condition: { op: ">", threshold: 1 }, channels: ["sound"] };
  const cases: [string, string, RequestInit | undefined, number, string][] = [
    ["/api/ticks/{symbol}", "/api/ticks/DOGEUSDT", undefined, 404, "unknown_symbol"],
    ["/api/ticks/{symbol}", "/api/ticks/BTCUSDT?order=up", undefined, 400, "invalid_parameter"],
    ["/api/ticks/{symbol}", "/api/ticks/BTC-USDT", undefined, 400, "invalid_parameter"],
    ["/api/ohlc/{symbol}", "/api/ohlc/BTCUSDT?timeframe=7m", undefined, 400, "invalid_parameter"],
    ["/api/ohlc/{symbol}", "/api/ohlc/BTCUSDT?bogus=1", undefined, 400, "invalid_parameter"],
    ["/api/analytics/pairs", "/api/analytics/pairs?a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=500", undefined, 422, "insufficient_data"],
    ["/api/analytics/pairs", "/api/analytics/pairs?a=ETHUSDT&b=SOLUSDT", undefined, 404, "unknown_symbol"],
    ["/api/analytics/stats", "/api/analytics/stats?symbols=BTCUSDT&timeframe=1d", undefined, 422, "insufficient_data"],
    ["/api/sql", "/api/sql", sql({ sql: "SELEC 1" }), 400, "sql_syntax"],
    ["/api/sql", "/api/sql", sql({ sql: "DELETE FROM tick_data" }), 400, "not_select"],
    ["/api/sql", "/api/sql", sql({ sql: "SELECT * FROM read_csv('/etc/passwd')" }), 400, "forbidden_table_function"],
    ["/api/sql", "/api/sql", sql({ sql: "SELECT getenv('HOME')" }), 400, "forbidden_function"],
    ["/api/sql", "/api/sql", sql({ sql: "SELECT * FROM nope" }), 400, "unknown_relation"],
    ["/api/sql", "/api/sql", sql({ sql: "SELECT 1/'x'" }), 400, "sql_error"],
    ["/api/sql", "/api/sql", sql({ sql: "SELECT 1", limit: 0 }), 400, "invalid_parameter"],
    ["/api/sql", "/api/sql", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }, 400, "invalid_body"],
    ["/api/sql", "/api/sql", sql({ sql: "x".repeat(500_000) }), 413, "body_too_large"],
    ["/api/upload", "/api/upload?kind=ticks&name=x1", { method: "POST", headers: { "content-type": "image/png" }, body: "x" }, 415, "unsupported_media_type"],
    ["/api/upload", "/api/upload?kind=ticks&name=x2", { method: "POST", headers: { "content-type": "text/csv" }, body: "a,b\n1,2\n" }, 400, "invalid_parameter"],
    ["/api/upload", "/api/upload?kind=trades&name=x3", { method: "POST", headers: { "content-type": "text/csv" }, body: "a,b\n1,2\n" }, 400, "invalid_parameter"],
    ["/api/export/csv", "/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=500", undefined, 422, "insufficient_data"],
    ["/api/export/parquet", "/api/export/parquet?symbol=DOGEUSDT", undefined, 404, "unknown_symbol"],
    ["/api/alerts", "/api/alerts", json("POST", { ...rule, severity: "loud" }), 400, "invalid_rule"],
    ["/api/alerts", "/api/alerts", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }, 400, "invalid_body"],
    ["/api/alerts/history", "/api/alerts/history?limit=0", undefined, 400, "invalid_parameter"],
    ["/api/alerts/backtest", "/api/alerts/backtest", json("POST", { rule: { ...rule, channels: [] } }), 400, "invalid_rule"],
    ["/api/alerts/backtest", "/api/alerts/backtest", json("POST", { rule, from: "soon" }), 400, "invalid_parameter"],
    ["/api/alerts/backtest", "/api/alerts/backtest", json("POST", { rule: { ...rule, metric: { kind: "price", symbol: "DOGEUSDT" } } }), 404, "unknown_symbol"],
    ["/api/alerts/{id}", "/api/alerts/no-such-rule", undefined, 404, "unknown_alert"],
    ["/api/alerts/{id}", "/api/alerts/no-such-rule", json("PATCH", { enabled: false }), 404, "unknown_alert"],
    ["/api/alerts/{id}", "/api/alerts/no-such-rule", { method: "DELETE" }, 404, "unknown_alert"],
    ["/api/alerts/{id}/ack", "/api/alerts/abc/ack", { method: "POST" }, 404, "unknown_alert"],
  ];
  it.each(cases.map(([path, url, init, status, code]) => [path, url, status, code, init] as const))("%s: %s → %i %s", async (path, url, status, code, init) => {
    const res = await app.request(url, init);
    const body = (await res.json()) as { error: { code: string } };
    expect([res.status, body.error.code]).toEqual([status, code]);
    const method = init?.method?.toLowerCase() ?? "get";
    const response = operation(path, method).responses[String(status)];
    expect(response, `${method} ${path} documents ${status}`).toBeDefined();
    expect(response.description).toContain(`\`${code}\``);
  });

  it("documents 401 unauthorized on every /api route but /api/health (and the token on /ws/live), as a token-protected app answers", async () => {
    const guarded = createApp({ store, token: "secret-token" }).app;
    const guardedOps = operations.filter(({ op }) => (op as { security?: unknown[] }).security !== undefined);
    const expected = operations.filter(({ path }) => (path.startsWith("/api/") && path !== "/api/health") || path === "/ws/live");
    expect(guardedOps.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(expected.map(({ method, path }) => `${method} ${path}`).sort());
    expect(guardedOps.map(({ path }) => path)).not.toContain("/metrics");
    for (const { path, method, op } of guardedOps.filter((o) => o.path !== "/ws/live")) {
      const init = method === "get" ? undefined : json(method.toUpperCase(), { sql: "SELECT 1" });
      const res = await guarded.request(exampleUrl(path, op), init);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
      expect(op.responses["401"].description).toContain("`unauthorized`");
    }
  });
});

describe("a value its route's schema refuses is the API's own 400, naming the field", () => {
  it.each([
    ["/api/ticks/BTCUSDT?limit=0", "limit", /^limit: /],
    ["/api/ticks/B", "symbol", /^symbol: must be 2 to 32 letters and digits$/],
    ["/api/ohlc/BTCUSDT?bogus=1", "query", /^query: .*"bogus"/],
    ["/api/ohlc/BTCUSDT?timeframe=soon", "timeframe", /^timeframe: must be <N>s/],
    ["/api/analytics/stats?symbols=BTCUSDT,B-1", "symbols.1", /^symbols\.1: each must be 2 to 32 letters and digits$/],
    ["/api/alerts/history?ruleId=", "ruleId", /^ruleId: /],
  ])("%s → %s", async (url, field, message) => {
    const res = await app.request(url);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: "invalid_parameter", field });
    expect(body.error.message).toMatch(message);
  });
});

describe("GET /ws/live on a real port", () => {
  it("upgrades and answers a subscription, as documented", async () => {
    const server = await startApiServer({ store }, { port: 0 });
    try {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/ws/live`);
      const first = await new Promise<{ type: string; channel: string | null }>((resolve, reject) => {
        ws.once("open", () => ws.send(JSON.stringify({ op: "subscribe", channel: "status" })));
        ws.once("message", (data) => resolve(JSON.parse(String(data))));
        ws.once("error", reject);
      });
      expect(first.type).toBe("subscribed");
      ws.close();
      const served = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Document;
      expect(Object.keys(served.paths["/ws/live"].get.responses)).toEqual(["101"]);
    } finally {
      await server.close();
    }
  });
});
