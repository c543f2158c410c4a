/**
 * Waiting between retries: capped exponential delay with full jitter, and sleeps an AbortSignal can cut short.
 */
export interface BackoffPolicy {
    /** Delay cap for the first retry, ms. */
    readonly initialMs: number;
    /** Delay cap never exceeds this, ms. */
    readonly maxMs: number;
}
export declare const DEFAULT_BACKOFF: BackoffPolicy;
/**
 * Delay before retry number `attempt` (0-based): uniform in [0, min(maxMs, initialMs·2^attempt)].
 * Full jitter keeps many clients that lost the server together from reconnecting in lockstep.
 */
export declare function backoffDelay(attempt: number, policy?: BackoffPolicy, random?: () => number): number;
/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts; the timer is always cleared. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
