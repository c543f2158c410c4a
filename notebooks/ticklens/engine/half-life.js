/**
 * Half-life of mean reversion: the OLS of Δs(t) on s(t−1) with a constant (statsmodels
 * `OLS(diff(s), add_constant(s[:-1])).fit()`), read as the discrete Ornstein–Uhlenbeck speed b, half-life −ln 2 / b.
 */
import { ZeroVarianceError } from "./errors.js";
import { mackinnonp } from "./mackinnon.js";
import { ols } from "./ols.js";
import { finiteSeries, requireLength } from "./validate.js";
/**
 * Estimates the half-life of mean reversion of a series (typically a pair spread).
 *
 * A non-reverting series (lambda ≥ 0, e.g. a trending or explosive one) is a defined answer, not bad input: halfLife is
 * Infinity and pValue is large. lambda below −1 (overshooting each period) still gives the finite −ln 2 / lambda.
 *
 * @param series the values, oldest first
 * @returns half-life in periods, the regression's slope (lambda), constant, its standard error, t and p-value
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the message names its index)
 * @throws {InsufficientDataError} fewer than 4 values (the regression needs 3 differences for a residual degree of freedom)
 * @throws {ZeroVarianceError} the series (or all of it but its last value, the lagged level) is constant, or it
 *   follows an exact path (a straight line, an exact geometric decay) that leaves no residual, so t is undefined
 * @example
 * const s = [1, -0.5, 0.3, -0.1, 0.6, -0.4, 0.2, 0.1, -0.3, 0.5];
 * halfLife(s).halfLife; // ≈ 0.4 periods: the series flips sign almost every step
 */
export function halfLife(series) {
    const fn = "halfLife";
    const s = finiteSeries(fn, "series", series);
    requireLength(fn, "a half-life regression", s.length, 4);
    const n = s.length - 1;
    const lagged = s.subarray(0, n);
    if (isConstant(s))
        throw new ZeroVarianceError(fn, "series");
    if (isConstant(lagged))
        throw new ZeroVarianceError(fn, `series[0..${n - 1}] (the lagged level)`);
    const diff = new Float64Array(n);
    for (let i = 0; i < n; i++)
        diff[i] = s[i + 1] - s[i];
    let fit;
    try {
        fit = ols(diff, lagged);
    }
    catch (e) {
        if (e instanceof ZeroVarianceError)
            throw new ZeroVarianceError(fn, "series");
        throw e;
    }
    const lambda = fit.beta;
    const tStat = lambda / fit.stdErrBeta;
    // A series on an exact path (a straight line, an exact geometric decay) leaves no residual: t is 0/0 or ±∞.
    if (!Number.isFinite(tStat))
        throw new ZeroVarianceError(fn, "the residual of Δseries on the lagged level");
    return {
        halfLife: lambda < 0 ? -Math.LN2 / lambda : Number.POSITIVE_INFINITY,
        lambda,
        alpha: fit.alpha,
        stdErrLambda: fit.stdErrBeta,
        tStat,
        pValue: mackinnonp(tStat, "c", 1),
        nobs: n,
    };
}
function isConstant(values) {
    for (let i = 1; i < values.length; i++)
        if (values[i] !== values[0])
            return false;
    return true;
}
