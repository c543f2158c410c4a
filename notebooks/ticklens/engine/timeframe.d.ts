/** A parsed bar length. */
export interface Timeframe {
    /** Canonical label: the largest of d, h, m, s that divides the length exactly ("60s" → "1m", "90s" stays "90s", "24h" → "1d"). */
    readonly label: string;
    /** Length of one bar in milliseconds. */
    readonly ms: number;
    /** Length of one bar in seconds. */
    readonly seconds: number;
}
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
export declare function parseTimeframe(timeframe: string | Timeframe): Timeframe;
