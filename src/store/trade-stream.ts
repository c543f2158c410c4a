/**
 * Trades as a stream for consumers that fold them in order (the alert feed): out of a stored Arrow batch in arrival
 * order, or out of `tick_data` over a time range in the order a live feed would have delivered them.
 */
import type { Trade } from "../engine/types.ts";
import type { Store } from "./database.ts";
import { StoreInputError } from "./errors.ts";
import type { TickBatch } from "./tick-batch.ts";

/**
 * The trades of one batch, in batch (arrival) order.
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns one `Trade` per row
 * @throws nothing for a `TICK_SCHEMA` batch
 * @example
 * feed.ingest(tradesOfBatch(batch));
 */
export function tradesOfBatch(batch: TickBatch): Trade[] {
  const symbol = batch.getChild("symbol");
  const tradeId = batch.getChild("trade_id");
  const price = batch.getChild("price");
  const qty = batch.getChild("qty");
  const maker = batch.getChild("is_buyer_maker");
  const time = batch.getChild("trade_time");
  if (!symbol || !tradeId || !price || !qty || !maker || !time) return [];
  const out: Trade[] = new Array(batch.numRows);
  for (let i = 0; i < batch.numRows; i++) {
    out[i] = {
      symbol: symbol.get(i) as string,
      tradeId: Number(tradeId.get(i) as bigint),
      price: price.get(i) as number,
      qty: qty.get(i) as number,
      isBuyerMaker: maker.get(i) as boolean,
      // Arrow gives a µs timestamp as ms with the µs as a fraction.
      tradeTime: time.get(i) as number,
    };
  }
  return out;
}

/** Which stored trades {@link readTradeStream} reads. */
export interface TradeStreamQuery {
  /** Upper-case symbols (at least one). */
  readonly symbols: readonly string[];
  /** Earliest trade time, ms since the Unix epoch (inclusive); default: the first stored. */
  readonly from?: number;
  /** Latest trade time, ms (inclusive); default: the last stored. */
  readonly to?: number;
  /** Most trades read; the newest are kept when there are more (default 2,000,000). */
  readonly limit?: number;
}

/** The trades read and whether older ones in the range were left out by the limit. */
export interface TradeStream {
  /** Each symbol's trades in id order, symbols interleaved by stream time (see {@link readTradeStream}). */
  readonly trades: Trade[];
  /** True when the range held more than `limit` trades and the oldest were not read. */
  readonly truncated: boolean;
}

/**
 * Reads stored trades of some symbols in the order a live feed delivers them: each symbol's in id order, the
 * symbols interleaved by stream time (each symbol's running maximum of trade time, since exchange timestamps may
 * step back slightly between consecutive ids), ties by symbol then id.
 *
 * @param store the store
 * @param query symbols, time range and limit
 * @returns the trades, oldest first, and whether the limit cut the range short
 * @throws {StoreInputError} no symbol, or a limit that is not a whole number ≥ 1 (the field is named)
 * @throws {StoreClosedError} the store is closed
 * @example
 * const { trades } = await readTradeStream(store, { symbols: ["BTCUSDT", "ETHUSDT"], from: Date.now() - 3_600_000 });
 */
export async function readTradeStream(store: Store, query: TradeStreamQuery): Promise<TradeStream> {
  const fn = "readTradeStream";
  if (query.symbols.length === 0) throw new StoreInputError(fn, "symbols", "must name at least one symbol");
  const limit = query.limit ?? 2_000_000;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StoreInputError(fn, "limit", `must be a whole number >= 1, got ${limit}`);
  const params: (string | number)[] = [...query.symbols];
  const where = [`symbol IN (${query.symbols.map((_, i) => `$${i + 1}`).join(", ")})`];
  if (query.from !== undefined) {
    params.push(Math.round(query.from * 1000));
    where.push(`trade_time >= make_timestamp($${params.length}::BIGINT)`);
  }
  if (query.to !== undefined) {
    params.push(Math.round(query.to * 1000));
    where.push(`trade_time <= make_timestamp($${params.length}::BIGINT)`);
  }
  const rows = await store.read(
    async (c) =>
      (
        await c.runAndReadAll(
          `WITH picked AS (
             SELECT symbol, trade_id, price, qty, is_buyer_maker, trade_time,
                    max(trade_time) OVER (PARTITION BY symbol ORDER BY trade_id ROWS UNBOUNDED PRECEDING) AS stream_time
             FROM tick_data WHERE ${where.join(" AND ")}
           ), newest AS (
             SELECT * FROM picked ORDER BY stream_time DESC, symbol DESC, trade_id DESC LIMIT ${limit + 1}
           )
           SELECT symbol, trade_id::DOUBLE, price, qty, is_buyer_maker, (epoch_us(trade_time) / 1000)::DOUBLE
           FROM newest ORDER BY stream_time, symbol, trade_id`,
          params,
        )
      ).getRows(),
    fn,
  );
  const truncated = rows.length > limit;
  const kept = truncated ? rows.slice(rows.length - limit) : rows;
  return {
    trades: kept.map((r) => ({
      symbol: r[0] as string,
      tradeId: r[1] as number,
      price: r[2] as number,
      qty: r[3] as number,
      isBuyerMaker: r[4] as boolean,
      tradeTime: r[5] as number,
    })),
    truncated,
  };
}
