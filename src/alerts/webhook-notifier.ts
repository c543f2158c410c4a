/**
 * Delivers fired alerts to webhook URLs (each host resolved again before each POST, link-local and cloud metadata
 * addresses refused; URLs logged redacted to scheme and host): a JSON POST per alert with a timeout and retries (the platform's retry
 * policy: jittered exponential backoff, `Retry-After` on 429), from a bounded queue worked in the background, so a
 * slow or dead endpoint never delays evaluation or grows memory without bound.
 */
import { lookup } from "node:dns/promises";
import { redactWebhookUrl, webhookTargetRefusal } from "../engine/index.ts";
import { componentLogger, type Logger } from "../runtime/logger.ts";
import { backoffDelay, DEFAULT_RETRY, httpRetry, type RetryPolicy } from "../runtime/retry.ts";

/** The webhooks' retry policy unless told otherwise: the first retry within 500 ms. */
export const WEBHOOK_RETRY: RetryPolicy = { ...DEFAULT_RETRY, initialMs: 500 };

/** Tunables of a {@link WebhookNotifier}; every field has a default. */
export interface WebhookNotifierOptions {
  /** Time one POST may take before it is abandoned (and retried), ms (default 5,000). */
  readonly timeoutMs?: number;
  /** Further attempts after a failed one (default 3). */
  readonly retries?: number;
  /** Waits between attempts (default {@link WEBHOOK_RETRY}). */
  readonly retry?: RetryPolicy;
  /** Deliveries waiting at most; beyond it the oldest waiting one is dropped and counted (default 1,000). */
  readonly maxQueue?: number;
  /** POSTs in flight at once (default 4). */
  readonly concurrency?: number;
  /** The fetch to use (tests may pass their own; default the global one). */
  readonly fetch?: typeof fetch;
  /** Where failures are logged (default the process's logger, component `alerts`). */
  readonly logger?: Logger;
  /** Resolves a host name to its addresses before each POST (default `node:dns/promises` `lookup`, all addresses). */
  readonly lookup?: (hostname: string) => Promise<readonly string[]>;
}

const resolveAll = async (hostname: string): Promise<readonly string[]> =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Why `url`'s host, or an address it resolves to now, may not be posted to (link-local, cloud metadata); or null. */
async function targetRefusal(url: string, resolve: (hostname: string) => Promise<readonly string[]>): Promise<string | null> {
  const { hostname } = new URL(url);
  const named = webhookTargetRefusal(hostname);
  if (named !== null) return `${hostname} ${named}`;
  // A name can resolve differently from when the rule was stored: every address it resolves to now is checked.
  const host = hostname.replace(/^\[|\]$/g, "");
  for (const address of await resolve(host)) {
    const why = webhookTargetRefusal(address);
    if (why !== null) return `${hostname} resolves to ${address}, which ${why}`;
  }
  return null;
}

/** Delivery counters. */
export interface WebhookStats {
  /** POSTs answered with a 2xx. */
  readonly delivered: number;
  /** Deliveries given up after every attempt failed, or refused with a 4xx other than 408/418/429. */
  readonly failed: number;
  /** Deliveries dropped unsent because the queue was full. */
  readonly dropped: number;
  /** Attempts that failed and were retried. */
  readonly retried: number;
  /** Deliveries waiting or in flight. */
  readonly pending: number;
}

interface Delivery {
  readonly url: string;
  readonly body: string;
  attempt: number;
}

/**
 * @example
 * const notifier = new WebhookNotifier({ timeoutMs: 2_000 });
 * notifier.notify("https://hooks.example.com/alerts", { type: "ticklens.alert", alert });
 */
export class WebhookNotifier {
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retry: RetryPolicy;
  readonly #maxQueue: number;
  readonly #concurrency: number;
  readonly #fetch: typeof fetch;
  readonly #log: Logger;
  readonly #lookup: (hostname: string) => Promise<readonly string[]>;
  readonly #queue: Delivery[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #delivered = 0;
  #failed = 0;
  #dropped = 0;
  #retried = 0;
  #closed = false;

  constructor(options: WebhookNotifierOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#retries = options.retries ?? 3;
    this.#retry = options.retry ?? WEBHOOK_RETRY;
    this.#maxQueue = options.maxQueue ?? 1_000;
    this.#concurrency = options.concurrency ?? 4;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#log = options.logger ?? componentLogger("alerts");
    this.#lookup = options.lookup ?? resolveAll;
  }

  /**
   * Queues one POST of `payload` as JSON to `url` and returns at once.
   *
   * @param url an http(s) URL (rules are validated to hold one)
   * @param payload any JSON-serialisable value
   * @returns nothing; the outcome shows in {@link stats} and failures are logged
   * @throws nothing
   */
  notify(url: string, payload: unknown): void {
    if (this.#closed) return;
    if (this.#queue.length >= this.#maxQueue) {
      const dropped = this.#queue.shift()!;
      this.#dropped++;
      this.#log.warn(`webhook queue full (${this.#maxQueue}); dropped a delivery to ${redactWebhookUrl(dropped.url)}`);
    }
    this.#queue.push({ url, body: JSON.stringify(payload), attempt: 0 });
    this.#pump();
  }

  /** Delivery counters so far. */
  stats(): WebhookStats {
    return {
      delivered: this.#delivered,
      failed: this.#failed,
      dropped: this.#dropped,
      retried: this.#retried,
      pending: this.#queue.length + this.#inFlight.size + this.#timers.size,
    };
  }

  /**
   * Stops taking deliveries and waits for those in flight (each bounded by the timeout); queued retries are dropped.
   *
   * @returns when nothing is in flight
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#dropped += this.#timers.size + this.#queue.length;
    this.#timers.clear();
    this.#queue.length = 0;
    await Promise.all(this.#inFlight);
  }

  #pump(): void {
    while (!this.#closed && this.#inFlight.size < this.#concurrency && this.#queue.length > 0) {
      const delivery = this.#queue.shift()!;
      const running: Promise<void> = this.#attempt(delivery).finally(() => {
        this.#inFlight.delete(running);
        this.#pump();
      });
      this.#inFlight.add(running);
    }
  }

  async #attempt(d: Delivery): Promise<void> {
    d.attempt++;
    let why: string;
    let waitMs: number | null;
    try {
      const refusal = await targetRefusal(d.url, this.#lookup);
      if (refusal !== null) {
        this.#failed++;
        this.#log.warn(`webhook POST to ${redactWebhookUrl(d.url)} refused: ${refusal}`);
        return;
      }
      const response = await this.#fetch(d.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "ticklens-alerts" },
        body: d.body,
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: "manual",
      });
      await response.body?.cancel().catch(() => {});
      if (response.ok) {
        this.#delivered++;
        return;
      }
      why = `HTTP ${response.status}`;
      // A refusal (4xx other than 408/418/429) would be refused again: it is not retried.
      const retry = httpRetry(response.status, response.headers, d.attempt - 1, this.#retry);
      waitMs = retry.kind === "refused" ? null : retry.waitMs;
    } catch (error) {
      why = (error as Error).name === "TimeoutError" ? `no answer within ${this.#timeoutMs} ms` : (error as Error).message;
      waitMs = backoffDelay(d.attempt - 1, this.#retry);
    }
    if (waitMs !== null && d.attempt <= this.#retries && !this.#closed) {
      this.#retried++;
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#queue.unshift(d);
        this.#pump();
      }, waitMs);
      timer.unref?.();
      this.#timers.add(timer);
      return;
    }
    this.#failed++;
    this.#log.warn(`webhook POST to ${redactWebhookUrl(d.url)} failed after ${d.attempt} attempt(s): ${why}`);
  }
}
