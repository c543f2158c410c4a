/**
 * Alert rules evaluated on a stream of trades: every rule's metric is kept current incrementally (a trailing
 * window per symbol and window length, aligned bars per pair and timeframe) and fed to the {@link AlertEvaluator}
 * on each update it depends on: every trade for single-symbol metrics, every bar close for pair metrics. The live
 * alert service and what-if replays both run on it, so a notebook sees what a trader would have been sent.
 */
import type { Trade } from "../types.ts";
import { parseTimeframe } from "../timeframe.ts";
import { AlertEvaluator, type AlertEvaluatorState, type AlertEvent } from "./evaluator.ts";
import { PairBarAligner } from "./pair-bar-aligner.ts";
import { PairCloses } from "./pair-window.ts";
import { metricKey, parseAlertRule, type AlertMetric, type AlertRule, type PairMetricKind, type WindowedMetric, type WindowedMetricKind } from "./rule.ts";
import { TradeWindow } from "./trade-window.ts";

/** Tunables of an {@link AlertFeed}. */
export interface AlertFeedOptions {
  /**
   * How long past a bar's end (ms of stream time) a pair bar stays open for trades stamped in it that arrive late
   * (default 2,000): pair metrics are observed that long after each bar closes. See {@link PairBarAligner}.
   */
  readonly pairGraceMs?: number;
}

/** Counters of what the feed has seen. */
export interface AlertFeedStats {
  /** Trades folded into some metric. */
  readonly trades: number;
  /**
   * Trades of watched symbols left out: repeats or back-filled gaps (an id at or below one already seen), and
   * trades for a pair bucket already closed (see {@link PairBarAligner}).
   */
  readonly lateTrades: number;
  /** Metric observations handed to the evaluator. */
  readonly observations: number;
  /** Newest trade time seen on any symbol (ms), or null before the first. */
  readonly clock: number | null;
}

function isWindowed(m: AlertMetric): m is WindowedMetric {
  return m.kind === "changePct" || m.kind === "volume" || m.kind === "vwapDeviationPct";
}

interface WindowEntry {
  readonly window: TradeWindow;
  /** Metric keys computed from this window, with their kind. */
  readonly keys: Map<string, WindowedMetricKind>;
}

interface PairEntry {
  readonly a: string;
  readonly b: string;
  readonly timeframeMs: number;
  readonly aligner: PairBarAligner;
  closes: PairCloses;
  /** Metric key → what it computes. */
  readonly keys: Map<string, { readonly kind: PairMetricKind; readonly window: number }>;
}

interface SymbolEntry {
  lastTradeId: number;
  lastTime: number;
  /** The `price:<symbol>` key when a rule watches it. */
  priceKey: string | null;
  readonly windows: Map<number, WindowEntry>;
  /** Pairs this symbol is a leg of, with which leg. */
  readonly pairs: Map<PairEntry, "a" | "b">;
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
  readonly #evaluator = new AlertEvaluator();
  readonly #graceMs: number;
  readonly #symbols = new Map<string, SymbolEntry>();
  readonly #pairs = new Map<string, PairEntry>();
  /** Metric key → how many rules watch it (a metric's state lives while one does). */
  readonly #watchers = new Map<string, number>();
  #clock = Number.NEGATIVE_INFINITY;
  #trades = 0;
  #lateTrades = 0;
  #observations = 0;

  /**
   * @param rules initial rules (validated as by `parseAlertRule`)
   * @param options tunables (see {@link AlertFeedOptions})
   * @throws {InvalidAlertRuleError} a rule is malformed or two share an id
   */
  constructor(rules: readonly AlertRule[] = [], options: AlertFeedOptions = {}) {
    this.#graceMs = options.pairGraceMs ?? 2_000;
    for (const rule of rules) this.addRule(rule);
  }

  /**
   * Adds a rule with fresh state. A metric no other rule watches starts empty and is NaN ("not defined") until
   * its window has filled with live data.
   *
   * @param rule the rule
   * @returns nothing
   * @throws {InvalidAlertRuleError} the rule is malformed, or its id is already held (path `"id"`)
   */
  addRule(rule: AlertRule): void {
    const valid = parseAlertRule(rule);
    this.#evaluator.addRule(valid);
    const key = metricKey(valid.metric);
    const count = this.#watchers.get(key) ?? 0;
    this.#watchers.set(key, count + 1);
    if (count === 0) this.#watch(valid, key);
  }

  /**
   * Removes a rule and its state; a metric no rule watches any more is dropped.
   *
   * @param ruleId id of the rule
   * @returns true if the rule was held
   */
  removeRule(ruleId: string): boolean {
    const rule = this.#evaluator.rule(ruleId);
    if (rule === undefined) return false;
    this.#evaluator.removeRule(ruleId);
    const key = metricKey(rule.metric);
    const count = (this.#watchers.get(key) ?? 1) - 1;
    if (count > 0) this.#watchers.set(key, count);
    else {
      this.#watchers.delete(key);
      this.#unwatch(rule, key);
    }
    return true;
  }

  /** One rule by id, or undefined. */
  rule(ruleId: string): AlertRule | undefined {
    return this.#evaluator.rule(ruleId);
  }

  /** The rules held, in insertion order. */
  rules(): AlertRule[] {
    return this.#evaluator.rules();
  }

  /** What the feed has seen so far. */
  stats(): AlertFeedStats {
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
  ingest(trades: readonly Trade[]): AlertEvent[] {
    const events: AlertEvent[] = [];
    for (const t of trades) {
      if (t.tradeTime > this.#clock) this.#clock = t.tradeTime;
      const s = this.#symbols.get(t.symbol);
      if (s === undefined) continue;
      if (t.tradeId <= s.lastTradeId) {
        this.#lateTrades++;
        continue;
      }
      s.lastTradeId = t.tradeId;
      // Exchange timestamps can step back a little between consecutive ids; the symbol's own clock does not.
      if (t.tradeTime > s.lastTime) s.lastTime = t.tradeTime;
      const time = s.lastTime;
      this.#trades++;
      if (s.priceKey !== null) this.#observe(events, s.priceKey, t.price, time);
      for (const w of s.windows.values()) {
        w.window.push(t.price, t.qty, time);
        for (const [key, kind] of w.keys) {
          const v = kind === "changePct" ? w.window.changePct() : kind === "volume" ? w.window.volume() : w.window.vwapDeviationPct();
          this.#observe(events, key, v, time);
        }
      }
      for (const [pair, leg] of s.pairs) {
        if (!pair.aligner.trade(leg, t.price, t.tradeTime, t.tradeId)) this.#lateTrades++;
        this.#closePairBars(events, pair);
      }
    }
    // A pair whose legs both went quiet still closes its buckets as the stream's clock moves on.
    for (const pair of this.#pairs.values()) this.#closePairBars(events, pair);
    return events;
  }

  /**
   * Moves the stream's clock forward without a trade (e.g. at the end of a replay, to close the last buckets).
   *
   * @param timeMs the new clock, ms; an earlier time than the clock changes nothing
   * @returns the events fired by the pair bars this closes
   */
  advanceClock(timeMs: number): AlertEvent[] {
    if (timeMs > this.#clock) this.#clock = timeMs;
    const events: AlertEvent[] = [];
    for (const pair of this.#pairs.values()) this.#closePairBars(events, pair);
    return events;
  }

  /** Every rule's evaluation state (armed, holding since, last fire), as plain JSON; see `AlertEvaluator`. */
  snapshotState(): AlertEvaluatorState {
    return this.#evaluator.snapshotState();
  }

  /**
   * Replaces the rules' evaluation state with a snapshot (metric windows are untouched).
   *
   * @param state from {@link snapshotState}
   * @throws {InvalidParameterError} the snapshot is malformed (the field is named)
   */
  restoreState(state: AlertEvaluatorState): void {
    this.#evaluator.restoreState(state);
  }

  #observe(events: AlertEvent[], key: string, value: number, time: number): void {
    this.#observations++;
    // ±Infinity cannot come from positive prices and quantities; should it ever, it means "not defined".
    const v = Number.isFinite(value) ? value : Number.NaN;
    this.#evaluator.updateInto(events, key, v, time);
  }

  #closePairBars(events: AlertEvent[], pair: PairEntry): void {
    if (!Number.isFinite(this.#clock)) return;
    for (const bar of pair.aligner.advance(this.#clock)) {
      pair.closes.push(bar.closeA, bar.closeB);
      const closeTime = bar.bucketStart + pair.timeframeMs;
      for (const [key, m] of pair.keys) this.#observe(events, key, pair.closes.metric(m.kind, m.window), closeTime);
    }
  }

  #symbol(symbol: string): SymbolEntry {
    let s = this.#symbols.get(symbol);
    if (s === undefined) {
      s = { lastTradeId: Number.NEGATIVE_INFINITY, lastTime: Number.NEGATIVE_INFINITY, priceKey: null, windows: new Map(), pairs: new Map() };
      this.#symbols.set(symbol, s);
    }
    return s;
  }

  #watch(rule: AlertRule, key: string): void {
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
    if (m.window > pair.closes.capacity) pair.closes = pair.closes.resized(m.window);
    pair.keys.set(key, { kind: m.kind, window: m.window });
  }

  #unwatch(rule: AlertRule, key: string): void {
    const m = rule.metric;
    if (m.kind === "price") {
      this.#symbols.get(m.symbol)!.priceKey = null;
    } else if (isWindowed(m)) {
      const s = this.#symbols.get(m.symbol)!;
      const w = s.windows.get(m.windowMs)!;
      w.keys.delete(key);
      if (w.keys.size === 0) s.windows.delete(m.windowMs);
    } else {
      const pairId = `${m.a}:${m.b}:${parseTimeframe(m.timeframe).label}`;
      const pair = this.#pairs.get(pairId)!;
      pair.keys.delete(key);
      if (pair.keys.size === 0) {
        this.#pairs.delete(pairId);
        this.#symbols.get(m.a)?.pairs.delete(pair);
        this.#symbols.get(m.b)?.pairs.delete(pair);
      }
    }
  }
}
