/**
 * The collector: Binance frames in, deduplicated and gap-free ticks out to the store as Arrow record batches.
 *
 * frames → parseFrame → TradeSequencer (duplicates dropped, holes noted) → TickBatchBuilder → write queue → store.
 * Holes are backfilled over REST after a short grace (out-of-order frames may still fill them). The write queue is
 * bounded: when the store falls behind, the sockets are paused, so memory stays flat and TCP pushes back.
 */
import type { QuarantineRecord } from "../store/quarantine.ts";
import { type TickBatch } from "../store/tick-batch.ts";
import { type Market, type TradeStream } from "./binance-frames.ts";
import { type Hole } from "./trade-sequencer.ts";
import type { BackoffPolicy } from "./backoff.ts";
/** What the collector needs from storage (the DuckDB `Store` provides it). */
export interface CollectorStore {
    /** Appends ticks idempotently on (symbol, trade_id); returns how many rows were new. */
    appendTicks(batch: TickBatch): Promise<{
        readonly inserted: number;
    }>;
    writeQuarantine(records: readonly QuarantineRecord[]): Promise<void>;
    /** Highest stored trade id per symbol, to resume after a restart. */
    lastTradeIds(): Promise<ReadonlyMap<string, number>>;
    /** Brings bars up to date with the ticks stored so far; `final` also closes the buckets still open. */
    resample(options?: {
        readonly final?: boolean;
    }): Promise<unknown>;
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
    readonly backoff?: BackoffPolicy;
    readonly apiKey?: string;
    /** Every raw frame as received (for `--record`). */
    readonly onRawFrame?: (text: string, recvTime: number) => void;
    readonly log?: (message: string) => void;
}
/** Counters for the status line, `/api/health` and `/metrics`. */
export interface CollectorStatus {
    readonly state: string;
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
/**
 * REST pages that cover the holes: one page of up to 1000 ids serves every hole that starts within it, since ids
 * we hold already come back as duplicates and are dropped. Lost frames are usually scattered singles, and a
 * request per hole would spend Binance's request weight 1000 times faster.
 */
export declare function backfillPages(holes: readonly Hole[]): {
    symbol: string;
    fromId: number;
    limit: number;
}[];
export declare class Collector {
    private readonly store;
    private readonly options;
    private readonly sequencer;
    private readonly builder;
    private readonly flushIntervalMs;
    /** When the last batch was sealed (moved to the write queue), ms. */
    private lastSealAt;
    private readonly feeds;
    private readonly backfill;
    private readonly queue;
    private quarantine;
    private readonly listeners;
    private readonly abort;
    private readonly timers;
    private writing;
    private backfilling;
    private paused;
    private lastResample;
    private lastResampleMs;
    private stored;
    private backfilled;
    private quarantined;
    private lagMs;
    private readonly lastTradeTime;
    /** Local time of the last trade taken per symbol, and of the last quiet-tail check. */
    private readonly lastTakenAt;
    private readonly lastQuietCheck;
    private stopping;
    private writeError;
    private constructor();
    /** Resumes from the store's last ids and starts streaming. */
    static start(store: CollectorStore, options: CollectorOptions): Promise<Collector>;
    /** Every batch once it is stored (live fan-out). Returns the unsubscribe function. */
    onBatch(listener: (batch: TickBatch) => void): () => void;
    /** The stream URLs, one per connection (Binance allows 1024 streams on one). */
    streamUrls(): string[];
    status(): CollectorStatus;
    /** Flushes everything received, brings bars up to date and closes the sockets. Safe to call twice. */
    stop(): Promise<void>;
    private run;
    private onFrame;
    private take;
    /** Moves the open batch (and pending quarantine) to the write queue and makes sure a writer is running. */
    private seal;
    private sealBatch;
    private drain;
    private backfillHoles;
    /** Asks REST for trades past the last id of symbols that have gone quiet; whatever comes back was missed. */
    private checkQuietTails;
    private onFeedEvent;
    private shutdown;
    private log;
}
