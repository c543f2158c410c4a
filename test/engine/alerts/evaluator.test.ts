import { describe, expect, test } from "vitest";
import { InvalidParameterError } from "../../../src/engine/errors.ts";
import {
  AlertEvaluator,
  InvalidAlertRuleError,
  metricKey,
  parseAlertRule,
  type AlertCondition,
  type AlertRule,
} from "../../../src/engine/alerts/index.ts";

const METRIC = { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 } as const;
const KEY = metricKey(METRIC);

function rule(condition: AlertCondition, extra: Partial<AlertRule> = {}): AlertRule {
  return parseAlertRule({ id: "r", name: "rule", severity: "warning", enabled: true, metric: METRIC, condition, channels: ["dashboard"], ...extra });
}

/** Feeds values one second apart (t = 0, 1000, 2000, …) and returns the times that fired. */
function fireTimes(r: AlertRule, values: readonly number[], times?: readonly number[]): number[] {
  const evaluator = new AlertEvaluator([r]);
  const fired: number[] = [];
  values.forEach((v, i) => {
    for (const e of evaluator.update(KEY, v, times === undefined ? i * 1000 : times[i])) fired.push(e.time);
  });
  return fired;
}

describe("comparison operators fire when the condition becomes true, once per episode", () => {
  const values = [1, 2, 3, 3, 2, 1, 3];
  test.each([
    [">", 2, [2000, 6000]],
    [">=", 2, [1000, 6000]],
    ["<", 2, [0, 5000]],
    ["<=", 2, [0, 4000]],
  ] as const)("%s %d over [1,2,3,3,2,1,3] fires at %j", (op, threshold, expected) => {
    expect(fireTimes(rule({ op, threshold }), values)).toEqual(expected);
  });

  test("absAbove fires on either side; outsideBand fires below low or above high, band edges are inside", () => {
    expect(fireTimes(rule({ op: "absAbove", threshold: 2 }), [0, 2.5, 0, -2.5, -2, -3])).toEqual([1000, 3000, 5000]);
    expect(fireTimes(rule({ op: "outsideBand", low: -1, high: 1 }), [0, 1, 1.1, 0, -1, -1.1, -5, 0.5])).toEqual([2000, 5000]);
  });

  test("events carry rule, value, threshold or band, and a message", () => {
    const evaluator = new AlertEvaluator([rule({ op: ">", threshold: 2 }, { forMs: 2000 })]);
    evaluator.update(KEY, 2.5, 10_000);
    evaluator.update(KEY, 2.6, 11_000);
    const [event] = evaluator.update(KEY, 2.7, 12_000);
    expect(event).toEqual({
      ruleId: "r", name: "rule", severity: "warning", metricKey: KEY, time: 12_000, value: 2.7, threshold: 2, holdingSince: 10_000,
      message: "rule: zScore:ETHUSDT:BTCUSDT:1s:60 = 2.7 > 2 for 2000 ms",
    });
    const band = new AlertEvaluator([rule({ op: "outsideBand", low: -1, high: 1 })]).update(KEY, -3, 0)[0];
    expect(band.band).toEqual({ low: -1, high: 1 });
    expect(band.threshold).toBeUndefined();
    expect(band.message).toBe("rule: zScore:ETHUSDT:BTCUSDT:1s:60 = -3 outside [-1, 1]");
  });
});

describe("crossings fire on the transition only", () => {
  test("crossesAbove needs a ≤ observation first: starting above does not fire", () => {
    expect(fireTimes(rule({ op: "crossesAbove", threshold: 2 }), [3, 3, 2, 2.5, 2.6, 1, 2.1])).toEqual([3000, 6000]);
  });
  test("crossesBelow fires on ≥ to <", () => {
    expect(fireTimes(rule({ op: "crossesBelow", threshold: -2 }), [-3, -2, -2.5, -1, -2.01, -3])).toEqual([2000, 4000]);
  });
  test("a crossing with rearm must first come back to the rearm level", () => {
    // 1.8 is on the quiet side but not at 1.5, so the first cross does not count.
    expect(fireTimes(rule({ op: "crossesAbove", threshold: 2 }, { rearm: 1.5 }), [1.8, 2.1, 1.4, 2.1, 1.9, 2.1, 1.5, 2.2])).toEqual([3000, 7000]);
  });
});

describe("forMs: the condition must hold without a break", () => {
  const r = rule({ op: ">", threshold: 2 }, { forMs: 3000 });
  test("holding for forMs fires at the first observation reaching it", () => {
    expect(fireTimes(r, [3, 3, 3, 3, 3, 3])).toEqual([3000]);
  });
  test("a break restarts the clock", () => {
    expect(fireTimes(r, [3, 3, 3, 1, 3, 3, 3, 3])).toEqual([7000]);
  });
  test("uneven spacing: fires at the first observation with t − start ≥ forMs", () => {
    expect(fireTimes(r, [3, 3, 3], [0, 2999, 4500])).toEqual([4500]);
    expect(fireTimes(r, [3, 3], [100, 3100])).toEqual([3100]);
  });
  test("NaN observations are ignored: they neither break nor extend anything", () => {
    expect(fireTimes(r, [3, Number.NaN, Number.NaN, 3])).toEqual([3000]);
  });
});

describe("cooldown", () => {
  const values = [3, 1, 3, 1, 3, 1, 3, 1, 3];
  test("without cooldown every episode fires", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }), values)).toEqual([0, 2000, 4000, 6000, 8000]);
  });
  test("fires within cooldownMs of the last fire are suppressed (and consumed)", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }, { cooldownMs: 5000 }), values)).toEqual([0, 6000]);
  });
  test("exactly cooldownMs after the last fire is allowed", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }, { cooldownMs: 4000 }), values)).toEqual([0, 4000, 8000]);
  });
  test("a value staying in alert through the cooldown does not fire when it ends", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }, { cooldownMs: 5000 }), [3, 1, 3, 3, 3, 3, 3, 3, 3])).toEqual([0]);
  });
});

describe("hysteresis re-arm", () => {
  const oscillating = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 2.01 : 1.99));
  test("1.99/2.01 oscillation fires once with rearm 1.5", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }, { rearm: 1.5 }), oscillating)).toEqual([0]);
  });
  test("and every time without rearm", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }), oscillating)).toEqual(oscillating.flatMap((v, i) => (v > 2 ? [i * 1000] : [])));
  });
  test("coming back to the rearm level (inclusive) re-arms; the re-arming observation itself does not fire", () => {
    expect(fireTimes(rule({ op: ">", threshold: 2 }, { rearm: 1.5 }), [2.01, 1.99, 1.5, 2.01, 1.4, 2.5])).toEqual([0, 3000, 5000]);
  });
  test("below-type and absAbove rearm mirror it", () => {
    expect(fireTimes(rule({ op: "<", threshold: -2 }, { rearm: -1.5 }), [-2.01, -1.99, -2.01, -1.5, -2.01])).toEqual([0, 4000]);
    expect(fireTimes(rule({ op: "absAbove", threshold: 2 }, { rearm: 1 }), [2.5, -1.5, -2.5, 0.5, -2.5])).toEqual([0, 4000]);
  });
});

describe("routing, enabling and bad observations", () => {
  test("update evaluates every rule on the key and no other", () => {
    const other = parseAlertRule({ id: "p", name: "btc", severity: "critical", enabled: true, metric: { kind: "price", symbol: "BTCUSDT" }, condition: { op: ">", threshold: 0 }, channels: ["sound"] });
    const evaluator = new AlertEvaluator([rule({ op: ">", threshold: 2 }), { ...rule({ op: ">", threshold: 1 }), id: "r2" }, other]);
    expect(evaluator.update(KEY, 1.5, 0).map((e) => e.ruleId)).toEqual(["r2"]);
    expect(evaluator.update(KEY, 2.5, 1000).map((e) => e.ruleId)).toEqual(["r"]);
    expect(evaluator.update("price:BTCUSDT", 87_000, 1000).map((e) => e.ruleId)).toEqual(["p"]);
    expect(evaluator.update("price:ETHUSDT", 3000, 1000)).toEqual([]);
    expect(evaluator.removeRule("r")).toBe(true);
    expect(evaluator.removeRule("r")).toBe(false);
    expect(evaluator.rules().map((x) => x.id)).toEqual(["r2", "p"]);
  });

  test("a disabled rule never fires and keeps its state", () => {
    const evaluator = new AlertEvaluator([rule({ op: ">", threshold: 2 }, { enabled: false })]);
    expect(evaluator.update(KEY, 3, 0)).toEqual([]);
    expect(evaluator.snapshotState().rules.r).toEqual({ armed: true, holdingSince: null, lastFiredAt: null, lastValue: null, lastTime: null });
  });

  test("duplicate ids and malformed typed rules are refused", () => {
    const r = rule({ op: ">", threshold: 2 });
    expect(() => new AlertEvaluator([r, r])).toThrow(InvalidAlertRuleError);
    expect(() => new AlertEvaluator([{ ...r, forMs: -5 }])).toThrow(/forMs/);
  });

  test("non-finite time, infinite value, and time going backwards throw InvalidParameterError naming the parameter", () => {
    const evaluator = new AlertEvaluator([rule({ op: ">", threshold: 2 })]);
    evaluator.update(KEY, 1, 5000);
    expect(() => evaluator.update(KEY, 1, Number.NaN)).toThrow(InvalidParameterError);
    expect(() => evaluator.update(KEY, Number.POSITIVE_INFINITY, 6000)).toThrow(/value/);
    expect(() => evaluator.update(KEY, 1, 4999)).toThrow(/timeMs 4999 is earlier/);
    expect(evaluator.update(KEY, 3, 5000)).toHaveLength(1);
  });
});

describe("snapshotState / restoreState", () => {
  // Deterministic path with episodes, holds and cooldowns: a sine with a slow drift, sampled each second.
  const values = Array.from({ length: 400 }, (_, i) => 2.4 * Math.sin(i / 7) + 0.3 * Math.sin(i / 2.3));
  const rules = [
    rule({ op: ">", threshold: 2 }, { forMs: 2000, cooldownMs: 30_000, rearm: 1 }),
    { ...rule({ op: "crossesBelow", threshold: -1.5 }), id: "x" },
    { ...rule({ op: "absAbove", threshold: 2.2 }, { forMs: 1000 }), id: "a" },
  ];

  function run(evaluator: AlertEvaluator, from: number, to: number): string[] {
    const out: string[] = [];
    for (let i = from; i < to; i++) for (const e of evaluator.update(KEY, values[i], i * 1000)) out.push(`${e.ruleId}@${e.time}`);
    return out;
  }

  test.each([37, 150, 211, 399])("restoring a JSON snapshot taken at step %d reproduces every later fire", (cut) => {
    const reference = new AlertEvaluator(rules);
    const all = run(reference, 0, values.length);
    expect(all.length).toBeGreaterThan(10);

    const before = new AlertEvaluator(rules);
    const head = run(before, 0, cut);
    const saved = JSON.parse(JSON.stringify(before.snapshotState()));
    const after = new AlertEvaluator(rules);
    after.restoreState(saved);
    expect([...head, ...run(after, cut, values.length)]).toEqual(all);
  });

  test("the state matters: a fresh evaluator from step 211 on fires differently", () => {
    const all = run(new AlertEvaluator(rules), 0, values.length);
    const head = run(new AlertEvaluator(rules), 0, 211);
    expect([...head, ...run(new AlertEvaluator(rules), 211, values.length)]).not.toEqual(all);
  });

  test("rules missing from the snapshot restart fresh; unknown ids are ignored", () => {
    const evaluator = new AlertEvaluator([rules[0]]);
    evaluator.update(KEY, 3, 0);
    evaluator.restoreState({ version: 1, rules: { gone: { armed: false, holdingSince: null, lastFiredAt: 1, lastValue: 1, lastTime: 1 } } });
    expect(evaluator.snapshotState().rules.r).toEqual({ armed: true, holdingSince: null, lastFiredAt: null, lastValue: null, lastTime: null });
  });

  test("a malformed snapshot throws InvalidParameterError naming the field, and changes nothing", () => {
    const evaluator = new AlertEvaluator([rules[0]]);
    evaluator.update(KEY, 3, 0);
    const before = evaluator.snapshotState();
    const bad = (state: unknown, field: string): void => {
      expect(() => evaluator.restoreState(state as never)).toThrow(InvalidParameterError);
      expect(() => evaluator.restoreState(state as never)).toThrow(field);
    };
    bad({ version: 2, rules: {} }, "state.version");
    bad({ version: 1 }, "state.rules");
    bad({ version: 1, rules: { r: { ...before.rules.r, armed: "yes" } } }, "state.rules.r.armed");
    bad({ version: 1, rules: { r: { ...before.rules.r, holdingSince: "0" } } }, "state.rules.r.holdingSince");
    bad({ version: 1, rules: { r: { ...before.rules.r, lastTime: Number.NaN } } }, "state.rules.r.lastTime");
    expect(evaluator.snapshotState()).toEqual(before);
  });
});
