/**
 * The collector's side of the API, without the collector: trades become a stored batch, and the batch is announced
 * only once the store holds it (the collector's contract). For tests and benchmarks that drive the live path
 * themselves.
 */
import type { LiveSource } from "../../src/api/deps.ts";
import type { CollectorStatus } from "../../src/collector/collector.ts";
import type { Trade } from "../../src/engine/types.ts";
import { TickBatchBuilder, type Store, type TickBatch } from "../../src/store/index.ts";

/**
 * BTCUSDT trades whose price steps up by 1 from 100, one per millisecond from `t0` (ids from 1): trade i is at
 * price 100 + i, time t0 + i, so a test can say which trade crosses a threshold.
 */
export function risingTrades(count: number, t0: number): Trade[] {
  return Array.from({ length: count }, (_, i) => ({ symbol: "BTCUSDT", tradeId: i + 1, price: 100 + i, qty: 1, isBuyerMaker: false, tradeTime: t0 + i }));
}

/** Trades as one live batch (quote quantity derived, received 5 ms after the trade). */
export function tradeBatch(trades: readonly Trade[]): TickBatch {
  const builder = new TickBatchBuilder(Math.max(1, trades.length));
  for (const t of trades) builder.push({ ...t, quoteQty: t.price * t.qty, eventTime: t.tradeTime, recvTime: t.tradeTime + 5, source: "live" });
  return builder.finish();
}

export class StoreFeed implements LiveSource {
  private readonly listeners = new Set<(batch: TickBatch) => void>();
  /** Trades newly stored through {@link append}. */
  stored = 0;
  constructor(private readonly store: Store) {}

  onBatch(listener: (batch: TickBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores the trades as one batch, then announces it; returns the batch. */
  async append(trades: readonly Trade[]): Promise<TickBatch> {
    const batch = tradeBatch(trades);
    const { inserted } = await this.store.appendTicks(batch);
    this.stored += inserted;
    for (const l of this.listeners) l(batch);
    return batch;
  }

  status(): CollectorStatus {
    return {
      state: "live",
      stall: null,
      recent: null,
      stored: this.stored,
      backfilled: 0,
      duplicatesDropped: 0,
      gapsFound: 0,
      gapsFilled: 0,
      missingIds: 0,
      notMarketTrades: 0,
      reconnects: 0,
      quarantined: 0,
      rateLimited: 0,
      pendingBatches: 0,
      lagMs: null,
      lastTradeTime: {},
    };
  }
}
