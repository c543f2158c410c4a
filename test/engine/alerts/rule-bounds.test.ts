/** The rule schema's bounds and its webhook URL checks, in the engine. */
import { describe, expect, it } from "vitest";
import {
  InvalidAlertRuleError,
  MAX_RULE_DURATION_MS,
  MAX_RULE_LEVEL,
  MAX_RULE_WINDOW_BARS,
  MAX_WEBHOOK_URL_LENGTH,
  parseAlertRule,
  redactWebhookUrl,
  webhookTargetRefusal,
} from "../../../src/engine/index.ts";

const base = {
  id: "r",
  name: "r",
  severity: "info",
  enabled: true,
  metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 },
  condition: { op: ">", threshold: 2 },
  channels: ["dashboard"],
};
const pathOf = (json: unknown): string | null => {
  try {
    parseAlertRule(json);
    return null;
  } catch (error) {
    return (error as InvalidAlertRuleError).path;
  }
};

describe("bounds", () => {
  it("accepts each bound and refuses one past it", () => {
    expect(pathOf({ ...base, metric: { ...base.metric, window: MAX_RULE_WINDOW_BARS } })).toBeNull();
    expect(pathOf({ ...base, metric: { ...base.metric, window: MAX_RULE_WINDOW_BARS + 1 } })).toBe("metric.window");
    expect(pathOf({ ...base, forMs: MAX_RULE_DURATION_MS, cooldownMs: MAX_RULE_DURATION_MS })).toBeNull();
    expect(pathOf({ ...base, forMs: MAX_RULE_DURATION_MS + 1 })).toBe("forMs");
    expect(pathOf({ ...base, cooldownMs: MAX_RULE_DURATION_MS + 1 })).toBe("cooldownMs");
    expect(pathOf({ ...base, metric: { kind: "volume", symbol: "BTCUSDT", windowMs: MAX_RULE_DURATION_MS + 1 } })).toBe("metric.windowMs");
    expect(pathOf({ ...base, condition: { op: ">", threshold: MAX_RULE_LEVEL } })).toBeNull();
    expect(pathOf({ ...base, condition: { op: ">", threshold: -MAX_RULE_LEVEL * 1.0001 } })).toBe("condition.threshold");
    expect(pathOf({ ...base, condition: { op: "outsideBand", low: -MAX_RULE_LEVEL, high: MAX_RULE_LEVEL * 2 } })).toBe("condition.high");
    expect(pathOf({ ...base, rearm: -Infinity })).toBe("rearm");
    expect(pathOf({ ...base, name: "a\ud800b" })).toBe("name");
  });
});

describe("webhook URLs", () => {
  const hook = (webhookUrl: string) => ({ ...base, channels: ["webhook"], webhookUrl });
  it.each([
    "http://169.254.169.254/",
    "http://2852039166/",
    "http://0xA9FEA9FE/",
    "http://0251.0376.0251.0376/",
    "http://169.254.0x1.1/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::169.254.1.1]/",
    "http://[fe80::1]/",
    "http://[febf:ffff::1]/",
    "http://[fd00:ec2::254]/",
    "http://metadata.google.internal/",
    "http://Metadata.Google.Internal./",
    "ftp://example.com/",
    `https://example.com/${"a".repeat(MAX_WEBHOOK_URL_LENGTH)}`,
  ])("refuses %s", (url) => {
    expect(pathOf(hook(url))).toBe("webhookUrl");
  });
  it.each(["https://hooks.example.com/T0/B0/x", "http://127.0.0.1:9000/hook", "http://[fec0::1]/", "http://169.253.1.1/", "http://10.0.0.1/"])("accepts %s", (url) => {
    expect(pathOf(hook(url))).toBeNull();
  });
  it("never echoes a refused URL's path", () => {
    try {
      parseAlertRule(hook(`https://example.com/secret-${"a".repeat(MAX_WEBHOOK_URL_LENGTH)}`));
    } catch (error) {
      expect((error as Error).message).not.toContain("secret");
    }
  });
  it("checks resolved addresses", () => {
    expect(webhookTargetRefusal("169.254.10.10")).toMatch(/link-local/);
    expect(webhookTargetRefusal("fe80::abcd%eth0")).toMatch(/link-local/);
    expect(webhookTargetRefusal("::ffff:169.254.169.254")).toMatch(/link-local/);
    expect(webhookTargetRefusal("93.184.216.34")).toBeNull();
    expect(webhookTargetRefusal("2606:2800:220:1::")).toBeNull();
  });
  it("redacts to scheme and host", () => {
    expect(redactWebhookUrl("https://user:pw@hooks.example.com:8443/T0/secret?token=1#x")).toBe("https://hooks.example.com:8443/…");
    expect(redactWebhookUrl("not a url")).toBe("…");
  });
});
