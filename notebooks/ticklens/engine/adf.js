/**
 * The augmented Dickey–Fuller unit-root test, as statsmodels 0.13.5 `adfuller` runs it: the same default maximum
 * lag, the same lag search on a fixed sample, the refit at the chosen lag, and MacKinnon's p-value and critical values.
 */
import { InsufficientDataError, InvalidParameterError, ZeroVarianceError } from "./errors.js";
import { fitDesign, nestedFits } from "./least-squares.js";
import { mackinnoncrit, mackinnonp } from "./mackinnon.js";
import { finiteSeries } from "./validate.js";
/**
 * Augmented Dickey–Fuller test of the null hypothesis that `series` has a unit root, equal to statsmodels
 * `adfuller(x, maxlag, regression, autolag)`.
 *
 * Δx(t) = [const, trend] + γ·x(t−1) + Σ_{j=1..p} δj·Δx(t−j) + e(t); the statistic is γ's t-value. With autolag, every
 * p in 0..maxLag is fitted on the same observations (those the largest p leaves) so the criteria are comparable,
 * then the chosen p is refitted on all the observations it allows. Ties in AIC/BIC go to the smaller p.
 *
 * @param series the values, oldest first (raw prices are fine: the fit is a Householder QR, not normal equations)
 * @param options `{ regression = "c", maxLag, autolag = "AIC" }`
 * @returns statistic, p-value, lag used, observations used, critical values and the best criterion value
 * @throws {NonFiniteValueError} a value is NaN or ±Infinity (the message names its index)
 * @throws {InvalidParameterError} regression or autolag is unknown, or maxLag is not a whole number ≥ 0
 * @throws {InsufficientDataError} the series is too short for the lags: statsmodels requires
 *   maxLag ≤ ⌊n/2⌋ − terms − 1, and every regression here also keeps at least one residual degree of freedom
 *   (statsmodels returns NaN statistics where it has none)
 * @throws {ZeroVarianceError} the series is constant, a regressor is collinear with the others (e.g. a straight line,
 *   whose differences are constant), or the regression fits exactly (no residual, so no t-value)
 * @example
 * const r = adfTest([0.3, -0.5, 0.8, -0.2, 0.1, -0.9, 0.4, 0.6, -0.7, 0.2, -0.1, 0.5], { maxLag: 1 });
 * r.usedLag; // 0: lag 0 has the lower AIC on the common sample
 * r.statistic; // ≈ -5.30, so r.pValue ≈ 5e-6: no unit root
 */
export function adfTest(series, options = {}) {
    return adfCore("adfTest", "series", series, options);
}
/** Number of deterministic columns of each regression. */
const TREND_TERMS = { n: 0, c: 1, ct: 2 };
/**
 * adfTest with the caller's name in its errors. Engine-internal (not for the barrel): engleGranger runs the test on
 * its residuals through this, so their errors name engleGranger.
 *
 * @param fn public function named in errors
 * @param argument names the series in errors
 * @param series the values, oldest first
 * @param options as {@link adfTest}
 * @returns as {@link adfTest}
 * @throws {NonFiniteValueError} as adfTest
 * @throws {InvalidParameterError} as adfTest
 * @throws {InsufficientDataError} as adfTest
 * @throws {ZeroVarianceError} as adfTest
 * @example
 * adfCore("myTest", "spread", [0.3, -0.5, 0.8, -0.2, 0.1, -0.9, 0.4, 0.6, -0.7, 0.2, -0.1, 0.5], { maxLag: 1 }).usedLag; // 0
 */
export function adfCore(fn, argument, series, options) {
    const regression = options.regression ?? "c";
    if (regression !== "c" && regression !== "ct" && regression !== "n") {
        throw new InvalidParameterError(fn, "regression", `must be "c", "ct" or "n", got ${JSON.stringify(regression)}`);
    }
    const autolag = options.autolag === undefined ? "AIC" : options.autolag;
    if (autolag !== "AIC" && autolag !== "BIC" && autolag !== "t-stat" && autolag !== null) {
        throw new InvalidParameterError(fn, "autolag", `must be "AIC", "BIC", "t-stat" or null, got ${JSON.stringify(autolag)}`);
    }
    const x = finiteSeries(fn, argument, series);
    const n = x.length;
    const terms = TREND_TERMS[regression];
    let maxLag;
    if (options.maxLag === undefined) {
        // Schwert (1989) via Greene, capped as statsmodels caps it.
        maxLag = Math.min(Math.floor(n / 2) - terms - 1, Math.ceil(12 * Math.pow(n / 100, 1 / 4)));
        if (maxLag < 0) {
            throw new InsufficientDataError(fn, `an ADF test with regression "${regression}"`, 2 * (terms + 1), n);
        }
    }
    else {
        maxLag = options.maxLag;
        if (!Number.isInteger(maxLag) || maxLag < 0) {
            throw new InvalidParameterError(fn, "maxLag", `must be a whole number >= 0, got ${maxLag}`);
        }
        if (maxLag > Math.floor(n / 2) - terms - 1) {
            throw new InsufficientDataError(fn, `an ADF test with ${maxLag} lags and regression "${regression}"`, 2 * (maxLag + terms + 1), n);
        }
    }
    // The largest regression has n − 1 − maxLag rows and terms + 1 + maxLag columns; keep one residual degree of freedom.
    if (n - 1 - maxLag - (terms + 1 + maxLag) < 1) {
        throw new InsufficientDataError(fn, `an ADF test with ${maxLag} lags and regression "${regression}"`, 2 * maxLag + terms + 3, n);
    }
    if (isConstant(x))
        throw new ZeroVarianceError(fn, argument);
    const diff = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++)
        diff[i] = x[i + 1] - x[i];
    let usedLag = maxLag;
    let icBest;
    if (autolag !== null) {
        // Search on the rows the largest lag leaves, columns [trend terms, level, Δ lags 1..maxLag] so that every
        // candidate is a leading block of one design and one QR serves them all.
        const design = buildDesign(x, diff, maxLag, regression, true);
        const y = diff.subarray(maxLag);
        const label = columnLabel(regression, true, maxLag, argument);
        const fits = nestedFits(fn, y, design, terms + 1, label);
        if (autolag === "t-stat") {
            // From the longest lag down, stop at the first whose last lag is significant at 5 % (normal critical value);
            // with none, statsmodels ends at no lags and reports the level's |t|.
            const stop = 1.6448536269514722;
            for (let p = maxLag; p >= 0; p--) {
                icBest = Math.abs(fits.lastTValue[p]);
                usedLag = p;
                if (icBest >= stop)
                    break;
            }
        }
        else {
            const ic = autolag === "AIC" ? fits.aic : fits.bic;
            let best = 0;
            for (let p = 1; p <= maxLag; p++)
                if (ic[p] < ic[best])
                    best = p;
            usedLag = best;
            icBest = ic[best];
        }
    }
    // Final regression on every row the chosen lag allows, columns in statsmodels' order [level, Δ lags, trend terms].
    const nobs = n - 1 - usedLag;
    const design = buildDesign(x, diff, usedLag, regression, false);
    const fit = fitDesign(fn, diff.subarray(usedLag), design, columnLabel(regression, false, usedLag, argument));
    const statistic = fit.tValues[0];
    // An exact difference equation (e.g. exact geometric decay) leaves no residual: the t-value is ±∞ or 0/0.
    if (!Number.isFinite(statistic))
        throw new ZeroVarianceError(fn, `the residual of the ADF regression of ${argument}`);
    const crit = mackinnoncrit(1, regression, nobs);
    return {
        statistic,
        pValue: mackinnonp(statistic, regression, 1),
        usedLag,
        nobs,
        criticalValues: { "1%": crit[0], "5%": crit[1], "10%": crit[2] },
        icBest,
    };
}
/**
 * Column-major ADF design on rows t = lags..n−2 (the rows `lags` lagged differences leave), regressand Δx(t):
 * level x(t), Δx(t−1..t−lags), and the trend terms (const, then trend 1..rows) first when `termsFirst`, last otherwise.
 */
function buildDesign(x, diff, lags, regression, termsFirst) {
    const skip = lags;
    const rows = diff.length - skip;
    const terms = TREND_TERMS[regression];
    const cols = terms + 1 + lags;
    const data = new Float64Array(rows * cols);
    const first = termsFirst ? terms : 0;
    data.set(x.subarray(skip, skip + rows), first * rows);
    for (let j = 1; j <= lags; j++)
        data.set(diff.subarray(skip - j, skip - j + rows), (first + j) * rows);
    const termAt = termsFirst ? 0 : lags + 1;
    if (terms >= 1)
        data.fill(1, termAt * rows, (termAt + 1) * rows);
    if (terms >= 2) {
        const off = (termAt + 1) * rows;
        for (let i = 0; i < rows; i++)
            data[off + i] = i + 1;
    }
    return { rows, cols, data };
}
/** Names a design column in collinearity errors. */
function columnLabel(regression, termsFirst, lags, argument) {
    const terms = TREND_TERMS[regression];
    const termNames = ["the constant", "the trend"];
    return (j) => {
        const k = termsFirst ? j - terms : j;
        if (k < 0)
            return termNames[j];
        if (k > lags)
            return termNames[k - lags - 1];
        return k === 0 ? `the lagged level of ${argument}` : `lag ${k} of the differences of ${argument}`;
    };
}
function isConstant(values) {
    for (let i = 1; i < values.length; i++)
        if (values[i] !== values[0])
            return false;
    return true;
}
