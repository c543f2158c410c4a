import { describe, expect, it } from "vitest";
import { TradeSequencer } from "../../src/collector/trade-sequencer.ts";

describe("TradeSequencer keeps trade ids gap-free", () => {
  it("accepts contiguous ids and drops repeats", () => {
    const seq = new TradeSequencer();
    expect([1, 2, 3, 3, 2].map((id) => seq.accept("BTCUSDT", id, 0))).toEqual([true, true, true, false, false]);
    expect(seq.counters()).toEqual({ gapsFound: 0, gapsFilled: 0, missingIds: 0, duplicates: 2, notMarketTrades: 0 });
  });

  it("records a jump as a hole and fills it from late or backfilled ids, in any order", () => {
    const seq = new TradeSequencer();
    seq.accept("ETHUSDT", 10, 0);
    seq.accept("ETHUSDT", 15, 100);
    expect(seq.holesDue(100, 0)).toEqual([{ symbol: "ETHUSDT", fromId: 11, toId: 14, foundAt: 100 }]);
    expect(seq.holesDue(500, 1000)).toEqual([]); // still within its grace period
    expect(seq.accept("ETHUSDT", 13, 200)).toBe(true);
    expect(seq.accept("ETHUSDT", 13, 200)).toBe(false);
    expect(seq.counters()).toMatchObject({ gapsFound: 1, gapsFilled: 0, missingIds: 3 });
    for (const id of [11, 14, 12]) expect(seq.accept("ETHUSDT", id, 300)).toBe(true);
    expect(seq.counters()).toEqual({ gapsFound: 1, gapsFilled: 1, missingIds: 0, duplicates: 1, notMarketTrades: 0 });
    expect(seq.holesDue(10_000, 0)).toEqual([]);
  });

  it("resumes from stored ids: the first id after a restart opens a hole back to the last stored one", () => {
    const seq = new TradeSequencer(new Map([["BTCUSDT", 100]]));
    expect(seq.accept("BTCUSDT", 99, 0)).toBe(false);
    expect(seq.accept("BTCUSDT", 120, 0)).toBe(true);
    expect(seq.holesDue(0, 0)).toEqual([{ symbol: "BTCUSDT", fromId: 101, toId: 119, foundAt: 0 }]);
  });

  it("takes a slightly late predecessor of the very first trade, once, but claims no history before it", () => {
    const seq = new TradeSequencer();
    expect(seq.accept("BTCUSDT", 10, 0)).toBe(true);
    expect(seq.accept("BTCUSDT", 8, 500)).toBe(true);
    expect(seq.accept("BTCUSDT", 8, 600)).toBe(false);
    expect(seq.holesDue(1_000, 0)).toEqual([]);
    expect(seq.accept("BTCUSDT", 7, 5_000)).toBe(false); // past the grace: taken for a replay of old history
  });

  it("closes the ids a covering REST page skipped: they are not market trades", () => {
    const seq = new TradeSequencer();
    seq.accept("BTCUSDT", 1, 0);
    seq.accept("BTCUSDT", 5, 0); // hole 2..4
    seq.accept("BTCUSDT", 9, 0); // hole 6..8
    seq.accept("BTCUSDT", 2, 0);
    seq.accept("BTCUSDT", 4, 0); // REST returned 2 and 4 (and up to 7): 3 is not a market trade, nor 6
    seq.accept("BTCUSDT", 7, 0);
    seq.closeCovered("BTCUSDT", 2, 7);
    expect(seq.holesDue(0, 0)).toEqual([{ symbol: "BTCUSDT", fromId: 8, toId: 8, foundAt: 0 }]);
    expect(seq.counters()).toMatchObject({ notMarketTrades: 2, missingIds: 1, gapsFilled: 1 });
  });

  it("tracks symbols independently", () => {
    const seq = new TradeSequencer();
    seq.accept("A", 1, 0);
    seq.accept("B", 1000, 0);
    expect(seq.accept("A", 2, 0)).toBe(true);
    expect(seq.holesDue(0, 0)).toEqual([]);
    expect(seq.lastIds()).toEqual(new Map([["A", 2], ["B", 1000]]));
  });
});
