/**
 * Delivers fired alerts to webhook URLs: a JSON POST per alert with a timeout and retries, from a bounded queue
 * worked in the background, so a slow or dead endpoint never delays evaluation or grows memory without bound.
 */
/**
 * @example
 * const notifier = new WebhookNotifier({ timeoutMs: 2_000 });
 * notifier.notify("https://hooks.example.com/alerts", { type: "ticklens.alert", alert });
 */
export class WebhookNotifier {
    #timeoutMs;
    #retries;
    #backoffMs;
    #maxQueue;
    #concurrency;
    #fetch;
    #log;
    #queue = [];
    #inFlight = new Set();
    #timers = new Set();
    #delivered = 0;
    #failed = 0;
    #dropped = 0;
    #retried = 0;
    #closed = false;
    constructor(options = {}) {
        this.#timeoutMs = options.timeoutMs ?? 5_000;
        this.#retries = options.retries ?? 3;
        this.#backoffMs = options.backoffMs ?? 500;
        this.#maxQueue = options.maxQueue ?? 1_000;
        this.#concurrency = options.concurrency ?? 4;
        this.#fetch = options.fetch ?? globalThis.fetch;
        this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    }
    /**
     * Queues one POST of `payload` as JSON to `url` and returns at once.
     *
     * @param url an http(s) URL (rules are validated to hold one)
     * @param payload any JSON-serialisable value
     * @returns nothing; the outcome shows in {@link stats} and failures are logged
     * @throws nothing
     */
    notify(url, payload) {
        if (this.#closed)
            return;
        if (this.#queue.length >= this.#maxQueue) {
            const dropped = this.#queue.shift();
            this.#dropped++;
            this.#log(`alerts: webhook queue full (${this.#maxQueue}); dropped a delivery to ${dropped.url}`);
        }
        this.#queue.push({ url, body: JSON.stringify(payload), attempt: 0 });
        this.#pump();
    }
    /** Delivery counters so far. */
    stats() {
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
    async close() {
        this.#closed = true;
        for (const t of this.#timers)
            clearTimeout(t);
        this.#dropped += this.#timers.size + this.#queue.length;
        this.#timers.clear();
        this.#queue.length = 0;
        await Promise.all(this.#inFlight);
    }
    #pump() {
        while (!this.#closed && this.#inFlight.size < this.#concurrency && this.#queue.length > 0) {
            const delivery = this.#queue.shift();
            const running = this.#attempt(delivery).finally(() => {
                this.#inFlight.delete(running);
                this.#pump();
            });
            this.#inFlight.add(running);
        }
    }
    async #attempt(d) {
        d.attempt++;
        let why;
        let retry;
        try {
            const response = await this.#fetch(d.url, {
                method: "POST",
                headers: { "content-type": "application/json", "user-agent": "ticklens-alerts" },
                body: d.body,
                signal: AbortSignal.timeout(this.#timeoutMs),
                redirect: "manual",
            });
            await response.body?.cancel().catch(() => { });
            if (response.ok) {
                this.#delivered++;
                return;
            }
            why = `HTTP ${response.status}`;
            // The endpoint refused the request itself: sending it again would be refused again.
            retry = response.status >= 500 || response.status === 408 || response.status === 429;
        }
        catch (error) {
            why = error.name === "TimeoutError" ? `no answer within ${this.#timeoutMs} ms` : error.message;
            retry = true;
        }
        if (retry && d.attempt <= this.#retries && !this.#closed) {
            this.#retried++;
            const timer = setTimeout(() => {
                this.#timers.delete(timer);
                this.#queue.unshift(d);
                this.#pump();
            }, this.#backoffMs * 2 ** (d.attempt - 1));
            timer.unref?.();
            this.#timers.add(timer);
            return;
        }
        this.#failed++;
        this.#log(`alerts: webhook POST to ${d.url} failed after ${d.attempt} attempt(s): ${why}`);
    }
}
