/**
 * A real DuckDB store holding the real futures capture (market trades only), bars resampled: what the API tests
 * query.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, TickBatchBuilder, type Store } from "../../src/store/index.ts";
import { futuresCaptureTrades } from "../helpers/capture-trades.ts";

export const CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";

export async function captureStore(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "ticklens-api-"));
  const store = await openStore(join(dir, "api.duckdb"));
  const trades = futuresCaptureTrades(CAPTURE);
  const builder = new TickBatchBuilder(trades.length);
  for (const t of trades) builder.push({ ...t, quoteQty: t.price * t.qty, eventTime: t.tradeTime, recvTime: t.tradeTime + 5, source: "live" });
  await store.appendTicks(builder.finish());
  await store.resample({ final: true });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
