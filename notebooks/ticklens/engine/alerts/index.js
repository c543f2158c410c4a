/**
 * Public face of the alert rule engine: rule shape and validation, the incremental evaluator, the
 * metric feed that drives it from trades, and what-if replay.
 */
export { parseAlertRule, metricKey, InvalidAlertRuleError, } from "./rule.js";
export { AlertEvaluator } from "./evaluator.js";
export { backtestAlertRule, replayAlertRule } from "./what-if.js";
export { AlertFeed } from "./alert-feed.js";
export { TradeWindow } from "./trade-window.js";
export { PairBarAligner } from "./pair-bar-aligner.js";
export { pairWindowMetric, pairMetricSeries, PairCloses } from "./pair-window.js";
