/**
 * Public face of the alert rule engine: rule shape (one zod schema, its option lists) and validation, the incremental evaluator, the
 * metric feed that drives it from trades, and what-if replay.
 */
export {
  parseAlertRule,
  alertRuleError,
  metricKey,
  InvalidAlertRuleError,
  ALERT_SEVERITIES,
  ALERT_CHANNELS,
  WINDOWED_METRIC_KINDS,
  PAIR_METRIC_KINDS,
  ALERT_METRIC_KINDS,
  COMPARISON_OPS,
  CROSSING_OPS,
  BAND_OPS,
  ALERT_CONDITION_OPS,
  MIN_RULE_WINDOW_BARS,
  MAX_RULE_WINDOW_BARS,
  MAX_RULE_DURATION_MS,
  MAX_RULE_LEVEL,
  MAX_WEBHOOK_URL_LENGTH,
  webhookTargetRefusal,
  redactWebhookUrl,
  alertRuleSchema,
  alertRuleFieldsSchema,
  alertRuleDraftSchema,
  alertRuleOrDraftSchema,
  alertMetricSchema,
  priceMetricSchema,
  windowedMetricSchema,
  pairMetricSchema,
  alertConditionSchema,
  comparisonConditionSchema,
  crossingConditionSchema,
  absAboveConditionSchema,
  outsideBandConditionSchema,
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
export { backtestAlertRule, replayAlertRule, type AlertSeries } from "./what-if.ts";
export { AlertFeed, type AlertFeedOptions, type AlertFeedStats } from "./alert-feed.ts";
export { TradeWindow } from "./trade-window.ts";
export { PairBarAligner, type AlignedClose } from "./pair-bar-aligner.ts";
export { pairWindowMetric, pairMetricSeries, PairCloses } from "./pair-window.ts";
