import { type Series } from "./validate.ts";
/** A design matrix stored column-major: column j is `data[j * rows .. (j + 1) * rows)`. */
export interface Design {
    /** Number of observations (rows). */
    readonly rows: number;
    /** Number of regressors (columns). */
    readonly cols: number;
    /** The values, column after column; each column is contiguous. */
    readonly data: Float64Array;
}
/** One least-squares fit, with the same meaning as the statsmodels `RegressionResults` attribute named in each field. */
export interface LeastSquaresResult {
    /** Coefficients, one per column (`params`). */
    readonly params: Float64Array;
    /** Standard errors of the coefficients, `sqrt(diag(scale · (XᵀX)⁻¹))` (`bse`). */
    readonly stdErrors: Float64Array;
    /** params / stdErrors (`tvalues`). */
    readonly tValues: Float64Array;
    /** y − X·params, one per observation (`resid`). */
    readonly residuals: Float64Array;
    /** Sum of squared residuals (`ssr`). */
    readonly ssr: number;
    /** Number of observations (`nobs`). */
    readonly nobs: number;
    /** nobs − k (`df_resid`). */
    readonly dfResid: number;
    /** Profile Gaussian log-likelihood, −n/2·ln(2π) − n/2·ln(ssr/n) − n/2 (`llf`). */
    readonly llf: number;
    /** −2·llf + 2k (`aic`; k counts every column, constant included). */
    readonly aic: number;
    /** −2·llf + ln(n)·k (`bic`). */
    readonly bic: number;
}
/** The fit on the first p columns of a design, for every p of a nested search. */
export interface NestedFits {
    /** Column count of the first entry of each array below. */
    readonly firstCols: number;
    /** ssr of the fit on the first `firstCols + i` columns, at index i. */
    readonly ssr: Float64Array;
    /** AIC (statsmodels definition) of that fit. */
    readonly aic: Float64Array;
    /** BIC (statsmodels definition) of that fit. */
    readonly bic: Float64Array;
    /** t-value of the fit's last column (statsmodels `tvalues[-1]`). */
    readonly lastTValue: Float64Array;
}
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
export declare function leastSquares(y: Series, columns: readonly Series[]): LeastSquaresResult;
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
export declare function fitDesign(fn: string, y: Float64Array, design: Design, label: (j: number) => string): LeastSquaresResult;
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
export declare function nestedFits(fn: string, y: Float64Array, design: Design, firstCols: number, label: (j: number) => string): NestedFits;
