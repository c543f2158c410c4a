/**
 * Typed errors of the engine. Every one names the function that refused its input and what was wrong, so a
 * caller (API, notebook, dashboard) can show the message as it is and match on the class.
 */
/** Base class of every error the engine throws on bad input. */
export declare class EngineInputError extends Error {
    /** The public function that refused the input, e.g. `"adfTest"`. */
    readonly fn: string;
    constructor(fn: string, message: string);
}
/** An input held NaN or ±Infinity; `index` is the first offending position. */
export declare class NonFiniteValueError extends EngineInputError {
    readonly argument: string;
    readonly index: number;
    constructor(fn: string, argument: string, index: number, value: number);
}
/** Two inputs that must pair element by element have different lengths. */
export declare class LengthMismatchError extends EngineInputError {
    constructor(fn: string, a: string, aLength: number, b: string, bLength: number);
}
/** The series is too short for what was asked (a window, a number of lags, a regression). */
export declare class InsufficientDataError extends EngineInputError {
    readonly required: number;
    readonly actual: number;
    constructor(fn: string, what: string, required: number, actual: number);
}
/** A regressor (or a series whose spread is divided by) has zero variance, so the estimate is undefined. */
export declare class ZeroVarianceError extends EngineInputError {
    constructor(fn: string, argument: string);
}
/** An option is out of its domain (a window of 0, an unknown method, a malformed timeframe). */
export declare class InvalidParameterError extends EngineInputError {
    readonly parameter: string;
    constructor(fn: string, parameter: string, message: string);
}
