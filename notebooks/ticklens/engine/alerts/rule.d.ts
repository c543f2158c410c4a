/**
 * The shape of an alert rule a trader writes ("z-score of ETH/BTC above 2 for 10 s"), its canonical metric key, and
 * the validation of untrusted rule JSON (API bodies, stored rules) into that shape.
 */
import { EngineInputError } from "../errors.ts";
/** How loud an alert is. */
export type AlertSeverity = "info" | "warning" | "critical";
/** Where a fired alert is delivered. */
export type AlertChannel = "dashboard" | "sound" | "webhook";
/** Kinds of single-symbol metrics measured over a trailing time window. */
export type WindowedMetricKind = "changePct" | "volume" | "vwapDeviationPct";
/** Kinds of pair metrics computed on aligned bars over a trailing window of bars. */
export type PairMetricKind = "spread" | "zScore" | "correlation" | "hedgeRatio" | "adfPValue";
/** Last traded price of a symbol. */
export interface PriceMetric {
    readonly kind: "price";
    /** Upper-case exchange symbol, e.g. `"BTCUSDT"`. */
    readonly symbol: string;
}
/** A single-symbol metric over a trailing time window (percent change, traded volume, deviation from VWAP in %). */
export interface WindowedMetric {
    readonly kind: WindowedMetricKind;
    /** Upper-case exchange symbol, e.g. `"BTCUSDT"`. */
    readonly symbol: string;
    /** Trailing window length in milliseconds (a whole number ≥ 1). */
    readonly windowMs: number;
}
/** A pair metric of `a` against `b` (a is the y of the regression) on bars of `timeframe`, over `window` bars. */
export interface PairMetric {
    readonly kind: PairMetricKind;
    /** Upper-case symbol of the first leg (regression y), e.g. `"ETHUSDT"`. */
    readonly a: string;
    /** Upper-case symbol of the second leg (regression x), e.g. `"BTCUSDT"`. */
    readonly b: string;
    /** Canonical bar length label (`parseAlertRule` turns "60s" into "1m"). */
    readonly timeframe: string;
    /** Number of bars in the trailing window (a whole number ≥ 2). */
    readonly window: number;
}
/** What a rule watches. The evaluator does not compute it: callers route values by {@link metricKey}. */
export type AlertMetric = PriceMetric | WindowedMetric | PairMetric;
/** Compare the value with a threshold; true while the comparison holds. */
export interface ComparisonCondition {
    readonly op: ">" | ">=" | "<" | "<=";
    /** Level compared with. */
    readonly threshold: number;
}
/** True once the value has moved from ≤ threshold to > (crossesAbove) or from ≥ to < (crossesBelow). */
export interface CrossingCondition {
    readonly op: "crossesAbove" | "crossesBelow";
    /** Level crossed. */
    readonly threshold: number;
}
/** True while |value| > threshold. */
export interface AbsAboveCondition {
    readonly op: "absAbove";
    /** Non-negative level compared with |value|. */
    readonly threshold: number;
}
/** True while value < low or value > high. */
export interface OutsideBandCondition {
    readonly op: "outsideBand";
    /** Lower edge of the quiet band (inclusive: a value equal to it is inside). */
    readonly low: number;
    /** Upper edge of the quiet band (inclusive), > low. */
    readonly high: number;
}
/** When a rule's value is "in alert". */
export type AlertCondition = ComparisonCondition | CrossingCondition | AbsAboveCondition | OutsideBandCondition;
/** One alert rule, as validated by {@link parseAlertRule}. */
export interface AlertRule {
    /** Unique id of the rule (non-empty, at most 128 characters). */
    readonly id: string;
    /** Human name shown in the alert message (non-empty, at most 200 characters). */
    readonly name: string;
    /** How loud the alert is. */
    readonly severity: AlertSeverity;
    /** A disabled rule is not evaluated and its state is left untouched. */
    readonly enabled: boolean;
    /** What is watched. */
    readonly metric: AlertMetric;
    /** When the value is in alert. */
    readonly condition: AlertCondition;
    /**
     * Milliseconds the condition must hold, observation after observation, before the rule fires (default 0: fire on
     * the first observation in alert). An observation out of alert restarts the clock.
     */
    readonly forMs?: number;
    /**
     * Milliseconds after a fire during which further fires are suppressed (default 0). A suppressed trigger is
     * consumed like a fire (the rule must re-arm), so a value that stays in alert through the cooldown does not fire
     * when the cooldown ends.
     */
    readonly cooldownMs?: number;
    /**
     * Hysteresis level. Once fired (or suppressed), the rule re-arms only when the value comes back to this level or
     * past it: ≤ rearm for `>`, `>=`, `crossesAbove`; ≥ rearm for `<`, `<=`, `crossesBelow`; |value| ≤ rearm for
     * `absAbove`. It must lie on the quiet side of the threshold. Without it a rule re-arms as soon as the condition
     * is false. Not allowed with `outsideBand` (one level cannot bound both sides).
     */
    readonly rearm?: number;
    /** Delivery channels, at least one, no repeats. */
    readonly channels: readonly AlertChannel[];
    /** http(s) URL the webhook channel posts to; required exactly when `channels` holds `"webhook"`. */
    readonly webhookUrl?: string;
}
/** Untrusted rule input was malformed; `path` names the offending field, e.g. `"condition.threshold"`. */
export declare class InvalidAlertRuleError extends EngineInputError {
    /** Dotted path of the offending field (`"metric.windowMs"`, `"channels[1]"`), or `"rule"` for the whole. */
    readonly path: string;
    constructor(fn: string, path: string, message: string);
}
/**
 * The key under which a metric's values are routed to the evaluator: every rule watching the same metric shares
 * it, whatever order its fields were written in, so callers compute a metric once and feed all its rules.
 *
 * @param metric a validated metric
 * @returns e.g. `"price:BTCUSDT"`, `"changePct:BTCUSDT:60000"`, `"zScore:ETHUSDT:BTCUSDT:1s:300"`
 * @throws {InvalidParameterError} a pair metric's timeframe is not a valid bar length
 * @example
 * metricKey({ kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "60s", window: 30 }); // "zScore:ETHUSDT:BTCUSDT:1m:30"
 */
export declare function metricKey(metric: AlertMetric): string;
/**
 * Validates untrusted input (parsed JSON) into an {@link AlertRule}. Unknown fields are refused rather than
 * ignored, so a misspelt `cooldownMS` does not silently leave a rule without its cooldown.
 *
 * @param json the candidate rule, e.g. `JSON.parse(body)`
 * @returns a fresh, frozen-shape rule object with the timeframe label canonical and optional fields left out when absent
 * @throws {InvalidAlertRuleError} a field is missing, of the wrong type or out of its domain; `path` and the
 *   message name it (`"condition.threshold"`, `"metric.window"`, `"channels[0]"`, `"rearm"`, …)
 * @example
 * parseAlertRule({
 *   id: "eth-btc-z", name: "ETH/BTC z > 2 for 10 s", severity: "warning", enabled: true,
 *   metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 300 },
 *   condition: { op: ">", threshold: 2 }, forMs: 10_000, rearm: 1.5, channels: ["dashboard", "sound"],
 * }).condition; // { op: ">", threshold: 2 }
 */
export declare function parseAlertRule(json: unknown): AlertRule;
