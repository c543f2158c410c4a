/**
 * Market data: `GET /api/symbols`, `GET /api/ticks/{symbol}` (paginated by trade id), `GET /api/ohlc/{symbol}`
 * (any timeframe, the open bucket included). JSON, or Arrow IPC on request.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { BAR_FIELDS, symbolSchema, timeframeSchema, type BarField } from "../../engine/index.ts";
import type { ApiDeps } from "../deps.ts";
import { arrowResponse, wantsArrow } from "../http/arrow-response.ts";
import { apiRouter, type ApiRouter, arrowContent, invalidParameter, jsonAnswer, refused, shuttingDown, unknownSymbol } from "../http/openapi.ts";
import { listSymbols, requireKnownSymbol, symbolSummarySchema } from "./symbols.ts";
import { fromParam, toParam } from "../validation.ts";

const symbolPath = z.object({ symbol: symbolSchema });

const ticksQuery = z
  .object({
    from: fromParam,
    to: toParam,
    limit: z.coerce.number().int().min(1).max(100_000).default(1_000).meta({ description: "Most ticks returned" }),
    // Coercion turns null into 0, which the generator would document as "nullable"; a query value is never null.
    cursor: z
      .preprocess((v) => (v === null ? undefined : v), z.coerce.number().int().min(0))
      .optional()
      .meta({ description: "The previous page's `nextCursor` (a trade id)" }),
    order: z.enum(["asc", "desc"]).default("desc").meta({ description: "Trade id order" }),
  })
  .strict();

const ohlcQuery = z
  .object({
    timeframe: timeframeSchema.default("1m"),
    from: fromParam,
    to: toParam,
    limit: z.coerce.number().int().min(1).max(100_000).default(1_000).meta({ description: "The most recent bars returned" }),
  })
  .strict();

/** One tick as the API sends it. Times are ms since the Unix epoch, UTC. */
const tickSchema = z
  .object({
    tradeId: z.number().int(),
    price: z.number(),
    qty: z.number(),
    quoteQty: z.number(),
    isBuyerMaker: z.boolean(),
    tradeTime: z.number().meta({ description: "ms since the Unix epoch" }),
    recvTime: z.number().meta({ description: "ms since the Unix epoch, when the collector received it" }),
    source: z.string().meta({ description: "`live`, `backfill` or `upload:<name>`" }),
  })
  .openapi("Tick");

/** One tick as the API sends it. Times are ms since the Unix epoch, UTC. */
export type TickJson = z.infer<typeof tickSchema>;

/** One bar: its symbol and timeframe, then {@link BAR_FIELDS} (bucket start in ms since the Unix epoch). */
export const barSchema = z
  .object({
    symbol: z.string(),
    timeframe: z.string(),
    ...(Object.fromEntries(BAR_FIELDS.map((field) => [field, z.number()])) as Record<BarField, z.ZodNumber>),
  })
  .openapi("Bar");

const TICK_COLUMNS = ["trade_id", "price", "qty", "is_buyer_maker", "trade_time"];
const BAR_COLUMNS = ["bucket_start", "open", "high", "low", "close", "volume", "quote_volume", "trades", "vwap", "buy_volume", "sell_volume"];

const symbolsRoute = createRoute({
  method: "get",
  path: "/symbols",
  operationId: "listSymbols",
  tags: ["market"],
  summary: "Symbols with first/last trade time, trade count and last price",
  responses: {
    200: jsonAnswer(z.object({ symbols: z.array(symbolSummarySchema) }), "Every stored symbol"),
    503: shuttingDown,
  },
});

const ticksRoute = createRoute({
  method: "get",
  path: "/ticks/{symbol}",
  operationId: "getTicks",
  tags: ["market"],
  summary: "Raw ticks, newest or oldest first, paginated by trade id (JSON or Arrow IPC)",
  request: { params: symbolPath, query: ticksQuery },
  responses: {
    200: {
      description: "A page of ticks; `nextCursor` is null on the last page. Arrow IPC with `Accept: application/vnd.apache.arrow.stream`",
      content: {
        "application/json": {
          schema: z.object({
            symbol: z.string(),
            order: z.enum(["asc", "desc"]),
            ticks: z.array(tickSchema),
            nextCursor: z.number().int().nullable().meta({ description: "The `cursor` of the next page, or null" }),
          }),
        },
        ...arrowContent(TICK_COLUMNS),
      },
    },
    400: invalidParameter,
    404: unknownSymbol("the path"),
    503: shuttingDown,
  },
});

const ohlcRoute = createRoute({
  method: "get",
  path: "/ohlc/{symbol}",
  operationId: "getOhlc",
  tags: ["market"],
  summary: "Bars of any timeframe (1s, 1m, 5m stored; others computed), the open bucket included (JSON or Arrow IPC)",
  request: { params: symbolPath, query: ohlcQuery },
  responses: {
    200: {
      description: "The most recent `limit` bars, oldest first; the last may still be filling. Arrow IPC with `Accept: application/vnd.apache.arrow.stream`",
      content: {
        "application/json": { schema: z.object({ symbol: z.string(), timeframe: z.string(), bars: z.array(barSchema) }) },
        ...arrowContent(BAR_COLUMNS),
      },
    },
    400: refused(["invalid_parameter"], "A malformed or unknown parameter, or a timeframe that does not divide one day"),
    404: unknownSymbol("the path"),
    503: shuttingDown,
  },
});

export function marketRoutes(deps: ApiDeps): ApiRouter {
  const routes = apiRouter();
  const { store } = deps;

  routes.openapi(symbolsRoute, async (c) => c.json({ symbols: await listSymbols(store) }, 200));

  routes.openapi(ticksRoute, async (c) => {
    const { symbol } = c.req.valid("param");
    const q = c.req.valid("query");
    await requireKnownSymbol(store, symbol);
    const where = [`symbol = '${symbol}'`];
    if (q.from !== undefined) where.push(`trade_time >= make_timestamp(${Math.round(q.from * 1000)})`);
    if (q.to !== undefined) where.push(`trade_time < make_timestamp(${Math.round(q.to * 1000)})`);
    if (q.cursor !== undefined) where.push(`trade_id ${q.order === "desc" ? "<" : ">"} ${q.cursor}`);
    const rows = await store.read(async (conn) =>
      (
        await conn.runAndReadAll(
          `SELECT trade_id, price, qty, quote_qty, is_buyer_maker, epoch_us(trade_time), epoch_us(recv_time), source
           FROM tick_data WHERE ${where.join(" AND ")} ORDER BY trade_id ${q.order} LIMIT ${q.limit + 1}`,
        )
      ).getRows(),
    );
    const page = rows.slice(0, q.limit);
    const ticks: TickJson[] = page.map((r) => ({
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
    return c.json({ symbol, order: q.order, ticks, nextCursor }, 200);
  });

  routes.openapi(ohlcRoute, async (c) => {
    const { symbol } = c.req.valid("param");
    const q = c.req.valid("query");
    await requireKnownSymbol(store, symbol);
    // The most recent `limit` bars; the last may be the open bucket, still filling.
    const recent = await store.queryBars({ symbol, timeframe: q.timeframe, from: q.from, to: q.to, limit: q.limit });
    if (wantsArrow(c)) {
      const col = (pick: (b: (typeof recent)[number]) => number) => Float64Array.from(recent, pick);
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
    return c.json({ symbol, timeframe: q.timeframe, bars: recent }, 200);
  });

  return routes;
}
