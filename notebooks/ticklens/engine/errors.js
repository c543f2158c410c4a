/**
 * Typed errors of the engine. Every one names the function that refused its input and what was wrong, so a
 * caller (API, notebook, dashboard) can show the message as it is and match on the class.
 */
/** Base class of every error the engine throws on bad input. */
export class EngineInputError extends Error {
    /** The public function that refused the input, e.g. `"adfTest"`. */
    fn;
    constructor(fn, message) {
        super(`${fn}: ${message}`);
        this.name = new.target.name;
        this.fn = fn;
    }
}
/** An input held NaN or ±Infinity; `index` is the first offending position. */
export class NonFiniteValueError extends EngineInputError {
    argument;
    index;
    constructor(fn, argument, index, value) {
        super(fn, `${argument}[${index}] is ${value}; every value must be a finite number`);
        this.argument = argument;
        this.index = index;
    }
}
/** Two inputs that must pair element by element have different lengths. */
export class LengthMismatchError extends EngineInputError {
    constructor(fn, a, aLength, b, bLength) {
        super(fn, `${a} has ${aLength} values but ${b} has ${bLength}; they must have the same length`);
    }
}
/** The series is too short for what was asked (a window, a number of lags, a regression). */
export class InsufficientDataError extends EngineInputError {
    required;
    actual;
    constructor(fn, what, required, actual) {
        super(fn, `${what} needs at least ${required} values, got ${actual}`);
        this.required = required;
        this.actual = actual;
    }
}
/** A regressor (or a series whose spread is divided by) has zero variance, so the estimate is undefined. */
export class ZeroVarianceError extends EngineInputError {
    constructor(fn, argument) {
        super(fn, `${argument} has zero variance; the estimate is undefined`);
    }
}
/** An option is out of its domain (a window of 0, an unknown method, a malformed timeframe). */
export class InvalidParameterError extends EngineInputError {
    parameter;
    constructor(fn, parameter, message) {
        super(fn, `${parameter} ${message}`);
        this.parameter = parameter;
    }
}
