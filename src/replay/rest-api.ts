/**
 * Binance's public market-data REST endpoints over what the replay has published so far: spot `/api/v3/…` or
 * USD-M futures `/fapi/v1/…` (ping, time, exchangeInfo, trades, historicalTrades, aggTrades), with Binance's
 * parameter checks and error bodies, request weights (`X-MBX-USED-WEIGHT-1M`), 429 + `Retry-After` and 418 bans.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { restAggTradeRow, restTradeRow } from "./binance-payloads.ts";
import type { FaultPlan } from "./fault-plan.ts";
import type { ReplayTimeline, SymbolBook } from "./replay-timeline.ts";
import { historyByTime, historyFromId, historyRecent, type HistoryHit } from "./trade-history.ts";

/** Request weight per endpoint and the weight allowed per IP per minute, as Binance publishes them. */
export const REST_WEIGHTS = {
  spot: { ping: 1, time: 1, exchangeInfo: 20, trades: 25, historicalTrades: 25, aggTrades: 4, limitPerMinute: 6000 },
  futures: { ping: 1, time: 1, exchangeInfo: 1, trades: 5, historicalTrades: 20, aggTrades: 20, limitPerMinute: 2400 },
} as const;

type Endpoint = "ping" | "time" | "exchangeInfo" | "trades" | "historicalTrades" | "aggTrades";

/** Parameters each endpoint reads; any other parameter is an error (-1104), as on Binance. */
const PARAMS: Record<Endpoint, readonly string[]> = {
  ping: [],
  time: [],
  exchangeInfo: ["symbol", "symbols", "permissions", "showPermissionSets", "symbolStatus"],
  trades: ["symbol", "limit"],
  historicalTrades: ["symbol", "limit", "fromId"],
  aggTrades: ["symbol", "fromId", "startTime", "endTime", "limit"],
};

export interface RestContext {
  readonly timeline: ReplayTimeline;
  /** Positions below it are published. */
  cursor(): number;
  readonly plan: FaultPlan;
  /** Weight allowed per IP per minute (default: Binance's for the market). */
  readonly weightLimitPerMinute?: number;
  /** Counts an event (`restRequests`, `rest429`, `rest418`...). */
  count(what: string, n?: number): void;
}

class ApiError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly msg: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

interface IpState {
  minute: number;
  used: number;
  retryUntil: number;
  bannedUntil: number;
}

const HOUR_US = 3600e6;

/**
 * The REST request handler.
 * @param ctx timeline, cursor, fault plan and counters
 * @returns a `node:http` request listener
 * @throws never; the handler answers every request (unknown paths 404, bad parameters 400 with Binance's code)
 * @example
 * http.createServer(createRestHandler({ timeline, cursor: () => clock.cursor, plan, count: () => {} }));
 */
export function createRestHandler(ctx: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  const tl = ctx.timeline;
  const market = tl.market;
  const weights = REST_WEIGHTS[market];
  const limitPerMinute = ctx.weightLimitPerMinute ?? weights.limitPerMinute;
  const prefix = market === "spot" ? "/api/v3/" : "/fapi/v1/";
  const ips = new Map<string, IpState>();

  return (req, res) => {
    ctx.count("restRequests");
    const url = new URL(req.url ?? "/", "http://replay");
    const ip = req.socket.remoteAddress ?? "unknown";
    const endpoint = url.pathname.startsWith(prefix) ? (url.pathname.slice(prefix.length) as Endpoint) : null;
    if (endpoint === null || !(endpoint in PARAMS)) {
      return send(res, 404, `{"code":-1,"msg":"Not found: ${url.pathname.replace(/[^\w/.-]/g, "")}"}`);
    }
    if (req.method !== "GET") return send(res, 405, '{"code":-1,"msg":"Method not allowed."}');
    const now = Date.now();
    let state = ips.get(ip);
    if (state === undefined) ips.set(ip, (state = { minute: 0, used: 0, retryUntil: 0, bannedUntil: 0 }));
    const minute = Math.floor(now / 60_000);
    if (state.minute !== minute) {
      state.minute = minute;
      state.used = 0;
    }
    state.used += weights[endpoint];
    const headers = { "X-MBX-USED-WEIGHT-1M": String(state.used) };
    try {
      guard(state, now, ip);
      const body = route(endpoint, url.searchParams, req.headers["x-mbx-time-unit"]);
      send(res, 200, body, headers);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        // Binance's own answer to a server fault; the replay must never fall over on one request.
        ctx.count("restErrors");
        return send(res, 500, '{"code":-1000,"msg":"An unknown error occurred while processing the request."}', headers);
      }
      if (error.status === 429) ctx.count("rest429");
      if (error.status === 418) ctx.count("rest418");
      send(res, error.status, JSON.stringify({ code: error.code, msg: error.msg }), { ...headers, ...error.headers });
    }
  };

  function guard(state: IpState, now: number, ip: string): void {
    if (state.bannedUntil > now) throw banned(state, now, ip);
    if (state.retryUntil > now) {
      if (ctx.plan.ban418) {
        state.bannedUntil = now + ctx.plan.banSeconds * 1000;
        throw banned(state, now, ip);
      }
      throw tooMany(Math.ceil((state.retryUntil - now) / 1000), ip);
    }
    if (state.used > limitPerMinute) {
      state.retryUntil = (state.minute + 1) * 60_000;
      throw tooMany(Math.ceil((state.retryUntil - now) / 1000), ip);
    }
    if (ctx.plan.rollRest429()) {
      state.retryUntil = now + ctx.plan.retryAfterSeconds * 1000;
      throw tooMany(ctx.plan.retryAfterSeconds, ip);
    }
  }

  function tooMany(seconds: number, ip: string): ApiError {
    const msg = `Too many requests; current limit of IP(${ip}) request weight per minute is ${limitPerMinute}. Please use WebSocket Streams for live updates to avoid bans.`;
    return new ApiError(429, -1003, msg, { "Retry-After": String(Math.max(1, seconds)) });
  }

  function banned(state: IpState, now: number, ip: string): ApiError {
    const msg = `Way too many requests; IP(${ip}) banned until ${state.bannedUntil}. Please use WebSocket Streams for live updates to avoid bans.`;
    return new ApiError(418, -1003, msg, { "Retry-After": String(Math.max(1, Math.ceil((state.bannedUntil - now) / 1000))) });
  }

  function route(endpoint: Endpoint, q: URLSearchParams, timeUnitHeader: string | string[] | undefined): string {
    const keys = [...q.keys()];
    if (new Set(keys).size !== keys.length) throw new ApiError(400, -1101, "Duplicate values for a parameter detected.");
    const read = keys.filter((k) => PARAMS[endpoint].includes(k)).length;
    if (read !== keys.length) {
      throw new ApiError(400, -1104, `Not all sent parameters were read; read '${read}' parameter(s) but was sent '${keys.length}'.`);
    }
    const micro = market === "spot" && String(timeUnitHeader ?? "").toUpperCase() === "MICROSECOND";
    switch (endpoint) {
      case "ping":
        return "{}";
      case "time":
        return `{"serverTime":${Date.now()}}`;
      case "exchangeInfo":
        return exchangeInfo(q);
      case "trades": {
        const book = symbolBook(q);
        const hits = historyRecent(tl, book.trades, limit(q), ctx.cursor());
        return rows(hits, (h) => restTradeRow(tl, book, book.trades.pos[h.index], h.pass, micro));
      }
      case "historicalTrades": {
        const book = symbolBook(q);
        const fromId = integer(q, "fromId");
        const n = limit(q);
        const hits =
          fromId === null ? historyRecent(tl, book.trades, n, ctx.cursor()) : historyFromId(tl, book.trades, fromId, n, ctx.cursor());
        return rows(hits, (h) => restTradeRow(tl, book, book.trades.pos[h.index], h.pass, micro));
      }
      case "aggTrades": {
        const book = symbolBook(q);
        const fromId = integer(q, "fromId");
        const startTime = integer(q, "startTime");
        const endTime = integer(q, "endTime");
        const n = limit(q);
        const toUs = (t: number) => (micro ? t : t * 1000);
        let hits: HistoryHit[];
        if (startTime === null && endTime === null) {
          hits = fromId === null ? historyRecent(tl, book.aggTrades, n, ctx.cursor()) : historyFromId(tl, book.aggTrades, fromId, n, ctx.cursor());
        } else {
          if (startTime !== null && endTime !== null && toUs(endTime) - toUs(startTime) > HOUR_US) {
            throw new ApiError(400, -1127, "More than 1 hours between startTime and endTime.");
          }
          const lo = startTime !== null ? toUs(startTime) : toUs(endTime!) - HOUR_US;
          // A start time alone reads forward with no end; the end of a ms bound covers its whole millisecond.
          const hi = endTime !== null ? toUs(endTime) + (micro ? 0 : 999) : Infinity;
          hits = historyByTime(tl, book.aggTrades, lo, hi, fromId, n, ctx.cursor());
        }
        return rows(hits, (h) => restAggTradeRow(tl, book, book.aggTrades.pos[h.index], h.pass, micro));
      }
    }
  }

  function symbolBook(q: URLSearchParams): SymbolBook {
    const symbol = q.get("symbol");
    if (symbol === null || symbol === "") {
      throw new ApiError(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    }
    if (!/^[A-Z0-9-_.]{1,20}$/.test(symbol)) {
      throw new ApiError(400, -1100, "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.");
    }
    const book = tl.books.get(symbol);
    if (book === undefined) throw new ApiError(400, -1121, "Invalid symbol.");
    return book;
  }

  function integer(q: URLSearchParams, name: string): number | null {
    const text = q.get(name);
    if (text === null) return null;
    if (!/^\d{1,20}$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw new ApiError(400, -1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`);
    }
    return Number(text);
  }

  function limit(q: URLSearchParams): number {
    const n = integer(q, "limit") ?? 500;
    // Spot silently caps at 1000; futures rejects anything outside 1..1000.
    if (n < 1 || (market === "futures" && n > 1000)) throw new ApiError(400, -1130, "Data sent for parameter 'limit' is not valid.");
    return Math.min(n, 1000);
  }

  function exchangeInfo(q: URLSearchParams): string {
    let symbols = tl.symbols();
    const one = q.get("symbol");
    const many = q.get("symbols");
    if (one !== null && many !== null) throw new ApiError(400, -1128, "Combination of optional parameters invalid.");
    if (one !== null) symbols = [symbolBook(q).symbol];
    if (many !== null) {
      let list: unknown;
      try {
        list = JSON.parse(many);
      } catch {
        list = null;
      }
      if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === "string")) {
        throw new ApiError(400, -1100, "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
      }
      if (list.some((s) => !tl.books.has(s as string))) throw new ApiError(400, -1121, "Invalid symbol.");
      symbols = list as string[];
    }
    const rateLimits = [
      { rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: limitPerMinute },
      { rateLimitType: "RAW_REQUESTS", interval: "MINUTE", intervalNum: 5, limit: 61000 },
    ];
    const info =
      market === "spot"
        ? {
            timezone: "UTC",
            serverTime: Date.now(),
            rateLimits,
            exchangeFilters: [],
            symbols: symbols.map((s) => {
              const [base, quote] = splitSymbol(s);
              const book = tl.books.get(s)!;
              return {
                symbol: s,
                status: "TRADING",
                baseAsset: base,
                baseAssetPrecision: 8,
                quoteAsset: quote,
                quotePrecision: 8,
                quoteAssetPrecision: 8,
                orderTypes: ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"],
                isSpotTradingAllowed: true,
                isMarginTradingAllowed: false,
                filters: [
                  { filterType: "PRICE_FILTER", minPrice: tick(book.priceDecimals), maxPrice: "1000000.00000000", tickSize: tick(book.priceDecimals) },
                  { filterType: "LOT_SIZE", minQty: tick(book.qtyDecimals), maxQty: "9000.00000000", stepSize: tick(book.qtyDecimals) },
                ],
                permissions: [],
                permissionSets: [["SPOT"]],
              };
            }),
          }
        : {
            timezone: "UTC",
            serverTime: Date.now(),
            futuresType: "U_MARGINED",
            rateLimits,
            exchangeFilters: [],
            assets: [],
            symbols: symbols.map((s) => {
              const [base, quote] = splitSymbol(s);
              const book = tl.books.get(s)!;
              return {
                symbol: s,
                pair: s,
                contractType: "PERPETUAL",
                status: "TRADING",
                baseAsset: base,
                quoteAsset: quote,
                marginAsset: quote,
                pricePrecision: book.priceDecimals,
                quantityPrecision: book.qtyDecimals,
                baseAssetPrecision: 8,
                quotePrecision: 8,
                underlyingType: "COIN",
                filters: [
                  { filterType: "PRICE_FILTER", tickSize: tick(book.priceDecimals) },
                  { filterType: "LOT_SIZE", stepSize: tick(book.qtyDecimals) },
                ],
                orderTypes: ["LIMIT", "MARKET"],
                timeInForce: ["GTC", "IOC", "FOK", "GTX"],
              };
            }),
          };
    return JSON.stringify(info);
  }
}

function rows(hits: readonly HistoryHit[], row: (hit: HistoryHit) => string): string {
  return `[${hits.map(row).join(",")}]`;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** The smallest step with `decimals` digits, e.g. 2 → "0.01". */
function tick(decimals: number): string {
  return decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`;
}

const QUOTES = ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY", "BRL", "USD"];

/** Base and quote asset of a symbol, by the quote assets Binance lists. */
function splitSymbol(symbol: string): [string, string] {
  const quote = QUOTES.find((q) => symbol.endsWith(q) && symbol.length > q.length);
  return quote === undefined ? [symbol, ""] : [symbol.slice(0, -quote.length), quote];
}
