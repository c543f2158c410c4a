/**
 * The live alert manager: the stored rules evaluated on every stored batch of trades (by the engine's
 * `AlertFeed`), each fire written to `alert_history`, handed to listeners (the `/ws/live` `alerts` channel) and
 * POSTed to the rule's webhook. Rule state is rebuilt from stored trades on start and whenever the rules change.
 */
import { AlertFeed, parseTimeframe, } from "../engine/index.js";
import { appendHistory, historyIds, lastFireTimes, listRules } from "../store/alert-store.js";
import { readTradeStream, tradesOfBatch } from "../store/index.js";
import { WebhookNotifier } from "./webhook-notifier.js";
/**
 * How far back to replay for a rule's state: its window plus its holding time. A pair window counts aligned bars,
 * and buckets where a leg did not trade are not bars, so three windows' worth of time is replayed.
 */
function lookbackMs(rule, pairGraceMs) {
    const m = rule.metric;
    const hold = rule.forMs ?? 0;
    if (m.kind === "price")
        return hold + 1_000;
    if ("windowMs" in m)
        return m.windowMs + hold + 1_000;
    return 3 * (m.window + 2) * parseTimeframe(m.timeframe).ms + pairGraceMs + hold;
}
function symbolsOf(rule) {
    return "symbol" in rule.metric ? [rule.metric.symbol] : [rule.metric.a, rule.metric.b];
}
const iso = (ms) => new Date(ms).toISOString();
/**
 * Trades evaluated before the event loop gets a turn. A burst (thousands of trades in one stored batch) is
 * evaluated a slice at a time: each slice's fires go out before the next slice starts, and the HTTP and WebSocket
 * work of the same process waits one slice (a few ms), not the whole batch.
 */
const SLICE_TRADES = 1_024;
/**
 * @example
 * const alerts = await AlertService.start(store, collector);
 * alerts.onNotice((n) => console.log(n.kind === "fired" ? n.alert.message : `acknowledged ${n.event.id}`));
 * await alerts.reload(); // after rules changed in the store
 */
export class AlertService {
    #store;
    #options;
    #webhooks;
    #listeners = new Set();
    #feed = new AlertFeed();
    #historyIds = null;
    /** Batches that arrived while a rebuild was reading the store; ingested into the rebuilt feed. */
    #pending = null;
    /** Trades of stored batches not evaluated yet, in slices of at most {@link SLICE_TRADES}, oldest first. */
    #slices = [];
    /** Set while slices wait for their turn of the event loop; resolves once all are evaluated. */
    #evaluating = null;
    /** Rebuilds run one at a time. */
    #rebuilding = Promise.resolve();
    /** A rebuild waiting for the one running to end, which later rule changes join. */
    #queued = null;
    /** History writes run one at a time, in fire order. */
    #writing = Promise.resolve();
    #unsubscribe = () => { };
    #fired = 0;
    #rebuilds = 0;
    #closed = false;
    constructor(store, options) {
        this.#store = store;
        this.#options = {
            pairGraceMs: options.pairGraceMs ?? 2_000,
            rebuildLookbackMs: options.rebuildLookbackMs ?? 6 * 3_600_000,
            rebuildTradeLimit: options.rebuildTradeLimit ?? 2_000_000,
            log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
        };
        this.#webhooks = options.webhooks ?? new WebhookNotifier({ log: this.#options.log });
    }
    /**
     * Loads the stored rules, rebuilds their state from stored trades (restoring each rule's last fire from
     * `alert_history`, so cooldowns hold across restarts) and starts evaluating every batch `source` stores.
     *
     * @param store the open store
     * @param source the collector (or anything announcing stored batches); null evaluates nothing live
     * @param options tunables
     * @returns the running service
     * @throws {StoreClosedError} the store is closed
     */
    static async start(store, source, options = {}) {
        const service = new AlertService(store, options);
        service.#historyIds = await historyIds(store);
        // Subscribe first: batches stored while the state is rebuilt wait in #pending, so none is missed.
        service.#pending = [];
        service.#unsubscribe = source?.onBatch((batch) => service.#onBatch(batch)) ?? (() => { });
        await service.#rebuild(true);
        return service;
    }
    /**
     * Hears every fire and acknowledgement.
     *
     * @param listener called synchronously as the alert fires (its `alert_history` row is written just after)
     * @returns the unsubscribe function
     */
    onNotice(listener) {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }
    /**
     * Re-reads the rules after they changed in the store. Unchanged rules keep their live state; new and changed
     * ones start fresh (armed) on metrics rebuilt from stored trades, so a new rule can fire at once.
     *
     * @returns when the new rules are being evaluated
     * @throws {StoreClosedError} the store is closed
     */
    reload() {
        return this.#rebuild(false);
    }
    /**
     * Tells listeners that an event was acknowledged (the API calls this after storing the acknowledgement).
     *
     * @param event the acknowledged history entry
     */
    acknowledged(event) {
        this.#publish({ kind: "acknowledged", event });
    }
    /** Resolves once every fire announced so far is in `alert_history` (an acknowledgement may follow at once). */
    historyWritten() {
        return this.#writing;
    }
    /** Each rule's evaluation state now (armed, holding since, last fire, last value), as plain JSON. */
    ruleStates() {
        return this.#feed.snapshotState();
    }
    /** Counters for /api/health and /metrics. */
    status() {
        const rules = this.#feed.rules();
        const stats = this.#feed.stats();
        return {
            rules: rules.length,
            enabledRules: rules.filter((r) => r.enabled).length,
            fired: this.#fired,
            trades: stats.trades,
            lateTrades: stats.lateTrades,
            rebuilds: this.#rebuilds,
            webhooks: this.#webhooks.stats(),
        };
    }
    /**
     * Stops evaluating, waits for pending history writes and in-flight webhooks.
     *
     * @returns when done
     */
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#unsubscribe();
        await this.#rebuilding.catch(() => { });
        await this.#writing;
        await this.#webhooks.close();
        this.#listeners.clear();
    }
    #onBatch(batch) {
        if (this.#closed)
            return;
        if (this.#pending !== null)
            this.#pending.push(batch);
        else
            this.#ingest(batch);
    }
    #ingest(batch) {
        const trades = tradesOfBatch(batch);
        if (trades.length <= SLICE_TRADES)
            this.#slices.push(trades);
        else
            for (let i = 0; i < trades.length; i += SLICE_TRADES)
                this.#slices.push(trades.slice(i, i + SLICE_TRADES));
        if (this.#evaluating === null)
            this.#evaluateSlices();
    }
    /** Evaluates the first waiting slice now, and each further one on a later turn of the event loop. */
    #evaluateSlices() {
        const slice = this.#slices.shift();
        if (slice === undefined || this.#closed) {
            this.#slices = [];
            return;
        }
        const events = this.#feed.ingest(slice);
        if (events.length > 0)
            this.#record(events);
        if (this.#slices.length > 0) {
            this.#evaluating = new Promise((resolve) => setImmediate(() => {
                this.#evaluating = null;
                this.#evaluateSlices();
                resolve(this.#evaluated());
            }));
        }
    }
    /** Resolves once every trade handed to the service so far has been evaluated. */
    #evaluated() {
        return this.#evaluating ?? Promise.resolve();
    }
    #rebuild(starting) {
        // Rule changes that arrive while a rebuild runs share the next one: it reads the rules as they are then, so
        // a burst of API calls costs two replays of the stored trades, not one per call.
        if (this.#queued !== null)
            return this.#queued;
        const run = this.#rebuilding.then(() => {
            this.#queued = null;
            return this.#rebuildNow(starting);
        });
        this.#queued = run;
        this.#rebuilding = run.catch(() => { });
        return run;
    }
    async #rebuildNow(starting) {
        if (this.#closed)
            return;
        this.#pending ??= [];
        try {
            // The old feed's state is read once the batches it was given are evaluated in full.
            await this.#evaluated();
            const old = this.#feed;
            const oldState = old.snapshotState();
            const oldRules = new Map(old.rules().map((r) => [r.id, JSON.stringify(r)]));
            const stored = await listRules(this.#store);
            const rules = stored.map(({ createdAt: _c, updatedAt: _u, ...rule }) => rule);
            const feed = new AlertFeed(rules, { pairGraceMs: this.#options.pairGraceMs });
            await this.#replayRecentTrades(feed, rules.filter((r) => r.enabled));
            // The replay leaves each rule where the stored trades put it (armed or not, holding since when). On start
            // that is the state to resume, plus each rule's last fire for its cooldown. On a reload, unchanged rules
            // resume the live state they had, and new or changed rules start fresh.
            const state = feed.snapshotState();
            const next = {};
            if (starting) {
                const lastFired = await lastFireTimes(this.#store);
                for (const [id, s] of Object.entries(state.rules))
                    next[id] = { ...s, lastFiredAt: lastFired.get(id) ?? null };
            }
            else {
                for (const rule of rules) {
                    if (oldRules.get(rule.id) === JSON.stringify(rule) && oldState.rules[rule.id] !== undefined)
                        next[rule.id] = oldState.rules[rule.id];
                }
            }
            feed.restoreState({ version: 1, rules: next });
            this.#feed = feed;
            this.#rebuilds++;
        }
        finally {
            // Whatever happened, batches flow again (into the old feed if the rebuild failed).
            const pending = this.#pending ?? [];
            this.#pending = null;
            for (const batch of pending)
                this.#ingest(batch);
        }
    }
    /** Replays the stored trades the rules' windows need into `feed`, its fires discarded (they are past). */
    async #replayRecentTrades(feed, rules) {
        if (rules.length === 0)
            return;
        const symbols = [...new Set(rules.flatMap(symbolsOf))];
        const need = Math.min(this.#options.rebuildLookbackMs, Math.max(...rules.map((r) => lookbackMs(r, this.#options.pairGraceMs))));
        const latest = await this.#store.read(async (c) => {
            const rows = (await c.runAndReadAll(`SELECT (epoch_us(max(last_trade_time)) / 1000)::DOUBLE FROM tick_symbols WHERE symbol IN (${symbols.map((_, i) => `$${i + 1}`).join(", ")})`, symbols)).getRows();
            return rows[0]?.[0];
        }, "alertRebuildLatest");
        if (latest === null || latest === undefined)
            return;
        const { trades, truncated } = await readTradeStream(this.#store, { symbols, from: latest - need, limit: this.#options.rebuildTradeLimit });
        if (truncated)
            this.#options.log(`alerts: rule state rebuilt from the newest ${trades.length} trades only (limit reached)`);
        feed.ingest(trades);
    }
    #record(events) {
        this.#fired += events.length;
        // Ids are reserved in process, so each alert goes out at once, with the id its history row will have; the
        // row is written right after, off the path to the trader.
        const ids = this.#historyIds.reserve(events.length);
        events.forEach((e, i) => {
            const rule = this.#feed.rule(e.ruleId);
            const alert = {
                id: ids[i],
                ruleId: e.ruleId,
                name: e.name,
                severity: e.severity,
                channels: rule?.channels ?? ["dashboard"],
                metricKey: e.metricKey,
                firedAt: iso(e.time),
                holdingSince: iso(e.holdingSince),
                value: e.value,
                threshold: e.threshold ?? null,
                band: e.band ?? null,
                message: e.message,
            };
            this.#publish({ kind: "fired", alert });
            if (rule?.webhookUrl !== undefined)
                this.#webhooks.notify(rule.webhookUrl, { type: "ticklens.alert", alert });
        });
        this.#writing = this.#writing.then(async () => {
            try {
                await appendHistory(this.#store, events, ids);
            }
            catch (error) {
                this.#options.log(`alerts: could not write ${events.length} fired alert(s) to alert_history: ${error.message}`);
            }
        });
    }
    #publish(notice) {
        for (const listener of this.#listeners) {
            try {
                listener(notice);
            }
            catch (error) {
                this.#options.log(`alerts: a listener failed: ${error.message}`);
            }
        }
    }
}
