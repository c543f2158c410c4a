import { parseTimeframe } from "../timeframe.js";
import { AlertEvaluator } from "./evaluator.js";
import { PairBarAligner } from "./pair-bar-aligner.js";
import { PairCloses } from "./pair-window.js";
import { metricKey, parseAlertRule } from "./rule.js";
import { TradeWindow } from "./trade-window.js";
function isWindowed(m) {
    return m.kind === "changePct" || m.kind === "volume" || m.kind === "vwapDeviationPct";
}
/**
 * @example
 * const feed = new AlertFeed([
 *   { id: "drop", name: "BTC −1 % in 1 min", severity: "critical", enabled: true,
 *     metric: { kind: "changePct", symbol: "BTCUSDT", windowMs: 60_000 },
 *     condition: { op: "<=", threshold: -1 }, rearm: -0.5, channels: ["dashboard", "sound"] },
 * ]);
 * const events = feed.ingest(trades); // the fires, in the order the trades caused them
 */
export class AlertFeed {
    #evaluator = new AlertEvaluator();
    #graceMs;
    #symbols = new Map();
    #pairs = new Map();
    /** Metric key → how many rules watch it (a metric's state lives while one does). */
    #watchers = new Map();
    #clock = Number.NEGATIVE_INFINITY;
    #trades = 0;
    #lateTrades = 0;
    #observations = 0;
    /**
     * @param rules initial rules (validated as by `parseAlertRule`)
     * @param options tunables (see {@link AlertFeedOptions})
     * @throws {InvalidAlertRuleError} a rule is malformed or two share an id
     */
    constructor(rules = [], options = {}) {
        this.#graceMs = options.pairGraceMs ?? 2_000;
        for (const rule of rules)
            this.addRule(rule);
    }
    /**
     * Adds a rule with fresh state. A metric no other rule watches starts empty and is NaN ("not defined") until
     * its window has filled with live data.
     *
     * @param rule the rule
     * @returns nothing
     * @throws {InvalidAlertRuleError} the rule is malformed, or its id is already held (path `"id"`)
     */
    addRule(rule) {
        const valid = parseAlertRule(rule);
        this.#evaluator.addRule(valid);
        const key = metricKey(valid.metric);
        const count = this.#watchers.get(key) ?? 0;
        this.#watchers.set(key, count + 1);
        if (count === 0)
            this.#watch(valid, key);
    }
    /**
     * Removes a rule and its state; a metric no rule watches any more is dropped.
     *
     * @param ruleId id of the rule
     * @returns true if the rule was held
     */
    removeRule(ruleId) {
        const rule = this.#evaluator.rule(ruleId);
        if (rule === undefined)
            return false;
        this.#evaluator.removeRule(ruleId);
        const key = metricKey(rule.metric);
        const count = (this.#watchers.get(key) ?? 1) - 1;
        if (count > 0)
            this.#watchers.set(key, count);
        else {
            this.#watchers.delete(key);
            this.#unwatch(rule, key);
        }
        return true;
    }
    /** One rule by id, or undefined. */
    rule(ruleId) {
        return this.#evaluator.rule(ruleId);
    }
    /** The rules held, in insertion order. */
    rules() {
        return this.#evaluator.rules();
    }
    /** What the feed has seen so far. */
    stats() {
        return {
            trades: this.#trades,
            lateTrades: this.#lateTrades,
            observations: this.#observations,
            clock: Number.isFinite(this.#clock) ? this.#clock : null,
        };
    }
    /**
     * Folds trades in, in the order they arrived (any mix of symbols), and evaluates every rule whose metric they
     * update. Single-symbol metrics are observed at every trade, at the symbol's stream time (the latest trade time
     * seen for it, so a timestamp that steps back does not move time backwards); pair metrics at every bar close,
     * at the bar's end time. A trade whose id is at or below one already seen for its symbol (a repeat, or a
     * back-filled gap) is counted as late and left out.
     *
     * @param trades the trades, each symbol's in exchange order
     * @returns the fired events, in the order the trades caused them
     * @throws nothing for well-formed trades (finite prices, quantities and times)
     */
    ingest(trades) {
        const events = [];
        for (const t of trades) {
            if (t.tradeTime > this.#clock)
                this.#clock = t.tradeTime;
            const s = this.#symbols.get(t.symbol);
            if (s === undefined)
                continue;
            if (t.tradeId <= s.lastTradeId) {
                this.#lateTrades++;
                continue;
            }
            s.lastTradeId = t.tradeId;
            // Exchange timestamps can step back a little between consecutive ids; the symbol's own clock does not.
            if (t.tradeTime > s.lastTime)
                s.lastTime = t.tradeTime;
            const time = s.lastTime;
            this.#trades++;
            if (s.priceKey !== null)
                this.#observe(events, s.priceKey, t.price, time);
            for (const w of s.windows.values()) {
                w.window.push(t.price, t.qty, time);
                for (const [key, kind] of w.keys) {
                    const v = kind === "changePct" ? w.window.changePct() : kind === "volume" ? w.window.volume() : w.window.vwapDeviationPct();
                    this.#observe(events, key, v, time);
                }
            }
            for (const [pair, leg] of s.pairs) {
                if (!pair.aligner.trade(leg, t.price, t.tradeTime, t.tradeId))
                    this.#lateTrades++;
                this.#closePairBars(events, pair);
            }
        }
        // A pair whose legs both went quiet still closes its buckets as the stream's clock moves on.
        for (const pair of this.#pairs.values())
            this.#closePairBars(events, pair);
        return events;
    }
    /**
     * Moves the stream's clock forward without a trade (e.g. at the end of a replay, to close the last buckets).
     *
     * @param timeMs the new clock, ms; an earlier time than the clock changes nothing
     * @returns the events fired by the pair bars this closes
     */
    advanceClock(timeMs) {
        if (timeMs > this.#clock)
            this.#clock = timeMs;
        const events = [];
        for (const pair of this.#pairs.values())
            this.#closePairBars(events, pair);
        return events;
    }
    /** Every rule's evaluation state (armed, holding since, last fire), as plain JSON; see `AlertEvaluator`. */
    snapshotState() {
        return this.#evaluator.snapshotState();
    }
    /**
     * Replaces the rules' evaluation state with a snapshot (metric windows are untouched).
     *
     * @param state from {@link snapshotState}
     * @throws {InvalidParameterError} the snapshot is malformed (the field is named)
     */
    restoreState(state) {
        this.#evaluator.restoreState(state);
    }
    #observe(events, key, value, time) {
        this.#observations++;
        // ±Infinity cannot come from positive prices and quantities; should it ever, it means "not defined".
        const v = Number.isFinite(value) ? value : Number.NaN;
        this.#evaluator.updateInto(events, key, v, time);
    }
    #closePairBars(events, pair) {
        if (!Number.isFinite(this.#clock))
            return;
        for (const bar of pair.aligner.advance(this.#clock)) {
            pair.closes.push(bar.closeA, bar.closeB);
            const closeTime = bar.bucketStart + pair.timeframeMs;
            for (const [key, m] of pair.keys)
                this.#observe(events, key, pair.closes.metric(m.kind, m.window), closeTime);
        }
    }
    #symbol(symbol) {
        let s = this.#symbols.get(symbol);
        if (s === undefined) {
            s = { lastTradeId: Number.NEGATIVE_INFINITY, lastTime: Number.NEGATIVE_INFINITY, priceKey: null, windows: new Map(), pairs: new Map() };
            this.#symbols.set(symbol, s);
        }
        return s;
    }
    #watch(rule, key) {
        const m = rule.metric;
        if (m.kind === "price") {
            this.#symbol(m.symbol).priceKey = key;
            return;
        }
        if (isWindowed(m)) {
            const s = this.#symbol(m.symbol);
            let w = s.windows.get(m.windowMs);
            if (w === undefined) {
                w = { window: new TradeWindow(m.windowMs), keys: new Map() };
                s.windows.set(m.windowMs, w);
            }
            w.keys.set(key, m.kind);
            return;
        }
        const timeframe = parseTimeframe(m.timeframe);
        const pairId = `${m.a}:${m.b}:${timeframe.label}`;
        let pair = this.#pairs.get(pairId);
        if (pair === undefined) {
            pair = {
                a: m.a,
                b: m.b,
                timeframeMs: timeframe.ms,
                aligner: new PairBarAligner(timeframe.ms, this.#graceMs),
                closes: new PairCloses(m.window),
                keys: new Map(),
            };
            this.#pairs.set(pairId, pair);
            this.#symbol(m.a).pairs.set(pair, "a");
            this.#symbol(m.b).pairs.set(pair, "b");
        }
        if (m.window > pair.closes.capacity)
            pair.closes = pair.closes.resized(m.window);
        pair.keys.set(key, { kind: m.kind, window: m.window });
    }
    #unwatch(rule, key) {
        const m = rule.metric;
        if (m.kind === "price") {
            this.#symbols.get(m.symbol).priceKey = null;
        }
        else if (isWindowed(m)) {
            const s = this.#symbols.get(m.symbol);
            const w = s.windows.get(m.windowMs);
            w.keys.delete(key);
            if (w.keys.size === 0)
                s.windows.delete(m.windowMs);
        }
        else {
            const pairId = `${m.a}:${m.b}:${parseTimeframe(m.timeframe).label}`;
            const pair = this.#pairs.get(pairId);
            pair.keys.delete(key);
            if (pair.keys.size === 0) {
                this.#pairs.delete(pairId);
                this.#symbols.get(m.a)?.pairs.delete(pair);
                this.#symbols.get(m.b)?.pairs.delete(pair);
            }
        }
    }
}
