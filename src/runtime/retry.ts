/**
 * The one retry policy of the platform, shared by the WebSocket feed's reconnects, the REST backfill and the alert
 * webhooks: after a failure, wait a capped exponential delay with full jitter (so many clients that lost the same
 * server do not come back in lockstep); after HTTP 429 (rate limited) or 418 (IP banned for a while) wait what
 * `Retry-After` says, or a separate longer default, instead. Waiting itself is `setTimeout` from
 * `node:timers/promises`, which takes an AbortSignal.
 */

export interface RetryPolicy {
  /** Cap of the first retry's delay, ms; each next retry doubles it. */
  readonly initialMs: number;
  /** No backoff delay exceeds this, ms. */
  readonly maxMs: number;
  /** Wait after a 429 without a readable `Retry-After`, ms. */
  readonly rateLimitedMs: number;
  /** Wait after a 418 (Binance: banned for too many requests) without a readable `Retry-After`, ms. */
  readonly bannedMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 250, maxMs: 30_000, rateLimitedMs: 1_000, bannedMs: 120_000 };

/**
 * Delay before retry number `attempt` (0-based): uniform in [0, min(maxMs, initialMs·2^attempt)].
 *
 * @example
 * backoffDelay(3, { ...DEFAULT_RETRY, initialMs: 100 }); // somewhere in [0, 800]
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, "initialMs" | "maxMs"> = DEFAULT_RETRY, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.round(random() * cap);
}

/**
 * `Retry-After` as ms: delay-seconds (Binance sends these) or an HTTP date.
 * @returns null when the header is absent or unreadable
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const header = headers.get("retry-after")?.trim();
  if (header === undefined || header === "") return null;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/** What to do after an HTTP answer that was not a success. */
export type HttpRetry =
  | { readonly kind: "rate-limited" | "banned" | "backoff"; readonly waitMs: number }
  | { readonly kind: "refused" };

/**
 * How an HTTP failure is retried: 429 and 418 wait `Retry-After` (or the policy's longer waits), 5xx and 408 back
 * off, any other status is refused (sending the same request again would be refused again).
 *
 * @param status the answer's status (not 2xx)
 * @param headers the answer's headers
 * @param attempt 0-based number of this retry
 * @example
 * httpRetry(429, new Headers({ "retry-after": "2" }), 0); // { kind: "rate-limited", waitMs: 2000 }
 */
export function httpRetry(status: number, headers: Headers, attempt: number, policy: RetryPolicy = DEFAULT_RETRY): HttpRetry {
  if (status === 429) return { kind: "rate-limited", waitMs: retryAfterMs(headers) ?? policy.rateLimitedMs };
  if (status === 418) return { kind: "banned", waitMs: retryAfterMs(headers) ?? policy.bannedMs };
  if (status >= 500 || status === 408) return { kind: "backoff", waitMs: backoffDelay(attempt, policy) };
  return { kind: "refused" };
}
