import { type Series } from "./validate.ts";
/** A symmetric 2×2 covariance of the state [beta, alpha]: `[[var beta, cov], [cov, var alpha]]`. */
export type StateCovariance = readonly [readonly [number, number], readonly [number, number]];
export interface KalmanOptions {
    /**
     * Random-walk rate δ in (0, 1); default 1e-4. The state noise covariance is δ/(1−δ)·I (Chan's convention),
     * the same for beta and alpha: larger δ lets the hedge ratio move faster.
     */
    readonly delta?: number;
    /** Variance of the observation noise, > 0; default 1e-3 (Chan's Ve). In units of y². */
    readonly observationVariance?: number;
    /** Mean of the state before the first observation, `[beta, alpha]`; default `[0, 0]`. */
    readonly initialState?: readonly [number, number];
    /**
     * Covariance of the state before the first observation (positive semi-definite); default all zeros, as
     * Chan starts. The random-walk step is applied before every observation, the first included, so the first
     * prediction has covariance initialCovariance + δ/(1−δ)·I (statsmodels' "known" initial state covariance).
     */
    readonly initialCovariance?: StateCovariance;
}
export interface KalmanResult {
    /** Filtered alpha after the last observation: the current intercept. */
    readonly alpha: number;
    /** Filtered beta after the last observation: the current hedge ratio. */
    readonly beta: number;
    /** Filtered alpha after each observation, E[alpha_t | y_0..y_t]. */
    readonly alphaSeries: Float64Array;
    /** Filtered beta after each observation, E[beta_t | y_0..y_t]. */
    readonly betaSeries: Float64Array;
    /** One-step forecast error y_t − (beta_{t−1}·x_t + alpha_{t−1}), before observation t updates the state. */
    readonly innovation: Float64Array;
    /** Variance of that forecast error, x_t-weighted state variance + observationVariance (Chan's Q_t). */
    readonly innovationVariance: Float64Array;
    /** State covariance after the last observation, in the `[beta, alpha]` order. */
    readonly covariance: StateCovariance;
    /** Number of observations. */
    readonly n: number;
}
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
export declare function kalmanRegression(y: Series, x: Series, options?: KalmanOptions): KalmanResult;
