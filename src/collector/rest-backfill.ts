/**
 * Fetches missing trades from Binance's REST API by id (`fromId`), honouring its rate limits with the platform's
 * retry policy: on 429 it waits `Retry-After`, on 418 (IP banned for a while) that or a long default; network
 * errors and 5xx back off. Every wait can be aborted.
 */
import type { Tick } from "../store/tick-batch.ts";
import type { Market, TradeStream } from "./binance-frames.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { backoffDelay, DEFAULT_RETRY, httpRetry, type RetryPolicy } from "../runtime/retry.ts";

/** Most rows Binance returns per request. */
export const REST_PAGE_LIMIT = 1000;

export interface RestBackfillOptions {
  /** Base URL, e.g. `https://api.binance.com` or `https://fapi.binance.com`. */
  readonly restUrl: string;
  readonly market: Market;
  /** `trade` backfills from historicalTrades (ids `t`), `aggTrade` from aggTrades (ids `a`). */
  readonly stream: TradeStream;
  /** Sent as `X-MBX-APIKEY` when set. */
  readonly apiKey?: string;
  /** Waits between attempts (default {@link DEFAULT_RETRY}: 418 without `Retry-After` waits 2 min). */
  readonly retry?: RetryPolicy;
  readonly fetch?: typeof fetch;
}

export interface BackfillPage {
  readonly ticks: Tick[];
  /** Rows the server sent that failed validation, with the reason (they go to quarantine). */
  readonly rejected: { readonly reason: string; readonly raw: string }[];
}

export interface RestCounters {
  requests: number;
  rateLimited: number;
  banned: number;
  errors: number;
}

export class RestBackfill {
  readonly counters: RestCounters = { requests: 0, rateLimited: 0, banned: 0, errors: 0 };

  constructor(private readonly options: RestBackfillOptions) {}

  /**
   * Up to `limit` trades of `symbol` from `fromId` on, in id order. Retries until it gets an answer or the
   * signal aborts: a hole left unfilled is data lost, so giving up is never the right call.
   */
  async page(symbol: string, fromId: number, limit: number, signal: AbortSignal): Promise<BackfillPage> {
    const url = this.url(symbol, fromId, Math.min(limit, REST_PAGE_LIMIT));
    const doFetch = this.options.fetch ?? fetch;
    const policy = this.options.retry ?? DEFAULT_RETRY;
    for (let attempt = 0; ; attempt++) {
      signal.throwIfAborted();
      this.counters.requests++;
      let response: Response;
      try {
        response = await doFetch(url, {
          signal,
          headers: this.options.apiKey ? { "X-MBX-APIKEY": this.options.apiKey } : {},
        });
      } catch (error) {
        if (signal.aborted) throw error;
        this.counters.errors++;
        await sleep(backoffDelay(attempt, policy), undefined, { signal });
        continue;
      }
      if (response.ok) return this.parse(symbol, await response.text());
      const body = await response.text();
      const retry = httpRetry(response.status, response.headers, attempt, policy);
      if (retry.kind === "rate-limited") this.counters.rateLimited++;
      else if (retry.kind === "banned") this.counters.banned++;
      else this.counters.errors++;
      if (retry.kind === "refused") throw new Error(`backfill ${symbol} from id ${fromId}: HTTP ${response.status}: ${body.slice(0, 200)}`);
      await sleep(retry.waitMs, undefined, { signal });
    }
  }

  private url(symbol: string, fromId: number, limit: number): string {
    const prefix = this.options.market === "futures" ? "/fapi/v1" : "/api/v3";
    const path = this.options.stream === "aggTrade" ? "aggTrades" : "historicalTrades";
    const base = this.options.restUrl.replace(/\/+$/, "");
    return `${base}${prefix}/${path}?symbol=${encodeURIComponent(symbol)}&fromId=${fromId}&limit=${limit}`;
  }

  /** Checks each row as strictly as a WebSocket frame. */
  private parse(symbol: string, text: string): BackfillPage {
    const ticks: Tick[] = [];
    const rejected: { reason: string; raw: string }[] = [];
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch {
      return { ticks, rejected: [{ reason: `backfill ${symbol}: response is not JSON`, raw: text.slice(0, 1000) }] };
    }
    if (!Array.isArray(rows)) {
      return { ticks, rejected: [{ reason: `backfill ${symbol}: response is not an array`, raw: text.slice(0, 1000) }] };
    }
    const recvTime = Date.now();
    const agg = this.options.stream === "aggTrade";
    rows.forEach((row: Record<string, unknown>, index) => {
      const id = agg ? row?.a : row?.id;
      const price = agg ? row?.p : row?.price;
      const qty = agg ? row?.q : row?.qty;
      const time = agg ? row?.T : row?.time;
      const maker = agg ? row?.m : row?.isBuyerMaker;
      const where = `backfill ${symbol} row ${index}`;
      let reason: string | null = null;
      if (!Number.isSafeInteger(id) || (id as number) < 0) reason = `${where}: trade id is not a non-negative integer`;
      else if (typeof price !== "string" || !(Number(price) > 0)) reason = `${where} id ${id}: price is not a positive decimal string`;
      else if (typeof qty !== "string" || !(Number(qty) > 0)) reason = `${where} id ${id}: quantity is not a positive decimal string`;
      else if (!Number.isSafeInteger(time) || (time as number) <= 0) reason = `${where} id ${id}: time is not a positive integer`;
      else if (typeof maker !== "boolean") reason = `${where} id ${id}: buyer-is-maker is not a boolean`;
      if (reason !== null) {
        rejected.push({ reason, raw: JSON.stringify(row) });
        return;
      }
      const p = Number(price);
      const q = Number(qty);
      ticks.push({
        symbol,
        tradeId: id as number,
        price: p,
        qty: q,
        quoteQty: p * q,
        isBuyerMaker: maker as boolean,
        tradeTime: time as number,
        // REST rows carry no event time: the trade time is the closest the exchange says.
        eventTime: time as number,
        recvTime,
        source: "backfill",
      });
    });
    return { ticks, rejected };
  }
}
