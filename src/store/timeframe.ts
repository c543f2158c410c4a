/**
 * Bar timeframes as the store reads them: `"<N>s"`, `"<N>m"`, `"<N>h"`, `"1d"`, canonicalised (`"60s"` is `"1m"`).
 * A local parser because the engine has no `timeframe.ts` yet; when it does, this should defer to it.
 */
import { StoreInputError } from "./errors.ts";

/** A parsed timeframe. Buckets are aligned to the Unix epoch, closed on the left. */
export interface Timeframe {
  /** Canonical label in the largest whole unit, e.g. `"15s"`, `"1m"`, `"1h"`. */
  readonly label: string;
  /** Bucket width in milliseconds. */
  readonly ms: number;
  /** Bucket width in microseconds (the unit of DuckDB `TIMESTAMP`). */
  readonly micros: number;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };
const DAY_SECONDS = 86_400;

/**
 * Parses a timeframe label.
 *
 * Only widths that divide one day are accepted: for them the epoch-aligned grid the store uses is the grid pandas
 * `resample(rule)` uses (its default origin is midnight of the first day), so bars agree with pandas; for any other
 * width (7m, 2d) the two grids differ and the request is refused rather than silently shifted.
 *
 * @param label e.g. `"1s"`, `"15s"`, `"1m"`, `"5m"`, `"1h"`, `"60s"`
 * @returns the canonical label and the width in ms and µs
 * @throws {StoreInputError} the label is not `<positive integer><s|m|h|d>`, or the width does not divide one day
 * @example
 * parseTimeframe("60s"); // { label: "1m", ms: 60000, micros: 60000000 }
 */
export function parseTimeframe(label: string): Timeframe {
  const match = /^([1-9][0-9]*)([smhd])$/.exec(label);
  if (match === null) {
    throw new StoreInputError("parseTimeframe", "timeframe", `"${label}" is not <positive integer><s|m|h|d>, e.g. "15s" or "1h"`);
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
  if (seconds > DAY_SECONDS || DAY_SECONDS % seconds !== 0) {
    throw new StoreInputError(
      "parseTimeframe",
      "timeframe",
      `"${label}" (${seconds} s) does not divide one day; bars are aligned to whole days (as pandas resample)`,
    );
  }
  const unit = seconds % 3600 === 0 ? (seconds % DAY_SECONDS === 0 ? "d" : "h") : seconds % 60 === 0 ? "m" : "s";
  return { label: `${seconds / UNIT_SECONDS[unit]}${unit}`, ms: seconds * 1000, micros: seconds * 1_000_000 };
}
