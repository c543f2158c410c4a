/**
 * What-if replay of one alert rule: over a stored metric series, or over stored trades through the live metric
 * feed. Both use the evaluator the live path uses, so a notebook or the backtest endpoint sees exactly what a
 * trader would have been sent.
 */
import { InvalidParameterError, LengthMismatchError, NonFiniteValueError } from "../errors.js";
import { AlertFeed } from "./alert-feed.js";
import { AlertEvaluator } from "./evaluator.js";
import { metricKey } from "./rule.js";
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
export function backtestAlertRule(rule, series) {
    const fn = "backtestAlertRule";
    const { time, value } = series;
    if (time.length !== value.length)
        throw new LengthMismatchError(fn, "series.time", time.length, "series.value", value.length);
    for (let i = 0; i < time.length; i++) {
        if (!Number.isFinite(time[i]))
            throw new NonFiniteValueError(fn, "series.time", i, time[i]);
        if (value[i] === Infinity || value[i] === -Infinity)
            throw new NonFiniteValueError(fn, "series.value", i, value[i]);
        if (i > 0 && time[i] < time[i - 1]) {
            throw new InvalidParameterError(fn, "series.time", `must not decrease: [${i}] = ${time[i]} < [${i - 1}] = ${time[i - 1]}`);
        }
    }
    const evaluator = new AlertEvaluator([{ ...rule, enabled: true }]);
    const key = metricKey(evaluator.rules()[0].metric);
    const events = [];
    for (let i = 0; i < time.length; i++)
        events.push(...evaluator.update(key, value[i], time[i]));
    return events;
}
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
export function replayAlertRule(rule, trades, options = {}) {
    const feed = new AlertFeed([{ ...rule, enabled: true }], { pairGraceMs: options.pairGraceMs });
    const events = [...feed.ingest(trades), ...feed.advanceClock(Number.MAX_SAFE_INTEGER)];
    const from = options.from ?? Number.NEGATIVE_INFINITY;
    return events.filter((e) => e.time >= from);
}
