/**
 * Time values of uploaded CSV files to UTC milliseconds (µs fractions kept): epoch numbers in a stated or inferred
 * unit, ISO 8601 with an offset, and local wall-clock times read in an IANA time zone.
 */
/** Units an epoch number may be in; `auto` infers it from the magnitude. */
export type TimeUnit = "auto" | "s" | "ms" | "us" | "ns";
/**
 * Reads one epoch number. `auto` picks by magnitude (below 1e11 seconds, below 1e14 ms, below 1e17 µs, else ns),
 * which is how Binance files switched from ms to µs in 2025 without changing their header.
 *
 * @param text the field as written
 * @param unit the unit, or `auto`
 * @returns ms since the Unix epoch, or a message saying what is wrong
 * @throws nothing: problems are returned
 * @example
 * epochToMs("1765922888978123", "auto"); // 1765922888978.123
 */
export declare function epochToMs(text: string, unit: TimeUnit): number | string;
/**
 * Reads an ISO 8601 / `YYYY-MM-DD HH:MM:SS[.ffffff]` time. Without an offset it is a wall-clock time in `timeZone`.
 *
 * @param text the field as written
 * @param timeZone IANA zone for times without an offset, or null (then such a time is a problem)
 * @returns ms since the Unix epoch, or a message saying what is wrong
 * @throws nothing: problems are returned
 * @example
 * wallClockToMs("2025-12-16 13:29:12", "Asia/Kolkata"); // 1765871952000
 */
export declare function wallClockToMs(text: string, timeZone: string | null): number | string;
/**
 * Whether `zone` is an IANA time zone this runtime knows.
 *
 * @param zone e.g. `"UTC"`, `"Asia/Kolkata"`
 * @returns true when `Intl` accepts it
 * @throws nothing
 * @example
 * isTimeZone("Mars/Olympus"); // false
 */
export declare function isTimeZone(zone: string): boolean;
/** A field quoted in a message, shortened so a garbage line cannot flood the response. */
export declare function clip(text: string): string;
