/**
 * Waiting between retries: capped exponential delay with full jitter, and sleeps an AbortSignal can cut short.
 */
export const DEFAULT_BACKOFF = { initialMs: 250, maxMs: 30_000 };
/**
 * Delay before retry number `attempt` (0-based): uniform in [0, min(maxMs, initialMs·2^attempt)].
 * Full jitter keeps many clients that lost the server together from reconnecting in lockstep.
 */
export function backoffDelay(attempt, policy = DEFAULT_BACKOFF, random = Math.random) {
    const cap = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
    return Math.round(random() * cap);
}
/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts; the timer is always cleared. */
export function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
