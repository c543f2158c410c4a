/** A numeric series as the engine accepts it: any array-like of numbers (Float64Array preferred). */
export type Series = ArrayLike<number>;
/**
 * Throws {@link NonFiniteValueError} naming the first NaN/±Infinity; returns the values as a Float64Array.
 * `offset` is added to the reported index when `values` is a slice of the caller's argument.
 */
export declare function finiteSeries(fn: string, argument: string, values: Series, offset?: number): Float64Array;
/** Both series finite and of one length. */
export declare function finitePair(fn: string, yName: string, y: Series, xName: string, x: Series): [Float64Array, Float64Array];
/** At least `required` values. */
export declare function requireLength(fn: string, what: string, length: number, required: number): void;
/** A whole number window of at least `min` that fits in a series of `length` values. */
export declare function requireWindow(fn: string, window: number, length: number, min?: number): void;
/** A finite number option. */
export declare function requireFiniteOption(fn: string, name: string, value: number): void;
/** A Float64Array of `n` NaNs: the "not yet defined" prefix of rolling outputs. */
export declare function nanArray(n: number): Float64Array;
