import { Hono } from "hono";
import { cors } from "hono/cors";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ResponseCache, type ResponseCacheOptions } from "../../../src/api/http/response-cache.ts";

/**
 * A route behind the cache that counts its computations, answers `{ n }` (or an error status), and can be held
 * open; the cache runs on a clock the test steps.
 */
function countingApp(options: ResponseCacheOptions = {}) {
  let time = 1_000_000;
  const cache = new ResponseCache({ now: () => time, ...options });
  let computations = 0;
  let gate: Promise<void> = Promise.resolve();
  let status = 200;
  let breakBody = false;
  const app = new Hono();
  app.onError((_error, c) => c.text("failed", 500));
  app.use("/data", cors({ origin: ["https://a.example", "https://b.example"] }));
  app.use("/data", cache.middleware());
  app.get("/data", async (c) => {
    const n = ++computations;
    if (c.req.query("bad") !== undefined) return c.json({ error: "bad parameter" }, 400);
    if (c.req.query("big") !== undefined) return c.json({ n, padding: "x".repeat(2_000) });
    const broken = breakBody;
    await gate;
    // A body that fails while being read: the one failure Hono's error handler does not turn into a response.
    if (broken) return new Response(new ReadableStream({ pull: (stream) => stream.error(new Error("body failed")) }));
    return c.json({ n }, status as 200);
  });
  return {
    app,
    cache,
    computations: () => computations,
    advance: (ms: number) => (time += ms),
    answerWith: (s: number) => (status = s),
    breakingBody: (yes: boolean) => (breakBody = yes),
    /** Holds the next computations open until the returned function is called. */
    hold: () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
  };
}

const read = async (app: Hono, headers?: Record<string, string>) => ((await (await app.request("/data", { headers })).json()) as { n: number }).n;
const many = (app: Hono, k: number) => Promise.all(Array.from({ length: k }, () => read(app)));
/** Lets the requests started so far run up to where they wait. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("ResponseCache", () => {
  it("computes once for concurrent identical requests and serves that answer while nothing changes", async () => {
    const t = countingApp({ maxAgeMs: 60_000 });
    expect(await many(t.app, 20)).toEqual(Array(20).fill(1));
    t.advance(30_000);
    expect(await read(t.app)).toBe(1);
    expect(t.computations()).toBe(1);
  });

  it("after a stored batch, serves the answer as it is until refreshMs, then recomputes once while the others get the previous one", async () => {
    const t = countingApp({ refreshMs: 250, maxStaleMs: 1_000 });
    expect(await read(t.app)).toBe(1);
    t.cache.batchStored();
    t.advance(249);
    expect(await many(t.app, 5)).toEqual([1, 1, 1, 1, 1]);
    expect(t.computations()).toBe(1);

    t.advance(1);
    t.cache.batchStored(); // more batches do not add recomputes
    const release = t.hold();
    const refreshing = read(t.app); // recomputes, held open
    await settle();
    expect(await many(t.app, 5)).toEqual([1, 1, 1, 1, 1]);
    release();
    expect(await refreshing).toBe(2);
    expect(await read(t.app)).toBe(2);
    expect(t.computations()).toBe(2);
  });

  it("after a stored batch, never serves an answer whose read began maxStaleMs ago: requests wait for the recompute", async () => {
    const t = countingApp({ refreshMs: 250, maxStaleMs: 1_000 });
    expect(await read(t.app)).toBe(1);
    t.cache.batchStored();
    t.advance(1_000);
    const release = t.hold();
    const first = read(t.app);
    await settle();
    const others = many(t.app, 5);
    await settle();
    release();
    expect(await first).toBe(2);
    expect(await others).toEqual([2, 2, 2, 2, 2]);
    expect(t.computations()).toBe(2);
  });

  it("after invalidate (an upload), serves nothing computed before it, not even a recompute that started earlier", async () => {
    const t = countingApp();
    expect(await read(t.app)).toBe(1);
    t.cache.batchStored();
    t.advance(300);
    const release = t.hold();
    const before = read(t.app); // recompute 2 starts before the upload
    await settle();
    t.cache.invalidate();
    const after = read(t.app); // must not get 1, nor join recompute 2: computes 3
    await settle();
    release();
    expect(await before).toBe(2);
    expect(await after).toBe(3);
    expect(await read(t.app)).toBe(3); // 2 was not kept: its read may predate the upload
    expect(t.computations()).toBe(3);
  });

  it("shares an error with the requests that waited for it, but keeps no error for later requests", async () => {
    const t = countingApp();
    t.answerWith(422);
    const release = t.hold();
    const answers = Promise.all(Array.from({ length: 5 }, () => t.app.request("/data")));
    await settle();
    release();
    expect((await answers).map((r) => r.status)).toEqual([422, 422, 422, 422, 422]);
    expect(t.computations()).toBe(1);
    expect((await t.app.request("/data")).status).toBe(422);
    expect(t.computations()).toBe(2);
    t.answerWith(200);
    expect(await read(t.app)).toBe(3);
  });

  it("keeps no entry for a URL that only failed, so bad URLs do not push good answers out", async () => {
    const t = countingApp({ maxEntries: 2 });
    expect(await read(t.app)).toBe(1);
    for (let i = 0; i < 5; i++) expect((await t.app.request(`/data?bad=${i}`)).status).toBe(400);
    expect(await read(t.app)).toBe(1);
    expect(t.computations()).toBe(6);
  });

  it("keeps no more body bytes than maxBytes", async () => {
    const t = countingApp({ maxBytes: 500 });
    expect(await read(t.app)).toBe(1);
    expect(await read(t.app)).toBe(1);
    expect(((await (await t.app.request("/data?big=1")).json()) as { n: number }).n).toBe(2);
    expect(((await (await t.app.request("/data?big=1")).json()) as { n: number }).n).toBe(3);
    expect(await read(t.app)).toBe(4); // the oversized answer emptied the cache
    expect(await read(t.app)).toBe(4);
  });

  it("lets each waiter compute for itself when the computation throws", async () => {
    const t = countingApp();
    t.breakingBody(true);
    const release = t.hold();
    const first = t.app.request("/data");
    await settle();
    t.breakingBody(false);
    const waiters = Promise.all([t.app.request("/data"), t.app.request("/data")]);
    await settle();
    release();
    expect((await first).status).toBe(500);
    expect((await waiters).map((r) => r.status)).toEqual([200, 200]);
    expect(t.computations()).toBe(3);
  });

  it("serves the same bytes and headers every time, with an ETag that If-None-Match turns into 304", async () => {
    const t = countingApp();
    const first = await t.app.request("/data");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.request("/data");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(await again.text()).toBe(await first.text());
    const revalidated = await t.app.request("/data", { headers: { "if-none-match": `W/"other", ${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect((await t.app.request("/data", { headers: { "if-none-match": '"other"' } })).status).toBe(200);
    expect(t.computations()).toBe(1);
  });

  it("keys answers by Accept and never replays one origin's CORS grant to another", async () => {
    const t = countingApp();
    const fromA = await t.app.request("/data", { headers: { origin: "https://a.example" } });
    expect(fromA.headers.get("access-control-allow-origin")).toBe("https://a.example");
    const fromB = await t.app.request("/data", { headers: { origin: "https://b.example" } });
    expect(fromB.headers.get("access-control-allow-origin")).toBe("https://b.example");
    const fromElsewhere = await t.app.request("/data", { headers: { origin: "https://evil.example" } });
    expect(fromElsewhere.headers.get("access-control-allow-origin")).toBeNull();
    expect(t.computations()).toBe(1);
    expect(await read(t.app, { accept: "text/csv" })).toBe(2);
    expect(await read(t.app, { accept: "text/csv" })).toBe(2);
  });

  it("sends a big text answer gzipped to a request that accepts gzip, compressing it once, with its own ETag", async () => {
    const t = countingApp();
    const plain = await t.app.request("/data?big");
    const plainBody = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);

    const gzip = { "accept-encoding": "br, gzip;q=0.8, deflate" };
    const first = await t.app.request("/data?big", { headers: gzip });
    const second = await t.app.request("/data?big", { headers: gzip });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.headers.get("vary")).toMatch(/accept-encoding/i);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    expect(gunzipSync(firstBytes).equals(plainBody)).toBe(true);
    expect(firstBytes.length).toBeLessThan(plainBody.length / 4);
    expect(Buffer.from(await second.arrayBuffer()).equals(firstBytes)).toBe(true);

    // One representation's ETag never validates the other's.
    const gzipTag = first.headers.get("etag")!;
    expect(gzipTag).not.toBe(plain.headers.get("etag"));
    expect(second.headers.get("etag")).toBe(gzipTag);
    expect((await t.app.request("/data?big", { headers: { ...gzip, "if-none-match": gzipTag } })).status).toBe(304);
    expect((await t.app.request("/data?big", { headers: { "if-none-match": gzipTag } })).status).toBe(200);
    expect(t.computations()).toBe(1);
  });

  it("sends small answers, and requests that refuse gzip, the plain bytes", async () => {
    const t = countingApp();
    const small = await t.app.request("/data", { headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(small.headers.get("vary") ?? "").not.toMatch(/accept-encoding/i);
    for (const refusal of ["gzip;q=0", "identity", "deflate, gzip; q=0.0"]) {
      const res = await t.app.request("/data?big", { headers: { "accept-encoding": refusal } });
      expect(res.headers.get("content-encoding"), refusal).toBeNull();
      expect(((await res.json()) as { padding: string }).padding).toHaveLength(2_000);
    }
  });
});
