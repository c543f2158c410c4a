/**
 * Shared by the store tests: the real futures capture as tick batches, synthetic ticks, and
 * the pandas bar fixture with its comparison.
 * The capture is read the way scripts/fixtures/common.py `load_trades` reads it (price 0 / qty 0 rows dropped,
 * row_id standing in for the trade id), but kept in file order, so its out-of-order trade times reach the store
 * as a live feed would deliver them.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Bar } from "../../src/engine/types.ts";
import type { Store } from "../../src/store/database.ts";
import { TickBatchBuilder, type Tick, type TickBatch } from "../../src/store/tick-batch.ts";
import { FUTURES_CAPTURE, OHLC_FIXTURE, readRepoText, repoPath } from "../helpers/paths.ts";

/** SHA-256 (hex) of a repository file. */
export function sha256(relativePath: string): string {
  return createHash("sha256").update(readFileSync(repoPath(relativePath))).digest("hex");
}

/** The capture's market trades (price > 0 and qty > 0) in file order. */
export function captureTicks(): Tick[] {
  const lines = readRepoText(FUTURES_CAPTURE).trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const at = (name: string) => header.indexOf(name);
  const [iRow, iSym, iPrice, iQty, iTime, iMaker] = ["row_id", "symbol", "price", "qty", "trade_time_ms", "is_buyer_maker"].map(at);
  const ticks: Tick[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    const price = Number(f[iPrice]);
    const qty = Number(f[iQty]);
    if (!(price > 0 && qty > 0)) continue;
    const tradeTime = Number(f[iTime]);
    ticks.push({
      symbol: f[iSym],
      tradeId: Number(f[iRow]),
      price,
      qty,
      quoteQty: price * qty,
      isBuyerMaker: f[iMaker] === "1",
      tradeTime,
      eventTime: tradeTime,
      recvTime: tradeTime,
      source: "capture",
    });
  }
  return ticks;
}

/** Ticks as record batches of at most `size` rows, in order. */
export function toBatches(ticks: readonly Tick[], size: number): TickBatch[] {
  const batches: TickBatch[] = [];
  const builder = new TickBatchBuilder(size);
  for (const tick of ticks) {
    builder.push(tick);
    if (builder.isFull) batches.push(builder.finish());
  }
  if (builder.length > 0) batches.push(builder.finish());
  return batches;
}

/** One batch holding all the ticks. */
export function toBatch(ticks: readonly Tick[]): TickBatch {
  return toBatches(ticks, Math.max(1, ticks.length))[0];
}

/** A synthetic trade at `tradeTime` ms with trade id `id`. */
export function tick(symbol: string, id: number, tradeTime: number, price = 100, qty = 1, isBuyerMaker = false): Tick {
  return {
    symbol,
    tradeId: id,
    price,
    qty,
    quoteQty: price * qty,
    isBuyerMaker,
    tradeTime,
    eventTime: tradeTime + 1,
    recvTime: tradeTime + 20.5,
    source: "test",
  };
}

/** One case of test/fixtures/store/ohlc.json: pandas bars of one symbol and timeframe, columnar. */
export interface OhlcCase {
  readonly symbol: string;
  readonly timeframe: string;
  /** The pandas offset alias used. */
  readonly rule: string;
  readonly input: { readonly capture: string; readonly sha256: string; readonly trades: number };
  readonly bars: {
    readonly bucketStart: number[];
    readonly open: number[];
    readonly high: number[];
    readonly low: number[];
    readonly close: number[];
    readonly volume: number[];
    readonly quoteVolume: number[];
    readonly trades: number[];
    readonly vwap: number[];
    readonly buyVolume: number[];
    readonly sellVolume: number[];
  };
}

export interface OhlcFixture {
  /** The pandas call that produced the bars. */
  readonly source: string;
  readonly generatedBy: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly cases: readonly OhlcCase[];
}

export function loadOhlcFixture(): OhlcFixture {
  return JSON.parse(readRepoText(OHLC_FIXTURE)) as OhlcFixture;
}

/** Relative tolerance of summed fields (volume, quote volume, buy/sell volume, vwap): the sums' order differs. */
export const SUM_REL = 1e-9;

const SUMMED = ["volume", "quoteVolume", "buyVolume", "sellVolume", "vwap"] as const;
const EXACT = ["bucketStart", "open", "high", "low", "close", "trades"] as const;

/**
 * Bars equal the pandas case: same buckets; open/high/low/close and trade counts exactly; sums within
 * {@link SUM_REL} relative. Returns the largest relative error seen on a summed field.
 */
export function expectBarsMatch(actual: readonly Bar[], expected: OhlcCase, label: string): number {
  const e = expected.bars;
  expect(actual.map((b) => b.bucketStart), `${label}: bucket starts`).toEqual(e.bucketStart);
  let worst = 0;
  actual.forEach((bar, i) => {
    expect(bar.symbol).toBe(expected.symbol);
    expect(bar.timeframe).toBe(expected.timeframe);
    for (const field of EXACT) {
      if (bar[field] !== e[field][i]) expect.fail(`${label}[${i}].${field}: got ${bar[field]}, expected ${e[field][i]}`);
    }
    for (const field of SUMMED) {
      const want = e[field][i];
      const err = Math.abs(bar[field] - want);
      if (!(err <= SUM_REL * Math.abs(want))) {
        expect.fail(`${label}[${i}].${field}: got ${bar[field]}, expected ${want} (relative error ${err / Math.abs(want)})`);
      }
      if (want !== 0) worst = Math.max(worst, err / Math.abs(want));
    }
  });
  return worst;
}

/** Bars as stored in `ohlc_data`, as engine Bars, in time order. */
export async function storedBars(store: Store, symbol: string, timeframe: string): Promise<Bar[]> {
  return store.read(async (c) => {
    const reader = await c.runAndReadAll(
      `SELECT symbol, timeframe, (epoch_us(bucket_start) / 1000)::DOUBLE AS t, open, high, low, close, volume,
              quote_volume, trades::DOUBLE AS trades, vwap, buy_volume, sell_volume
       FROM ohlc_data WHERE symbol = $1 AND timeframe = $2 ORDER BY bucket_start`,
      [symbol, timeframe],
    );
    return reader.getRowObjectsJS().map((r) => ({
      symbol: r.symbol as string,
      timeframe: r.timeframe as string,
      bucketStart: r.t as number,
      open: r.open as number,
      high: r.high as number,
      low: r.low as number,
      close: r.close as number,
      volume: r.volume as number,
      quoteVolume: r.quote_volume as number,
      trades: r.trades as number,
      vwap: r.vwap as number,
      buyVolume: r.buy_volume as number,
      sellVolume: r.sell_volume as number,
    }));
  });
}

/** Every row of `ohlc_data` with every column, for exact before/after comparisons. */
export async function ohlcSnapshot(store: Store): Promise<unknown[]> {
  return store.read(async (c) =>
    (await c.runAndReadAll("SELECT * FROM ohlc_data ORDER BY symbol, timeframe, bucket_start")).getRowObjectsJson(),
  );
}
