/**
 * Time values of uploaded CSV files to UTC milliseconds (µs fractions kept): epoch numbers in a stated or inferred
 * unit, ISO 8601 with an offset, and local wall-clock times read in an IANA time zone.
 */
/** Earliest and latest accepted trade time (2009-01-01 and 2100-01-01 UTC, ms): outside is a unit mistake. */
const MIN_MS = Date.UTC(2009, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);
const UNIT_MS = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };
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
export function epochToMs(text, unit) {
    if (!/^-?\d+(\.\d+)?$/.test(text))
        return `"${clip(text)}" is not an epoch number`;
    const v = Number(text);
    const u = unit !== "auto" ? unit : Math.abs(v) < 1e11 ? "s" : Math.abs(v) < 1e14 ? "ms" : Math.abs(v) < 1e17 ? "us" : "ns";
    // Whole µs: the store keeps µs and 1e-3 has no exact binary form.
    const ms = u === "us" ? v / 1000 : u === "ns" ? Math.round(v / 1000) / 1000 : Math.round(v * UNIT_MS[u] * 1000) / 1000;
    return inRange(ms, text);
}
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
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
export function wallClockToMs(text, timeZone) {
    const m = WALL.exec(text);
    if (m === null)
        return `"${clip(text)}" is not a time (ISO 8601, "YYYY-MM-DD HH:MM:SS[.ffffff]" or epoch)`;
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const fracMs = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1e6) / 1000;
    const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, s === undefined ? 0 : +s);
    if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || (s !== undefined && +s > 59) || new Date(wall).getUTCDate() !== +d) {
        return `"${clip(text)}" is not a valid calendar time`;
    }
    let utc;
    if (zone !== undefined) {
        const sign = zone === "Z" ? 0 : zone[0] === "-" ? -1 : 1;
        const digits = zone.replace(/[^0-9]/g, "");
        const offsetMin = sign === 0 ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
        utc = wall - offsetMin * 60_000;
    }
    else if (timeZone === null) {
        return `"${clip(text)}" has no UTC offset; pass timezone=UTC or an IANA zone (e.g. timezone=Europe/Berlin)`;
    }
    else {
        utc = zonedToUtc(wall, timeZone);
    }
    return inRange(utc + fracMs, text);
}
/**
 * Whether `zone` is an IANA time zone this runtime knows.
 *
 * @param zone e.g. `"UTC"`, `"Asia/Kolkata"`
 * @returns true when `Intl` accepts it
 * @throws nothing
 * @example
 * isTimeZone("Mars/Olympus"); // false
 */
export function isTimeZone(zone) {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
    }
    catch {
        return false;
    }
}
const formatters = new Map();
/** The zone's offset from UTC at instant `utcMs`, ms. */
function offsetAt(utcMs, zone) {
    let f = formatters.get(zone);
    if (f === undefined) {
        f = new Intl.DateTimeFormat("en-US", {
            timeZone: zone,
            hourCycle: "h23",
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
        });
        formatters.set(zone, f);
    }
    const p = {};
    for (const part of f.formatToParts(new Date(utcMs)))
        if (part.type !== "literal")
            p[part.type] = Number(part.value);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - Math.floor(utcMs / 1000) * 1000;
}
/** A wall-clock time (as if UTC) in `zone` to the UTC instant; in a DST gap or overlap, the earlier offset wins. */
function zonedToUtc(wallMs, zone) {
    const first = wallMs - offsetAt(wallMs, zone);
    return wallMs - offsetAt(first, zone);
}
function inRange(ms, text) {
    if (!Number.isFinite(ms) || ms < MIN_MS || ms >= MAX_MS)
        return `"${clip(text)}" is outside 2009–2100 (wrong time unit?)`;
    return ms;
}
/** A field quoted in a message, shortened so a garbage line cannot flood the response. */
export function clip(text) {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
