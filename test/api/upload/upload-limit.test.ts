/** The upload's size limit refuses an endless body as soon as the count passes it, never reading it in full. */
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { openStore, type Store } from "../../../src/store/index.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";

const tmp = useTempDir("ticklens-upload-limit-");
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

describe("POST /api/upload on an endless body", () => {
  it.each(["text/csv", "multipart/form-data; boundary=x"])("%s: 413 after reading little more than the limit, nothing written", async (type) => {
    const store = await openStore(tmp.path(`${stores.length}.duckdb`));
    stores.push(store);
    const { app } = createApp({ store, maxUploadBytes: 64 * 1024 });
    let pulled = 0;
    const line = new TextEncoder().encode(`${"BTCUSDT,1,87000,0.01,870,0,1765922900000000,1765922900000000,1765922900000000,upload\n".repeat(100)}`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(line);
      },
    });
    const res = await app.request("/api/upload?kind=ticks&name=endless", { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too_large");
    // 64 KiB (+ 64 KiB of multipart slack) is ~15 to ~30 chunks of ~8.6 kB; an endless body was cut off there.
    expect(pulled * line.byteLength).toBeLessThan(3 * 64 * 1024);
    const rows = await store.read(async (c) => (await c.runAndReadAll("SELECT (SELECT count(*) FROM tick_data)::INTEGER, (SELECT count(*) FROM uploaded_data)::INTEGER")).getRows()[0]);
    expect(rows.map(Number)).toEqual([0, 0]);
  });
});
