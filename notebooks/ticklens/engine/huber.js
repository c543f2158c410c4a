/**
 * Huber robust regression of y on x with a constant by IRLS, as statsmodels
 * `RLM(y, add_constant(x), M=sm.robust.norms.HuberT()).fit()` with its defaults (MAD scale, H1 covariance).
 */
import { InvalidParameterError, ZeroVarianceError } from "./errors.js";
import { mean, ols } from "./ols.js";
import { finitePair, requireFiniteOption, requireLength } from "./validate.js";
/** scipy.stats.norm.ppf(0.75): makes the MAD a consistent estimate of a normal standard deviation. */
const MAD_NORMAL_CONSTANT = 0.6744897501960817;
/**
 * Fits y = alpha + beta·x robustly with Huber's T norm by iteratively reweighted least squares, replicating
 * statsmodels RLM step for step: start from OLS; scale = median(|r|)/0.6745 (MAD about 0, not about the median);
 * then repeat { weights from r/scale; weighted LS; new scale from its residuals } until the deviance
 * Σρ(r/s²) — where s² is the weighted residual variance of the pass, as statsmodels computes it — changes by
 * at most `tol`, or `maxIter` iterations (the OLS start counts as one) have run. If the scale is 0 (more than
 * half the residuals are exactly 0) the iteration stops there, as statsmodels does (it warns).
 *
 * At price-like magnitudes the deviance carries rounding noise larger than the default tol (its terms are
 * residuals divided by a variance), so the loop often runs to `maxIter`; the estimate then sits on the IRLS
 * fixed point within rounding, and `iterations` can differ from statsmodels', whose own noise is larger.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param options `{ t = 1.345, maxIter = 50, tol = 1e-8 }`
 * @returns robust alpha and beta with H1 standard errors, the MAD scale, the final weights and residuals
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 3 points (no residual degree of freedom)
 * @throws {ZeroVarianceError} x is constant
 * @throws {InvalidParameterError} t or tol is not a finite positive number, or maxIter not a whole number ≥ 1
 * @example
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * huberRegression([1.1, 1.9, 3.2, 3.8, 5.1, 5.9, 7.2, 7.8, 9.1, 30], x).beta; // ≈ 1.0228 (OLS: 2.0879)
 */
export function huberRegression(y, x, options = {}) {
    const fn = "huberRegression";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const { t, maxIter, tol } = huberOptions(fn, options);
    const n = ys.length;
    requireLength(fn, "a regression with 2 parameters", n, 3);
    const start = olsStart(fn, ys, xs);
    let alpha = start.alpha;
    let beta = start.beta;
    let residuals = start.residuals;
    let weights = new Float64Array(n).fill(1);
    let scale = madAboutZero(residuals);
    let previousDeviance = deviance(residuals, sumSquares(residuals) / (n - 2), t);
    let iterations = 1;
    for (;;) {
        if (scale === 0)
            break;
        weights = new Float64Array(n);
        for (let i = 0; i < n; i++)
            weights[i] = huberWeight(residuals[i] / scale, t);
        const pass = weightedLeastSquares(ys, xs, weights);
        alpha = pass.alpha;
        beta = pass.beta;
        residuals = pass.residuals;
        scale = madAboutZero(residuals);
        const dev = deviance(residuals, pass.weightedVariance, t);
        iterations++;
        // statsmodels' _check_convergence: stop unless (change > tol and iteration < maxiter); a NaN change stops.
        if (!(Math.abs(dev - previousDeviance) > tol && iterations < maxIter))
            break;
        previousDeviance = dev;
    }
    const [stdErrAlpha, stdErrBeta] = h1StandardErrors(xs, residuals, scale, t);
    return { alpha, beta, stdErrAlpha, stdErrBeta, scale, iterations, weights, residuals, n };
}
/** The OLS fit IRLS starts from; its zero-variance refusal is re-issued under this function's name. */
function olsStart(fn, ys, xs) {
    try {
        return ols(ys, xs);
    }
    catch (error) {
        if (error instanceof ZeroVarianceError)
            throw new ZeroVarianceError(fn, "x");
        throw error;
    }
}
function huberOptions(fn, options) {
    const t = options.t ?? 1.345;
    const maxIter = options.maxIter ?? 50;
    const tol = options.tol ?? 1e-8;
    requireFiniteOption(fn, "t", t);
    if (!(t > 0))
        throw new InvalidParameterError(fn, "t", `must be > 0, got ${t}`);
    requireFiniteOption(fn, "tol", tol);
    if (!(tol >= 0))
        throw new InvalidParameterError(fn, "tol", `must be >= 0, got ${tol}`);
    if (!Number.isInteger(maxIter) || maxIter < 1) {
        throw new InvalidParameterError(fn, "maxIter", `must be a whole number >= 1, got ${maxIter}`);
    }
    return { t, maxIter, tol };
}
/** Huber's T weight ψ(z)/z: 1 inside ±t, t/|z| outside. */
function huberWeight(z, t) {
    const a = Math.abs(z);
    return a <= t ? 1 : t / a;
}
/** Σ ρ(rᵢ/s) with Huber's ρ. `s` is the weighted residual variance, not a standard deviation: statsmodels'
 * `RLM.deviance` divides by the WLS results' `scale`, which is that variance. */
function deviance(residuals, s, t) {
    let sum = 0;
    for (let i = 0; i < residuals.length; i++) {
        const z = residuals[i] / s;
        const a = Math.abs(z);
        sum += a <= t ? 0.5 * z * z : a * t - 0.5 * t * t;
    }
    return sum;
}
/** statsmodels `scale.mad(r, center=0)`: median(|r|/0.6745), dividing before the median as it does. */
function madAboutZero(residuals) {
    const a = new Float64Array(residuals.length);
    for (let i = 0; i < residuals.length; i++)
        a[i] = Math.abs(residuals[i]) / MAD_NORMAL_CONSTANT;
    return sortedMedian(a.sort());
}
/** numpy's median of an ascending array: the middle value, or the mean of the two middle values. */
function sortedMedian(sorted) {
    const n = sorted.length;
    const h = n >> 1;
    return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}
function sumSquares(values) {
    let s = 0;
    for (let i = 0; i < values.length; i++)
        s += values[i] * values[i];
    return s;
}
/**
 * Weighted least squares on weighted-centred sums. statsmodels solves the same problem through a
 * pseudo-inverse of √w·[1, x], which at raw prices near 87,000 loses digits; centring keeps them.
 */
function weightedLeastSquares(ys, xs, w) {
    const n = ys.length;
    const meanX = weightedMean(xs, w);
    const meanY = weightedMean(ys, w);
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
        const dx = xs[i] - meanX;
        sxx += w[i] * dx * dx;
        sxy += w[i] * dx * (ys[i] - meanY);
    }
    const beta = sxy / sxx;
    const alpha = meanY - beta * meanX;
    const residuals = new Float64Array(n);
    let wssr = 0;
    for (let i = 0; i < n; i++) {
        const r = ys[i] - meanY - beta * (xs[i] - meanX);
        residuals[i] = r;
        wssr += w[i] * r * r;
    }
    return { alpha, beta, residuals, weightedVariance: wssr / (n - 2) };
}
/** Σwv/Σw with one correction pass, as `mean` in ols.ts. */
function weightedMean(v, w) {
    let sw = 0;
    let swv = 0;
    for (let i = 0; i < v.length; i++) {
        sw += w[i];
        swv += w[i] * v[i];
    }
    const m = swv / sw;
    let correction = 0;
    for (let i = 0; i < v.length; i++)
        correction += w[i] * (v[i] - m);
    return m + correction / sw;
}
/**
 * statsmodels `RLMResults.bcov_scaled` for cov="H1": k²·(Σψ(z)²·scale²/(n−2)) / (Σψ'(z)/n)² · (XᵀX)⁻¹ with
 * z = r/scale and k = 1 + 2/n · var(ψ')/mean(ψ')². (XᵀX)⁻¹ is written from centred sums of x.
 */
function h1StandardErrors(xs, residuals, scale, t) {
    const n = xs.length;
    let ssPsi = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
        // statsmodels sets the standardised residuals to 0 when the scale is 0.
        const z = scale === 0 ? 0 : residuals[i] / scale;
        if (Math.abs(z) <= t) {
            inside++;
            ssPsi += z * z;
        }
        else {
            ssPsi += t * t;
        }
    }
    const m = inside / n;
    // np.var of the 0/1 indicator ψ'(z), with ddof 0.
    const varPsiPrime = (inside * (1 - m) * (1 - m) + (n - inside) * m * m) / n;
    const k = 1 + (2 / n) * (varPsiPrime / (m * m));
    const factor = (k * k * ((ssPsi * scale * scale) / (n - 2))) / (m * m);
    const meanX = mean(xs);
    let sxx = 0;
    for (let i = 0; i < n; i++)
        sxx += (xs[i] - meanX) * (xs[i] - meanX);
    return [Math.sqrt(factor * (1 / n + (meanX * meanX) / sxx)), Math.sqrt(factor / sxx)];
}
