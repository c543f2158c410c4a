/**
 * Bar lengths: parses "1s", "15s", "1m", "5m", "1h" (any whole "Ns" / "Nm" / "Nh" up to one day, and "1d") into
 * milliseconds and one canonical label, so "60s" and "1m" name the same bars everywhere (labels as the store's).
 */
import { InvalidParameterError } from "./errors.js";
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 };
const DAY_SECONDS = 86_400;
const PATTERN = /^([1-9][0-9]{0,5})([smhd])$/;
/**
 * Parses a bar length. Units are lower case only: in pandas "1M" is a month and "1H" an hour, and a label that
 * means different things to different readers is refused rather than guessed. Bars longer than a day need a
 * calendar (weeks, months), which this parser does not own. Lengths that do not divide a day ("7m") are accepted;
 * `toBars` aligns them on the Unix epoch (the store refuses them, as its SQL grid must match pandas' default).
 *
 * @param timeframe a label such as `"1s"`, `"15s"`, `"1m"`, `"5m"`, `"1h"`, `"1d"`, or an already parsed {@link Timeframe}
 * @returns the length in ms and seconds and the canonical label
 * @throws {InvalidParameterError} (parameter `"timeframe"`) the label is not a whole positive number followed by
 *   s, m, h or d, or is longer than one day
 * @example
 * parseTimeframe("5m"); // { label: "5m", ms: 300000, seconds: 300 }
 * parseTimeframe("120s").label; // "2m"
 */
export function parseTimeframe(timeframe) {
    const fn = "parseTimeframe";
    if (typeof timeframe === "object" && timeframe !== null)
        return parseTimeframe(timeframe.label);
    if (typeof timeframe !== "string") {
        throw new InvalidParameterError(fn, "timeframe", `must be a string such as "1s", "1m" or "1h", got ${String(timeframe)}`);
    }
    const match = PATTERN.exec(timeframe);
    if (match === null) {
        throw new InvalidParameterError(fn, "timeframe", `"${timeframe}" is not a bar length: expected a whole positive number and a unit s, m, h or d (e.g. "1s", "15s", "5m", "1h")`);
    }
    const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
    if (seconds > DAY_SECONDS) {
        throw new InvalidParameterError(fn, "timeframe", `"${timeframe}" is longer than one day; longer bars need a calendar and are not supported`);
    }
    return { label: canonicalLabel(seconds), ms: seconds * 1000, seconds };
}
function canonicalLabel(seconds) {
    if (seconds % DAY_SECONDS === 0)
        return `${seconds / DAY_SECONDS}d`;
    if (seconds % 3600 === 0)
        return `${seconds / 3600}h`;
    if (seconds % 60 === 0)
        return `${seconds / 60}m`;
    return `${seconds}s`;
}
