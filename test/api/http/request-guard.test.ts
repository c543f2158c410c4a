// The guards against web pages driving a local server (CSRF, DNS rebinding) and the token on every route: each
// refusal and each allowed case, in process (`app.request`, whose Host is `localhost`) and on a real port.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApp } from "../../../src/api/app.ts";
import { isAllowedHost } from "../../../src/api/http/request-guard.ts";
import { startApiServer, type RunningApiServer } from "../../../src/api/server.ts";
import { listRules } from "../../../src/store/alert-store.ts";
import type { Store } from "../../../src/store/index.ts";
import { captureStore } from "../api-store.ts";

type App = ReturnType<typeof createApp>["app"];
type ErrorBody = { error: { code: string; message: string; field: string | null } };

let store: Store;
let cleanup: () => Promise<void>;
let app: App;
beforeAll(async () => {
  ({ store, cleanup } = await captureStore());
  app = createApp({ store, corsOrigins: ["https://dash.example"] }).app;
}, 60_000);
afterAll(async () => cleanup());

const rule = { name: "guard", severity: "info", enabled: true, metric: { kind: "price", symbol: "BTCUSDT" }, condition: { op: ">", threshold: 1e9 }, channels: ["dashboard"] };

function postRule(headers: Record<string, string>, target: App = app, body: string = JSON.stringify(rule)): Promise<Response> {
  return Promise.resolve(target.request("/api/alerts", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
}

async function refusal(res: Response): Promise<[number, string]> {
  const body = (await res.json()) as ErrorBody;
  return [res.status, body.error.code];
}

describe("state changes only from the server's own origin, a CORS origin, or no browser at all", () => {
  it.each([
    ["the server's own origin", { origin: "http://localhost", "sec-fetch-site": "same-origin" }],
    ["an origin CORS_ORIGIN lists", { origin: "https://dash.example", "sec-fetch-site": "cross-site" }],
    ["no Origin and no Sec-Fetch-Site (curl, scripts, notebooks)", {}],
    ["Sec-Fetch-Site same-origin without Origin", { "sec-fetch-site": "same-origin" }],
    ["Sec-Fetch-Site none (typed by the user) without Origin", { "sec-fetch-site": "none" }],
    ["Origin null from a same-origin page (Referrer-Policy no-referrer)", { origin: "null", "sec-fetch-site": "same-origin" }],
  ])("accepts %s", async (_why, headers) => {
    const res = await postRule(headers);
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    expect((await app.request(`/api/alerts/${id}`, { method: "DELETE", headers })).status).toBe(204);
  });

  it.each([
    ["a foreign origin", { origin: "http://evil.example" }],
    ["another port of 127.0.0.1", { origin: "http://127.0.0.1:9999", "sec-fetch-site": "same-site" }],
    ["an opaque origin (sandboxed frame, file)", { origin: "null" }],
    ["an opaque origin of a cross-site sandboxed frame", { origin: "null", "sec-fetch-site": "cross-site" }],
    ["a listed origin's look-alike", { origin: "https://dash.example.evil" }],
    ["Sec-Fetch-Site cross-site without Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site without Origin", { "sec-fetch-site": "same-site" }],
  ])("refuses %s with 403 forbidden_origin, storing nothing", async (_why, headers) => {
    const before = (await listRules(store)).length;
    const res = await postRule(headers);
    const body = (await res.json()) as ErrorBody;
    expect([res.status, body.error.code, body.error.field]).toEqual([403, "forbidden_origin", "origin"]);
    expect((await listRules(store)).length).toBe(before);
  });

  it("guards PATCH, DELETE, the acknowledgement, SQL and the upload too; reads from any origin are served", async () => {
    const evil = { origin: "http://evil.example" };
    const json = { "content-type": "application/json", ...evil };
    expect(await refusal(await app.request("/api/alerts/x", { method: "PATCH", headers: json, body: "{}" }))).toEqual([403, "forbidden_origin"]);
    expect(await refusal(await app.request("/api/alerts/x", { method: "DELETE", headers: evil }))).toEqual([403, "forbidden_origin"]);
    expect(await refusal(await app.request("/api/alerts/1/ack", { method: "POST", headers: evil }))).toEqual([403, "forbidden_origin"]);
    expect(await refusal(await app.request("/api/sql", { method: "POST", headers: json, body: '{"sql":"SELECT 1"}' }))).toEqual([403, "forbidden_origin"]);
    const upload = { method: "POST", headers: { "content-type": "text/csv", ...evil }, body: "a\n1\n" };
    expect(await refusal(await app.request("/api/upload?kind=ticks&name=x", upload))).toEqual([403, "forbidden_origin"]);
    expect((await app.request("/api/symbols", { headers: evil })).status).toBe(200);
  });
});

describe("JSON bodies only as application/json", () => {
  it.each([["text/plain"], ["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"], [""]])(
    "POST /api/alerts as %j is 415 unsupported_media_type, storing nothing",
    async (type) => {
      const before = (await listRules(store)).length;
      const headers: Record<string, string> = type === "" ? {} : { "content-type": type };
      const res = await app.request("/api/alerts", { method: "POST", headers, body: new TextEncoder().encode(JSON.stringify(rule)) });
      expect(await refusal(res)).toEqual([415, "unsupported_media_type"]);
      expect((await listRules(store)).length).toBe(before);
    },
  );

  it("accepts application/json with parameters", async () => {
    const res = await postRule({ "content-type": "application/json; charset=utf-8" });
    expect(res.status).toBe(201);
    await app.request(`/api/alerts/${((await res.json()) as { id: string }).id}`, { method: "DELETE" });
  });

  it("covers every route whose documented body is JSON (read from the OpenAPI document)", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { description: string }> }>>;
    };
    const jsonRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Object.keys(op.requestBody?.content ?? {}).join() === "application/json")
        .map(([method, op]) => ({ path, method, op })),
    );
    expect(jsonRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(["patch /api/alerts/{id}", "post /api/alerts", "post /api/alerts/backtest", "post /api/sql"]);
    for (const { path, method, op } of jsonRoutes) {
      const res = await app.request(path.replace("{id}", "x"), { method: method.toUpperCase(), headers: { "content-type": "text/plain" }, body: "{}" });
      expect(await refusal(res), `${method} ${path}`).toEqual([415, "unsupported_media_type"]);
      expect(op.responses["415"].description).toContain("`unsupported_media_type`");
      expect(op.responses["403"].description).toContain("`forbidden_origin`");
    }
  });
});

describe("the Host header must name this server", () => {
  it.each([["localhost"], ["127.0.0.1"], ["[::1]"], ["localhost:8080"]])("in process (no listen address), accepts loopback %s", async (host) => {
    expect((await app.request("/api/symbols", { headers: { host } })).status).toBe(200);
  });

  it.each([["evil.example"], ["evil.example:8080"], ["127.0.0.1.evil.example"], ["localhost.evil"], ["a b"]])("refuses %j with 421 misdirected_host, on the API, the docs and the pages", async (host) => {
    const pages = createApp({ store }, { dashboardDir: "/nonexistent" }).app;
    for (const path of ["/api/symbols", "/api/health", "/api/docs", "/metrics", "/", "/pairs"]) {
      const res = await pages.request(path, { headers: { host } });
      const body = (await res.json()) as ErrorBody;
      expect([res.status, body.error.code, body.error.field], path).toEqual([421, "misdirected_host", "host"]);
    }
  });

  it("accepts the names TICKLENS_ALLOWED_HOSTS lists: a bare name at any port, name:port at that port only", async () => {
    const listed = createApp({ store, allowedHosts: ["dash.example.com", "box.lan:8443"] }).app;
    const status = async (host: string) => (await listed.request("/api/health", { headers: { host } })).status;
    expect(await status("dash.example.com")).toBe(200);
    expect(await status("DASH.example.com:443")).toBe(200);
    expect(await status("box.lan:8443")).toBe(200);
    expect(await status("box.lan:8080")).toBe(421);
    expect(await status("other.example.com")).toBe(421);
  });

  it("on a listen address: that address and the loopback names, at its port only", () => {
    const listening = () => ({ host: "127.0.0.1", port: 8080 });
    expect(isAllowedHost("127.0.0.1:8080", { listening })).toBe(true);
    expect(isAllowedHost("localhost:8080", { listening })).toBe(true);
    expect(isAllowedHost("[::1]:8080", { listening })).toBe(true);
    expect(isAllowedHost("localhost:9090", { listening })).toBe(false);
    expect(isAllowedHost("localhost", { listening })).toBe(false);
    expect(isAllowedHost("10.0.0.5:8080", { listening: () => ({ host: "10.0.0.5", port: 8080 }) })).toBe(true);
    expect(isAllowedHost("[::1]:80", { listening: () => ({ host: "::1", port: 80 }) })).toBe(true);
    expect(isAllowedHost("localhost", { listening: () => ({ host: "127.0.0.1", port: 80 }) })).toBe(true);
    expect(isAllowedHost("nas.lan:8080", { listening: () => ({ host: "0.0.0.0", port: 8080 }), allowedHosts: ["nas.lan"] })).toBe(true);
  });
});

describe("with API_TOKEN, every /api route and /ws/live ask for it, but /api/health and /metrics", () => {
  let guarded: App;
  beforeAll(() => {
    guarded = createApp({ store, token: "t0ken" }).app;
  });

  it.each([["/api/symbols"], ["/api/ohlc/BTCUSDT?timeframe=5m"], ["/api/alerts"], ["/api/alerts/history"], ["/api/openapi.json"], ["/api/docs"], ["/api/export/csv?symbol=BTCUSDT"], ["/api/nothing"]])(
    "GET %s: 401 without the token, served with it",
    async (url) => {
      expect(await refusal(await guarded.request(url))).toEqual([401, "unauthorized"]);
      expect(await refusal(await guarded.request(url, { headers: { authorization: "Bearer wrong" } }))).toEqual([401, "unauthorized"]);
      const res = await guarded.request(url, { headers: { authorization: "Bearer t0ken" } });
      expect(res.status).not.toBe(401);
      await res.body?.cancel();
    },
  );

  it("a write needs it too, and is stored with it", async () => {
    expect(await refusal(await postRule({}, guarded))).toEqual([401, "unauthorized"]);
    const res = await postRule({ authorization: "Bearer t0ken" }, guarded);
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    expect((await guarded.request(`/api/alerts/${id}`, { method: "DELETE", headers: { authorization: "Bearer t0ken" } })).status).toBe(204);
  });

  it("/api/health and /metrics answer without it", async () => {
    expect((await guarded.request("/api/health")).status).toBe(200);
    expect((await guarded.request("/metrics")).status).toBe(200);
  });
});

/** Opens a WebSocket; resolves with its protocol once open, or with the HTTP status that refused the upgrade. */
function upgrade(url: string, options: WebSocket.ClientOptions = {}, protocols?: string[]): Promise<{ open: boolean; status: number; protocol: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    ws.once("open", () => {
      resolve({ open: true, status: 101, protocol: ws.protocol });
      ws.close();
    });
    ws.once("unexpected-response", (_req, res) => {
      resolve({ open: false, status: res.statusCode ?? 0, protocol: "" });
      res.resume();
      ws.terminate();
    });
    ws.once("error", (e) => reject(e));
  });
}

/** A raw GET with any Host header (fetch would not let a test set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once("error", reject);
    req.end();
  });
}

describe("on a real port (startApiServer)", () => {
  let server: RunningApiServer;
  let secured: RunningApiServer;
  beforeAll(async () => {
    server = await startApiServer({ store, corsOrigins: ["https://dash.example"] }, { port: 0 });
    secured = await startApiServer({ store, token: "s3cret/+=" }, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await secured.close();
  });
  const ws = (s: RunningApiServer, query = "") => `${s.url.replace("http", "ws")}/ws/live${query}`;

  it("refuses a /ws/live upgrade from a foreign origin with 403, opens it from the own or a listed origin or none", async () => {
    expect(await upgrade(ws(server), { origin: "http://evil.example" })).toMatchObject({ open: false, status: 403 });
    expect(await upgrade(ws(server), { origin: "http://127.0.0.1:1" })).toMatchObject({ open: false, status: 403 });
    expect(await upgrade(ws(server), { origin: server.url })).toMatchObject({ open: true });
    expect(await upgrade(ws(server), { origin: "https://dash.example" })).toMatchObject({ open: true });
    expect(await upgrade(ws(server))).toMatchObject({ open: true });
  });

  it("refuses a /ws/live upgrade naming another Host with 421", async () => {
    expect(await upgrade(ws(server), { headers: { host: "evil.example" } })).toMatchObject({ open: false, status: 421 });
  });

  it("answers 421 to another Host, and serves its own address, localhost and [::1] at its port", async () => {
    const refused = await getWithHost(`${server.url}/api/health`, "rebound.example:" + server.port);
    expect(refused.status).toBe(421);
    expect((JSON.parse(refused.body) as ErrorBody).error.code).toBe("misdirected_host");
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await getWithHost(`${server.url}/api/health`, host)).status, host).toBe(200);
    }
    expect((await getWithHost(`${server.url}/api/health`, "localhost:1")).status).toBe(421);
  });

  it("with a token, /ws/live opens only with it: header, token query parameter or Sec-WebSocket-Protocol", async () => {
    expect(await upgrade(ws(secured))).toMatchObject({ open: false, status: 401 });
    expect(await upgrade(ws(secured, "?token=wrong"))).toMatchObject({ open: false, status: 401 });
    expect(await upgrade(ws(secured), { headers: { authorization: "Bearer s3cret/+=" } })).toMatchObject({ open: true });
    expect(await upgrade(ws(secured, `?token=${encodeURIComponent("s3cret/+=")}`))).toMatchObject({ open: true });
    const asProtocol = `bearer.${Buffer.from("s3cret/+=").toString("base64url")}`;
    expect(await upgrade(ws(secured), {}, ["ticklens", asProtocol])).toEqual({ open: true, status: 101, protocol: "ticklens" });
    expect(await upgrade(ws(secured), {}, ["ticklens", "bearer.d3Jvbmc"])).toMatchObject({ open: false, status: 401 });
  });
});
