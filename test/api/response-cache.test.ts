import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ResponseCache } from "../../src/api/response-cache.ts";

/** A route that counts its computations and can be held open, behind the cache. */
function countingApp(cache: ResponseCache) {
  let computations = 0;
  let gate: Promise<void> = Promise.resolve();
  const app = new Hono();
  app.use("/data", cache.middleware());
  app.get("/data", async (c) => {
    computations++;
    const n = computations;
    await gate;
    return c.json({ n });
  });
  return {
    app,
    computations: () => computations,
    hold: () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return release;
    },
  };
}

const read = async (app: Hono) => ((await (await app.request("/data")).json()) as { n: number }).n;

describe("ResponseCache", () => {
  it("computes once for concurrent identical requests and serves the answer until the data changes", async () => {
    const t = countingApp(new ResponseCache(60_000));
    const answers = await Promise.all(Array.from({ length: 20 }, () => read(t.app)));
    expect(answers).toEqual(Array(20).fill(1));
    expect(await read(t.app)).toBe(1);
    expect(t.computations()).toBe(1);
  });

  it("after a change, lets one request recompute while the others get the previous answer at once", async () => {
    const cache = new ResponseCache(60_000);
    const t = countingApp(cache);
    expect(await read(t.app)).toBe(1);
    cache.invalidate();
    const release = t.hold();
    const refreshing = read(t.app); // recomputes, held open
    const meanwhile = await Promise.all(Array.from({ length: 5 }, () => read(t.app)));
    expect(meanwhile).toEqual([1, 1, 1, 1, 1]);
    release();
    expect(await refreshing).toBe(2);
    expect(await read(t.app)).toBe(2);
    expect(t.computations()).toBe(2);
  });

  it("does not share errors", async () => {
    const app = new Hono();
    const cache = new ResponseCache();
    let calls = 0;
    app.use("/x", cache.middleware());
    app.get("/x", (c) => c.json({ calls: ++calls }, 400));
    await app.request("/x");
    await app.request("/x");
    expect(calls).toBe(2);
  });
});
