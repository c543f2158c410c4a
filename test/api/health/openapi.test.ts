// The OpenAPI document against the app itself: every documented route answers (no "no route" 404), every route
// the app registers is documented, and the statuses and error codes real refusals carry are the documented ones.
import { upgradeWebSocket } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApp } from "../../../src/api/app.ts";
import { OPENAPI, type Operation } from "../../../src/api/health/openapi.ts";
import { startApiServer } from "../../../src/api/server.ts";
import type { Store } from "../../../src/store/index.ts";
import { withCaptureApp } from "../api-store.ts";

let store: Store;
let app: ReturnType<typeof createApp>["app"];
withCaptureApp((s, a) => ((store = s), (app = a)));

type Param = { name: string; in: string; required?: boolean; example?: string | number };
const operations = Object.entries(OPENAPI.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op: op as Operation })));

/** The documented path with its path parameters and required query parameters filled from their examples. */
function exampleUrl(path: string, op: Operation): string {
  const params: readonly Param[] = op.parameters ?? [];
  let url = path;
  for (const p of params.filter((p) => p.in === "path")) {
    expect(p.example, `${path}: path parameter ${p.name} needs an example`).toBeDefined();
    url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
  }
  const query = params.filter((p) => p.in === "query" && p.required).map((p) => {
    expect(p.example, `${path}: required ${p.name} needs an example`).toBeDefined();
    return `${p.name}=${encodeURIComponent(String(p.example))}`;
  });
  return query.length > 0 ? `${url}?${query.join("&")}` : url;
}

const isNoRoute = async (res: Response) => {
  if (res.status !== 404) return false;
  const text = await res.clone().text();
  return text.includes('"not_found"');
};

// What createApp serves, written out by hand: a new route must be added here AND documented.
const KNOWN_ROUTES = [
  "GET /api/symbols",
  "GET /api/ticks/{symbol}",
  "GET /api/ohlc/{symbol}",
  "GET /api/analytics/pairs",
  "GET /api/analytics/stats",
  "POST /api/sql",
  "POST /api/upload",
  "GET /api/export/csv",
  "GET /api/export/parquet",
  "GET /api/health",
  "GET /metrics",
  "GET /api/openapi.json",
  "GET /api/docs",
  "GET /ws/live",
  "GET /api/alerts",
  "POST /api/alerts",
  "GET /api/alerts/history",
  "POST /api/alerts/backtest",
  "GET /api/alerts/{id}",
  "PATCH /api/alerts/{id}",
  "DELETE /api/alerts/{id}",
  "POST /api/alerts/{id}/ack",
];
const documented = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort();

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a summary, operationId and responses on every operation", async () => {
    expect(OPENAPI.openapi).toBe("3.1.0");
    const ids = new Set<string>();
    for (const { path, op } of operations) {
      expect(op.summary.length, path).toBeGreaterThan(0);
      expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
      expect(ids.has(op.operationId), op.operationId).toBe(false);
      ids.add(op.operationId);
    }
    const served = (await (await app.request("/api/openapi.json")).json()) as typeof OPENAPI;
    expect(served).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
  });

  it("documents exactly the known routes", () => {
    expect(documented).toEqual([...KNOWN_ROUTES].sort());
  });

  it("documents every route the app registers (read from Hono's route table), and nothing else", () => {
    // With a WebSocket adapter, as server.ts builds it, so /ws/live is registered too.
    const full = createApp({ store }, { upgradeWebSocket });
    const registered = [
      ...new Set(
        full.app.routes
          .filter((r) => r.method !== "ALL")
          .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`),
      ),
    ].sort();
    full.close();
    expect(registered).toEqual(documented);
  });

  it.each(operations.filter((o) => o.method === "get" && o.path !== "/ws/live").map((o) => [o.path, o.op] as const))(
    "GET %s with its example parameters is routed, and answers below 500",
    async (path, op) => {
      const res = await app.request(exampleUrl(path, op));
      expect(await isNoRoute(res)).toBe(false);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(op.responses)).toContain(String(res.status));
    },
  );

  it.each(operations.filter((o) => o.method === "post").map((o) => [o.path, o.op] as const))(
    "POST %s is routed (an empty body is refused as the document says)",
    async (path, op) => {
      const res = await app.request(exampleUrl(path, op), { method: "POST", headers: { "content-type": "application/json" }, body: "" });
      expect(await isNoRoute(res)).toBe(false);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(op.responses)).toContain(String(res.status));
    },
  );

  it("answers a path it does not document with 404 not_found", async () => {
    const res = await app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("documented statuses and error codes are the ones the app answers", () => {
  const sql = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const cases: [string, string, RequestInit | undefined, number, string][] = [
    ["/api/ticks/{symbol}", "/api/ticks/DOGEUSDT", undefined, 404, "unknown_symbol"],
    ["/api/ticks/{symbol}", "/api/ticks/BTCUSDT?order=up", undefined, 400, "invalid_parameter"],
    ["/api/ohlc/{symbol}", "/api/ohlc/BTCUSDT?timeframe=7m", undefined, 400, "invalid_parameter"],
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
    ["/api/export/csv", "/api/export/csv?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=1m&window=500", undefined, 422, "insufficient_data"],
    ["/api/export/parquet", "/api/export/parquet?symbol=DOGEUSDT", undefined, 404, "unknown_symbol"],
  ];
  it.each(cases)("%s: %s → %i %s", async (path, url, init, status, code) => {
    const res = await app.request(url, init);
    const body = (await res.json()) as { error: { code: string } };
    expect([res.status, body.error.code]).toEqual([status, code]);
    const method = init?.method?.toLowerCase() ?? "get";
    const response = OPENAPI.paths[path][method].responses[String(status)] as { description: string };
    expect(response.description).toContain(`\`${code}\``);
  });

  it("documents 401 unauthorized on the token-guarded endpoints, as a token-protected app answers", async () => {
    const guarded = createApp({ store, token: "secret-token" }).app;
    for (const path of ["/api/sql", "/api/upload"]) {
      const res = await guarded.request(path, sql({ sql: "SELECT 1" }));
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
      expect((OPENAPI.paths[path].post.responses["401"] as { description: string }).description).toContain("`unauthorized`");
    }
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
    } finally {
      await server.close();
    }
    expect(OPENAPI.paths["/ws/live"].get.responses["101"]).toBeDefined();
  });
});
