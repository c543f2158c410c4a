/**
 * The shape of an alert rule a trader writes ("z-score of ETH/BTC above 2 for 10 s"), its canonical metric key, and
 * the validation of untrusted rule JSON (API bodies, stored rules) into that shape.
 */
import { EngineInputError } from "../errors.js";
import { parseTimeframe } from "../timeframe.js";
/** Untrusted rule input was malformed; `path` names the offending field, e.g. `"condition.threshold"`. */
export class InvalidAlertRuleError extends EngineInputError {
    /** Dotted path of the offending field (`"metric.windowMs"`, `"channels[1]"`), or `"rule"` for the whole. */
    path;
    constructor(fn, path, message) {
        super(fn, `${path} ${message}`);
        this.path = path;
    }
}
const SEVERITIES = ["info", "warning", "critical"];
const CHANNELS = ["dashboard", "sound", "webhook"];
const WINDOWED_KINDS = ["changePct", "volume", "vwapDeviationPct"];
const PAIR_KINDS = ["spread", "zScore", "correlation", "hedgeRatio", "adfPValue"];
const COMPARISON_OPS = [">", ">=", "<", "<="];
const SYMBOL = /^[A-Z0-9]{2,32}$/;
const RULE_KEYS = new Set([
    "id", "name", "severity", "enabled", "metric", "condition", "forMs", "cooldownMs", "rearm", "channels", "webhookUrl",
]);
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
export function metricKey(metric) {
    switch (metric.kind) {
        case "price":
            return `price:${metric.symbol}`;
        case "changePct":
        case "volume":
        case "vwapDeviationPct":
            return `${metric.kind}:${metric.symbol}:${metric.windowMs}`;
        default:
            return `${metric.kind}:${metric.a}:${metric.b}:${parseTimeframe(metric.timeframe).label}:${metric.window}`;
    }
}
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
export function parseAlertRule(json) {
    const fn = "parseAlertRule";
    const fail = (path, message) => {
        throw new InvalidAlertRuleError(fn, path, message);
    };
    const r = record(json, "rule", fail);
    for (const key of Object.keys(r))
        if (!RULE_KEYS.has(key))
            fail(key, "is not a field of an alert rule");
    const id = text(r.id, "id", 128, fail);
    const name = text(r.name, "name", 200, fail);
    const severity = oneOf(r.severity, "severity", SEVERITIES, fail);
    if (typeof r.enabled !== "boolean")
        fail("enabled", `must be true or false, got ${describe(r.enabled)}`);
    const metric = parseMetric(r.metric, fail);
    const condition = parseCondition(r.condition, fail);
    const forMs = optionalDuration(r.forMs, "forMs", fail);
    const cooldownMs = optionalDuration(r.cooldownMs, "cooldownMs", fail);
    const rearm = r.rearm === undefined ? undefined : finite(r.rearm, "rearm", fail);
    if (rearm !== undefined)
        checkRearm(condition, rearm, fail);
    if (!Array.isArray(r.channels))
        fail("channels", `must be an array of channels, got ${describe(r.channels)}`);
    const channelList = r.channels;
    if (channelList.length === 0)
        fail("channels", "must name at least one channel");
    const channels = channelList.map((c, i) => oneOf(c, `channels[${i}]`, CHANNELS, fail));
    channels.forEach((c, i) => {
        if (channels.indexOf(c) !== i)
            fail(`channels[${i}]`, `repeats "${c}"`);
    });
    let webhookUrl;
    if (channels.includes("webhook")) {
        if (r.webhookUrl === undefined)
            fail("webhookUrl", 'is required when channels include "webhook"');
        webhookUrl = httpUrl(r.webhookUrl, fail);
    }
    else if (r.webhookUrl !== undefined) {
        fail("webhookUrl", 'is only allowed when channels include "webhook"');
    }
    return {
        id,
        name,
        severity,
        enabled: r.enabled,
        metric,
        condition,
        ...(forMs === undefined ? {} : { forMs }),
        ...(cooldownMs === undefined ? {} : { cooldownMs }),
        ...(rearm === undefined ? {} : { rearm }),
        channels,
        ...(webhookUrl === undefined ? {} : { webhookUrl }),
    };
}
function parseMetric(value, fail) {
    const m = record(value, "metric", fail);
    const kind = oneOf(m.kind, "metric.kind", ["price", ...WINDOWED_KINDS, ...PAIR_KINDS], fail);
    const allowed = kind === "price" ? ["kind", "symbol"] : WINDOWED_KINDS.includes(kind) ? ["kind", "symbol", "windowMs"] : ["kind", "a", "b", "timeframe", "window"];
    for (const key of Object.keys(m))
        if (!allowed.includes(key))
            fail(`metric.${key}`, `is not a field of a ${kind} metric`);
    if (kind === "price")
        return { kind, symbol: symbol(m.symbol, "metric.symbol", fail) };
    if (WINDOWED_KINDS.includes(kind)) {
        const windowMs = m.windowMs;
        if (typeof windowMs !== "number" || !Number.isSafeInteger(windowMs) || windowMs < 1) {
            fail("metric.windowMs", `must be a whole number of milliseconds >= 1, got ${describe(windowMs)}`);
        }
        return { kind: kind, symbol: symbol(m.symbol, "metric.symbol", fail), windowMs: windowMs };
    }
    const a = symbol(m.a, "metric.a", fail);
    const b = symbol(m.b, "metric.b", fail);
    if (a === b)
        fail("metric.b", `must differ from metric.a, both are "${a}"`);
    if (typeof m.timeframe !== "string")
        fail("metric.timeframe", `must be a bar length such as "1s" or "1m", got ${describe(m.timeframe)}`);
    let timeframe = "";
    try {
        timeframe = parseTimeframe(m.timeframe).label;
    }
    catch {
        fail("metric.timeframe", `must be a bar length such as "1s", "1m" or "1h", got ${describe(m.timeframe)}`);
    }
    const window = m.window;
    if (typeof window !== "number" || !Number.isSafeInteger(window) || window < 2) {
        fail("metric.window", `must be a whole number of bars >= 2, got ${describe(window)}`);
    }
    return { kind: kind, a, b, timeframe, window: window };
}
function parseCondition(value, fail) {
    const c = record(value, "condition", fail);
    const op = oneOf(c.op, "condition.op", [...COMPARISON_OPS, "crossesAbove", "crossesBelow", "absAbove", "outsideBand"], fail);
    const allowed = op === "outsideBand" ? ["op", "low", "high"] : ["op", "threshold"];
    for (const key of Object.keys(c))
        if (!allowed.includes(key))
            fail(`condition.${key}`, `is not a field of an "${op}" condition`);
    if (op === "outsideBand") {
        const low = finite(c.low, "condition.low", fail);
        const high = finite(c.high, "condition.high", fail);
        if (!(high > low))
            fail("condition.high", `must be greater than condition.low (${low}), got ${high}`);
        return { op, low, high };
    }
    const threshold = finite(c.threshold, "condition.threshold", fail);
    if (op === "absAbove") {
        if (threshold < 0)
            fail("condition.threshold", `must be >= 0 for "absAbove", got ${threshold}`);
        return { op, threshold };
    }
    return { op: op, threshold };
}
function checkRearm(condition, rearm, fail) {
    switch (condition.op) {
        case ">":
        case ">=":
        case "crossesAbove":
            if (!(rearm < condition.threshold))
                fail("rearm", `must be below condition.threshold (${condition.threshold}) for "${condition.op}", got ${rearm}`);
            return;
        case "<":
        case "<=":
        case "crossesBelow":
            if (!(rearm > condition.threshold))
                fail("rearm", `must be above condition.threshold (${condition.threshold}) for "${condition.op}", got ${rearm}`);
            return;
        case "absAbove":
            if (!(rearm >= 0 && rearm < condition.threshold)) {
                fail("rearm", `must be >= 0 and below condition.threshold (${condition.threshold}) for "absAbove", got ${rearm}`);
            }
            return;
        case "outsideBand":
            fail("rearm", 'is not allowed with "outsideBand"');
    }
}
function record(value, path, fail) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        fail(path, `must be an object, got ${describe(value)}`);
    return value;
}
function text(value, path, maxLength, fail) {
    if (typeof value !== "string" || value.trim() === "" || value.length > maxLength) {
        fail(path, `must be a non-empty string of at most ${maxLength} characters, got ${describe(value)}`);
    }
    return value;
}
function oneOf(value, path, options, fail) {
    if (typeof value !== "string" || !options.includes(value)) {
        fail(path, `must be one of ${options.map((o) => `"${o}"`).join(", ")}, got ${describe(value)}`);
    }
    return value;
}
function symbol(value, path, fail) {
    if (typeof value !== "string" || !SYMBOL.test(value)) {
        fail(path, `must be an upper-case exchange symbol such as "BTCUSDT", got ${describe(value)}`);
    }
    return value;
}
function finite(value, path, fail) {
    if (typeof value !== "number" || !Number.isFinite(value))
        fail(path, `must be a finite number, got ${describe(value)}`);
    return value;
}
function optionalDuration(value, path, fail) {
    if (value === undefined)
        return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
        fail(path, `must be a whole number of milliseconds >= 0, got ${describe(value)}`);
    }
    return value;
}
function httpUrl(value, fail) {
    if (typeof value === "string") {
        try {
            const url = new URL(value);
            if (url.protocol === "https:" || url.protocol === "http:")
                return value;
        }
        catch {
            // fall through to the refusal below
        }
    }
    return fail("webhookUrl", `must be an http(s) URL, got ${describe(value)}`);
}
function describe(value) {
    if (value === undefined)
        return "missing";
    if (typeof value === "string")
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    if (typeof value === "number")
        return String(value);
    if (value === null)
        return "null";
    return Array.isArray(value) ? "an array" : typeof value;
}
