/**
 * Ordinary least squares of one regressor, y = alpha + beta·x + e, as statsmodels `OLS(y, add_constant(x)).fit()`.
 * Works on centred sums so raw prices near 87,000 keep their digits (x² of such prices swamps the variance).
 */
import { ZeroVarianceError } from "./errors.js";
import { finitePair, requireLength } from "./validate.js";
/**
 * Fits y on x by ordinary least squares.
 *
 * @param y dependent series
 * @param x regressor, same length as y
 * @param options `{ intercept = true }`
 * @returns coefficients, their standard errors, R² and residuals
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} fewer than 3 points with an intercept (2 without): no residual degree of freedom
 * @throws {ZeroVarianceError} x is constant (with intercept) or all zero (without)
 * @example
 * ols([1, 3, 5, 7.5], [0, 1, 2, 3]).beta; // ≈ 2.15
 */
export function ols(y, x, options = {}) {
    const fn = "ols";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const intercept = options.intercept ?? true;
    const n = ys.length;
    const k = intercept ? 2 : 1;
    requireLength(fn, `a regression with ${k} parameter(s)`, n, k + 1);
    const meanX = intercept ? mean(xs) : 0;
    const meanY = intercept ? mean(ys) : 0;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
        const dx = xs[i] - meanX;
        const dy = ys[i] - meanY;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (!(sxx > 0) || sxx <= Number.EPSILON * Number.EPSILON * n * Math.max(1, meanX * meanX)) {
        throw new ZeroVarianceError(fn, "x");
    }
    const beta = sxy / sxx;
    const alpha = intercept ? meanY - beta * meanX : 0;
    const residuals = new Float64Array(n);
    let ssr = 0;
    for (let i = 0; i < n; i++) {
        const e = ys[i] - alpha - beta * xs[i];
        residuals[i] = e;
        ssr += e * e;
    }
    const s2 = ssr / (n - k);
    return {
        alpha,
        beta,
        // statsmodels uses the centred total sum of squares when the model has a constant, the raw one otherwise.
        rSquared: 1 - ssr / syy,
        stdErrAlpha: intercept ? Math.sqrt(s2 * (1 / n + (meanX * meanX) / sxx)) : Number.NaN,
        stdErrBeta: Math.sqrt(s2 / sxx),
        residuals,
        n,
    };
}
/** Mean with one correction pass, exact to rounding for the price-like series the engine sees. */
export function mean(values) {
    const n = values.length;
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += values[i];
    const m = sum / n;
    let correction = 0;
    for (let i = 0; i < n; i++)
        correction += values[i] - m;
    return m + correction / n;
}
