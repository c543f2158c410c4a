/**
 * Market data: `GET /api/symbols`, `GET /api/ticks/{symbol}` (paginated by trade id), `GET /api/ohlc/{symbol}`
 * (any timeframe, the open bucket included). JSON, or Arrow IPC on request.
 */
import { Hono } from "hono";
import { z } from "zod";
import { arrowResponse, wantsArrow } from "./arrow-response.js";
import { listSymbols, requireKnownSymbol } from "./symbols.js";
import { parsePathParam, parseQuery, symbolParam, timeParam } from "./validation.js";
const ticksQuery = z
    .object({
    from: timeParam.optional(),
    to: timeParam.optional(),
    limit: z.coerce.number().int().min(1).max(100_000).default(1_000),
    cursor: z.coerce.number().int().min(0).optional(),
    order: z.enum(["asc", "desc"]).default("desc"),
})
    .strict();
const ohlcQuery = z
    .object({
    timeframe: z.string().regex(/^[1-9][0-9]*[smhd]$/, "must be <N>s, <N>m, <N>h or 1d, e.g. 1s, 1m, 5m, 15m, 1h").default("1m"),
    from: timeParam.optional(),
    to: timeParam.optional(),
    limit: z.coerce.number().int().min(1).max(100_000).default(1_000),
})
    .strict();
export function marketRoutes(deps) {
    const routes = new Hono();
    const { store } = deps;
    routes.get("/symbols", async (c) => c.json({ symbols: await listSymbols(store) }));
    routes.get("/ticks/:symbol", async (c) => {
        const symbol = parsePathParam(c, "symbol", symbolParam);
        const q = parseQuery(c, ticksQuery);
        await requireKnownSymbol(store, symbol);
        const where = [`symbol = '${symbol}'`];
        if (q.from !== undefined)
            where.push(`trade_time >= make_timestamp(${Math.round(q.from * 1000)})`);
        if (q.to !== undefined)
            where.push(`trade_time < make_timestamp(${Math.round(q.to * 1000)})`);
        if (q.cursor !== undefined)
            where.push(`trade_id ${q.order === "desc" ? "<" : ">"} ${q.cursor}`);
        const rows = await store.read(async (conn) => (await conn.runAndReadAll(`SELECT trade_id, price, qty, quote_qty, is_buyer_maker, epoch_us(trade_time), epoch_us(recv_time), source
           FROM tick_data WHERE ${where.join(" AND ")} ORDER BY trade_id ${q.order} LIMIT ${q.limit + 1}`)).getRows());
        const page = rows.slice(0, q.limit);
        const ticks = page.map((r) => ({
            tradeId: Number(r[0]),
            price: Number(r[1]),
            qty: Number(r[2]),
            quoteQty: Number(r[3]),
            isBuyerMaker: Boolean(r[4]),
            tradeTime: Number(r[5]) / 1000,
            recvTime: Number(r[6]) / 1000,
            source: String(r[7]),
        }));
        const nextCursor = rows.length > q.limit ? ticks[ticks.length - 1].tradeId : null;
        if (wantsArrow(c)) {
            return arrowResponse({
                trade_id: Float64Array.from(ticks, (t) => t.tradeId),
                price: Float64Array.from(ticks, (t) => t.price),
                qty: Float64Array.from(ticks, (t) => t.qty),
                is_buyer_maker: ticks.map((t) => t.isBuyerMaker),
                trade_time: Float64Array.from(ticks, (t) => t.tradeTime),
            });
        }
        return c.json({ symbol, order: q.order, ticks, nextCursor });
    });
    routes.get("/ohlc/:symbol", async (c) => {
        const symbol = parsePathParam(c, "symbol", symbolParam);
        const q = parseQuery(c, ohlcQuery);
        await requireKnownSymbol(store, symbol);
        // The most recent `limit` bars; the last may be the open bucket, still filling.
        const recent = await store.queryBars({ symbol, timeframe: q.timeframe, from: q.from, to: q.to, limit: q.limit });
        if (wantsArrow(c)) {
            const col = (pick) => Float64Array.from(recent, pick);
            return arrowResponse({
                bucket_start: col((b) => b.bucketStart),
                open: col((b) => b.open),
                high: col((b) => b.high),
                low: col((b) => b.low),
                close: col((b) => b.close),
                volume: col((b) => b.volume),
                quote_volume: col((b) => b.quoteVolume),
                trades: col((b) => b.trades),
                vwap: col((b) => b.vwap),
                buy_volume: col((b) => b.buyVolume),
                sell_volume: col((b) => b.sellVolume),
            });
        }
        return c.json({ symbol, timeframe: q.timeframe, bars: recent });
    });
    return routes;
}
