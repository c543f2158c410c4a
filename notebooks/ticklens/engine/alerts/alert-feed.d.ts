/**
 * Alert rules evaluated on a stream of trades: every rule's metric is kept current incrementally (a trailing
 * window per symbol and window length, aligned bars per pair and timeframe) and fed to the {@link AlertEvaluator}
 * on each update it depends on: every trade for single-symbol metrics, every bar close for pair metrics. The live
 * alert service and what-if replays both run on it, so a notebook sees what a trader would have been sent.
 */
import type { Trade } from "../types.ts";
import { type AlertEvaluatorState, type AlertEvent } from "./evaluator.ts";
import { type AlertRule } from "./rule.ts";
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
/**
 * @example
 * const feed = new AlertFeed([
 *   { id: "drop", name: "BTC −1 % in 1 min", severity: "critical", enabled: true,
 *     metric: { kind: "changePct", symbol: "BTCUSDT", windowMs: 60_000 },
 *     condition: { op: "<=", threshold: -1 }, rearm: -0.5, channels: ["dashboard", "sound"] },
 * ]);
 * const events = feed.ingest(trades); // the fires, in the order the trades caused them
 */
export declare class AlertFeed {
    #private;
    /**
     * @param rules initial rules (validated as by `parseAlertRule`)
     * @param options tunables (see {@link AlertFeedOptions})
     * @throws {InvalidAlertRuleError} a rule is malformed or two share an id
     */
    constructor(rules?: readonly AlertRule[], options?: AlertFeedOptions);
    /**
     * Adds a rule with fresh state. A metric no other rule watches starts empty and is NaN ("not defined") until
     * its window has filled with live data.
     *
     * @param rule the rule
     * @returns nothing
     * @throws {InvalidAlertRuleError} the rule is malformed, or its id is already held (path `"id"`)
     */
    addRule(rule: AlertRule): void;
    /**
     * Removes a rule and its state; a metric no rule watches any more is dropped.
     *
     * @param ruleId id of the rule
     * @returns true if the rule was held
     */
    removeRule(ruleId: string): boolean;
    /** One rule by id, or undefined. */
    rule(ruleId: string): AlertRule | undefined;
    /** The rules held, in insertion order. */
    rules(): AlertRule[];
    /** What the feed has seen so far. */
    stats(): AlertFeedStats;
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
    ingest(trades: readonly Trade[]): AlertEvent[];
    /**
     * Moves the stream's clock forward without a trade (e.g. at the end of a replay, to close the last buckets).
     *
     * @param timeMs the new clock, ms; an earlier time than the clock changes nothing
     * @returns the events fired by the pair bars this closes
     */
    advanceClock(timeMs: number): AlertEvent[];
    /** Every rule's evaluation state (armed, holding since, last fire), as plain JSON; see `AlertEvaluator`. */
    snapshotState(): AlertEvaluatorState;
    /**
     * Replaces the rules' evaluation state with a snapshot (metric windows are untouched).
     *
     * @param state from {@link snapshotState}
     * @throws {InvalidParameterError} the snapshot is malformed (the field is named)
     */
    restoreState(state: AlertEvaluatorState): void;
}
