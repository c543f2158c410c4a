/**
 * The Engle–Granger two-step cointegration test of a pair, as statsmodels 0.13.5 `coint(y, x, trend="c",
 * autolag="aic")`: OLS of y on x with a constant, then an ADF test without deterministic terms on the residuals,
 * judged against MacKinnon's two-series (N = 2) tables.
 */
import { adfCore } from "./adf.js";
import { ZeroVarianceError } from "./errors.js";
import { mackinnoncrit, mackinnonp } from "./mackinnon.js";
import { ols } from "./ols.js";
import { finitePair, requireLength } from "./validate.js";
/** statsmodels' collinearity threshold: R² ≥ 1 − 100·√eps means y is (almost) an exact linear function of x. */
const MAX_R_SQUARED = 1 - 100 * Math.sqrt(Number.EPSILON);
/**
 * Tests the null hypothesis that y and x are NOT cointegrated, equal to statsmodels `coint(y, x, trend="c",
 * autolag="aic")` (default maximum lag). Where statsmodels warns that the two are (almost) perfectly collinear
 * (R² ≥ 1 − 100·√eps) and returns a statistic of −Infinity and a p-value of 0, this throws ZeroVarianceError
 * instead: the residual is numerically zero and the test says nothing.
 *
 * @param y dependent price series (the leg bought when the spread is long)
 * @param x hedge leg, same length
 * @returns statistic, p-value, critical values, the hedge ratio and intercept, and the residual test's lag and size
 * @throws {NonFiniteValueError} a value of y or x is NaN or ±Infinity (the message names the index)
 * @throws {LengthMismatchError} y and x differ in length
 * @throws {InsufficientDataError} too few points: an odd length of at least 5, or any length of at least 21. At even
 *   lengths up to 20 statsmodels' own lag cap leaves the largest search regression no residual degree of freedom
 *   (it then reports a meaningless t of 0), so those are refused too
 * @throws {ZeroVarianceError} y or x is constant, or y is (almost) exactly linear in x
 * @example
 * const x = Array.from({ length: 30 }, (_, i) => 100 + i + 3 * Math.sin(i));
 * const y = x.map((v, i) => 2 * v + 1 + (i % 2 ? 0.3 : -0.3));
 * engleGranger(y, x).hedgeRatio; // ≈ 2.0018
 */
export function engleGranger(y, x) {
    const fn = "engleGranger";
    const [ys, xs] = finitePair(fn, "y", y, "x", x);
    const n = ys.length;
    requireLength(fn, "an Engle–Granger test", n, 5);
    if (isConstant(xs))
        throw new ZeroVarianceError(fn, "x");
    if (isConstant(ys))
        throw new ZeroVarianceError(fn, "y");
    let fit;
    try {
        fit = ols(ys, xs);
    }
    catch (e) {
        // ols refuses an x of numerically zero variance; report it as this function's input.
        if (e instanceof ZeroVarianceError)
            throw new ZeroVarianceError(fn, "x");
        throw e;
    }
    if (!(fit.rSquared < MAX_R_SQUARED))
        throw new ZeroVarianceError(fn, "the residual of y on x (y is linear in x)");
    const adf = adfCore(fn, "the residual of y on x", fit.residuals, { regression: "n", autolag: "AIC" });
    // statsmodels: N = 2 series, the constant case, and nobs − 1 "to match egranger in Stata".
    const crit = mackinnoncrit(2, "c", n - 1);
    return {
        statistic: adf.statistic,
        pValue: mackinnonp(adf.statistic, "c", 2),
        criticalValues: { "1%": crit[0], "5%": crit[1], "10%": crit[2] },
        hedgeRatio: fit.beta,
        intercept: fit.alpha,
        usedLag: adf.usedLag,
        nobs: adf.nobs,
    };
}
function isConstant(values) {
    for (let i = 1; i < values.length; i++)
        if (values[i] !== values[0])
            return false;
    return true;
}
