/**
 * Exact decimal strings as Binance sends them ("87763.50000000"): captures store floats ("6e-05", "2926.2"), so
 * prices and quantities are re-spelled here through BigInt, never through a binary double.
 */
/** A decimal number as an integer of `digits` scaled by 10^-`scale`. */
export interface Decimal {
    /** The value times 10^scale, exactly. */
    readonly units: bigint;
    /** Digits after the decimal point. */
    readonly scale: number;
}
/** Thrown when a capture field is not a plain or exponent-notation non-negative decimal. */
export declare class DecimalTextError extends Error {
    readonly name = "DecimalTextError";
}
/**
 * Reads a non-negative decimal written plainly or in exponent notation, exactly.
 * @param text e.g. `"2926.2"`, `"6e-05"`, `"0.00000638"`
 * @returns its units and scale (trailing zeros after the point are kept in the scale)
 * @throws {DecimalTextError} the text is not a non-negative decimal
 * @example
 * parseDecimal("6e-05"); // { units: 6n, scale: 5 }
 */
export declare function parseDecimal(text: string): Decimal;
/**
 * Decimal places a decimal needs once trailing zeros are dropped.
 * @param value from {@link parseDecimal}
 * @returns the smallest scale that writes it exactly
 * @throws never
 * @example
 * significantScale(parseDecimal("2926.20")); // 1
 */
export declare function significantScale(value: Decimal): number;
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
export declare function formatDecimal(value: Decimal, places: number): string;
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
export declare function multiplyDecimal(a: string, b: string, places?: number): string;
