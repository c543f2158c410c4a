/**
 * The engine's public face: typed, pure analytics for pairs trading. No I/O; runs in Node, the browser and
 * notebooks. Every numeric function is checked against statsmodels / pandas (see test/fixtures/engine).
 */
export * from "./errors.js";
export { ols } from "./ols.js";
export { rollingOls } from "./rolling-ols.js";
export { leastSquares } from "./least-squares.js";
export { spread } from "./spread.js";
export { zScore, rollingZScore } from "./z-score.js";
export { pearson, rollingCorrelation, correlationMatrix } from "./correlation.js";
export { adfTest, } from "./adf.js";
export { engleGranger } from "./engle-granger.js";
export { halfLife } from "./half-life.js";
export { mackinnonp, mackinnoncrit } from "./mackinnon.js";
export { hedgeRatio, HEDGE_RATIO_METHODS, } from "./hedge-ratio.js";
export { huberRegression } from "./huber.js";
export { theilSenRegression } from "./theil-sen.js";
export { kalmanRegression } from "./kalman.js";
export { parseTimeframe } from "./timeframe.js";
export { toBars, InvalidTradeError } from "./bars.js";
export { alignBars } from "./align-bars.js";
export { vwap } from "./vwap.js";
export { priceStats, priceStatsFromBars, SECONDS_PER_YEAR } from "./price-stats.js";
export { backtestMeanReversion, } from "./backtest.js";
// Alert rules: parsing, the incremental evaluator and what-if backtests.
export * from "./alerts/index.js";
