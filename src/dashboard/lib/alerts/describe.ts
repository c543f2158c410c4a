/**
 * Rules in words for the rules list: what is watched ("z-score of ETHUSDT on BTCUSDT, 60 × 1s bars"), when it is in
 * alert ("crosses above 2"), and its timing ("hold 10 s · cooldown 1 min · re-arm at 1.5").
 */
import type { AlertCondition, AlertMetric, AlertRule } from "../../../engine/index.ts";
import { formatNumber } from "../common/ui.ts";

const METRIC_NAMES: Readonly<Record<AlertMetric["kind"], string>> = {
  price: "price",
  changePct: "change %",
  volume: "volume",
  vwapDeviationPct: "VWAP deviation %",
  spread: "spread",
  zScore: "z-score",
  correlation: "correlation",
  hedgeRatio: "hedge ratio",
  adfPValue: "ADF p-value",
};

/** e.g. "price of BTCUSDT", "change % of BTCUSDT over 1 min", "z-score of ETHUSDT on BTCUSDT, 60 × 1s bars". */
export function describeMetric(m: AlertMetric): string {
  const name = METRIC_NAMES[m.kind];
  if ("a" in m) return `${name} of ${m.a} on ${m.b}, ${m.window} × ${m.timeframe} bars`;
  if ("windowMs" in m) return `${name} of ${m.symbol} over ${duration(m.windowMs)}`;
  return `${name} of ${m.symbol}`;
}

/** e.g. "> 2", "crosses above 87,000", "|value| > 3", "outside [−1, 1]". */
export function describeCondition(c: AlertCondition): string {
  switch (c.op) {
    case "outsideBand":
      return `outside [${formatNumber(c.low)}, ${formatNumber(c.high)}]`;
    case "absAbove":
      return `|value| > ${formatNumber(c.threshold)}`;
    case "crossesAbove":
      return `crosses above ${formatNumber(c.threshold)}`;
    case "crossesBelow":
      return `crosses below ${formatNumber(c.threshold)}`;
    default:
      return `${c.op} ${formatNumber(c.threshold)}`;
  }
}

/** The optional timing of a rule, or "" when it has none. */
export function describeTiming(rule: AlertRule): string {
  const parts: string[] = [];
  if (rule.forMs) parts.push(`hold ${duration(rule.forMs)}`);
  if (rule.cooldownMs) parts.push(`cooldown ${duration(rule.cooldownMs)}`);
  if (rule.rearm !== undefined) parts.push(`re-arm at ${formatNumber(rule.rearm)}`);
  return parts.join(" · ");
}

/** A duration in the largest unit it fills: "500 ms", "10 s", "5 min", "2 h". */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${formatNumber(ms / 1000)} s`;
  if (ms < 3_600_000 || ms % 3_600_000 !== 0) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}
