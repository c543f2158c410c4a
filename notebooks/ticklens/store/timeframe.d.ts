/** A parsed timeframe. Buckets are aligned to the Unix epoch, closed on the left. */
export interface Timeframe {
    /** Canonical label in the largest whole unit, e.g. `"15s"`, `"1m"`, `"1h"`. */
    readonly label: string;
    /** Bucket width in milliseconds. */
    readonly ms: number;
    /** Bucket width in microseconds (the unit of DuckDB `TIMESTAMP`). */
    readonly micros: number;
}
/**
 * Parses a timeframe label.
 *
 * Only widths that divide one day are accepted: for them the epoch-aligned grid the store uses is the grid pandas
 * `resample(rule)` uses (its default origin is midnight of the first day), so bars agree with pandas; for any other
 * width (7m) the two grids differ and the request is refused rather than silently shifted. (The engine's in-memory
 * `toBars` does accept such widths, aligned on the epoch.)
 *
 * @param label e.g. `"1s"`, `"15s"`, `"1m"`, `"5m"`, `"1h"`, `"60s"`
 * @returns the canonical label and the width in ms and µs
 * @throws {StoreInputError} the label is not `<positive integer><s|m|h|d>`, or the width does not divide one day
 * @example
 * parseTimeframe("60s"); // { label: "1m", ms: 60000, micros: 60000000 }
 */
export declare function parseTimeframe(label: string): Timeframe;
