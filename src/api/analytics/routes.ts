/**
 * Pairs and summary analytics computed by the engine on stored bars:
 * `GET /api/analytics/pairs?a&b&timeframe&window&method` and `GET /api/analytics/stats?symbols&timeframe&window`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  correlationMatrix,
  priceStatsFromBars,
  symbolListSchema,
  timeframeSchema,
  vwap,
  type Bar,
} from "../../engine/index.ts";
import type { ApiDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { apiRouter, type ApiRouter, invalidParameter, jsonAnswer, refused, shuttingDown, unknownSymbol } from "../http/openapi.ts";
import { pairsReportJson } from "./pairs-compute.ts";
import { pairsQuery } from "./pairs-series.ts";
import { requireKnownSymbol } from "../market/symbols.ts";

const statsQuery = z
  .object({
    symbols: symbolListSchema(50),
    timeframe: timeframeSchema.default("1m"),
    window: z.coerce.number().int().min(3).max(100_000).default(60).meta({ description: "The last `window` bars of each symbol" }),
  })
  .strict();

/** A series for JSON, index-aligned with `bucketStart`: null during a rolling warm-up. */
const warmingSeries = z.array(z.number().nullable());
const criticalValues = z.object({ "1%": z.number(), "5%": z.number(), "10%": z.number() }).meta({ description: "MacKinnon (2010) critical values" });

/** The answer of `GET /api/analytics/pairs` (`pairsReport` in pairs-series.ts). */
const pairsAnalyticsSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    timeframe: z.string(),
    window: z.number().int(),
    method: z.string(),
    n: z.number().int().meta({ description: "Aligned buckets" }),
    bucketStart: z.array(z.number()).meta({ description: "Bucket starts, ms since the Unix epoch" }),
    closeA: z.array(z.number()),
    closeB: z.array(z.number()),
    hedge: z.object({ alpha: z.number(), beta: z.number() }).meta({ description: "The hedge of a on b over the whole range" }),
    hedgeSeries: z
      .object({ alpha: warmingSeries, beta: warmingSeries })
      .nullable()
      .meta({ description: "kalman only: alpha and beta per bucket" }),
    rollingBeta: warmingSeries,
    spread: warmingSeries.meta({ description: "a − alpha − beta·b with the static hedge" }),
    zScore: warmingSeries.meta({ description: "Rolling z-score of the static spread" }),
    rollingSpreadZScore: warmingSeries.meta({ description: "Rolling z-score of the spread with the rolling hedge" }),
    rollingCorrelation: warmingSeries,
    adf: z
      .object({
        statistic: z.number(),
        pValue: z.number(),
        usedLag: z.number().int(),
        nobs: z.number().int(),
        criticalValues,
        icBest: z.number().optional(),
      })
      .meta({ description: "ADF test of the static spread (constant, AIC lag choice)" }),
    engleGranger: z.object({
      statistic: z.number(),
      pValue: z.number(),
      criticalValues,
      hedgeRatio: z.number(),
      intercept: z.number(),
      usedLag: z.number().int(),
      nobs: z.number().int(),
    }),
    halfLife: z.object({
      halfLife: z.number().nullable().meta({ description: "Periods for a deviation to halve; null (infinite) when the spread does not revert" }),
      lambda: z.number(),
      alpha: z.number(),
      stdErrLambda: z.number(),
      tStat: z.number(),
      pValue: z.number(),
      nobs: z.number().int(),
    }),
  })
  .openapi("PairsAnalytics");

const priceStatsSchema = z
  .object({
    symbol: z.string(),
    first: z.number(),
    last: z.number(),
    change: z.number(),
    changePct: z.number(),
    high: z.number(),
    low: z.number(),
    mean: z.number(),
    stdLogReturns: z.number(),
    annualisedVolatility: z.number(),
    periodsPerYear: z.number(),
    count: z.number().int(),
    vwap: z.number(),
    bars: z.number().int(),
  })
  .openapi("PriceStats");

const pairsRoute = createRoute({
  method: "get",
  path: "/analytics/pairs",
  operationId: "getPairs",
  tags: ["analytics"],
  summary: "Pairs analytics of a on b: hedge ratio, spread, rolling z-score/beta/correlation, ADF, Engle-Granger, half-life",
  request: { query: pairsQuery },
  responses: {
    200: jsonAnswer(pairsAnalyticsSchema, "Series index-aligned with `bucketStart`; null during a rolling warm-up"),
    400: refused(["invalid_parameter"], "A malformed or unknown parameter, or a = b"),
    404: unknownSymbol("`a` or `b`"),
    422: refused(
      ["insufficient_data", "unprocessable", "compute_budget"],
      "The window is longer than the aligned bars, the engine refused the data (e.g. zero variance), or the report costs more than the compute budget (Theil–Sen: bars²/2 slopes; or it ran past the time limit)",
    ),
    503: shuttingDown,
  },
});

const statsRoute = createRoute({
  method: "get",
  path: "/analytics/stats",
  operationId: "getStats",
  tags: ["analytics"],
  summary: "Per-symbol price statistics and VWAP over the last `window` bars, and the correlation matrix of log returns",
  request: { query: statsQuery },
  responses: {
    200: jsonAnswer(
      z.object({
        timeframe: z.string(),
        window: z.number().int(),
        stats: z.array(priceStatsSchema),
        correlation: z
          .object({ symbols: z.array(z.string()).readonly(), matrix: z.array(z.array(z.number()).readonly()).readonly() })
          .nullable()
          .meta({ description: "Pearson correlation of log returns over the buckets where every symbol traded; null for one symbol or under 3 common buckets" }),
      }),
      "Statistics in the order asked",
    ),
    400: invalidParameter,
    404: unknownSymbol("`symbols`"),
    422: refused(["insufficient_data", "unprocessable"], "A symbol has fewer than 2 bars, or the engine refused the data"),
    503: shuttingDown,
  },
});

export function analyticsRoutes(deps: ApiDeps): ApiRouter {
  const routes = apiRouter();
  const { store } = deps;

  const barsOf = async (symbol: string, tf: string, field: string, from?: number, to?: number): Promise<Bar[]> => {
    await requireKnownSymbol(store, symbol, field);
    return store.queryBars({ symbol, timeframe: tf, from, to });
  };

  routes.openapi(pairsRoute, async (c) => {
    // The series are shared with the pairs export and the live pairs channel: all report the same numbers. A long
    // window is computed on a worker thread (pairs-compute.ts), and sent as the JSON text it made.
    const json = await pairsReportJson(store, c.req.valid("query"));
    return c.body(json, 200, { "content-type": "application/json" }) as unknown as ReturnType<typeof c.json<z.infer<typeof pairsAnalyticsSchema>, 200>>;
  });

  routes.openapi(statsRoute, async (c) => {
    const q = c.req.valid("query");
    const bySymbol: Record<string, Bar[]> = {};
    for (const symbol of q.symbols) bySymbol[symbol] = (await barsOf(symbol, q.timeframe, "symbols")).slice(-q.window);
    const stats = q.symbols.map((symbol) => {
      const bars = bySymbol[symbol];
      if (bars.length < 2) throw new ApiError(422, "insufficient_data", `${symbol} has ${bars.length} ${q.timeframe} bars; statistics need 2`, "symbols");
      return {
        symbol,
        ...priceStatsFromBars(bars),
        vwap: vwap(
          bars.map((b) => b.vwap),
          bars.map((b) => b.volume),
        ),
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
        const returns = Object.fromEntries(
          q.symbols.map((s) => {
            const close = new Map(bySymbol[s].map((b) => [b.bucketStart, b.close]));
            const logs = common.map((t) => Math.log(close.get(t)!));
            return [s, logs.slice(1).map((v, i) => v - logs[i])];
          }),
        );
        correlation = correlationMatrix(returns);
      }
    }
    return c.json({ timeframe: q.timeframe, window: q.window, stats, correlation }, 200);
  });

  return routes;
}
