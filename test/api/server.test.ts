import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiServerConfigError, startApiServer, type RunningApiServer } from "../../src/api/server.ts";
import type { Store } from "../../src/store/index.ts";
import { captureStore } from "./api-store.ts";

let store: Store;
let cleanup: () => Promise<void>;
let server: RunningApiServer;
beforeAll(async () => {
  ({ store, cleanup } = await captureStore());
  server = await startApiServer({ store }, { port: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
  await cleanup();
});

describe("the API on a real port", () => {
  it("binds 127.0.0.1 by default and answers over real HTTP", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/ohlc/BTCUSDT?timeframe=5m`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await res.json()) as { bars: unknown[] }).bars).toHaveLength(4);
  });

  it("sends no CORS headers unless origins are configured", async () => {
    const plain = await fetch(`${server.url}/api/symbols`, { headers: { origin: "https://elsewhere.example" } });
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    const withCors = await startApiServer({ store, corsOrigins: ["https://dash.example"] }, { port: 0 });
    try {
      const res = await fetch(`${withCors.url}/api/symbols`, { headers: { origin: "https://dash.example" } });
      expect(res.headers.get("access-control-allow-origin")).toBe("https://dash.example");
    } finally {
      await withCors.close();
    }
  });

  it("refuses to listen beyond loopback without a token", async () => {
    await expect(startApiServer({ store }, { host: "0.0.0.0", port: 0 })).rejects.toThrow(ApiServerConfigError);
    await expect(startApiServer({ store }, { host: "0.0.0.0", port: 0 })).rejects.toThrow(/API_TOKEN/);
  });

  it("with a token, serves beyond loopback and asks for it on every /api route but /api/health", async () => {
    const open = await startApiServer({ store, token: "s3cret" }, { host: "0.0.0.0", port: 0 });
    try {
      const url = `http://127.0.0.1:${open.port}`;
      expect((await fetch(`${url}/api/symbols`, { headers: { authorization: "Bearer s3cret" } })).status).toBe(200);
      expect((await fetch(`${url}/api/symbols`)).status).toBe(401);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const refused = await fetch(`${url}/api/sql`, { method: "POST", body: JSON.stringify({ sql: "SELECT 1" }) });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("authorization");
    } finally {
      await open.close();
    }
  });
});
