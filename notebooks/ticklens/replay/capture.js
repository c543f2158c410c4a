/**
 * What every capture reader produces: a replay-ordered list of trade, aggregate-trade and raw-frame events with
 * their schedule times, and the rule for captures that kept no exchange trade id (synthetic contiguous ids).
 */
/** Thrown when a capture file cannot be read; the message names the capture, the line and the field. */
export class CaptureFormatError extends Error {
    name = "CaptureFormatError";
}
/** First synthetic trade id of every symbol; ids grow by one per captured row of that symbol. */
export const FIRST_SYNTHETIC_ID = 1;
/**
 * Contiguous per-symbol ids in capture order for captures that kept none: the n-th captured row of a symbol
 * (counting every row, off-book events included, as Binance's own sequence does) gets id `first + n`.
 * @param symbols the symbol of each row, in capture order
 * @param first id of each symbol's first row
 * @returns the id of each row
 * @throws {CaptureFormatError} never; present for symmetry with the readers
 * @example
 * assignSyntheticIds(["BTCUSDT", "ETHUSDT", "BTCUSDT"]); // Float64Array [1, 1, 2]
 */
export function assignSyntheticIds(symbols, first = FIRST_SYNTHETIC_ID) {
    const next = new Map();
    const ids = new Float64Array(symbols.length);
    for (let i = 0; i < symbols.length; i++) {
        const id = next.get(symbols[i]) ?? first;
        ids[i] = id;
        next.set(symbols[i], id + 1);
    }
    return ids;
}
/**
 * Replay schedule from event times in capture order: the running maximum, so an out-of-order trade time is sent
 * right after its predecessor (the order the recorder received it in) instead of travelling back in time.
 * @param timesUs each event's own time, µs
 * @returns the non-decreasing schedule, µs
 * @throws never
 * @example
 * scheduleTimes([5, 3, 7]); // Float64Array [5, 5, 7]
 */
export function scheduleTimes(timesUs) {
    const at = new Float64Array(timesUs.length);
    let max = -Infinity;
    for (let i = 0; i < timesUs.length; i++) {
        if (timesUs[i] > max)
            max = timesUs[i];
        at[i] = max;
    }
    return at;
}
/**
 * A time field to µs: values at or above 1e14 are already µs (Binance's 2025+ spot dumps), smaller ones ms.
 * @param time ms or µs since the Unix epoch
 * @returns µs since the Unix epoch
 * @throws never
 * @example
 * toMicros(1735689600123); // 1735689600123000
 */
export function toMicros(time) {
    return time >= 1e14 ? time : time * 1000;
}
