import { type Series } from "./validate.ts";
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
export declare function vwap(prices: Series, quantities: Series): number;
