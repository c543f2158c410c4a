/**
 * Market data: `GET /api/symbols`, `GET /api/ticks/{symbol}` (paginated by trade id), `GET /api/ohlc/{symbol}`
 * (any timeframe, the open bucket included). JSON, or Arrow IPC on request.
 */
import { Hono } from "hono";
import type { ApiDeps } from "./deps.ts";
/** One tick as the API sends it. Times are ms since the Unix epoch, UTC. */
export interface TickJson {
    readonly tradeId: number;
    readonly price: number;
    readonly qty: number;
    readonly quoteQty: number;
    readonly isBuyerMaker: boolean;
    readonly tradeTime: number;
    readonly recvTime: number;
    readonly source: string;
}
export declare function marketRoutes(deps: ApiDeps): Hono;
