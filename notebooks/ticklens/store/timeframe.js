/**
 * Bar timeframes as the store accepts them: the engine's parser, restricted to widths that divide one day.
 */
import { EngineInputError, parseTimeframe as parseEngineTimeframe } from "../engine/index.js";
import { StoreInputError } from "./errors.js";
const DAY_MS = 86_400_000;
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
export function parseTimeframe(label) {
    let parsed;
    try {
        parsed = parseEngineTimeframe(label);
    }
    catch (error) {
        if (error instanceof EngineInputError)
            throw new StoreInputError("parseTimeframe", "timeframe", error.message);
        throw error;
    }
    if (DAY_MS % parsed.ms !== 0) {
        throw new StoreInputError("parseTimeframe", "timeframe", `"${label}" (${parsed.seconds} s) does not divide one day; bars are aligned to whole days (as pandas resample)`);
    }
    return { label: parsed.label, ms: parsed.ms, micros: parsed.ms * 1000 };
}
