/**
 * The collector: Binance frames in, deduplicated and gap-free ticks out to the store as Arrow record batches.
 *
 * frames → parseFrame → TradeSequencer (duplicates dropped, holes noted) → TickBatchBuilder → write queue → store.
 * Holes are backfilled over REST after a short grace (out-of-order frames may still fill them). The write queue is
 * bounded: when the store falls behind, the sockets are paused, so memory stays flat and TCP pushes back.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { componentLogger, type Logger } from "../runtime/logger.ts";
import type { RetryPolicy } from "../runtime/retry.ts";
import type { QuarantineRecord } from "../store/quarantine.ts";
import { TickBatchBuilder, type Tick, type TickBatch } from "../store/tick-batch.ts";
import { parseFrame, type Market, type TradeStream } from "./binance-frames.ts";
import { BinanceFeed, type FeedEvent } from "./binance-feed.ts";
import { RestBackfill, REST_PAGE_LIMIT } from "./rest-backfill.ts";
import { TradeSequencer, type Hole } from "./trade-sequencer.ts";

/** What the collector needs from storage (the DuckDB `Store` provides it). */
export interface CollectorStore {
  /** Appends ticks idempotently on (symbol, trade_id); returns how many rows were new. */
  appendTicks(batch: TickBatch): Promise<{ readonly inserted: number }>;
  writeQuarantine(records: readonly QuarantineRecord[]): Promise<void>;
  /** Highest stored trade id per symbol, to resume after a restart. */
  lastTradeIds(): Promise<ReadonlyMap<string, number>>;
  /** Brings bars up to date with the ticks stored so far; `final` also closes the buckets still open. */
  resample(options?: { readonly final?: boolean }): Promise<unknown>;
}

export interface CollectorOptions {
  /** Upper-case symbols, e.g. ["BTCUSDT", "ETHUSDT"]. */
  readonly symbols: readonly string[];
  readonly market: Market;
  readonly stream: TradeStream;
  /** WebSocket base, e.g. `wss://stream.binance.com:9443`; `/stream?streams=…` is added. */
  readonly wsUrl: string;
  /** REST base for backfill, e.g. `https://api.binance.com`. */
  readonly restUrl: string;
  /**
   * Most rows per Arrow batch. A batch is written when full, or `flushIntervalMs` (default 100) after the last one;
   * while a write is in flight the next batch keeps filling, so batches grow with the load and stay small
   * (quickly queryable) when it is light. Each write is a transaction whose fixed cost dwarfs its rows': writing
   * back to back instead (about 35 a second under the 20× replay) cost the server 3.5× the CPU.
   */
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
  /** A hole younger than this may still fill from late frames; older ones are backfilled, ms. */
  readonly backfillGraceMs?: number;
  /**
   * A symbol with no trade for this long is asked over REST for ids past its last one, ms: a loss at the tail
   * of a burst leaves no jump for the id check to see until the next trade, which may be long coming.
   */
  readonly quietCheckMs?: number;
  /** Batches waiting for the store before the sockets are paused. */
  readonly maxPendingBatches?: number;
  /**
   * Bars are brought up to date at most this often, ms; and at most ~10% of the writer's time goes to it (the
   * next run waits 9× the last one's duration), so a flood of trades delays bars a little instead of slowing
   * ingestion.
   */
  readonly resampleIntervalMs?: number;
  readonly watchdogMs?: number;
  readonly maxConnectionAgeMs?: number;
  /** Waits between reconnects and REST retries (default the platform's, see src/runtime/retry.ts). */
  readonly retry?: RetryPolicy;
  readonly apiKey?: string;
  /**
   * Trades received but none stored for this long makes the state `stalled` (default 30 s), ms: e.g. a replay of
   * trades the store already holds, every one dropped as a duplicate, or writes that never finish.
   */
  readonly stallWindowMs?: number;
  /** Every raw frame as received (for `--record`). */
  readonly onRawFrame?: (text: string, recvTime: number) => void;
  /** Where it logs (default the process's logger, component `collector`). */
  readonly logger?: Logger;
}

/** Counters for the status line, `/api/health` and `/metrics`. */
export interface CollectorStatus {
  /**
   * `live` (every connection delivering and trades being stored), `stalled` (trades arrive but none has been
   * stored for the stall window: see `stall`), or the first non-live connection's state
   * (`connecting`, `reconnecting`, `stopped`).
   */
  readonly state: string;
  /** Why the state is `stalled`, e.g. "receiving but storing nothing: 1,234 duplicates in the last 30 s"; else null. */
  readonly stall: StallReport | null;
  /** Trades received (stream and REST), stored, and dropped as duplicates over the last stall window; null before one has passed. */
  readonly recent: RecentCounts | null;
  /** Trades written to the store (new rows). */
  readonly stored: number;
  /** Trades taken from REST backfill rather than the stream. */
  readonly backfilled: number;
  readonly duplicatesDropped: number;
  readonly gapsFound: number;
  readonly gapsFilled: number;
  readonly missingIds: number;
  /** Ids REST skipped while backfilling: not market trades (futures off-book events whose frames were lost). */
  readonly notMarketTrades: number;
  readonly reconnects: number;
  readonly quarantined: number;
  readonly rateLimited: number;
  readonly pendingBatches: number;
  /** Local receive time − exchange trade time of the latest live trade, ms. */
  readonly lagMs: number | null;
  /** Trade time of the latest trade taken per symbol, ms since the Unix epoch. */
  readonly lastTradeTime: Readonly<Record<string, number>>;
}

/** What came in and what was stored over a trailing window. */
export interface RecentCounts {
  readonly windowMs: number;
  readonly received: number;
  readonly stored: number;
  readonly duplicates: number;
}

/** A collector receiving trades and storing none. */
export interface StallReport extends RecentCounts {
  readonly reason: string;
}

const DEFAULT_STALL_WINDOW_MS = 30_000;
const MAX_STREAMS_PER_CONNECTION = 1024;

interface CountSample {
  readonly at: number;
  readonly received: number;
  readonly stored: number;
  readonly duplicates: number;
}

/**
 * REST pages that cover the holes: one page of up to 1000 ids serves every hole that starts within it, since ids
 * we hold already come back as duplicates and are dropped. Lost frames are usually scattered singles, and a
 * request per hole would spend Binance's request weight 1000 times faster.
 */
export function backfillPages(holes: readonly Hole[]): { symbol: string; fromId: number; limit: number }[] {
  const bySymbol = new Map<string, Hole[]>();
  for (const h of holes) bySymbol.set(h.symbol, [...(bySymbol.get(h.symbol) ?? []), h]);
  const pages = [];
  for (const [symbol, list] of bySymbol) {
    list.sort((a, b) => a.fromId - b.fromId);
    for (let i = 0; i < list.length; ) {
      const fromId = list[i].fromId;
      let toId = list[i].toId;
      while (++i < list.length && list[i].fromId < fromId + REST_PAGE_LIMIT) toId = Math.max(toId, list[i].toId);
      pages.push({ symbol, fromId, limit: Math.min(REST_PAGE_LIMIT, toId - fromId + 1) });
    }
  }
  return pages;
}

export class Collector {
  private readonly sequencer: TradeSequencer;
  private readonly builder: TickBatchBuilder;
  private readonly flushIntervalMs: number;
  /** When the last batch was sealed (moved to the write queue), ms. */
  private lastSealAt = 0;
  private readonly feeds: BinanceFeed[] = [];
  private readonly backfill: RestBackfill;
  private readonly queue: TickBatch[] = [];
  private quarantine: QuarantineRecord[] = [];
  private readonly listeners = new Set<(batch: TickBatch) => void>();
  private readonly abort = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private writing: Promise<void> | null = null;
  private backfilling = false;
  private paused = false;
  private lastResample = 0;
  private lastResampleMs = 0;
  private stored = 0;
  /** Trades taken from frames and REST pages, duplicates included. */
  private received = 0;
  /** Rows of written batches the store already held. */
  private storeDuplicates = 0;
  private readonly samples: CountSample[] = [];
  private readonly stallWindowMs: number;
  private backfilled = 0;
  private quarantined = 0;
  private lagMs: number | null = null;
  private readonly lastTradeTime: Record<string, number> = {};
  /** Local time of the last trade taken per symbol, and of the last quiet-tail check. */
  private readonly lastTakenAt = new Map<string, number>();
  private readonly lastQuietCheck = new Map<string, number>();
  private stopping: Promise<void> | null = null;
  private writeError: unknown = null;
  private readonly log: Logger;

  private constructor(
    private readonly store: CollectorStore,
    private readonly options: CollectorOptions,
    lastIds: ReadonlyMap<string, number>,
  ) {
    this.sequencer = new TradeSequencer(lastIds);
    this.builder = new TickBatchBuilder(options.batchSize ?? 65_536);
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
    this.backfill = new RestBackfill({
      restUrl: options.restUrl,
      market: options.market,
      stream: options.stream,
      apiKey: options.apiKey,
      retry: options.retry,
    });
    this.log = options.logger ?? componentLogger("collector");
    this.stallWindowMs = options.stallWindowMs ?? DEFAULT_STALL_WINDOW_MS;
  }

  /** Resumes from the store's last ids and starts streaming. */
  static async start(store: CollectorStore, options: CollectorOptions): Promise<Collector> {
    const collector = new Collector(store, options, await store.lastTradeIds());
    collector.run();
    return collector;
  }

  /** Every batch once it is stored (live fan-out). Returns the unsubscribe function. */
  onBatch(listener: (batch: TickBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stream URLs, one per connection (Binance allows 1024 streams on one). */
  streamUrls(): string[] {
    const streams = this.options.symbols.map((s) => `${s.toLowerCase()}@${this.options.stream}`);
    const base = this.options.wsUrl.replace(/\/+$/, "");
    const urls = [];
    for (let i = 0; i < streams.length; i += MAX_STREAMS_PER_CONNECTION) {
      urls.push(`${base}/stream?streams=${streams.slice(i, i + MAX_STREAMS_PER_CONNECTION).join("/")}`);
    }
    return urls;
  }

  status(): CollectorStatus {
    const seq = this.sequencer.counters();
    const feedState = this.feeds.length === 0 ? "stopped" : this.feeds.every((f) => f.state === "live") ? "live" : this.feeds.find((f) => f.state !== "live")!.state;
    const recent = this.recentCounts(Date.now(), seq.duplicates);
    const stall = feedState === "live" && !this.stopping && recent !== null ? stallOf(recent, this.queue.reduce((n, b) => n + b.numRows, this.builder.length)) : null;
    return {
      state: this.stopping ? "stopped" : stall ? "stalled" : feedState,
      stall,
      recent,
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

  /** Counts since the newest sample at least a stall window old (null while the collector is younger than one). */
  private recentCounts(now: number, sequencerDuplicates: number): RecentCounts | null {
    const current = this.countSample(now, sequencerDuplicates);
    let base: CountSample | undefined;
    for (const sample of this.samples) if (now - sample.at >= this.stallWindowMs) base = sample;
    if (base === undefined) return null;
    return {
      windowMs: now - base.at,
      received: current.received - base.received,
      stored: current.stored - base.stored,
      duplicates: current.duplicates - base.duplicates,
    };
  }

  private countSample(at: number, sequencerDuplicates = this.sequencer.counters().duplicates): CountSample {
    return { at, received: this.received, stored: this.stored, duplicates: sequencerDuplicates + this.storeDuplicates };
  }

  /** Keeps one sample per tenth of the stall window, back to one window and a step ago. */
  private sample(): void {
    const now = Date.now();
    this.samples.push(this.countSample(now));
    while (this.samples.length > 2 && now - this.samples[1].at >= this.stallWindowMs) this.samples.shift();
  }

  /** Flushes everything received, brings bars up to date and closes the sockets. Safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private run(): void {
    for (const url of this.streamUrls()) {
      const feed = new BinanceFeed({
        url,
        onFrame: (text, recvTime) => this.onFrame(feed, text, recvTime),
        onEvent: (event) => this.onFeedEvent(event),
        watchdogMs: this.options.watchdogMs,
        maxConnectionAgeMs: this.options.maxConnectionAgeMs,
        retry: this.options.retry,
      });
      this.feeds.push(feed);
      feed.start();
    }
    this.timers.push(
      setInterval(() => {
        if (this.writing === null) this.seal();
      }, this.flushIntervalMs),
    );
    this.sample();
    this.timers.push(setInterval(() => this.sample(), Math.max(10, Math.min(1_000, this.stallWindowMs / 10))));
    const grace = this.options.backfillGraceMs ?? 1_000;
    this.timers.push(setInterval(() => void this.backfillHoles(grace), Math.max(50, grace / 2)));
  }

  private onFrame(feed: BinanceFeed, text: string, recvTime: number): void {
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
        if (frame.symbol !== null && frame.tradeId !== undefined) this.sequencer.accept(frame.symbol, frame.tradeId, recvTime);
        break;
      case "shutdown":
        feed.rotate("server sent serverShutdown");
        break;
      case "reply":
      case "other":
        break;
    }
  }

  private take(tick: Tick): void {
    const now = Date.now();
    this.received++;
    if (!this.sequencer.accept(tick.symbol, tick.tradeId, now)) return;
    this.lastTakenAt.set(tick.symbol, now);
    if (!(this.lastTradeTime[tick.symbol] >= tick.tradeTime)) this.lastTradeTime[tick.symbol] = tick.tradeTime;
    if (tick.source === "backfill") this.backfilled++;
    this.builder.push(tick);
    if (this.builder.isFull) this.seal();
  }

  /** Moves the open batch (and pending quarantine) to the write queue and makes sure a writer is running. */
  private seal(): void {
    if (this.builder.length > 0) this.sealBatch();
    if (this.queue.length >= (this.options.maxPendingBatches ?? 4) && !this.paused) {
      this.paused = true;
      for (const f of this.feeds) f.pause();
    }
    if (this.queue.length > 0 || this.quarantine.length > 0) this.writing ??= this.drain().finally(() => (this.writing = null));
  }

  private sealBatch(): void {
    this.queue.push(this.builder.finish());
    this.lastSealAt = Date.now();
  }

  private async drain(): Promise<void> {
    for (;;) {
      // What arrived during the last write goes out as one batch, once the flush interval since the last has passed.
      if (this.queue.length === 0 && this.builder.length > 0) {
        const wait = this.lastSealAt + this.flushIntervalMs - Date.now();
        if (wait > 0) await sleep(wait);
        if (this.queue.length === 0 && this.builder.length > 0) this.sealBatch();
      }
      if (this.queue.length === 0 && this.quarantine.length === 0) return;
      if (this.quarantine.length > 0) {
        const records = this.quarantine;
        this.quarantine = [];
        await this.store.writeQuarantine(records);
        this.quarantined += records.length;
      }
      const batch = this.queue[0];
      if (batch === undefined) continue;
      try {
        const { inserted } = await this.store.appendTicks(batch);
        this.queue.shift();
        this.stored += inserted;
        this.storeDuplicates += batch.numRows - inserted;
        for (const listener of this.listeners) listener(batch);
      } catch (error) {
        // Keep the batch and retry: a trade that reached us is never dropped for a transient store error.
        this.writeError = error;
        this.log.error(`store write failed, retrying: ${(error as Error).message}`);
        await sleep(500);
        continue;
      }
      if (this.paused && this.queue.length <= (this.options.maxPendingBatches ?? 4) / 2) {
        this.paused = false;
        for (const f of this.feeds) f.resume();
      }
      const now = Date.now();
      if (now - this.lastResample >= Math.max(this.options.resampleIntervalMs ?? 1_000, 9 * this.lastResampleMs)) {
        this.lastResample = now;
        await this.store.resample();
        this.lastResampleMs = Date.now() - now;
      }
    }
  }

  private async backfillHoles(graceMs: number): Promise<void> {
    if (this.backfilling || this.stopping) return;
    this.backfilling = true;
    try {
      for (const page of backfillPages(this.sequencer.holesDue(Date.now(), graceMs))) {
        const result = await this.backfill.page(page.symbol, page.fromId, page.limit, this.abort.signal);
        for (const r of result.rejected) {
          this.quarantine.push({ receivedAt: Date.now(), source: "backfill", symbol: page.symbol, reason: r.reason, raw: r.raw });
        }
        for (const tick of result.ticks) this.take(tick);
        const last = result.ticks.at(-1);
        if (last !== undefined) this.sequencer.closeCovered(page.symbol, page.fromId, last.tradeId);
        this.seal();
      }
      await this.checkQuietTails();
    } catch (error) {
      if (!this.abort.signal.aborted) this.log.warn(`backfill failed, will retry: ${(error as Error).message}`);
    } finally {
      this.backfilling = false;
    }
  }

  /** Asks REST for trades past the last id of symbols that have gone quiet; whatever comes back was missed. */
  private async checkQuietTails(): Promise<void> {
    const quietMs = this.options.quietCheckMs ?? 10_000;
    const now = Date.now();
    for (const [symbol, lastId] of this.sequencer.lastIds()) {
      const since = Math.max(this.lastTakenAt.get(symbol) ?? 0, this.lastQuietCheck.get(symbol) ?? 0);
      if (now - since < quietMs) continue;
      this.lastQuietCheck.set(symbol, now);
      const page = await this.backfill.page(symbol, lastId + 1, REST_PAGE_LIMIT, this.abort.signal);
      for (const tick of page.ticks) this.take(tick);
      this.seal();
    }
  }

  private onFeedEvent(event: FeedEvent): void {
    if (event.type === "connected") this.log.info(event.rotation ? "replacement connection live" : "connected");
    else if (event.type === "disconnected") this.log.warn(`disconnected (${event.reason})`);
    else if (event.type === "reconnecting") this.log.info(`reconnecting in ${event.delayMs} ms (attempt ${event.attempt})`);
    else if (event.type === "rotating") this.log.info(`opening a replacement connection: ${event.reason}`);
    else this.log.warn(event.message);
  }

  private async shutdown(): Promise<void> {
    this.abort.abort(new Error("collector stopping"));
    for (const t of this.timers) clearInterval(t);
    for (const f of this.feeds) f.stop();
    this.seal();
    while (this.writing) await this.writing;
    // Stopping closes the open buckets; trades after a restart that land in them rewrite them.
    await this.store.resample({ final: true });
    if (this.writeError) this.log.info("store writes recovered after errors");
  }
}

/** The stall a window's counts show (trades received, none stored), or null. */
function stallOf(recent: RecentCounts, waiting: number): StallReport | null {
  if (recent.received === 0 || recent.stored > 0) return null;
  const n = (v: number) => v.toLocaleString("en-US");
  const why = [recent.duplicates > 0 ? `${n(recent.duplicates)} duplicates` : "", waiting > 0 ? `${n(waiting)} waiting to be written` : ""].filter(Boolean);
  const seconds = Math.round(recent.windowMs / 1000);
  return { ...recent, reason: `receiving but storing nothing: ${why.join(", ") || `${n(recent.received)} trades received`} in the last ${seconds} s` };
}
