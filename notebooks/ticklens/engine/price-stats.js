/**
 * Summary statistics of a price series over a window of bars: first/last, change, range, mean, and the
 * volatility of log returns, per bar and annualised.
 */
import { InvalidParameterError } from "./errors.js";
import { mean } from "./ols.js";
import { parseTimeframe } from "./timeframe.js";
import { finiteSeries, requireLength } from "./validate.js";
/** Crypto trades every day of the year: a year is 365 days of 86,400 s (no 252-day equity calendar). */
export const SECONDS_PER_YEAR = 365 * 86_400;
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
export function priceStats(closes, timeframe) {
    return computeStats("priceStats", closes, parseTimeframe(timeframe));
}
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
export function priceStatsFromBars(bars) {
    const fn = "priceStatsFromBars";
    requireLength(fn, "a sample std of log returns", bars.length, 3);
    const { symbol, timeframe } = bars[0];
    for (let i = 1; i < bars.length; i++) {
        if (bars[i].symbol !== symbol) {
            throw new InvalidParameterError(fn, `bars[${i}].symbol`, `is "${bars[i].symbol}" but bars[0] is "${symbol}"; pass one symbol`);
        }
        if (bars[i].timeframe !== timeframe) {
            throw new InvalidParameterError(fn, `bars[${i}].timeframe`, `is "${bars[i].timeframe}" but bars[0] is "${timeframe}"`);
        }
    }
    return computeStats(fn, Float64Array.from(bars, (bar) => bar.close), parseTimeframe(timeframe));
}
function computeStats(fn, closes, tf) {
    const c = finiteSeries(fn, "closes", closes);
    const n = c.length;
    requireLength(fn, "a sample std of log returns", n, 3);
    let high = c[0];
    let low = c[0];
    for (let i = 0; i < n; i++) {
        if (!(c[i] > 0))
            throw new InvalidParameterError(fn, `closes[${i}]`, `is ${c[i]}; prices must be > 0 for log returns`);
        if (c[i] > high)
            high = c[i];
        if (c[i] < low)
            low = c[i];
    }
    const returns = new Float64Array(n - 1);
    for (let i = 1; i < n; i++)
        returns[i - 1] = Math.log1p((c[i] - c[i - 1]) / c[i - 1]);
    const m = mean(returns);
    let ss = 0;
    for (let i = 0; i < returns.length; i++)
        ss += (returns[i] - m) * (returns[i] - m);
    const stdLogReturns = Math.sqrt(ss / (returns.length - 1));
    const periodsPerYear = SECONDS_PER_YEAR / tf.seconds;
    const first = c[0];
    const last = c[n - 1];
    return {
        first,
        last,
        change: last - first,
        changePct: (100 * (last - first)) / first,
        high,
        low,
        mean: mean(c),
        stdLogReturns,
        annualisedVolatility: stdLogReturns * Math.sqrt(periodsPerYear),
        periodsPerYear,
        count: n,
    };
}
