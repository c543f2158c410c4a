import type { Trade } from "../types.ts";
import { type AlertEvent } from "./evaluator.ts";
import { type AlertRule } from "./rule.ts";
/** A stored metric series: one time and one value per observation. */
export interface AlertSeries {
    /** Observation times, ms since the Unix epoch, finite and non-decreasing. */
    readonly time: ArrayLike<number>;
    /** Metric values; NaN marks "not yet defined" (e.g. a rolling warm-up) and is skipped. */
    readonly value: ArrayLike<number>;
}
/**
 * Replays a series through a fresh {@link AlertEvaluator} holding only `rule` and collects its fires. The rule's
 * `enabled` flag is ignored: the question is when it would have fired.
 *
 * @param rule the rule (validated as by `parseAlertRule`)
 * @param series `{ time, value }` of equal length
 * @returns the fired events in time order
 * @throws {InvalidAlertRuleError} the rule is malformed
 * @throws {LengthMismatchError} `time` and `value` differ in length
 * @throws {NonFiniteValueError} a time is NaN/±Infinity, or a value is ±Infinity (the index is named)
 * @throws {InvalidParameterError} times decrease (parameter `"series.time"`, the index is named)
 * @example
 * backtestAlertRule(
 *   { id: "z", name: "z > 2", severity: "info", enabled: true,
 *     metric: { kind: "price", symbol: "BTCUSDT" }, condition: { op: ">", threshold: 2 }, channels: ["dashboard"] },
 *   { time: Float64Array.of(0, 1000, 2000), value: Float64Array.of(1, 3, 1) },
 * ).map((e) => e.time); // [1000]
 */
export declare function backtestAlertRule(rule: AlertRule, series: AlertSeries): AlertEvent[];
/**
 * What-if replay of one alert rule over stored trades, through the same {@link AlertFeed} the live alert manager
 * runs: the metric is computed trade by trade (bar by bar for pair metrics) exactly as it would have been live.
 * Pass trades from before `from` to warm the metric's window up; only fires at or after `from` are returned.
 *
 * @param rule the rule (its `enabled` flag is ignored)
 * @param trades the trades in arrival order (each symbol's in id order), e.g. from the store's `readTradeStream`
 * @param options `from`: earliest fire time reported (default: all); `pairGraceMs` as {@link AlertFeed}
 * @returns the fired events in time order
 * @throws {InvalidAlertRuleError} the rule is malformed
 * @example
 * replayAlertRule(rule, trades, { from: Date.parse("2025-12-16T22:10:00Z") }).map((e) => e.time);
 */
export declare function replayAlertRule(rule: AlertRule, trades: readonly Trade[], options?: {
    readonly from?: number;
    readonly pairGraceMs?: number;
}): AlertEvent[];
