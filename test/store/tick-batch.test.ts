import { describe, expect, it } from "vitest";
import { TickBatchBuilder, type Tick, type TickBatch } from "../../src/store/tick-batch.ts";
import { tick } from "./helpers.ts";

const T0 = 1_765_922_888_978;

/** The batch's rows back as ticks, read column by column (µs times back to ms). */
function rowsOf(batch: TickBatch): Tick[] {
  const column = (name: string) => batch.getChild(name)!.toArray() as ArrayLike<unknown>;
  const [symbol, tradeId, price, qty, quoteQty, maker, tradeTime, eventTime, recvTime, source] = [
    "symbol", "trade_id", "price", "qty", "quote_qty", "is_buyer_maker", "trade_time", "event_time", "recv_time", "source",
  ].map(column);
  return Array.from({ length: batch.numRows }, (_, i) => ({
    symbol: symbol[i] as string,
    tradeId: Number(tradeId[i]),
    price: price[i] as number,
    qty: qty[i] as number,
    quoteQty: quoteQty[i] as number,
    isBuyerMaker: maker[i] as boolean,
    tradeTime: Number(tradeTime[i]) / 1000,
    eventTime: Number(eventTime[i]) / 1000,
    recvTime: Number(recvTime[i]) / 1000,
    source: source[i] as string,
  }));
}

function ticks(n: number, firstId = 1): Tick[] {
  return Array.from({ length: n }, (_, i) => ({
    ...tick(i % 3 === 0 ? "BTCUSDT" : "ETHUSDT", firstId + i, T0 + i * 3 + 0.25, 87_000 + i / 4, 0.001 * (1 + (i % 5)), i % 7 < 3),
    source: i % 2 === 0 ? "live" : "backfill",
  }));
}

describe("TickBatchBuilder", () => {
  it("keeps every row while its columns grow past their first size", () => {
    const input = ticks(5_000);
    const builder = new TickBatchBuilder(10_000);
    for (const t of input) builder.push(t);
    expect(builder.length).toBe(5_000);
    expect(rowsOf(builder.finish())).toEqual(input);
  });

  it("is full at its capacity and refuses one row more", () => {
    const builder = new TickBatchBuilder(1_500);
    const input = ticks(1_500);
    for (const t of input) {
      expect(builder.isFull).toBe(false);
      builder.push(t);
    }
    expect(builder.isFull).toBe(true);
    expect(() => builder.push(ticks(1, 9_999)[0])).toThrow(/full \(capacity 1500\)/);
    expect(rowsOf(builder.finish())).toEqual(input);
  });

  it("starts empty after finish, and later rows do not change a finished batch", () => {
    const builder = new TickBatchBuilder(4_096);
    const first = ticks(2_000);
    for (const t of first) builder.push(t);
    const batch = builder.finish();
    expect(builder.length).toBe(0);
    const second = ticks(2_000, 50_000).map((t) => ({ ...t, symbol: "SOLUSDT", isBuyerMaker: !t.isBuyerMaker, source: "replay" }));
    for (const t of second) builder.push(t);
    expect(rowsOf(batch)).toEqual(first);
    expect(rowsOf(builder.finish())).toEqual(second);
  });
});
