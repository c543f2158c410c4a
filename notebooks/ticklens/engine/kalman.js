/**
 * Dynamic hedge ratio by a Kalman filter: the state [beta, alpha] follows a random walk and each observation is
 * y_t = beta_t·x_t + alpha_t + noise (E. P. Chan, "Algorithmic Trading", 2013, ch. 3 conventions).
 */
import { InvalidParameterError } from "./errors.js";
import { finitePair, requireFiniteOption, requireLength } from "./validate.js";
/**
 * Runs the Kalman filter of the time-varying regression y_t = beta_t·x_t + alpha_t + e_t, e_t ~ N(0, Ve),
 * [beta_t, alpha_t] = [beta_{t−1}, alpha_{t−1}] + w_t, w_t ~ N(0, δ/(1−δ)·I), returning the filtered state.
 *
 * The covariance update is the exact Riccati step rewritten without subtractions,
 * P = (det R·v·vᵀ + Ve·R)/Q with v = [1, −x_t], and det P = Ve·det R/Q is carried along: at raw prices near
 * 87,000 the textbook P = R − K·H·R cancels away most of its digits, while this form stays symmetric and
 * positive semi-definite by construction. The forecast variance is likewise a sum of non-negative terms.
 *
 * Units matter: δ/(1−δ) is a variance per step in units of beta² and alpha², Ve in units of y². With raw
 * prices (x near 87,000) the defaults make x²·δ dwarf Ve, so beta absorbs nearly all of each new y/x and alpha
 * barely moves; pick δ and Ve for the units used (log prices suit the defaults better). A constant x is
 * accepted here (the prior and the random walk keep the filter defined); `hedgeRatio` refuses it.
 *
 * @param y dependent series (e.g. ETH prices)
 * @param x regressor (e.g. BTC prices), same length as y
 * @param options `{ delta = 1e-4, observationVariance = 1e-3, initialState = [0, 0], initialCovariance = 0 }`
 * @returns the latest alpha and beta, their filtered series, the innovations and their variances
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} the series is empty
 * @throws {InvalidParameterError} delta not in (0, 1), observationVariance not > 0, or an initial value that is
 *   not finite or a covariance that is not symmetric positive semi-definite
 * @example
 * const k = kalmanRegression([2.1, 4.0, 6.1, 8.0], [1, 2, 3, 4], { delta: 1e-3 });
 * k.betaSeries.length; // 4
 * k.beta; // ≈ 1.754, the hedge ratio after the last point (still moving from the prior 0 towards 2)
 */
export function kalmanRegression(y, x, options = {}) {
    const fn = "kalmanRegression";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const n = ys.length;
    requireLength(fn, "a Kalman filter", n, 1);
    const { vw, ve, m0, p0 } = kalmanOptions(fn, options);
    let beta = m0[0];
    let alpha = m0[1];
    let p11 = p0[0][0];
    let p12 = p0[0][1];
    let p22 = p0[1][1];
    let detP = Math.max(0, p11 * p22 - p12 * p12);
    const alphaSeries = new Float64Array(n);
    const betaSeries = new Float64Array(n);
    const innovation = new Float64Array(n);
    const innovationVariance = new Float64Array(n);
    for (let t = 0; t < n; t++) {
        const xt = xs[t];
        // Predict: R = P + vw·I. det R expands to a sum of non-negative terms, so it keeps its digits.
        const r11 = p11 + vw;
        const r12 = p12;
        const r22 = p22 + vw;
        const detR = detP + vw * (p11 + p22) + vw * vw;
        // H·R·Hᵀ = r11·(x + r12/r11)² + det R/r11 with H = [x, 1]: the form without the cancellation of
        // r11·x² + 2·r12·x + r22 when beta and alpha are strongly correlated (they are at raw prices).
        const u = xt + r12 / r11;
        const schur = detR / r11;
        const g1 = r11 * u; // (R·Hᵀ)[0]
        const g2 = r12 * u + schur; // (R·Hᵀ)[1]
        const q = r11 * u * u + schur + ve;
        const e = ys[t] - (beta * xt + alpha);
        beta += (g1 / q) * e;
        alpha += (g2 / q) * e;
        p11 = (detR + ve * r11) / q;
        p12 = (ve * r12 - xt * detR) / q;
        p22 = (xt * xt * detR + ve * r22) / q;
        detP = (ve * detR) / q;
        alphaSeries[t] = alpha;
        betaSeries[t] = beta;
        innovation[t] = e;
        innovationVariance[t] = q;
    }
    return {
        alpha,
        beta,
        alphaSeries,
        betaSeries,
        innovation,
        innovationVariance,
        covariance: [
            [p11, p12],
            [p12, p22],
        ],
        n,
    };
}
function kalmanOptions(fn, options) {
    const delta = options.delta ?? 1e-4;
    const ve = options.observationVariance ?? 1e-3;
    const m0 = options.initialState ?? [0, 0];
    const p0 = options.initialCovariance ?? [
        [0, 0],
        [0, 0],
    ];
    requireFiniteOption(fn, "delta", delta);
    if (!(delta > 0 && delta < 1))
        throw new InvalidParameterError(fn, "delta", `must be in (0, 1), got ${delta}`);
    requireFiniteOption(fn, "observationVariance", ve);
    if (!(ve > 0))
        throw new InvalidParameterError(fn, "observationVariance", `must be > 0, got ${ve}`);
    if (!isPair(m0))
        throw new InvalidParameterError(fn, "initialState", "must be [beta, alpha]");
    m0.forEach((v, i) => requireFiniteOption(fn, `initialState[${i}]`, v));
    if (!isPair(p0) || !isPair(p0[0]) || !isPair(p0[1])) {
        throw new InvalidParameterError(fn, "initialCovariance", "must be a 2×2 array [[var beta, cov], [cov, var alpha]]");
    }
    p0.forEach((row, i) => row.forEach((v, j) => requireFiniteOption(fn, `initialCovariance[${i}][${j}]`, v)));
    const [[a, b], [c, d]] = p0;
    if (b !== c)
        throw new InvalidParameterError(fn, "initialCovariance", `must be symmetric, got ${b} and ${c} off the diagonal`);
    if (!(a >= 0 && d >= 0 && a * d >= b * b)) {
        throw new InvalidParameterError(fn, "initialCovariance", "must be positive semi-definite");
    }
    return { vw: delta / (1 - delta), ve, m0, p0 };
}
function isPair(v) {
    return Array.isArray(v) && v.length === 2;
}
