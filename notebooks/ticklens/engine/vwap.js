/**
 * Volume-weighted average price of a set of fills: Σ price·qty / Σ qty.
 */
import { InsufficientDataError, InvalidParameterError } from "./errors.js";
import { finitePair } from "./validate.js";
/**
 * VWAP of prices weighted by quantities. Sums deviations from the first price, so prices near 87,000 times
 * quantities near 1e-3 keep their digits.
 *
 * @param prices fill prices, quote currency per unit
 * @param quantities fill quantities (base units), each ≥ 0, same length as prices
 * @returns Σ price·qty / Σ qty
 * @throws {NonFiniteValueError} a price or quantity is NaN or ±Infinity (the index is named)
 * @throws {LengthMismatchError} prices and quantities differ in length
 * @throws {InsufficientDataError} no values
 * @throws {InvalidParameterError} a quantity is negative (parameter `quantities[i]`), or they sum to 0 (parameter
 *   `quantities`): a VWAP of no volume is undefined
 * @example
 * vwap([87000, 87010], [0.5, 1.5]); // 87007.5
 */
export function vwap(prices, quantities) {
    const fn = "vwap";
    const [p, q] = finitePair(fn, "prices", prices, "quantities", quantities);
    if (p.length === 0)
        throw new InsufficientDataError(fn, "a VWAP", 1, 0);
    let total = 0;
    for (let i = 0; i < q.length; i++) {
        if (q[i] < 0)
            throw new InvalidParameterError(fn, `quantities[${i}]`, `is ${q[i]}; a quantity must be >= 0`);
        total += q[i];
    }
    if (!(total > 0))
        throw new InvalidParameterError(fn, "quantities", "sum to 0; the VWAP of no volume is undefined");
    const anchor = p[0];
    let weighted = 0;
    for (let i = 0; i < p.length; i++)
        weighted += (p[i] - anchor) * q[i];
    return anchor + weighted / total;
}
