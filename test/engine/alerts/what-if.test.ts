import { beforeAll, describe, expect, test } from "vitest";
import { InvalidParameterError, LengthMismatchError, NonFiniteValueError } from "../../../src/engine/errors.ts";
import { alignBars, hedgeRatio, rollingZScore, spread, toBars } from "../../../src/engine/index.ts";
import { backtestAlertRule, InvalidAlertRuleError, parseAlertRule, type AlertRule } from "../../../src/engine/alerts/index.ts";
import { futuresCaptureTrades } from "../../helpers/capture-trades.ts";
import { FUTURES_CAPTURE } from "../../helpers/paths.ts";

const METRIC = { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 } as const;

function rule(extra: Record<string, unknown>): AlertRule {
  return parseAlertRule({ id: "z", name: "ETH/BTC z", severity: "warning", enabled: true, metric: METRIC, channels: ["dashboard"], ...extra });
}

/**
 * An independent, deliberately plain reading of the rule semantics, written as an episode scan over the arrays:
 * find where the value enters alert with the rule "ready", walk forward while it stays in alert until forMs has
 * elapsed, then apply the cooldown, then skip to where it comes back to the re-arm level.
 */
function referenceFireTimes(
  time: Float64Array,
  value: Float64Array,
  isAlert: (v: number) => boolean,
  isRearm: (v: number) => boolean,
  startReady: boolean,
  forMs: number,
  cooldownMs: number,
): number[] {
  const fires: number[] = [];
  let lastFire = Number.NEGATIVE_INFINITY;
  let ready = startReady;
  let i = 0;
  const next = (from: number): number => {
    let j = from;
    while (j < value.length && Number.isNaN(value[j])) j++;
    return j;
  };
  i = next(0);
  while (i < value.length) {
    if (!ready) {
      if (isRearm(value[i])) ready = true;
      i = next(i + 1);
      continue;
    }
    if (!isAlert(value[i])) {
      i = next(i + 1);
      continue;
    }
    const start = time[i];
    let j = i;
    while (j < value.length && isAlert(value[j]) && time[j] - start < forMs) j = next(j + 1);
    if (j >= value.length) break;
    if (!isAlert(value[j])) {
      i = j; // the run broke before forMs: this observation is quiet, look again from it
      continue;
    }
    if (time[j] - lastFire >= cooldownMs) {
      fires.push(time[j]);
      lastFire = time[j];
    }
    ready = false;
    i = next(j + 1);
  }
  return fires;
}

describe("backtestAlertRule on the real ETH/BTC 1 s rolling z-score (futures capture 2025-12-16)", () => {
  let time: Float64Array;
  let z: Float64Array;

  beforeAll(() => {
    const bars = toBars(futuresCaptureTrades(FUTURES_CAPTURE), "1s");
    const aligned = alignBars(
      bars.filter((b) => b.symbol === "ETHUSDT"),
      bars.filter((b) => b.symbol === "BTCUSDT"),
      { join: "inner" },
    );
    const { alpha, beta } = hedgeRatio(aligned.closeA, aligned.closeB, { method: "ols" });
    time = aligned.bucketStart;
    z = rollingZScore(spread(aligned.closeA, aligned.closeB, beta, alpha), 60);
  });

  test("the series is the expected real one: 839 aligned buckets, 59 NaN warm-up values", () => {
    expect(time.length).toBe(839);
    expect(z.findIndex((v) => !Number.isNaN(v))).toBe(59);
  });

  const cases: { label: string; extra: Record<string, unknown>; alert: (v: number) => boolean; rearm: (v: number) => boolean; startReady: boolean }[] = [
    { label: "z > 2", extra: { condition: { op: ">", threshold: 2 } }, alert: (v) => v > 2, rearm: (v) => !(v > 2), startReady: true },
    { label: "z > 2 for 3 s, rearm 1.5", extra: { condition: { op: ">", threshold: 2 }, forMs: 3000, rearm: 1.5 }, alert: (v) => v > 2, rearm: (v) => v <= 1.5, startReady: true },
    { label: "z >= 1.8, cooldown 60 s", extra: { condition: { op: ">=", threshold: 1.8 }, cooldownMs: 60_000 }, alert: (v) => v >= 1.8, rearm: (v) => v < 1.8, startReady: true },
    { label: "z < -2", extra: { condition: { op: "<", threshold: -2 } }, alert: (v) => v < -2, rearm: (v) => v >= -2, startReady: true },
    { label: "z <= -1.5 for 2 s", extra: { condition: { op: "<=", threshold: -1.5 }, forMs: 2000 }, alert: (v) => v <= -1.5, rearm: (v) => v > -1.5, startReady: true },
    { label: "|z| > 2, rearm 1, cooldown 20 s", extra: { condition: { op: "absAbove", threshold: 2 }, rearm: 1, cooldownMs: 20_000 }, alert: (v) => Math.abs(v) > 2, rearm: (v) => Math.abs(v) <= 1, startReady: true },
    { label: "z crosses above 1.5", extra: { condition: { op: "crossesAbove", threshold: 1.5 } }, alert: (v) => v > 1.5, rearm: (v) => v <= 1.5, startReady: false },
    { label: "z crosses below -1.5, rearm 0", extra: { condition: { op: "crossesBelow", threshold: -1.5 }, rearm: 0 }, alert: (v) => v < -1.5, rearm: (v) => v >= 0, startReady: false },
    { label: "z outside [-1.8, 1.8] for 1 s", extra: { condition: { op: "outsideBand", low: -1.8, high: 1.8 }, forMs: 1000 }, alert: (v) => v < -1.8 || v > 1.8, rearm: (v) => v >= -1.8 && v <= 1.8, startReady: true },
  ];

  test.each(cases)("$label: fire times equal the plain episode scan", ({ extra, alert, rearm, startReady }) => {
    const r = rule(extra);
    const events = backtestAlertRule(r, { time, value: z });
    const expected = referenceFireTimes(time, z, alert, rearm, startReady, r.forMs ?? 0, r.cooldownMs ?? 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(events.map((e) => e.time)).toEqual(expected);
    for (const e of events) expect(e.value).toBe(z[time.indexOf(e.time)]);
  });

  test("hysteresis matters on the real series: rearm 1.5 fires less often than plain re-arming", () => {
    const plain = backtestAlertRule(rule({ condition: { op: ">", threshold: 1.5 } }), { time, value: z }).length;
    const hyst = backtestAlertRule(rule({ condition: { op: ">", threshold: 1.5 }, rearm: 0 }), { time, value: z }).length;
    expect(hyst).toBeLessThan(plain);
  });

  test("a disabled rule is replayed as if enabled", () => {
    const on = backtestAlertRule(rule({ condition: { op: ">", threshold: 2 } }), { time, value: z });
    const off = backtestAlertRule(rule({ condition: { op: ">", threshold: 2 }, enabled: false }), { time, value: z });
    expect(off).toEqual(on);
  });
});

describe("backtestAlertRule refuses bad input", () => {
  const r = (): AlertRule => rule({ condition: { op: ">", threshold: 2 } });
  test("length mismatch", () => {
    expect(() => backtestAlertRule(r(), { time: [0, 1], value: [1] })).toThrow(LengthMismatchError);
  });
  test("a non-finite time or an infinite value names the index", () => {
    expect(() => backtestAlertRule(r(), { time: [0, Number.NaN], value: [1, 1] })).toThrow(NonFiniteValueError);
    expect(() => backtestAlertRule(r(), { time: [0, Number.NaN], value: [1, 1] })).toThrow("series.time[1]");
    expect(() => backtestAlertRule(r(), { time: [0, 1, 2], value: [1, 1, Number.NEGATIVE_INFINITY] })).toThrow("series.value[2]");
  });
  test("decreasing time names the index", () => {
    expect(() => backtestAlertRule(r(), { time: [0, 2, 1], value: [1, 1, 1] })).toThrow(InvalidParameterError);
    expect(() => backtestAlertRule(r(), { time: [0, 2, 1], value: [1, 1, 1] })).toThrow("[2] = 1 < [1] = 2");
  });
  test("a malformed rule", () => {
    expect(() => backtestAlertRule({ ...r(), cooldownMs: -1 }, { time: [0], value: [1] })).toThrow(InvalidAlertRuleError);
  });
});
