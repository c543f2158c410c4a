import { tradesOfBatch } from "../store/index.js";
/**
 * The ticks of one batch, per symbol, in batch order.
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns symbol → its trades
 * @throws nothing for a `TICK_SCHEMA` batch
 * @example
 * batchTradesBySymbol(builder.finish()).get("BTCUSDT"); // [{ symbol: "BTCUSDT", tradeId: 1, price: 87000, … }]
 */
export function batchTradesBySymbol(batch) {
    const out = new Map();
    for (const trade of tradesOfBatch(batch)) {
        const list = out.get(trade.symbol);
        if (list === undefined)
            out.set(trade.symbol, [trade]);
        else
            list.push(trade);
    }
    return out;
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
export async function readTradeSnapshot(store, symbol, limit) {
    const rows = await store.read(async (c) => (await c.runAndReadAll(
    // The window max runs over every row of the symbol before LIMIT, in the same statement as the rows.
    `SELECT trade_id::DOUBLE AS id, price, qty, is_buyer_maker, (epoch_us(trade_time) / 1000)::DOUBLE AS t,
                (max(trade_id) OVER ())::DOUBLE AS max_id
         FROM tick_data WHERE symbol = $1 ORDER BY trade_time DESC, trade_id DESC LIMIT ${Math.max(1, Math.floor(limit))}`, [symbol])).getRowObjectsJS(), "liveTradeSnapshot");
    const trades = rows.reverse().map((r) => ({
        symbol,
        tradeId: r.id,
        price: r.price,
        qty: r.qty,
        isBuyerMaker: r.is_buyer_maker,
        tradeTime: r.t,
    }));
    return { trades, maxTradeId: rows.length > 0 ? rows[0].max_id : Number.NEGATIVE_INFINITY };
}
