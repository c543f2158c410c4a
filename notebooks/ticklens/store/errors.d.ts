/**
 * Typed errors of the store. Each names the operation that refused and why, so the collector, the API and
 * notebooks can show the message as it is and match on the class. DuckDB's own errors pass through unchanged.
 */
/** Base class of every error the store throws itself. */
export declare class StoreError extends Error {
    /** The store operation that failed, e.g. `"appendTicks"`. */
    readonly operation: string;
    constructor(operation: string, message: string);
}
/** An argument the store cannot accept: a batch that does not match `TICK_SCHEMA`, a malformed timeframe. */
export declare class StoreInputError extends StoreError {
    /** The offending argument or field, e.g. `"batch.trade_time"` or `"timeframe"`. */
    readonly field: string;
    constructor(operation: string, field: string, message: string);
}
/** A write was asked of a store opened with `{ readOnly: true }`. */
export declare class ReadOnlyStoreError extends StoreError {
    constructor(operation: string, path: string);
}
/** The store was used after `close()`. */
export declare class StoreClosedError extends StoreError {
    constructor(operation: string, path: string);
}
/** The database file's schema is not one this code can use (written by a newer Ticklens, or not a Ticklens file). */
export declare class SchemaVersionError extends StoreError {
    constructor(path: string, message: string);
}
