/**
 * Typed errors of the store. Each names the operation that refused and why, so the collector, the API and
 * notebooks can show the message as it is and match on the class. DuckDB's own errors pass through unchanged.
 */
/** Base class of every error the store throws itself. */
export class StoreError extends Error {
    /** The store operation that failed, e.g. `"appendTicks"`. */
    operation;
    constructor(operation, message) {
        super(`${operation}: ${message}`);
        this.name = new.target.name;
        this.operation = operation;
    }
}
/** An argument the store cannot accept: a batch that does not match `TICK_SCHEMA`, a malformed timeframe. */
export class StoreInputError extends StoreError {
    /** The offending argument or field, e.g. `"batch.trade_time"` or `"timeframe"`. */
    field;
    constructor(operation, field, message) {
        super(operation, `${field} ${message}`);
        this.field = field;
    }
}
/** A write was asked of a store opened with `{ readOnly: true }`. */
export class ReadOnlyStoreError extends StoreError {
    constructor(operation, path) {
        super(operation, `the store ${path} is open read-only`);
    }
}
/** The store was used after `close()`. */
export class StoreClosedError extends StoreError {
    constructor(operation, path) {
        super(operation, `the store ${path} is closed`);
    }
}
/** The database file's schema is not one this code can use (written by a newer Ticklens, or not a Ticklens file). */
export class SchemaVersionError extends StoreError {
    constructor(path, message) {
        super("openStore", `${path}: ${message}`);
    }
}
