import { TickBatchBuilder } from "../store/tick-batch.js";
import { parseFrame } from "./binance-frames.js";
import { BinanceFeed } from "./binance-feed.js";
import { RestBackfill, REST_PAGE_LIMIT } from "./rest-backfill.js";
import { TradeSequencer } from "./trade-sequencer.js";
const MAX_STREAMS_PER_CONNECTION = 1024;
/**
 * REST pages that cover the holes: one page of up to 1000 ids serves every hole that starts within it, since ids
 * we hold already come back as duplicates and are dropped. Lost frames are usually scattered singles, and a
 * request per hole would spend Binance's request weight 1000 times faster.
 */
export function backfillPages(holes) {
    const bySymbol = new Map();
    for (const h of holes)
        bySymbol.set(h.symbol, [...(bySymbol.get(h.symbol) ?? []), h]);
    const pages = [];
    for (const [symbol, list] of bySymbol) {
        list.sort((a, b) => a.fromId - b.fromId);
        for (let i = 0; i < list.length;) {
            const fromId = list[i].fromId;
            let toId = list[i].toId;
            while (++i < list.length && list[i].fromId < fromId + REST_PAGE_LIMIT)
                toId = Math.max(toId, list[i].toId);
            pages.push({ symbol, fromId, limit: Math.min(REST_PAGE_LIMIT, toId - fromId + 1) });
        }
    }
    return pages;
}
export class Collector {
    store;
    options;
    sequencer;
    builder;
    flushIntervalMs;
    /** When the last batch was sealed (moved to the write queue), ms. */
    lastSealAt = 0;
    feeds = [];
    backfill;
    queue = [];
    quarantine = [];
    listeners = new Set();
    abort = new AbortController();
    timers = [];
    writing = null;
    backfilling = false;
    paused = false;
    lastResample = 0;
    lastResampleMs = 0;
    stored = 0;
    backfilled = 0;
    quarantined = 0;
    lagMs = null;
    lastTradeTime = {};
    /** Local time of the last trade taken per symbol, and of the last quiet-tail check. */
    lastTakenAt = new Map();
    lastQuietCheck = new Map();
    stopping = null;
    writeError = null;
    constructor(store, options, lastIds) {
        this.store = store;
        this.options = options;
        this.sequencer = new TradeSequencer(lastIds);
        this.builder = new TickBatchBuilder(options.batchSize ?? 65_536);
        this.flushIntervalMs = options.flushIntervalMs ?? 100;
        this.backfill = new RestBackfill({
            restUrl: options.restUrl,
            market: options.market,
            stream: options.stream,
            apiKey: options.apiKey,
            backoff: options.backoff,
        });
    }
    /** Resumes from the store's last ids and starts streaming. */
    static async start(store, options) {
        const collector = new Collector(store, options, await store.lastTradeIds());
        collector.run();
        return collector;
    }
    /** Every batch once it is stored (live fan-out). Returns the unsubscribe function. */
    onBatch(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /** The stream URLs, one per connection (Binance allows 1024 streams on one). */
    streamUrls() {
        const streams = this.options.symbols.map((s) => `${s.toLowerCase()}@${this.options.stream}`);
        const base = this.options.wsUrl.replace(/\/+$/, "");
        const urls = [];
        for (let i = 0; i < streams.length; i += MAX_STREAMS_PER_CONNECTION) {
            urls.push(`${base}/stream?streams=${streams.slice(i, i + MAX_STREAMS_PER_CONNECTION).join("/")}`);
        }
        return urls;
    }
    status() {
        const seq = this.sequencer.counters();
        const feedState = this.feeds.length === 0 ? "stopped" : this.feeds.every((f) => f.state === "live") ? "live" : this.feeds.find((f) => f.state !== "live").state;
        return {
            state: this.stopping ? "stopped" : feedState,
            stored: this.stored,
            backfilled: this.backfilled,
            duplicatesDropped: seq.duplicates,
            gapsFound: seq.gapsFound,
            gapsFilled: seq.gapsFilled,
            missingIds: seq.missingIds,
            notMarketTrades: seq.notMarketTrades,
            reconnects: this.feeds.reduce((n, f) => n + f.counters().reconnects, 0),
            quarantined: this.quarantined,
            rateLimited: this.backfill.counters.rateLimited + this.backfill.counters.banned,
            pendingBatches: this.queue.length,
            lagMs: this.lagMs,
            lastTradeTime: { ...this.lastTradeTime },
        };
    }
    /** Flushes everything received, brings bars up to date and closes the sockets. Safe to call twice. */
    stop() {
        this.stopping ??= this.shutdown();
        return this.stopping;
    }
    run() {
        for (const url of this.streamUrls()) {
            const feed = new BinanceFeed({
                url,
                onFrame: (text, recvTime) => this.onFrame(feed, text, recvTime),
                onEvent: (event) => this.onFeedEvent(event),
                watchdogMs: this.options.watchdogMs,
                maxConnectionAgeMs: this.options.maxConnectionAgeMs,
                backoff: this.options.backoff,
            });
            this.feeds.push(feed);
            feed.start();
        }
        this.timers.push(setInterval(() => {
            if (this.writing === null)
                this.seal();
        }, this.flushIntervalMs));
        const grace = this.options.backfillGraceMs ?? 1_000;
        this.timers.push(setInterval(() => void this.backfillHoles(grace), Math.max(50, grace / 2)));
    }
    onFrame(feed, text, recvTime) {
        this.options.onRawFrame?.(text, recvTime);
        const frame = parseFrame(text, { recvTime, timesInMicros: false, source: "live" });
        switch (frame.kind) {
            case "trade":
                this.lagMs = recvTime - frame.tick.tradeTime;
                this.take(frame.tick);
                break;
            case "rejected":
                this.quarantine.push({ receivedAt: recvTime, source: "live", symbol: frame.symbol, reason: frame.reason, raw: text });
                // A refused trade still used its id: mark it seen, or it would stand as a hole REST can never fill.
                if (frame.symbol !== null && frame.tradeId !== undefined)
                    this.sequencer.accept(frame.symbol, frame.tradeId, recvTime);
                break;
            case "shutdown":
                feed.rotate("server sent serverShutdown");
                break;
            case "reply":
            case "other":
                break;
        }
    }
    take(tick) {
        const now = Date.now();
        if (!this.sequencer.accept(tick.symbol, tick.tradeId, now))
            return;
        this.lastTakenAt.set(tick.symbol, now);
        if (!(this.lastTradeTime[tick.symbol] >= tick.tradeTime))
            this.lastTradeTime[tick.symbol] = tick.tradeTime;
        if (tick.source === "backfill")
            this.backfilled++;
        this.builder.push(tick);
        if (this.builder.isFull)
            this.seal();
    }
    /** Moves the open batch (and pending quarantine) to the write queue and makes sure a writer is running. */
    seal() {
        if (this.builder.length > 0)
            this.sealBatch();
        if (this.queue.length >= (this.options.maxPendingBatches ?? 4) && !this.paused) {
            this.paused = true;
            for (const f of this.feeds)
                f.pause();
        }
        if (this.queue.length > 0 || this.quarantine.length > 0)
            this.writing ??= this.drain().finally(() => (this.writing = null));
    }
    sealBatch() {
        this.queue.push(this.builder.finish());
        this.lastSealAt = Date.now();
    }
    async drain() {
        for (;;) {
            // What arrived during the last write goes out as one batch, once the flush interval since the last has passed.
            if (this.queue.length === 0 && this.builder.length > 0) {
                const wait = this.lastSealAt + this.flushIntervalMs - Date.now();
                if (wait > 0)
                    await new Promise((r) => setTimeout(r, wait));
                if (this.queue.length === 0 && this.builder.length > 0)
                    this.sealBatch();
            }
            if (this.queue.length === 0 && this.quarantine.length === 0)
                return;
            if (this.quarantine.length > 0) {
                const records = this.quarantine;
                this.quarantine = [];
                await this.store.writeQuarantine(records);
                this.quarantined += records.length;
            }
            const batch = this.queue[0];
            if (batch === undefined)
                continue;
            try {
                const { inserted } = await this.store.appendTicks(batch);
                this.queue.shift();
                this.stored += inserted;
                for (const listener of this.listeners)
                    listener(batch);
            }
            catch (error) {
                // Keep the batch and retry: a trade that reached us is never dropped for a transient store error.
                this.writeError = error;
                this.log(`store write failed, retrying: ${error.message}`);
                await new Promise((r) => setTimeout(r, 500));
                continue;
            }
            if (this.paused && this.queue.length <= (this.options.maxPendingBatches ?? 4) / 2) {
                this.paused = false;
                for (const f of this.feeds)
                    f.resume();
            }
            const now = Date.now();
            if (now - this.lastResample >= Math.max(this.options.resampleIntervalMs ?? 1_000, 9 * this.lastResampleMs)) {
                this.lastResample = now;
                await this.store.resample();
                this.lastResampleMs = Date.now() - now;
            }
        }
    }
    async backfillHoles(graceMs) {
        if (this.backfilling || this.stopping)
            return;
        this.backfilling = true;
        try {
            for (const page of backfillPages(this.sequencer.holesDue(Date.now(), graceMs))) {
                const result = await this.backfill.page(page.symbol, page.fromId, page.limit, this.abort.signal);
                for (const r of result.rejected) {
                    this.quarantine.push({ receivedAt: Date.now(), source: "backfill", symbol: page.symbol, reason: r.reason, raw: r.raw });
                }
                for (const tick of result.ticks)
                    this.take(tick);
                const last = result.ticks.at(-1);
                if (last !== undefined)
                    this.sequencer.closeCovered(page.symbol, page.fromId, last.tradeId);
                this.seal();
            }
            await this.checkQuietTails();
        }
        catch (error) {
            if (!this.abort.signal.aborted)
                this.log(`backfill failed, will retry: ${error.message}`);
        }
        finally {
            this.backfilling = false;
        }
    }
    /** Asks REST for trades past the last id of symbols that have gone quiet; whatever comes back was missed. */
    async checkQuietTails() {
        const quietMs = this.options.quietCheckMs ?? 10_000;
        const now = Date.now();
        for (const [symbol, lastId] of this.sequencer.lastIds()) {
            const since = Math.max(this.lastTakenAt.get(symbol) ?? 0, this.lastQuietCheck.get(symbol) ?? 0);
            if (now - since < quietMs)
                continue;
            this.lastQuietCheck.set(symbol, now);
            const page = await this.backfill.page(symbol, lastId + 1, REST_PAGE_LIMIT, this.abort.signal);
            for (const tick of page.ticks)
                this.take(tick);
            this.seal();
        }
    }
    onFeedEvent(event) {
        if (event.type === "connected")
            this.log(event.rotation ? "replacement connection live" : "connected");
        else if (event.type === "disconnected")
            this.log(`disconnected (${event.reason})`);
        else if (event.type === "reconnecting")
            this.log(`reconnecting in ${event.delayMs} ms (attempt ${event.attempt})`);
        else if (event.type === "rotating")
            this.log(`opening a replacement connection: ${event.reason}`);
        else
            this.log(event.message);
    }
    async shutdown() {
        this.abort.abort(new Error("collector stopping"));
        for (const t of this.timers)
            clearInterval(t);
        for (const f of this.feeds)
            f.stop();
        this.seal();
        while (this.writing)
            await this.writing;
        // Stopping closes the open buckets; trades after a restart that land in them rewrite them.
        await this.store.resample({ final: true });
        if (this.writeError)
            this.log("store writes recovered after errors");
    }
    log(message) {
        (this.options.log ?? ((m) => process.stderr.write(`collector: ${m}\n`)))(message);
    }
}
