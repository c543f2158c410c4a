/**
 * Delivers fired alerts to webhook URLs: a JSON POST per alert with a timeout and retries, from a bounded queue
 * worked in the background, so a slow or dead endpoint never delays evaluation or grows memory without bound.
 */
/** Tunables of a {@link WebhookNotifier}; every field has a default. */
export interface WebhookNotifierOptions {
    /** Time one POST may take before it is abandoned (and retried), ms (default 5,000). */
    readonly timeoutMs?: number;
    /** Further attempts after a failed one (default 3). */
    readonly retries?: number;
    /** Wait before the first retry, doubled for each next one, ms (default 500). */
    readonly backoffMs?: number;
    /** Deliveries waiting at most; beyond it the oldest waiting one is dropped and counted (default 1,000). */
    readonly maxQueue?: number;
    /** POSTs in flight at once (default 4). */
    readonly concurrency?: number;
    /** The fetch to use (tests may pass their own; default the global one). */
    readonly fetch?: typeof fetch;
    /** Where failures are reported (default stderr). */
    readonly log?: (line: string) => void;
}
/** Delivery counters. */
export interface WebhookStats {
    /** POSTs answered with a 2xx. */
    readonly delivered: number;
    /** Deliveries given up after every attempt failed, or refused with a 4xx other than 408/429. */
    readonly failed: number;
    /** Deliveries dropped unsent because the queue was full. */
    readonly dropped: number;
    /** Attempts that failed and were retried. */
    readonly retried: number;
    /** Deliveries waiting or in flight. */
    readonly pending: number;
}
/**
 * @example
 * const notifier = new WebhookNotifier({ timeoutMs: 2_000 });
 * notifier.notify("https://hooks.example.com/alerts", { type: "ticklens.alert", alert });
 */
export declare class WebhookNotifier {
    #private;
    constructor(options?: WebhookNotifierOptions);
    /**
     * Queues one POST of `payload` as JSON to `url` and returns at once.
     *
     * @param url an http(s) URL (rules are validated to hold one)
     * @param payload any JSON-serialisable value
     * @returns nothing; the outcome shows in {@link stats} and failures are logged
     * @throws nothing
     */
    notify(url: string, payload: unknown): void;
    /** Delivery counters so far. */
    stats(): WebhookStats;
    /**
     * Stops taking deliveries and waits for those in flight (each bounded by the timeout); queued retries are dropped.
     *
     * @returns when nothing is in flight
     */
    close(): Promise<void>;
}
