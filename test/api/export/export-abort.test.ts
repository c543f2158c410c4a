/** A CSV export whose read fails mid-stream is aborted: the client sees a broken transfer, never a complete file. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import type { Store } from "../../../src/store/index.ts";
import { captureStore } from "../api-store.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await captureStore());
}, 60_000);
afterAll(async () => cleanup());

describe("a CSV export failing mid-stream", () => {
  it("errors the response body after the header instead of ending it", async () => {
    let exportReads = 0;
    // The store fails its first page read, as a disk error or a closed store would (the header is already out).
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        if (key !== "read") return Reflect.get(target, key, receiver);
        return (work: (c: unknown) => Promise<unknown>, operation?: string) => {
          if (operation === "export" && ++exportReads === 1) return Promise.reject(new Error("disk went away"));
          return target.read(work as never, operation);
        };
      },
    });
    const { app } = createApp({ store: failing });
    const res = await app.request("/api/export/csv?dataset=ticks&symbol=BTCUSDT");
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    const read = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        bytes += value.byteLength;
      }
    };
    await expect(read()).rejects.toThrow("disk went away");
    expect(bytes).toBeGreaterThan(0); // the header went out; the transfer then broke
    expect(exportReads).toBe(1);
  });

  it("refuses bad parameters before the first byte", async () => {
    const { app } = createApp({ store });
    for (const q of ["dataset=ticks&symbol=BTCUSDT&from=1.5", "dataset=ticks&symbol=nope!", "dataset=ohlc&symbol=BTCUSDT&timeframe=7s", "dataset=ticks&symbol=BTCUSDT&to=2009-01-01&from=2025-01-01"]) {
      const res = await app.request(`/api/export/csv?${q}`);
      expect(res.status, q).toBeGreaterThanOrEqual(400);
      expect(res.status, q).toBeLessThan(500);
      expect(((await res.json()) as { error: { code: string } }).error.code, q).toBeTypeOf("string");
    }
  });
});
