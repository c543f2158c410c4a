/**
 * Pairs and summary analytics computed by the engine on stored bars:
 * `GET /api/analytics/pairs?a&b&timeframe&window&method` and `GET /api/analytics/stats?symbols&timeframe&window`.
 */
import { Hono } from "hono";
import { z } from "zod";
import { correlationMatrix, priceStatsFromBars, vwap, } from "../engine/index.js";
import { ApiError } from "./errors.js";
import { computePairsSeries, pairsQuery, pairsReport } from "./pairs-series.js";
import { requireKnownSymbol } from "./symbols.js";
import { parseQuery } from "./validation.js";
const timeframe = z.string().regex(/^[1-9][0-9]*[smhd]$/, "must be <N>s, <N>m, <N>h or 1d").default("1m");
const window = z.coerce.number().int().min(3).max(100_000).default(60);
const statsQuery = z
    .object({
    symbols: z
        .string()
        .transform((s) => s.split(",").map((x) => x.trim().toUpperCase()).filter(Boolean))
        .pipe(z.array(z.string().regex(/^[A-Z0-9]{2,32}$/, "each must be 2 to 32 letters and digits")).min(1).max(50)),
    timeframe,
    window,
})
    .strict();
export function analyticsRoutes(deps) {
    const routes = new Hono();
    const { store } = deps;
    const barsOf = async (symbol, tf, field, from, to) => {
        await requireKnownSymbol(store, symbol, field);
        return store.queryBars({ symbol, timeframe: tf, from, to });
    };
    routes.get("/analytics/pairs", async (c) => {
        const q = parseQuery(c, pairsQuery);
        // The series are shared with the pairs export and the live pairs channel: all report the same numbers.
        return c.json(pairsReport(await computePairsSeries(store, q)));
    });
    routes.get("/analytics/stats", async (c) => {
        const q = parseQuery(c, statsQuery);
        const bySymbol = {};
        for (const symbol of q.symbols)
            bySymbol[symbol] = (await barsOf(symbol, q.timeframe, "symbols")).slice(-q.window);
        const stats = q.symbols.map((symbol) => {
            const bars = bySymbol[symbol];
            if (bars.length < 2)
                throw new ApiError(422, "insufficient_data", `${symbol} has ${bars.length} ${q.timeframe} bars; statistics need 2`, "symbols");
            return {
                symbol,
                ...priceStatsFromBars(bars),
                vwap: vwap(bars.map((b) => b.vwap), bars.map((b) => b.volume)),
                bars: bars.length,
            };
        });
        // Correlation of log returns over the buckets where every symbol traded.
        let correlation = null;
        if (q.symbols.length > 1) {
            const buckets = q.symbols
                .map((s) => new Set(bySymbol[s].map((b) => b.bucketStart)))
                .reduce((acc, set) => new Set([...acc].filter((t) => set.has(t))));
            const common = [...buckets].sort((m, n) => m - n);
            if (common.length >= 3) {
                const returns = Object.fromEntries(q.symbols.map((s) => {
                    const close = new Map(bySymbol[s].map((b) => [b.bucketStart, b.close]));
                    const logs = common.map((t) => Math.log(close.get(t)));
                    return [s, logs.slice(1).map((v, i) => v - logs[i])];
                }));
                correlation = correlationMatrix(returns);
            }
        }
        return c.json({ timeframe: q.timeframe, window: q.window, stats, correlation });
    });
    return routes;
}
