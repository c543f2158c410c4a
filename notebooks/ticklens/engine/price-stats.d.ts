import { type Timeframe } from "./timeframe.ts";
import type { Bar } from "./types.ts";
import { type Series } from "./validate.ts";
/** Crypto trades every day of the year: a year is 365 days of 86,400 s (no 252-day equity calendar). */
export declare const SECONDS_PER_YEAR: number;
/** What `priceStats` reports about a series of closes. */
export interface PriceStats {
    /** First close. */
    readonly first: number;
    /** Last close. */
    readonly last: number;
    /** last − first, quote currency. */
    readonly change: number;
    /** 100 · (last − first) / first, percent. */
    readonly changePct: number;
    /** Highest close. */
    readonly high: number;
    /** Lowest close. */
    readonly low: number;
    /** Arithmetic mean of the closes. */
    readonly mean: number;
    /** Sample standard deviation (ddof 1) of the log returns ln(close[i] / close[i−1]), per bar. */
    readonly stdLogReturns: number;
    /** stdLogReturns · √periodsPerYear: the per-bar volatility scaled to a 365-day year. */
    readonly annualisedVolatility: number;
    /** Bars in a 365-day year for this timeframe (SECONDS_PER_YEAR / bar seconds). */
    readonly periodsPerYear: number;
    /** Number of closes. */
    readonly count: number;
}
/**
 * Statistics of consecutive closes of one timeframe. Each return is taken between neighbouring values, so a
 * series with missing buckets (no trade) spans more than one bar per return there and its per-bar volatility
 * is overstated; align or fill the bars first if that matters.
 *
 * Log returns are computed as log1p((c[i] − c[i−1]) / c[i−1]): `np.diff(np.log(c))` subtracts two logs near
 * 11.4 for a BTC price and loses ~9 digits of a 1 s return; this keeps them.
 *
 * @param closes prices, each > 0, at least 3 (two returns for a sample std)
 * @param timeframe bar length of the closes, e.g. `"1s"`, `"1m"`, or a parsed {@link Timeframe}
 * @returns first, last, change, range, mean and log-return volatility
 * @throws {NonFiniteValueError} a close is NaN or ±Infinity (the index is named)
 * @throws {InvalidParameterError} a close is ≤ 0 (parameter `closes[i]`), or the timeframe is not a bar length
 * @throws {InsufficientDataError} fewer than 3 closes
 * @example
 * const s = priceStats([100, 101, 100, 102], "1h");
 * s.changePct; // 2
 * s.annualisedVolatility; // ≈ 1.4186 (= s.stdLogReturns · √8760)
 */
export declare function priceStats(closes: Series, timeframe: string | Timeframe): PriceStats;
/**
 * {@link priceStats} of the closes of one symbol's bars, with the bars' own timeframe.
 *
 * @param bars bars of one symbol and one timeframe, in time order, at least 3
 * @returns as {@link priceStats}
 * @throws {InvalidParameterError} the bars mix symbols or timeframes (parameter `bars[i].symbol` /
 *   `bars[i].timeframe`), or a close is ≤ 0
 * @throws {NonFiniteValueError} a close is NaN or ±Infinity (argument `closes`, the bar's index)
 * @throws {InsufficientDataError} fewer than 3 bars
 * @example
 * const trade = (price: number, tradeTime: number) =>
 *   ({ symbol: "BTCUSDT", tradeId: tradeTime, price, qty: 1, isBuyerMaker: false, tradeTime });
 * priceStatsFromBars(toBars([trade(100, 0), trade(101, 60_000), trade(100, 120_000)], "1m")).high; // 101
 */
export declare function priceStatsFromBars(bars: readonly Bar[]): PriceStats;
