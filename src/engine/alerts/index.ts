/**
 * Public face of the alert rule engine: rule shape and validation, the incremental evaluator, and what-if replay.
 */
export {
  parseAlertRule,
  metricKey,
  InvalidAlertRuleError,
  type AlertRule,
  type AlertSeverity,
  type AlertChannel,
  type AlertMetric,
  type PriceMetric,
  type WindowedMetric,
  type WindowedMetricKind,
  type PairMetric,
  type PairMetricKind,
  type AlertCondition,
  type ComparisonCondition,
  type CrossingCondition,
  type AbsAboveCondition,
  type OutsideBandCondition,
} from "./rule.ts";
export { AlertEvaluator, type AlertEvent, type AlertRuleState, type AlertEvaluatorState } from "./evaluator.ts";
export { backtestAlertRule, type AlertSeries } from "./what-if.ts";
