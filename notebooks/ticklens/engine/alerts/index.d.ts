/**
 * Public face of the alert rule engine: rule shape and validation, the incremental evaluator, the
 * metric feed that drives it from trades, and what-if replay.
 */
export { parseAlertRule, metricKey, InvalidAlertRuleError, type AlertRule, type AlertSeverity, type AlertChannel, type AlertMetric, type PriceMetric, type WindowedMetric, type WindowedMetricKind, type PairMetric, type PairMetricKind, type AlertCondition, type ComparisonCondition, type CrossingCondition, type AbsAboveCondition, type OutsideBandCondition, } from "./rule.ts";
export { AlertEvaluator, type AlertEvent, type AlertRuleState, type AlertEvaluatorState } from "./evaluator.ts";
export { backtestAlertRule, replayAlertRule, type AlertSeries } from "./what-if.ts";
export { AlertFeed, type AlertFeedOptions, type AlertFeedStats } from "./alert-feed.ts";
export { TradeWindow } from "./trade-window.ts";
export { PairBarAligner, type AlignedClose } from "./pair-bar-aligner.ts";
export { pairWindowMetric, pairMetricSeries, PairCloses } from "./pair-window.ts";
