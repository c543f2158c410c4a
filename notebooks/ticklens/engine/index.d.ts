/**
 * The engine's public face: typed, pure analytics for pairs trading. No I/O; runs in Node, the browser and
 * notebooks. Every numeric function is checked against statsmodels / pandas (see test/fixtures/engine).
 */
export * from "./errors.ts";
export type { Series } from "./validate.ts";
export type { Bar, Trade } from "./types.ts";
export { ols, type OlsOptions, type OlsResult } from "./ols.ts";
export { rollingOls, type RollingOlsResult } from "./rolling-ols.ts";
export { leastSquares, type LeastSquaresResult } from "./least-squares.ts";
export { spread } from "./spread.ts";
export { zScore, rollingZScore } from "./z-score.ts";
export { pearson, rollingCorrelation, correlationMatrix, type CorrelationMatrix } from "./correlation.ts";
export { adfTest, type AdfOptions, type AdfResult, type AdfRegression, type AdfAutolag, type AdfCriticalValues, } from "./adf.ts";
export { engleGranger, type EngleGrangerResult } from "./engle-granger.ts";
export { halfLife, type HalfLifeResult } from "./half-life.ts";
export { mackinnonp, mackinnoncrit, type MacKinnonRegression, type CriticalValueTriple } from "./mackinnon.ts";
export { hedgeRatio, HEDGE_RATIO_METHODS, type HedgeRatioMethod, type HedgeRatioOptions, type HedgeRatioResult, type OlsHedgeRatio, type HuberHedgeRatio, type TheilSenHedgeRatio, type KalmanHedgeRatio, } from "./hedge-ratio.ts";
export { huberRegression, type HuberOptions, type HuberResult } from "./huber.ts";
export { theilSenRegression, type TheilSenOptions, type TheilSenResult } from "./theil-sen.ts";
export { kalmanRegression, type KalmanOptions, type KalmanResult } from "./kalman.ts";
export { parseTimeframe, type Timeframe } from "./timeframe.ts";
export { toBars, InvalidTradeError } from "./bars.ts";
export { alignBars, type AlignBarsOptions, type AlignedBars, type BarJoin } from "./align-bars.ts";
export { vwap } from "./vwap.ts";
export { priceStats, priceStatsFromBars, SECONDS_PER_YEAR, type PriceStats } from "./price-stats.ts";
export { backtestMeanReversion, type MeanReversionOptions, type MeanReversionBacktest, type BacktestTrade, type BacktestSummary, type HedgeMode, } from "./backtest.ts";
export * from "./alerts/index.ts";
