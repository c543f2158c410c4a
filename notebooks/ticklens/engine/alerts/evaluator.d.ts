import { type AlertRule, type AlertSeverity } from "./rule.ts";
/** One fired alert. */
export interface AlertEvent {
    /** Id of the rule that fired. */
    readonly ruleId: string;
    /** Name of the rule. */
    readonly name: string;
    /** Severity of the rule. */
    readonly severity: AlertSeverity;
    /** Metric key the value came in on. */
    readonly metricKey: string;
    /** Time of the observation that fired, ms since the Unix epoch. */
    readonly time: number;
    /** The observed value that fired. */
    readonly value: number;
    /** The condition's threshold; absent for `outsideBand`. */
    readonly threshold?: number;
    /** The quiet band; present only for `outsideBand`. */
    readonly band?: {
        readonly low: number;
        readonly high: number;
    };
    /** Since when (ms) the condition had held when the rule fired (equals `time` when `forMs` is 0). */
    readonly holdingSince: number;
    /** One-line human description, e.g. `ETH/BTC z: zScore:ETHUSDT:BTCUSDT:1s:300 = 2.013 > 2 for 10000 ms`. */
    readonly message: string;
}
/** Evaluation state of one rule; plain JSON. */
export interface AlertRuleState {
    /** Whether the next episode in alert may fire (false after a fire until the rule re-arms). */
    readonly armed: boolean;
    /** Time of the first observation of the current in-alert run, or null when not in alert (or disarmed). */
    readonly holdingSince: number | null;
    /** Time of the last fire (suppressed triggers do not count), or null if never fired. */
    readonly lastFiredAt: number | null;
    /** Last observed value, or null before the first observation. */
    readonly lastValue: number | null;
    /** Time of the last observation, or null before the first. */
    readonly lastTime: number | null;
}
/** Snapshot of an evaluator's state, keyed by rule id; plain JSON, so it can be stored and restored. */
export interface AlertEvaluatorState {
    /** Format version, currently 1. */
    readonly version: 1;
    /** State of each rule held when the snapshot was taken. */
    readonly rules: Readonly<Record<string, AlertRuleState>>;
}
/**
 * Holds alert rules and evaluates them as metric values arrive.
 *
 * Semantics, per rule, at each observation (v, t) of its metric:
 * - "in alert" is the condition: `>`/`>=`/`<`/`<=` compare v with the threshold; `crossesAbove` is v > threshold
 *   and `crossesBelow` v < threshold, but those rules start disarmed, so they fire only after an observation on the
 *   quiet side, i.e. on the transition from ≤ to > (≥ to <); `absAbove` is |v| > threshold; `outsideBand` is
 *   v < low or v > high.
 * - An armed rule in alert starts (or continues) its holding clock and fires at the first observation where it
 *   has been in alert, without a break, for `forMs` (t − holdingSince ≥ forMs). A fire disarms the rule.
 * - A trigger within `cooldownMs` of the last fire is suppressed: no event, but the rule disarms as if it fired.
 * - A disarmed rule re-arms at an observation at or past `rearm` (see {@link AlertRule.rearm}), or, without
 *   `rearm`, at an observation out of alert. The re-arming observation itself does not fire.
 * - NaN values mean "metric not yet defined" (a rolling warm-up): they are ignored and change no state.
 * - Disabled rules are skipped and keep their state.
 *
 * @example
 * const evaluator = new AlertEvaluator([
 *   { id: "z", name: "ETH/BTC z > 2", severity: "warning", enabled: true,
 *     metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 300 },
 *     condition: { op: ">", threshold: 2 }, rearm: 1.5, channels: ["dashboard"] },
 * ]);
 * const key = metricKey(evaluator.rules()[0].metric);
 * evaluator.update(key, 2.01, 1_000).length; // 1
 * evaluator.update(key, 1.99, 2_000).length; // 0
 * evaluator.update(key, 2.01, 3_000).length; // 0: not re-armed, never came back to 1.5
 */
export declare class AlertEvaluator {
    #private;
    /**
     * @param rules initial rules (each validated as by {@link parseAlertRule})
     * @throws {InvalidAlertRuleError} a rule is malformed or two share an id
     */
    constructor(rules?: readonly AlertRule[]);
    /**
     * Adds a rule with fresh state.
     *
     * @param rule the rule; validated again here, since a typed object may still come from untrusted code
     * @returns nothing
     * @throws {InvalidAlertRuleError} the rule is malformed, or its id is already held (path `"id"`)
     * @example
     * new AlertEvaluator().addRule(parseAlertRule(json));
     */
    addRule(rule: AlertRule): void;
    /**
     * Removes a rule and its state.
     *
     * @param ruleId id of the rule
     * @returns true if the rule was held
     * @throws nothing
     * @example
     * evaluator.removeRule("eth-btc-z"); // true
     */
    removeRule(ruleId: string): boolean;
    /**
     * One rule by id.
     *
     * @param ruleId id of the rule
     * @returns the validated rule, or undefined when not held
     * @throws nothing
     */
    rule(ruleId: string): AlertRule | undefined;
    /**
     * The rules held, in insertion order.
     *
     * @returns the validated rules
     * @throws nothing
     * @example
     * evaluator.rules().map((r) => r.id);
     */
    rules(): AlertRule[];
    /**
     * Feeds one observation of a metric to every enabled rule watching it (O(rules on that key)).
     *
     * @param key the metric key, from {@link metricKey}; a key no rule watches is a no-op
     * @param value the metric's value; NaN means "not yet defined" and is ignored
     * @param timeMs observation time, ms since the Unix epoch; never earlier than the previous one for a rule
     * @returns the events fired by this observation, in rule insertion order (often empty)
     * @throws {InvalidParameterError} `value` is ±Infinity, `timeMs` is not finite, or `timeMs` is earlier than the
     *   last observation a rule on this key saw (parameter `"timeMs"`)
     * @example
     * evaluator.update("price:BTCUSDT", 87_000, Date.now());
     */
    update(key: string, value: number, timeMs: number): AlertEvent[];
    /**
     * {@link update}, appending the fired events to `events` instead of returning a new array: a feed observing
     * several metrics per trade then allocates nothing for the (usual) observation that fires nothing.
     *
     * @param events where fired events are appended, in rule insertion order
     * @param key see {@link update}
     * @param value see {@link update}
     * @param timeMs see {@link update}
     * @returns nothing
     * @throws {InvalidParameterError} as {@link update}; `events` is then unchanged
     * @example
     * const fired: AlertEvent[] = [];
     * evaluator.updateInto(fired, "price:BTCUSDT", 87_000, Date.now());
     */
    updateInto(events: AlertEvent[], key: string, value: number, timeMs: number): void;
    /**
     * Copies every rule's state into plain JSON.
     *
     * @returns the state, keyed by rule id
     * @throws nothing
     * @example
     * const saved = JSON.stringify(evaluator.snapshotState());
     */
    snapshotState(): AlertEvaluatorState;
    /**
     * Replaces the state of the rules held with a snapshot. Rules absent from the snapshot restart fresh; snapshot
     * entries for rules no longer held are ignored. The whole snapshot is checked before any state changes.
     *
     * @param state a value from {@link snapshotState}, possibly after a JSON round trip
     * @returns nothing
     * @throws {InvalidParameterError} the snapshot is malformed; the parameter names the field, e.g.
     *   `"state.rules.z.holdingSince"`
     * @example
     * evaluator.restoreState(JSON.parse(saved));
     */
    restoreState(state: AlertEvaluatorState): void;
}
