/**
 * Incremental alert evaluation: rules grouped by metric key, per-rule state (armed, holding clock, last fire), and
 * the fired events for each new observation. Pure: state can be snapshotted and restored, delivery is the caller's.
 */
import { InvalidParameterError } from "../errors.js";
import { InvalidAlertRuleError, metricKey, parseAlertRule } from "./rule.js";
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
export class AlertEvaluator {
    #byId = new Map();
    #byKey = new Map();
    /**
     * @param rules initial rules (each validated as by {@link parseAlertRule})
     * @throws {InvalidAlertRuleError} a rule is malformed or two share an id
     */
    constructor(rules = []) {
        for (const rule of rules)
            this.addRule(rule);
    }
    /**
     * Adds a rule with fresh state.
     *
     * @param rule the rule; validated again here, since a typed object may still come from untrusted code
     * @returns nothing
     * @throws {InvalidAlertRuleError} the rule is malformed, or its id is already held (path `"id"`)
     * @example
     * new AlertEvaluator().addRule(parseAlertRule(json));
     */
    addRule(rule) {
        const valid = parseAlertRule(rule);
        if (this.#byId.has(valid.id))
            throw new InvalidAlertRuleError("AlertEvaluator.addRule", "id", `"${valid.id}" is already held`);
        const entry = { rule: valid, key: metricKey(valid.metric), ...initialState(valid.condition) };
        this.#byId.set(valid.id, entry);
        const list = this.#byKey.get(entry.key);
        if (list === undefined)
            this.#byKey.set(entry.key, [entry]);
        else
            list.push(entry);
    }
    /**
     * Removes a rule and its state.
     *
     * @param ruleId id of the rule
     * @returns true if the rule was held
     * @throws nothing
     * @example
     * evaluator.removeRule("eth-btc-z"); // true
     */
    removeRule(ruleId) {
        const entry = this.#byId.get(ruleId);
        if (entry === undefined)
            return false;
        this.#byId.delete(ruleId);
        const list = this.#byKey.get(entry.key);
        list.splice(list.indexOf(entry), 1);
        if (list.length === 0)
            this.#byKey.delete(entry.key);
        return true;
    }
    /**
     * One rule by id.
     *
     * @param ruleId id of the rule
     * @returns the validated rule, or undefined when not held
     * @throws nothing
     */
    rule(ruleId) {
        return this.#byId.get(ruleId)?.rule;
    }
    /**
     * The rules held, in insertion order.
     *
     * @returns the validated rules
     * @throws nothing
     * @example
     * evaluator.rules().map((r) => r.id);
     */
    rules() {
        return [...this.#byId.values()].map((e) => e.rule);
    }
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
    update(key, value, timeMs) {
        const events = [];
        this.updateInto(events, key, value, timeMs);
        return events;
    }
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
    updateInto(events, key, value, timeMs) {
        const fn = "AlertEvaluator.update";
        if (typeof timeMs !== "number" || !Number.isFinite(timeMs))
            throw new InvalidParameterError(fn, "timeMs", `must be a finite number, got ${timeMs}`);
        if (typeof value !== "number" || value === Infinity || value === -Infinity) {
            throw new InvalidParameterError(fn, "value", `must be a finite number (or NaN for "not yet defined"), got ${value}`);
        }
        const list = this.#byKey.get(key);
        if (list === undefined || Number.isNaN(value))
            return;
        for (let i = 0; i < list.length; i++) {
            const e = list[i];
            if (e.rule.enabled && e.lastTime !== null && timeMs < e.lastTime) {
                throw new InvalidParameterError(fn, "timeMs", `${timeMs} is earlier than the last observation of ${key} (${e.lastTime})`);
            }
        }
        for (let i = 0; i < list.length; i++) {
            const e = list[i];
            if (!e.rule.enabled)
                continue;
            const event = step(e, value, timeMs);
            if (event !== null)
                events.push(event);
        }
    }
    /**
     * Copies every rule's state into plain JSON.
     *
     * @returns the state, keyed by rule id
     * @throws nothing
     * @example
     * const saved = JSON.stringify(evaluator.snapshotState());
     */
    snapshotState() {
        const rules = {};
        for (const [id, e] of this.#byId) {
            rules[id] = { armed: e.armed, holdingSince: e.holdingSince, lastFiredAt: e.lastFiredAt, lastValue: e.lastValue, lastTime: e.lastTime };
        }
        return { version: 1, rules };
    }
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
    restoreState(state) {
        const fn = "AlertEvaluator.restoreState";
        if (typeof state !== "object" || state === null || state.version !== 1) {
            throw new InvalidParameterError(fn, "state.version", `must be 1, got ${state === null || typeof state !== "object" ? String(state) : String(state.version)}`);
        }
        if (typeof state.rules !== "object" || state.rules === null)
            throw new InvalidParameterError(fn, "state.rules", "must be an object");
        const restored = new Map();
        for (const [id, e] of this.#byId) {
            if (!Object.hasOwn(state.rules, id))
                continue;
            const s = state.rules[id];
            const path = `state.rules.${id}`;
            if (typeof s !== "object" || s === null)
                throw new InvalidParameterError(fn, path, "must be an object");
            if (typeof s.armed !== "boolean")
                throw new InvalidParameterError(fn, `${path}.armed`, `must be a boolean, got ${String(s.armed)}`);
            for (const field of ["holdingSince", "lastFiredAt", "lastValue", "lastTime"]) {
                const v = s[field];
                if (v !== null && (typeof v !== "number" || !Number.isFinite(v))) {
                    throw new InvalidParameterError(fn, `${path}.${field}`, `must be a finite number or null, got ${String(v)}`);
                }
            }
            restored.set(e, s);
        }
        for (const e of this.#byId.values()) {
            const s = restored.get(e) ?? initialState(e.rule.condition);
            e.armed = s.armed;
            e.holdingSince = s.holdingSince;
            e.lastFiredAt = s.lastFiredAt;
            e.lastValue = s.lastValue;
            e.lastTime = s.lastTime;
        }
    }
}
function initialState(condition) {
    // A crossing needs a quiet-side observation first; a level is in alert from the first observation.
    const armed = condition.op !== "crossesAbove" && condition.op !== "crossesBelow";
    return { armed, holdingSince: null, lastFiredAt: null, lastValue: null, lastTime: null };
}
function inAlert(c, v) {
    switch (c.op) {
        case ">":
        case "crossesAbove":
            return v > c.threshold;
        case ">=":
            return v >= c.threshold;
        case "<":
        case "crossesBelow":
            return v < c.threshold;
        case "<=":
            return v <= c.threshold;
        case "absAbove":
            return Math.abs(v) > c.threshold;
        case "outsideBand":
            return v < c.low || v > c.high;
    }
}
function rearmed(rule, v, alert) {
    if (rule.rearm === undefined)
        return !alert;
    switch (rule.condition.op) {
        case ">":
        case ">=":
        case "crossesAbove":
            return v <= rule.rearm;
        case "<":
        case "<=":
        case "crossesBelow":
            return v >= rule.rearm;
        case "absAbove":
            return Math.abs(v) <= rule.rearm;
        case "outsideBand":
            return !alert; // parseAlertRule refuses rearm here
    }
}
function step(e, v, t) {
    const rule = e.rule;
    const alert = inAlert(rule.condition, v);
    e.lastValue = v;
    e.lastTime = t;
    if (!e.armed) {
        e.armed = rearmed(rule, v, alert);
        e.holdingSince = null;
        return null;
    }
    if (!alert) {
        e.holdingSince = null;
        return null;
    }
    if (e.holdingSince === null)
        e.holdingSince = t;
    if (t - e.holdingSince < (rule.forMs ?? 0))
        return null;
    const since = e.holdingSince;
    e.armed = false;
    e.holdingSince = null;
    if (e.lastFiredAt !== null && t - e.lastFiredAt < (rule.cooldownMs ?? 0))
        return null;
    e.lastFiredAt = t;
    return makeEvent(rule, e.key, v, t, since);
}
function makeEvent(rule, key, value, time, holdingSince) {
    const c = rule.condition;
    const held = time > holdingSince ? ` for ${time - holdingSince} ms` : "";
    const base = { ruleId: rule.id, name: rule.name, severity: rule.severity, metricKey: key, time, value, holdingSince };
    if (c.op === "outsideBand") {
        return { ...base, band: { low: c.low, high: c.high }, message: `${rule.name}: ${key} = ${value} outside [${c.low}, ${c.high}]${held}` };
    }
    const relation = c.op === "crossesAbove" ? "crossed above" : c.op === "crossesBelow" ? "crossed below" : c.op === "absAbove" ? "has |value| >" : c.op;
    return { ...base, threshold: c.threshold, message: `${rule.name}: ${key} = ${value} ${relation} ${c.threshold}${held}` };
}
