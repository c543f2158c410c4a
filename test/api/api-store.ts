/**
 * A real DuckDB store holding the real futures capture (market trades only), bars resampled: what the API tests
 * query.
 */
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { openStore, TickBatchBuilder, type Store } from "../../src/store/index.ts";
import { futuresCaptureTrades } from "../helpers/capture-trades.ts";
import { FUTURES_CAPTURE } from "../helpers/paths.ts";
import { tempDir } from "../helpers/temp-dir.ts";

export async function captureStore(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const tmp = tempDir("ticklens-api-");
  const store = await openStore(tmp.path("api.duckdb"));
  const trades = futuresCaptureTrades(FUTURES_CAPTURE);
  const builder = new TickBatchBuilder(trades.length);
  for (const t of trades) builder.push({ ...t, quoteQty: t.price * t.qty, eventTime: t.tradeTime, recvTime: t.tradeTime + 5, source: "live" });
  await store.appendTicks(builder.finish());
  await store.resample({ final: true });
  return {
    store,
    cleanup: async () => {
      await store.close();
      tmp.cleanup();
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks that open {@link captureStore} and build the app on it, handing both to
 * `set` once ready; the store is closed and removed after the file's tests.
 */
export function withCaptureApp(set: (store: Store, app: ReturnType<typeof createApp>["app"]) => void): void {
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const opened = await captureStore();
    cleanup = opened.cleanup;
    set(opened.store, createApp({ store: opened.store }).app);
  }, 60_000);
  afterAll(async () => cleanup());
}
