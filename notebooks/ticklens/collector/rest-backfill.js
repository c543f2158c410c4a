import { backoffDelay, sleep } from "./backoff.js";
/** Most rows Binance returns per request. */
export const REST_PAGE_LIMIT = 1000;
export class RestBackfill {
    options;
    counters = { requests: 0, rateLimited: 0, banned: 0, errors: 0 };
    constructor(options) {
        this.options = options;
    }
    /**
     * Up to `limit` trades of `symbol` from `fromId` on, in id order. Retries until it gets an answer or the
     * signal aborts: a hole left unfilled is data lost, so giving up is never the right call.
     */
    async page(symbol, fromId, limit, signal) {
        const url = this.url(symbol, fromId, Math.min(limit, REST_PAGE_LIMIT));
        const doFetch = this.options.fetch ?? fetch;
        for (let attempt = 0;; attempt++) {
            signal.throwIfAborted();
            this.counters.requests++;
            let response;
            try {
                response = await doFetch(url, {
                    signal,
                    headers: this.options.apiKey ? { "X-MBX-APIKEY": this.options.apiKey } : {},
                });
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                this.counters.errors++;
                await sleep(backoffDelay(attempt, this.options.backoff), signal);
                continue;
            }
            if (response.status === 429 || response.status === 418) {
                await response.body?.cancel();
                const retryAfterMs = retryAfter(response) ?? (response.status === 418 ? (this.options.banWaitMs ?? 120_000) : 1_000);
                if (response.status === 429)
                    this.counters.rateLimited++;
                else
                    this.counters.banned++;
                await sleep(retryAfterMs, signal);
                continue;
            }
            if (!response.ok) {
                const body = await response.text();
                this.counters.errors++;
                if (response.status >= 400 && response.status < 500) {
                    throw new Error(`backfill ${symbol} from id ${fromId}: HTTP ${response.status}: ${body.slice(0, 200)}`);
                }
                await sleep(backoffDelay(attempt, this.options.backoff), signal);
                continue;
            }
            return this.parse(symbol, await response.text());
        }
    }
    url(symbol, fromId, limit) {
        const prefix = this.options.market === "futures" ? "/fapi/v1" : "/api/v3";
        const path = this.options.stream === "aggTrade" ? "aggTrades" : "historicalTrades";
        const base = this.options.restUrl.replace(/\/+$/, "");
        return `${base}${prefix}/${path}?symbol=${encodeURIComponent(symbol)}&fromId=${fromId}&limit=${limit}`;
    }
    /** Checks each row as strictly as a WebSocket frame. */
    parse(symbol, text) {
        const ticks = [];
        const rejected = [];
        let rows;
        try {
            rows = JSON.parse(text);
        }
        catch {
            return { ticks, rejected: [{ reason: `backfill ${symbol}: response is not JSON`, raw: text.slice(0, 1000) }] };
        }
        if (!Array.isArray(rows)) {
            return { ticks, rejected: [{ reason: `backfill ${symbol}: response is not an array`, raw: text.slice(0, 1000) }] };
        }
        const recvTime = Date.now();
        const agg = this.options.stream === "aggTrade";
        rows.forEach((row, index) => {
            const id = agg ? row?.a : row?.id;
            const price = agg ? row?.p : row?.price;
            const qty = agg ? row?.q : row?.qty;
            const time = agg ? row?.T : row?.time;
            const maker = agg ? row?.m : row?.isBuyerMaker;
            const where = `backfill ${symbol} row ${index}`;
            let reason = null;
            if (!Number.isSafeInteger(id) || id < 0)
                reason = `${where}: trade id is not a non-negative integer`;
            else if (typeof price !== "string" || !(Number(price) > 0))
                reason = `${where} id ${id}: price is not a positive decimal string`;
            else if (typeof qty !== "string" || !(Number(qty) > 0))
                reason = `${where} id ${id}: quantity is not a positive decimal string`;
            else if (!Number.isSafeInteger(time) || time <= 0)
                reason = `${where} id ${id}: time is not a positive integer`;
            else if (typeof maker !== "boolean")
                reason = `${where} id ${id}: buyer-is-maker is not a boolean`;
            if (reason !== null) {
                rejected.push({ reason, raw: JSON.stringify(row) });
                return;
            }
            const p = Number(price);
            const q = Number(qty);
            ticks.push({
                symbol,
                tradeId: id,
                price: p,
                qty: q,
                quoteQty: p * q,
                isBuyerMaker: maker,
                tradeTime: time,
                // REST rows carry no event time: the trade time is the closest the exchange says.
                eventTime: time,
                recvTime,
                source: "backfill",
            });
        });
        return { ticks, rejected };
    }
}
/** `Retry-After` in seconds (Binance) as ms, or null when absent or unreadable. */
function retryAfter(response) {
    const header = response.headers.get("retry-after");
    if (header === null)
        return null;
    const seconds = Number(header);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
