import { ApiError } from "./errors.js";
export async function listSymbols(store) {
    return store.read(async (c) => {
        const reader = await c.runAndReadAll(`SELECT symbol, epoch_us(min(trade_time)), epoch_us(max(trade_time)), count(*), arg_max(price, trade_id)
       FROM tick_data GROUP BY symbol ORDER BY symbol`);
        return reader.getRows().map((r) => ({
            symbol: String(r[0]),
            firstTradeTime: new Date(Number(r[1]) / 1000).toISOString(),
            lastTradeTime: new Date(Number(r[2]) / 1000).toISOString(),
            trades: Number(r[3]),
            lastPrice: Number(r[4]),
        }));
    });
}
/** Throws a 404 naming the known symbols unless `symbol` has ticks. */
export async function requireKnownSymbol(store, symbol, field = "symbol") {
    // tick_symbols holds one row per stored symbol, kept in the append's transaction: no scan of tick_data.
    const known = await store.read(async (c) => (await c.runAndReadAll("SELECT symbol FROM tick_symbols ORDER BY symbol")).getRows().map((r) => String(r[0])));
    if (!known.includes(symbol)) {
        throw new ApiError(404, "unknown_symbol", `no data for ${symbol}; known symbols: ${known.join(", ") || "none yet"}`, field);
    }
}
