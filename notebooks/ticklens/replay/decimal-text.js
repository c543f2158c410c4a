/**
 * Exact decimal strings as Binance sends them ("87763.50000000"): captures store floats ("6e-05", "2926.2"), so
 * prices and quantities are re-spelled here through BigInt, never through a binary double.
 */
/** Thrown when a capture field is not a plain or exponent-notation non-negative decimal. */
export class DecimalTextError extends Error {
    name = "DecimalTextError";
}
const PLAIN_OR_EXP = /^(\d+)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$|^\.(\d+)(?:[eE]([-+]?\d+))?$/;
/**
 * Reads a non-negative decimal written plainly or in exponent notation, exactly.
 * @param text e.g. `"2926.2"`, `"6e-05"`, `"0.00000638"`
 * @returns its units and scale (trailing zeros after the point are kept in the scale)
 * @throws {DecimalTextError} the text is not a non-negative decimal
 * @example
 * parseDecimal("6e-05"); // { units: 6n, scale: 5 }
 */
export function parseDecimal(text) {
    const m = PLAIN_OR_EXP.exec(text.trim());
    if (m === null)
        throw new DecimalTextError(`not a non-negative decimal: ${JSON.stringify(text)}`);
    const intPart = m[1] ?? "0";
    const fracPart = m[2] ?? m[4] ?? "";
    const exp = Number(m[3] ?? m[5] ?? 0);
    let units = BigInt(intPart + fracPart);
    let scale = fracPart.length - exp;
    if (scale < 0) {
        units *= 10n ** BigInt(-scale);
        scale = 0;
    }
    return { units, scale };
}
/**
 * Decimal places a decimal needs once trailing zeros are dropped.
 * @param value from {@link parseDecimal}
 * @returns the smallest scale that writes it exactly
 * @throws never
 * @example
 * significantScale(parseDecimal("2926.20")); // 1
 */
export function significantScale(value) {
    let { units, scale } = value;
    while (scale > 0 && units % 10n === 0n) {
        units /= 10n;
        scale--;
    }
    return scale;
}
/**
 * Spells a decimal with exactly `places` digits after the point, truncating extra digits toward zero (Binance
 * never rounds a price or a quantity up).
 * @param value from {@link parseDecimal}
 * @param places digits after the point; 0 gives an integer with no point
 * @returns the decimal string, e.g. `"0.00006000"`
 * @throws {DecimalTextError} never for valid input; `places` must be a non-negative integer
 * @example
 * formatDecimal(parseDecimal("6e-05"), 8); // "0.00006000"
 */
export function formatDecimal(value, places) {
    if (!Number.isInteger(places) || places < 0)
        throw new DecimalTextError(`places must be a non-negative integer, got ${places}`);
    let units = value.units;
    if (places >= value.scale)
        units *= 10n ** BigInt(places - value.scale);
    else
        units /= 10n ** BigInt(value.scale - places);
    const digits = units.toString().padStart(places + 1, "0");
    if (places === 0)
        return digits;
    return `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}
/**
 * The exact product of two decimal strings (price × quantity = quote quantity).
 * @param a a plain decimal string
 * @param b a plain decimal string
 * @param places digits after the point in the result; the exact product's own scale when omitted
 * @returns the product as a decimal string
 * @throws {DecimalTextError} an operand is not a decimal
 * @example
 * multiplyDecimal("0.00000638", "177.00000000", 8); // "0.00112926"
 */
export function multiplyDecimal(a, b, places) {
    const x = parseDecimal(a);
    const y = parseDecimal(b);
    const product = { units: x.units * y.units, scale: x.scale + y.scale };
    return formatDecimal(product, places ?? significantScale(product));
}
