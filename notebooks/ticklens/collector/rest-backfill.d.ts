/**
 * Fetches missing trades from Binance's REST API by id (`fromId`), honouring its rate limits: on 429 it waits
 * `Retry-After`, on 418 (IP banned for a while) it waits that or a long default, and every wait can be aborted.
 */
import type { Tick } from "../store/tick-batch.ts";
import type { Market, TradeStream } from "./binance-frames.ts";
import { type BackoffPolicy } from "./backoff.ts";
/** Most rows Binance returns per request. */
export declare const REST_PAGE_LIMIT = 1000;
export interface RestBackfillOptions {
    /** Base URL, e.g. `https://api.binance.com` or `https://fapi.binance.com`. */
    readonly restUrl: string;
    readonly market: Market;
    /** `trade` backfills from historicalTrades (ids `t`), `aggTrade` from aggTrades (ids `a`). */
    readonly stream: TradeStream;
    /** Sent as `X-MBX-APIKEY` when set. */
    readonly apiKey?: string;
    /** Wait on 418 when the server gives no `Retry-After`, ms. */
    readonly banWaitMs?: number;
    /** Retries of network errors and 5xx answers. */
    readonly backoff?: BackoffPolicy;
    readonly fetch?: typeof fetch;
}
export interface BackfillPage {
    readonly ticks: Tick[];
    /** Rows the server sent that failed validation, with the reason (they go to quarantine). */
    readonly rejected: {
        readonly reason: string;
        readonly raw: string;
    }[];
}
export interface RestCounters {
    requests: number;
    rateLimited: number;
    banned: number;
    errors: number;
}
export declare class RestBackfill {
    private readonly options;
    readonly counters: RestCounters;
    constructor(options: RestBackfillOptions);
    /**
     * Up to `limit` trades of `symbol` from `fromId` on, in id order. Retries until it gets an answer or the
     * signal aborts: a hole left unfilled is data lost, so giving up is never the right call.
     */
    page(symbol: string, fromId: number, limit: number, signal: AbortSignal): Promise<BackfillPage>;
    private url;
    /** Checks each row as strictly as a WebSocket frame. */
    private parse;
}
