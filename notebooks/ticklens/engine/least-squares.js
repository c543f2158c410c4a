/**
 * Least squares for k regressors by Householder QR, with the statistics statsmodels `OLS(y, X).fit()` reports
 * (params, standard errors, t-values, ssr, log-likelihood, AIC, BIC), and the fits of every leading block of
 * columns from a single factorisation, which is what a lag-length search needs.
 */
import { InsufficientDataError, InvalidParameterError, LengthMismatchError, ZeroVarianceError } from "./errors.js";
import { finiteSeries } from "./validate.js";
/**
 * Fits y on the given columns by ordinary least squares (no constant is added: pass a column of ones for one).
 *
 * @param y dependent series
 * @param columns the regressors, each as long as y
 * @returns coefficients, standard errors, t-values, residuals and the statsmodels fit statistics
 * @throws {NonFiniteValueError} a value of y or of a column is NaN or ±Infinity
 * @throws {LengthMismatchError} a column's length differs from y's
 * @throws {InvalidParameterError} no columns were given
 * @throws {InsufficientDataError} fewer observations than columns + 1 (no residual degree of freedom)
 * @throws {ZeroVarianceError} a column is (numerically) a linear combination of the columns before it
 * @example
 * const fit = leastSquares([1, 3, 5, 7.5], [[1, 1, 1, 1], [0, 1, 2, 3]]);
 * fit.params[1]; // ≈ 2.15
 */
export function leastSquares(y, columns) {
    const fn = "leastSquares";
    const ys = finiteSeries(fn, "y", y);
    const k = columns.length;
    if (k === 0)
        throw new InvalidParameterError(fn, "columns", "must hold at least one regressor");
    const rows = ys.length;
    const data = new Float64Array(rows * k);
    for (let j = 0; j < k; j++) {
        if (columns[j].length !== rows)
            throw new LengthMismatchError(fn, "y", rows, `columns[${j}]`, columns[j].length);
        data.set(finiteSeries(fn, `columns[${j}]`, columns[j]), j * rows);
    }
    if (rows < k + 1)
        throw new InsufficientDataError(fn, `a regression on ${k} column(s)`, k + 1, rows);
    return fitDesign(fn, ys, { rows, cols: k, data }, (j) => `columns[${j}]`);
}
/**
 * Factorises `design` in place (its data is overwritten). `label(j)` names column j in the error thrown when it is
 * collinear with the columns before it; `fn` is the public function reported.
 */
function factorise(fn, design, label) {
    const { rows: m, cols: k, data } = design;
    const rDiag = new Float64Array(k);
    const half = new Float64Array(k);
    for (let j = 0; j < k; j++) {
        const off = j * m;
        // The column's full norm, before reflection, is the yardstick for "numerically zero" below.
        let full = 0;
        for (let i = 0; i < m; i++)
            full += data[off + i] * data[off + i];
        let norm2 = 0;
        for (let i = off + j; i < off + m; i++)
            norm2 += data[i] * data[i];
        const norm = Math.sqrt(norm2);
        // statsmodels' matrix_rank treats singular values below max(m, k)·eps·σmax as zero; this is the same test per column.
        if (!(norm > Math.max(m, k) * Number.EPSILON * Math.sqrt(full))) {
            throw new ZeroVarianceError(fn, `${label(j)} (net of the regressors before it)`);
        }
        const alpha = data[off + j];
        const beta = alpha >= 0 ? -norm : norm;
        data[off + j] = alpha - beta;
        rDiag[j] = beta;
        half[j] = norm * (norm + Math.abs(alpha));
        let c = j + 1;
        // Two columns per pass share each load of the reflector: the search designs have ~40 columns of ~10⁴ rows.
        for (; c + 1 < k; c += 2)
            applyReflectorTwice(data, off + j, c * m + j, (c + 1) * m + j, m - j, half[j]);
        if (c < k)
            applyReflector(data, off + j, data, c * m + j, m - j, half[j]);
    }
    return { design, rDiag, half };
}
/** target[t..t+len) −= v·(vᵀ·target)/half, with v = vec[v0..v0+len). */
function applyReflector(vec, v0, target, t0, len, half) {
    let dot = 0;
    for (let i = 0; i < len; i++)
        dot += vec[v0 + i] * target[t0 + i];
    const f = dot / half;
    if (f === 0)
        return;
    for (let i = 0; i < len; i++)
        target[t0 + i] -= f * vec[v0 + i];
}
/** applyReflector on two columns a and b of the same array. */
function applyReflectorTwice(data, v0, a0, b0, len, half) {
    let dotA = 0;
    let dotB = 0;
    for (let i = 0; i < len; i++) {
        const v = data[v0 + i];
        dotA += v * data[a0 + i];
        dotB += v * data[b0 + i];
    }
    const fa = dotA / half;
    const fb = dotB / half;
    for (let i = 0; i < len; i++) {
        const v = data[v0 + i];
        data[a0 + i] -= fa * v;
        data[b0 + i] -= fb * v;
    }
}
/** Qᵀ·y, as a new array. */
function qtApply(qr, y) {
    const { rows: m, cols: k, data } = qr.design;
    const z = Float64Array.from(y);
    for (let j = 0; j < k; j++)
        applyReflector(data, j * m + j, z, j, m - j, qr.half[j]);
    return z;
}
/** R[i][c] for i ≤ c. */
function rAt(qr, i, c) {
    return i === c ? qr.rDiag[i] : qr.design.data[c * qr.design.rows + i];
}
function informationCriteria(ssr, nobs, k) {
    // Written as statsmodels' OLS.loglike and info_criteria write it, so the rounding matches too.
    const nobs2 = nobs / 2;
    const llf = -nobs2 * Math.log(2 * Math.PI) - nobs2 * Math.log(ssr / nobs) - nobs2;
    return { llf, aic: -2 * llf + 2 * k, bic: -2 * llf + Math.log(nobs) * k };
}
/**
 * Fits y on a trusted design (finite values, rows > cols). Engine-internal building block (not for the barrel):
 * callers validate first, so nothing is re-checked here.
 *
 * @param fn public function named in errors
 * @param y dependent values, one per row (not modified)
 * @param design regressors, column-major; its data is OVERWRITTEN by the factorisation
 * @param label names column j in errors
 * @returns the fit, as {@link leastSquares}
 * @throws {ZeroVarianceError} a column is (numerically) a linear combination of the columns before it
 * @example
 * const d = { rows: 4, cols: 2, data: Float64Array.from([1, 1, 1, 1, 0, 1, 2, 3]) };
 * fitDesign("demo", Float64Array.from([1, 3, 5, 7.5]), d, (j) => `x${j}`).params[1]; // ≈ 2.15
 */
export function fitDesign(fn, y, design, label) {
    const { rows: m, cols: k } = design;
    const qr = factorise(fn, design, label);
    const z = qtApply(qr, y);
    // R⁻¹ by back substitution: params = R⁻¹·z[0..k), and diag((XᵀX)⁻¹) = row sums of squares of R⁻¹.
    const rInv = new Float64Array(k * k); // row-major, upper triangular
    for (let c = k - 1; c >= 0; c--) {
        rInv[c * k + c] = 1 / qr.rDiag[c];
        for (let i = c - 1; i >= 0; i--) {
            let s = 0;
            for (let l = i + 1; l <= c; l++)
                s += rAt(qr, i, l) * rInv[l * k + c];
            rInv[i * k + c] = -s / qr.rDiag[i];
        }
    }
    const params = new Float64Array(k);
    for (let i = 0; i < k; i++) {
        let s = 0;
        for (let c = i; c < k; c++)
            s += rInv[i * k + c] * z[c];
        params[i] = s;
    }
    // Residuals = Q·[0; z[k..m)], applying the reflectors in reverse order.
    const residuals = new Float64Array(m);
    for (let i = k; i < m; i++)
        residuals[i] = z[i];
    for (let j = k - 1; j >= 0; j--)
        applyReflector(design.data, j * m + j, residuals, j, m - j, qr.half[j]);
    let ssr = 0;
    for (let i = 0; i < m; i++)
        ssr += residuals[i] * residuals[i];
    const dfResid = m - k;
    const scale = ssr / dfResid;
    const stdErrors = new Float64Array(k);
    const tValues = new Float64Array(k);
    for (let i = 0; i < k; i++) {
        let s = 0;
        for (let c = i; c < k; c++)
            s += rInv[i * k + c] * rInv[i * k + c];
        stdErrors[i] = Math.sqrt(scale * s);
        tValues[i] = params[i] / stdErrors[i];
    }
    return { params, stdErrors, tValues, residuals, ssr, nobs: m, dfResid, ...informationCriteria(ssr, m, k) };
}
/**
 * Fits y on the first p columns of a trusted design for every p from `firstCols` to `design.cols`, from one QR of the
 * whole design: the fit on a leading block of columns is the leading block of the factorisation, so a lag search costs
 * one factorisation instead of one per candidate. Engine-internal building block (not for the barrel).
 *
 * @param fn public function named in errors
 * @param y dependent values, one per row (not modified)
 * @param design regressors, column-major, in nesting order; its data is OVERWRITTEN by the factorisation
 * @param firstCols the smallest block fitted (≥ 1)
 * @param label names column j in errors
 * @returns ssr, AIC, BIC and the last column's t-value of each nested fit
 * @throws {ZeroVarianceError} a column is (numerically) a linear combination of the columns before it
 * @example
 * const d = { rows: 4, cols: 2, data: Float64Array.from([1, 1, 1, 1, 0, 1, 2, 3]) };
 * nestedFits("demo", Float64Array.from([1, 3, 5, 7.5]), d, 1, (j) => `x${j}`).ssr; // [ssr on [1], ssr on [1, x]]
 */
export function nestedFits(fn, y, design, firstCols, label) {
    const { rows: m, cols: k } = design;
    const qr = factorise(fn, design, label);
    const z = qtApply(qr, y);
    const count = k - firstCols + 1;
    const ssr = new Float64Array(count);
    const aic = new Float64Array(count);
    const bic = new Float64Array(count);
    const lastTValue = new Float64Array(count);
    // ssr(p) = Σ_{i ≥ p} z_i², accumulated from the tail so each is summed from small to large.
    let tail = 0;
    for (let i = m - 1; i >= k; i--)
        tail += z[i] * z[i];
    for (let p = k; p >= firstCols; p--) {
        if (p < k)
            tail += z[p] * z[p];
        const at = p - firstCols;
        ssr[at] = tail;
        const ic = informationCriteria(tail, m, p);
        aic[at] = ic.aic;
        bic[at] = ic.bic;
        // Last coefficient z[p−1]/R[p−1][p−1], its standard error s/|R[p−1][p−1]|.
        const s = Math.sqrt(tail / (m - p));
        lastTValue[at] = (Math.sign(qr.rDiag[p - 1]) * z[p - 1]) / s;
    }
    return { firstCols, ssr, aic, bic, lastTValue };
}
