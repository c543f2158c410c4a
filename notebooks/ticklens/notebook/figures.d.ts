/**
 * The key figures of a notebook printed as `name = value` lines on stdout, at full precision: a summary for the
 * reader, and the lines test/notebooks reads back to check the executed notebook against the engine.
 */
/**
 * Prints one `name = value` line per figure, names padded to one width. Numbers print as JavaScript writes them
 * (shortest text that reads back to the same double).
 *
 * @param figures name → value
 * @returns the same figures, for further use
 * @example
 * printFigures({ "ols beta": 0.0315, trades: 8320 });
 * // ols beta = 0.0315
 * // trades   = 8320
 */
export declare function printFigures<T extends Readonly<Record<string, number | string>>>(figures: T): T;
/**
 * Reads {@link printFigures} lines back out of printed text (other lines are ignored).
 *
 * @param text printed output
 * @returns name → value text
 * @example
 * parseFigures("ols beta = 0.0315\n"); // Map { "ols beta" => "0.0315" }
 */
export declare function parseFigures(text: string): Map<string, string>;
