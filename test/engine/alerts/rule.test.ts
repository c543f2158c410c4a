import { describe, expect, test } from "vitest";
import { EngineInputError, InvalidParameterError } from "../../../src/engine/errors.ts";
import {
  ALERT_CHANNELS,
  ALERT_CONDITION_OPS,
  ALERT_METRIC_KINDS,
  ALERT_SEVERITIES,
  alertRuleDraftSchema,
  alertRuleError,
  alertRuleOrDraftSchema,
  alertRuleSchema,
  InvalidAlertRuleError,
  metricKey,
  PAIR_METRIC_KINDS,
  parseAlertRule,
  WINDOWED_METRIC_KINDS,
} from "../../../src/engine/alerts/index.ts";

const valid = {
  id: "eth-btc-z",
  name: "ETH/BTC z > 2 for 10 s",
  severity: "warning",
  enabled: true,
  metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 300 },
  condition: { op: ">", threshold: 2 },
  forMs: 10_000,
  cooldownMs: 60_000,
  rearm: 1.5,
  channels: ["dashboard", "webhook"],
  webhookUrl: "https://hooks.example.com/alerts",
};

/** A copy of `valid` with one field replaced (or removed when `value` is undefined). */
function withField(path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, Record<string, unknown>>;
  const parts = path.split(".");
  const parent = parts.length === 1 ? (copy as Record<string, unknown>) : copy[parts[0]];
  const leaf = parts[parts.length - 1];
  if (value === undefined) delete parent[leaf];
  else parent[leaf] = value;
  return copy;
}

function expectInvalid(json: unknown, path: string): void {
  let caught: unknown;
  try {
    parseAlertRule(json);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidAlertRuleError);
  expect(caught).toBeInstanceOf(EngineInputError);
  expect((caught as InvalidAlertRuleError).path).toBe(path);
  expect((caught as Error).message).toContain(`parseAlertRule: ${path} `);
}

describe("parseAlertRule accepts well-formed rules", () => {
  test("a full rule round-trips unchanged", () => {
    expect(parseAlertRule(valid)).toEqual(valid);
  });

  test("optional fields are left out when absent and the timeframe label is made canonical", () => {
    const rule = parseAlertRule({
      id: "r", name: "n", severity: "info", enabled: false,
      metric: { kind: "correlation", a: "ETHUSDT", b: "BTCUSDT", timeframe: "60s", window: 30 },
      condition: { op: "outsideBand", low: 0.2, high: 0.9 }, channels: ["sound"],
    });
    expect(rule.metric).toEqual({ kind: "correlation", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1m", window: 30 });
    expect("forMs" in rule || "cooldownMs" in rule || "rearm" in rule || "webhookUrl" in rule).toBe(false);
  });

  test.each([
    [{ kind: "price", symbol: "BTCUSDT" }, "price:BTCUSDT"],
    [{ kind: "changePct", symbol: "BTCUSDT", windowMs: 60_000 }, "changePct:BTCUSDT:60000"],
    [{ kind: "volume", symbol: "ETHUSDT", windowMs: 5_000 }, "volume:ETHUSDT:5000"],
    [{ kind: "vwapDeviationPct", symbol: "ETHUSDT", windowMs: 300_000 }, "vwapDeviationPct:ETHUSDT:300000"],
    [{ kind: "spread", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 }, "spread:ETHUSDT:BTCUSDT:1s:60"],
    [{ kind: "hedgeRatio", a: "ETHUSDT", b: "BTCUSDT", timeframe: "5m", window: 12 }, "hedgeRatio:ETHUSDT:BTCUSDT:5m:12"],
    [{ kind: "adfPValue", a: "ETHUSDT", b: "BTCUSDT", timeframe: "3600s", window: 100 }, "adfPValue:ETHUSDT:BTCUSDT:1h:100"],
  ])("metric %j parses and routes on %s", (metric, key) => {
    const rule = parseAlertRule({ ...valid, metric });
    expect(metricKey(rule.metric)).toBe(key);
  });

  test("metricKey canonicalises an unparsed timeframe too, and refuses a bad one", () => {
    expect(metricKey({ kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "60s", window: 30 })).toBe("zScore:ETHUSDT:BTCUSDT:1m:30");
    expect(() => metricKey({ kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1M", window: 30 })).toThrow(InvalidParameterError);
  });

  test.each([
    [{ op: ">=", threshold: 2 }, 1.5],
    [{ op: "<", threshold: -2 }, -1.5],
    [{ op: "<=", threshold: -2 }, -1.5],
    [{ op: "crossesAbove", threshold: 2 }, 1.5],
    [{ op: "crossesBelow", threshold: -2 }, -1.5],
    [{ op: "absAbove", threshold: 2 }, 0],
  ])("condition %j with rearm %d is accepted", (condition, rearm) => {
    expect(parseAlertRule({ ...valid, condition, rearm }).condition).toEqual(condition);
  });
});

describe("parseAlertRule refuses malformed rules with InvalidAlertRuleError naming the field", () => {
  test.each([
    ["not an object", null, "rule"],
    ["an array", [], "rule"],
    ["an unknown field", { ...valid, cooldownMS: 5 }, "cooldownMS"],
  ])("%s", (_label, json, path) => expectInvalid(json, path));

  test.each([
    ["id", undefined],
    ["id", ""],
    ["id", "x".repeat(129)],
    ["name", 7],
    ["severity", "fatal"],
    ["enabled", "yes"],
    ["metric", undefined],
    ["metric.kind", "rsi"],
    ["metric.window", 1],
    ["metric.window", 2.5],
    ["metric.timeframe", "1M"],
    ["metric.timeframe", 60],
    ["metric.a", "ethusdt"],
    ["metric.b", "ETHUSDT"],
    ["metric.windowMs", 60_000],
    ["condition", "> 2"],
    ["condition.op", "=="],
    ["condition.threshold", undefined],
    ["condition.threshold", Number.NaN],
    ["condition.threshold", "2"],
    ["condition.low", 0],
    ["forMs", -1],
    ["forMs", 1.5],
    ["cooldownMs", "60s"],
    ["rearm", 2],
    ["rearm", 2.5],
    ["rearm", Number.POSITIVE_INFINITY],
    ["channels", []],
    ["channels", "dashboard"],
    ["webhookUrl", "ftp://example.com/x"],
    ["webhookUrl", "not a url"],
    ["webhookUrl", undefined],
  ])("%s = %j", (path, value) => expectInvalid(withField(path, value), path));

  test("element paths: a bad or repeated channel is named by index", () => {
    expectInvalid({ ...valid, channels: ["dashboard", "email"] }, "channels[1]");
    expectInvalid({ ...valid, channels: ["webhook", "sound", "webhook"] }, "channels[2]");
  });

  test("windowed metrics need a positive whole windowMs", () => {
    expectInvalid({ ...valid, metric: { kind: "changePct", symbol: "BTCUSDT", windowMs: 0 } }, "metric.windowMs");
    expectInvalid({ ...valid, metric: { kind: "volume", symbol: "BTCUSDT" } }, "metric.windowMs");
    expectInvalid({ ...valid, metric: { kind: "price", symbol: "BTC USDT" } }, "metric.symbol");
  });

  test("condition-specific rules: band order, absAbove sign, rearm side, rearm with a band", () => {
    expectInvalid({ ...valid, rearm: undefined, condition: { op: "outsideBand", low: 1, high: 1 } }, "condition.high");
    expectInvalid({ ...valid, rearm: undefined, condition: { op: "outsideBand", low: 0, high: 1, threshold: 2 } }, "condition.threshold");
    expectInvalid({ ...valid, condition: { op: "outsideBand", low: 0, high: 1 } }, "rearm");
    expectInvalid({ ...valid, rearm: undefined, condition: { op: "absAbove", threshold: -1 } }, "condition.threshold");
    expectInvalid({ ...valid, condition: { op: "absAbove", threshold: 2 }, rearm: -0.5 }, "rearm");
    expectInvalid({ ...valid, condition: { op: "<", threshold: -2 }, rearm: -2.5 }, "rearm");
    expectInvalid({ ...valid, condition: { op: "crossesBelow", threshold: -2 }, rearm: -2 }, "rearm");
  });

  test("webhookUrl is refused without the webhook channel", () => {
    expectInvalid({ ...valid, channels: ["dashboard"] }, "webhookUrl");
  });
});

describe("the rule is one zod schema", () => {
  test("its option lists are the ones it accepts, and nothing else", () => {
    const accepts = (patch: object) => alertRuleSchema.safeParse({ ...valid, ...patch }).success;
    for (const severity of ALERT_SEVERITIES) expect(accepts({ severity }), severity).toBe(true);
    for (const channel of ALERT_CHANNELS.filter((c) => c !== "webhook")) expect(accepts({ channels: [channel], webhookUrl: undefined }), channel).toBe(true);
    for (const kind of WINDOWED_METRIC_KINDS) expect(accepts({ metric: { kind, symbol: "BTCUSDT", windowMs: 1000 } }), kind).toBe(true);
    for (const kind of PAIR_METRIC_KINDS) expect(accepts({ metric: { ...valid.metric, kind } }), kind).toBe(true);
    expect(ALERT_METRIC_KINDS).toEqual(["price", ...WINDOWED_METRIC_KINDS, ...PAIR_METRIC_KINDS]);
    for (const op of ALERT_CONDITION_OPS) {
      const condition = op === "outsideBand" ? { op, low: -1, high: 1 } : { op, threshold: 1 };
      expect(accepts({ condition, rearm: undefined }), op).toBe(true);
    }
    expect(accepts({ severity: "fatal" })).toBe(false);
  });

  test("a draft has no id; a rule or draft may leave it out; both keep the checks across fields", () => {
    const { id: _id, ...draft } = valid;
    expect(alertRuleDraftSchema.safeParse(draft).success).toBe(true);
    expect(alertRuleDraftSchema.safeParse(valid).success).toBe(false);
    expect(alertRuleOrDraftSchema.safeParse(draft).success).toBe(true);
    expect(alertRuleOrDraftSchema.safeParse(valid).success).toBe(true);
    for (const schema of [alertRuleDraftSchema, alertRuleOrDraftSchema]) {
      const result = schema.safeParse({ ...draft, rearm: 3 });
      expect(result.success).toBe(false);
      if (!result.success) expect(alertRuleError(result.error).path).toBe("rearm");
    }
  });

  test("alertRuleError names a misspelt field first, then the schema's order; indices in brackets", () => {
    const result = alertRuleSchema.safeParse({ ...valid, severity: "loud", cooldownMS: 1, channels: ["sound", "sms"] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(alertRuleError(result.error).path).toBe("cooldownMS");
    const rest = alertRuleSchema.safeParse({ ...valid, channels: ["sound", "sms"], webhookUrl: undefined });
    if (!rest.success) expect(alertRuleError(rest.error, "check")).toMatchObject({ path: "channels[1]", fn: "check" });
  });

  test("parsed channels cannot be changed in place", () => {
    expect(Object.isFrozen(parseAlertRule(valid).channels)).toBe(true);
  });
});
