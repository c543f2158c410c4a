import { StoreInputError } from "./errors.js";
/**
 * The trades of one batch, in batch (arrival) order.
 *
 * @param batch a record batch with `TICK_SCHEMA`
 * @returns one `Trade` per row
 * @throws nothing for a `TICK_SCHEMA` batch
 * @example
 * feed.ingest(tradesOfBatch(batch));
 */
export function tradesOfBatch(batch) {
    const symbol = batch.getChild("symbol");
    const tradeId = batch.getChild("trade_id");
    const price = batch.getChild("price");
    const qty = batch.getChild("qty");
    const maker = batch.getChild("is_buyer_maker");
    const time = batch.getChild("trade_time");
    if (!symbol || !tradeId || !price || !qty || !maker || !time)
        return [];
    const out = new Array(batch.numRows);
    for (let i = 0; i < batch.numRows; i++) {
        out[i] = {
            symbol: symbol.get(i),
            tradeId: Number(tradeId.get(i)),
            price: price.get(i),
            qty: qty.get(i),
            isBuyerMaker: maker.get(i),
            // Arrow gives a µs timestamp as ms with the µs as a fraction.
            tradeTime: time.get(i),
        };
    }
    return out;
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
export async function readTradeStream(store, query) {
    const fn = "readTradeStream";
    if (query.symbols.length === 0)
        throw new StoreInputError(fn, "symbols", "must name at least one symbol");
    const limit = query.limit ?? 2_000_000;
    if (!Number.isSafeInteger(limit) || limit < 1)
        throw new StoreInputError(fn, "limit", `must be a whole number >= 1, got ${limit}`);
    const params = [...query.symbols];
    const where = [`symbol IN (${query.symbols.map((_, i) => `$${i + 1}`).join(", ")})`];
    if (query.from !== undefined) {
        params.push(Math.round(query.from * 1000));
        where.push(`trade_time >= make_timestamp($${params.length}::BIGINT)`);
    }
    if (query.to !== undefined) {
        params.push(Math.round(query.to * 1000));
        where.push(`trade_time <= make_timestamp($${params.length}::BIGINT)`);
    }
    const rows = await store.read(async (c) => (await c.runAndReadAll(`WITH picked AS (
             SELECT symbol, trade_id, price, qty, is_buyer_maker, trade_time,
                    max(trade_time) OVER (PARTITION BY symbol ORDER BY trade_id ROWS UNBOUNDED PRECEDING) AS stream_time
             FROM tick_data WHERE ${where.join(" AND ")}
           ), newest AS (
             SELECT * FROM picked ORDER BY stream_time DESC, symbol DESC, trade_id DESC LIMIT ${limit + 1}
           )
           SELECT symbol, trade_id::DOUBLE, price, qty, is_buyer_maker, (epoch_us(trade_time) / 1000)::DOUBLE
           FROM newest ORDER BY stream_time, symbol, trade_id`, params)).getRows(), fn);
    const truncated = rows.length > limit;
    const kept = truncated ? rows.slice(rows.length - limit) : rows;
    return {
        trades: kept.map((r) => ({
            symbol: r[0],
            tradeId: r[1],
            price: r[2],
            qty: r[3],
            isBuyerMaker: r[4],
            tradeTime: r[5],
        })),
        truncated,
    };
}
