/**
 * Puts two symbols' bars side by side by bucket, so a pairs analysis can feed the closes straight into `ols`,
 * `rollingOls` or a backtest: an inner join on buckets where both traded, or a forward fill of the one that did not.
 */
import { InsufficientDataError, InvalidParameterError } from "./errors.js";
/**
 * Aligns the bars of two symbols on their buckets.
 *
 * "inner" is pandas `pd.concat([a.close, b.close], axis=1, join="inner")`; "ffill" is
 * `pd.concat([a.close, b.close], axis=1).ffill().dropna()`, where each input holds only its non-empty buckets (as
 * `toBars` emits them). A bucket in which neither symbol traded brings no new price and is not emitted.
 *
 * @param a bars of the first symbol (the `y` of a regression), sorted by bucket, one bar per bucket
 * @param b bars of the second symbol, same timeframe
 * @param options `{ join = "inner" }`
 * @returns bucket starts, both closes as Float64Arrays, and the bars in effect, row by row
 * @throws {InsufficientDataError} `a` or `b` is empty
 * @throws {InvalidParameterError} a list mixes symbols or timeframes, is not strictly increasing in bucketStart, has
 *   a non-finite close or bucketStart (the message names the list and index), the two timeframes differ, or
 *   `join` is unknown
 * @example
 * const bars = toBars(
 *   [
 *     { symbol: "ETHUSDT", tradeId: 1, price: 2900, qty: 1, isBuyerMaker: false, tradeTime: 0 },
 *     { symbol: "BTCUSDT", tradeId: 7, price: 87000, qty: 1, isBuyerMaker: false, tradeTime: 400 },
 *     { symbol: "BTCUSDT", tradeId: 8, price: 87010, qty: 1, isBuyerMaker: true, tradeTime: 1400 },
 *   ],
 *   "1s",
 * );
 * const eth = bars.filter((bar) => bar.symbol === "ETHUSDT");
 * const btc = bars.filter((bar) => bar.symbol === "BTCUSDT");
 * alignBars(eth, btc, { join: "inner" }).closeA; // Float64Array [2900]
 * alignBars(eth, btc, { join: "ffill" }).closeA; // Float64Array [2900, 2900] (ETH carried into the 1 s bucket)
 */
export function alignBars(a, b, options = {}) {
    const fn = "alignBars";
    const join = options.join ?? "inner";
    if (join !== "inner" && join !== "ffill") {
        throw new InvalidParameterError(fn, "join", `must be "inner" or "ffill", got ${String(join)}`);
    }
    checkBars(fn, "a", a);
    checkBars(fn, "b", b);
    if (a[0].timeframe !== b[0].timeframe) {
        throw new InvalidParameterError(fn, "b", `has timeframe "${b[0].timeframe}" but a has "${a[0].timeframe}"; both must match`);
    }
    const buckets = [];
    const rowsA = [];
    const rowsB = [];
    const fillA = [];
    const fillB = [];
    let i = 0;
    let j = 0;
    let lastA;
    let lastB;
    while (i < a.length || j < b.length) {
        const ta = i < a.length ? a[i].bucketStart : Number.POSITIVE_INFINITY;
        const tb = j < b.length ? b[j].bucketStart : Number.POSITIVE_INFINITY;
        const t = Math.min(ta, tb);
        const hasA = ta === t;
        const hasB = tb === t;
        if (hasA)
            lastA = a[i++];
        if (hasB)
            lastB = b[j++];
        if (join === "inner" ? hasA && hasB : lastA !== undefined && lastB !== undefined) {
            buckets.push(t);
            rowsA.push(lastA);
            rowsB.push(lastB);
            fillA.push(hasA ? 0 : 1);
            fillB.push(hasB ? 0 : 1);
        }
    }
    return {
        symbolA: a[0].symbol,
        symbolB: b[0].symbol,
        timeframe: a[0].timeframe,
        join,
        bucketStart: Float64Array.from(buckets),
        closeA: Float64Array.from(rowsA, (bar) => bar.close),
        closeB: Float64Array.from(rowsB, (bar) => bar.close),
        barsA: rowsA,
        barsB: rowsB,
        filledA: Uint8Array.from(fillA),
        filledB: Uint8Array.from(fillB),
    };
}
function checkBars(fn, name, bars) {
    if (bars.length === 0)
        throw new InsufficientDataError(fn, `aligning bars of ${name}`, 1, 0);
    const { symbol, timeframe } = bars[0];
    for (let k = 0; k < bars.length; k++) {
        const bar = bars[k];
        if (bar.symbol !== symbol) {
            throw new InvalidParameterError(fn, `${name}[${k}].symbol`, `is "${bar.symbol}" but ${name}[0] is "${symbol}"; pass one symbol per list`);
        }
        if (bar.timeframe !== timeframe) {
            throw new InvalidParameterError(fn, `${name}[${k}].timeframe`, `is "${bar.timeframe}" but ${name}[0] is "${timeframe}"`);
        }
        if (!Number.isFinite(bar.bucketStart)) {
            throw new InvalidParameterError(fn, `${name}[${k}].bucketStart`, `is ${bar.bucketStart}; it must be a finite time in ms`);
        }
        if (!Number.isFinite(bar.close)) {
            throw new InvalidParameterError(fn, `${name}[${k}].close`, `is ${bar.close}; it must be a finite price`);
        }
        if (k > 0 && !(bar.bucketStart > bars[k - 1].bucketStart)) {
            throw new InvalidParameterError(fn, `${name}[${k}].bucketStart`, `(${bar.bucketStart}) is not after ${name}[${k - 1}].bucketStart (${bars[k - 1].bucketStart}); bars must be sorted by bucket, one per bucket`);
        }
    }
}
