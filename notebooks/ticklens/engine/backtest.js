/**
 * Bar-by-bar backtest of the classic z-score mean-reversion rule on a pair's spread, without look-ahead: every
 * decision at bar t uses data up to t only, and earns from t to t + 1.
 */
import { InvalidParameterError, ZeroVarianceError } from "./errors.js";
import { ols } from "./ols.js";
import { isConstant, rollingOls } from "./rolling-ols.js";
import { rollingZScore } from "./z-score.js";
import { finitePair, requireLength, requireWindow } from "./validate.js";
/**
 * Backtests z-score mean reversion on the spread y − beta·x, one unit of y against beta units of x.
 *
 * Timing (no look-ahead). At each bar t, with the close of t known:
 * 1. beta_t comes from bars ≤ t (see {@link HedgeMode}; a rolling window in which x does not move has no slope,
 *    and the last defined beta is kept);
 * 2. spread_t = y_t − beta_t·x_t, and z_t = (spread_t − mean) / std over spreads t − window + 1 … t (ddof 1);
 * 3. the rule below sets positions[t], traded at the close of t and held until the close of t + 1;
 * 4. bar t + 1 earns positions[t]·(Δy − beta_t·Δx): holdings are 1 y and −beta x per unit of position,
 *    re-hedged to the new beta at each close while open.
 *
 * The rule, one change per bar at most (a position closed at t can re-open at t + 1 at the earliest):
 * - flat: short the spread when entryZ < z ≤ stopZ, long when −stopZ ≤ z < −entryZ;
 * - short: stop when z > stopZ, else exit when z < exitZ (an overshoot past zero also exits);
 *   long: stop when z < −stopZ, else exit when z > −exitZ;
 * - after a stop, no new entry on the same side until a bar at which that side's entry condition fails
 *   (z ≤ entryZ after a short stop, z ≥ −entryZ after a long one): the spread must come back inside entryZ;
 * - a NaN z (warm-up, or a window in which the spread did not move) changes nothing.
 * A position still open at the last bar is reported as a trade with reason "end", marked to market, no exit fee.
 *
 * Fees: feeBps / 10⁴ × traded notional, where at the close of t the traded notional is
 * |Δ(y units)|·y_t + |Δ(x units)|·x_t: entry and exit trade both legs, and a rolling beta's re-hedge trades x.
 *
 * @param y leg bought when the spread is long, e.g. closes of ETHUSDT
 * @param x hedge leg, same length, e.g. closes of BTCUSDT
 * @param options `{ window, entryZ = 2, exitZ = 0.5, stopZ = Infinity, hedge = "rolling", feeBps = 0 }`
 * @returns per-bar beta, spread, z-score, positions, pnl, equity and fees, the trade list and a summary
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InvalidParameterError} window not a whole number ≥ 3 (rolling hedge) or ≥ 2; entryZ not > 0; exitZ
 *   outside [0, entryZ); stopZ not > entryZ; feeBps not a finite number ≥ 0; hedge not "rolling", "static" or a
 *   finite number
 * @throws {InsufficientDataError} fewer bars than the window, or than 2·window − 1 with a rolling hedge (its
 *   z-score needs `window` defined spreads; more if x is flat at the start, which delays the first beta)
 * @throws {ZeroVarianceError} x never moves, so no regression hedge ratio exists ("rolling" or "static")
 * @example
 * const x = Array.from({ length: 300 }, (_, i) => 100 + Math.sin(i / 7) * 5 + i * 0.01);
 * const y = x.map((v, i) => 1.5 * v + Math.sin(i / 3));
 * const run = backtestMeanReversion(y, x, { window: 30, entryZ: 1.5, exitZ: 0.25, stopZ: 4 });
 * run.summary.tradeCount; // number of round trips
 * run.equity[run.equity.length - 1] === run.summary.totalPnl; // true
 */
export function backtestMeanReversion(y, x, options) {
    const fn = "backtestMeanReversion";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const n = ys.length;
    const opts = checkOptions(fn, options, n);
    const { window, entryZ, exitZ, stopZ, hedge } = opts;
    const beta = hedgeRatios(fn, ys, xs, window, hedge);
    const spread = new Float64Array(n);
    for (let t = 0; t < n; t++)
        spread[t] = ys[t] - beta[t] * xs[t];
    const z = rollingZScore(spread, window);
    const positions = new Int8Array(n);
    const pnl = new Float64Array(n);
    const fees = new Float64Array(n);
    const trades = [];
    const feeRate = opts.feeBps / 10_000;
    let pos = 0;
    let blockShort = false;
    let blockLong = false;
    let open;
    for (let t = 0; t < n; t++) {
        const zt = z[t];
        let next = pos;
        let reason;
        if (!Number.isNaN(zt)) {
            if (blockShort && !(zt > entryZ))
                blockShort = false;
            if (blockLong && !(zt < -entryZ))
                blockLong = false;
            if (pos === -1) {
                if (zt > stopZ) {
                    next = 0;
                    reason = "stop";
                    blockShort = true;
                }
                else if (zt < exitZ) {
                    next = 0;
                    reason = "exit";
                }
            }
            else if (pos === 1) {
                if (zt < -stopZ) {
                    next = 0;
                    reason = "stop";
                    blockLong = true;
                }
                else if (zt > -exitZ) {
                    next = 0;
                    reason = "exit";
                }
            }
            else if (zt > entryZ && zt <= stopZ && !blockShort) {
                next = -1;
            }
            else if (zt < -entryZ && zt >= -stopZ && !blockLong) {
                next = 1;
            }
        }
        positions[t] = next;
        const prev = t > 0 ? positions[t - 1] : 0;
        const gross = prev === 0 ? 0 : prev * (ys[t] - ys[t - 1] - beta[t - 1] * (xs[t] - xs[t - 1]));
        const xPrev = prev === 0 ? 0 : -prev * beta[t - 1];
        const xNow = next === 0 ? 0 : -next * beta[t];
        const fee = feeRate * (Math.abs(next - prev) * ys[t] + Math.abs(xNow - xPrev) * xs[t]);
        fees[t] = fee;
        pnl[t] = gross - fee;
        if (open !== undefined)
            open.pnl += pnl[t];
        if (pos === 0 && next !== 0) {
            open = { entryIndex: t, side: next === 1 ? "long" : "short", entryZ: zt, pnl: pnl[t] };
        }
        else if (open !== undefined && reason !== undefined) {
            trades.push({ ...open, exitIndex: t, exitZ: zt, reason });
            open = undefined;
        }
        pos = next;
    }
    if (open !== undefined)
        trades.push({ ...open, exitIndex: n - 1, exitZ: z[n - 1], reason: "end" });
    const equity = new Float64Array(n);
    let total = 0;
    for (let t = 0; t < n; t++) {
        total += pnl[t];
        equity[t] = total;
    }
    return { beta, spread, zScore: z, positions, pnl, equity, fees, trades, summary: summarise(z, pnl, equity, fees, trades) };
}
function checkOptions(fn, options, n) {
    const hedge = options.hedge ?? "rolling";
    if (hedge !== "rolling" && hedge !== "static" && !(typeof hedge === "number" && Number.isFinite(hedge))) {
        throw new InvalidParameterError(fn, "hedge", `must be "rolling", "static" or a finite number, got ${String(hedge)}`);
    }
    const window = options.window;
    requireWindow(fn, window, n, hedge === "rolling" ? 3 : 2);
    // The rolling beta is NaN for window − 1 bars, and the z-score then needs window defined spreads.
    if (hedge === "rolling")
        requireLength(fn, `a rolling hedge ratio and z-score over ${window} bars`, n, 2 * window - 1);
    const entryZ = options.entryZ ?? 2;
    const exitZ = options.exitZ ?? 0.5;
    const stopZ = options.stopZ ?? Number.POSITIVE_INFINITY;
    const feeBps = options.feeBps ?? 0;
    if (typeof entryZ !== "number" || !Number.isFinite(entryZ) || entryZ <= 0) {
        throw new InvalidParameterError(fn, "entryZ", `must be a finite number > 0, got ${entryZ}`);
    }
    if (typeof exitZ !== "number" || !Number.isFinite(exitZ) || exitZ < 0 || exitZ >= entryZ) {
        throw new InvalidParameterError(fn, "exitZ", `must be a finite number with 0 <= exitZ < entryZ (${entryZ}), got ${exitZ}`);
    }
    if (typeof stopZ !== "number" || Number.isNaN(stopZ) || stopZ <= entryZ) {
        throw new InvalidParameterError(fn, "stopZ", `must be > entryZ (${entryZ}) or Infinity for no stop, got ${stopZ}`);
    }
    if (typeof feeBps !== "number" || !Number.isFinite(feeBps) || feeBps < 0) {
        throw new InvalidParameterError(fn, "feeBps", `must be a finite number >= 0, got ${feeBps}`);
    }
    return { window, entryZ, exitZ, stopZ, hedge, feeBps };
}
function hedgeRatios(fn, ys, xs, window, hedge) {
    const n = ys.length;
    if (typeof hedge === "number")
        return new Float64Array(n).fill(hedge);
    if (isConstant(xs))
        throw new ZeroVarianceError(fn, "x");
    if (hedge === "static") {
        requireLength(fn, "a full-sample hedge regression", n, 3);
        return new Float64Array(n).fill(ols(ys, xs).beta);
    }
    const beta = rollingOls(ys, xs, window).beta;
    // A window in which x is flat has no slope; keep the last hedge rather than stop trading (pandas ffill).
    for (let t = window; t < n; t++)
        if (Number.isNaN(beta[t]))
            beta[t] = beta[t - 1];
    // If x starts flat, the warm-up lasts longer, and the z-score still needs `window` spreads after it.
    let warmUp = 0;
    while (warmUp < n && Number.isNaN(beta[warmUp]))
        warmUp++;
    requireLength(fn, `a z-score over ${window} bars after the hedge ratio's ${warmUp}-bar warm-up`, n - warmUp, window);
    return beta;
}
function summarise(z, pnl, equity, fees, trades) {
    const n = pnl.length;
    let peak = 0;
    let maxDrawdown = 0;
    let totalFees = 0;
    for (let t = 0; t < n; t++) {
        peak = Math.max(peak, equity[t]);
        maxDrawdown = Math.max(maxDrawdown, peak - equity[t]);
        totalFees += fees[t];
    }
    let wins = 0;
    for (const trade of trades)
        if (trade.pnl > 0)
            wins++;
    let first = 0;
    while (first < n && Number.isNaN(z[first]))
        first++;
    const live = pnl.subarray(first + 1);
    let sharpePerBar = Number.NaN;
    if (live.length >= 2) {
        let sum = 0;
        for (let i = 0; i < live.length; i++)
            sum += live[i];
        const m = sum / live.length;
        let ss = 0;
        for (let i = 0; i < live.length; i++)
            ss += (live[i] - m) * (live[i] - m);
        if (ss > 0)
            sharpePerBar = m / Math.sqrt(ss / (live.length - 1));
    }
    return {
        totalPnl: n > 0 ? equity[n - 1] : 0,
        totalFees,
        tradeCount: trades.length,
        winRate: trades.length > 0 ? wins / trades.length : Number.NaN,
        maxDrawdown,
        sharpePerBar,
    };
}
