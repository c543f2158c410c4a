/**
 * Ticks as /ws/live sends them: read out of a stored Arrow batch grouped by symbol, or out of the store for a
 * snapshot. Both give the same JSON shape, the engine's `Trade`.
 */
import type { Trade } from "../../../engine/types.ts";
import { tradesOfBatch, type Store, type TickBatch } from "../../../store/index.ts";

/**
 * The ticks of one batch, per symbol, in batch order.
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns symbol → its trades
 * @throws nothing for a `TICK_SCHEMA` batch
 * @example
 * batchTradesBySymbol(builder.finish()).get("BTCUSDT"); // [{ symbol: "BTCUSDT", tradeId: 1, price: 87000, … }]
 */
export function batchTradesBySymbol(batch: TickBatch): Map<string, Trade[]> {
  const out = new Map<string, Trade[]>();
  for (const trade of tradesOfBatch(batch)) {
    const list = out.get(trade.symbol);
    if (list === undefined) out.set(trade.symbol, [trade]);
    else list.push(trade);
  }
  return out;
}

/** The newest trades of a symbol and the highest trade id stored for it, read in one statement (one snapshot). */
export interface TradeSnapshot {
  /** Up to `limit` trades, oldest first (by trade time, then id). */
  readonly trades: Trade[];
  /** Highest trade id stored for the symbol when read (−∞ when none): later updates start above it. */
  readonly maxTradeId: number;
}

/**
 * Reads the last `limit` trades of a symbol.
 *
 * @param store the open store
 * @param symbol upper-case symbol
 * @param limit how many trades at most (≥ 1)
 * @returns the trades and the highest stored id, from one consistent read
 * @throws {StoreClosedError} the store is closed
 * @example
 * const { trades } = await readTradeSnapshot(store, "BTCUSDT", 500);
 */
export async function readTradeSnapshot(store: Store, symbol: string, limit: number): Promise<TradeSnapshot> {
  const rows = await store.read(async (c) =>
    (
      await c.runAndReadAll(
        // The window max runs over every row of the symbol before LIMIT, in the same statement as the rows.
        `SELECT trade_id::DOUBLE AS id, price, qty, is_buyer_maker, (epoch_us(trade_time) / 1000)::DOUBLE AS t,
                (max(trade_id) OVER ())::DOUBLE AS max_id
         FROM tick_data WHERE symbol = $1 ORDER BY trade_time DESC, trade_id DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
        [symbol],
      )
    ).getRowObjectsJS(),
  "liveTradeSnapshot");
  const trades = rows.reverse().map(
    (r): Trade => ({
      symbol,
      tradeId: r.id as number,
      price: r.price as number,
      qty: r.qty as number,
      isBuyerMaker: r.is_buyer_maker as boolean,
      tradeTime: r.t as number,
    }),
  );
  return { trades, maxTradeId: rows.length > 0 ? (rows[0].max_id as number) : Number.NEGATIVE_INFINITY };
}
