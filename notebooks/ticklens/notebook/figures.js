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
export function printFigures(figures) {
    const width = Math.max(0, ...Object.keys(figures).map((name) => name.length));
    for (const [name, value] of Object.entries(figures))
        console.log(`${name.padEnd(width)} = ${value}`);
    return figures;
}
/**
 * Reads {@link printFigures} lines back out of printed text (other lines are ignored).
 *
 * @param text printed output
 * @returns name → value text
 * @example
 * parseFigures("ols beta = 0.0315\n"); // Map { "ols beta" => "0.0315" }
 */
export function parseFigures(text) {
    const figures = new Map();
    for (const line of text.split("\n")) {
        const match = /^(\S.*?)\s* = (.*)$/.exec(line);
        if (match)
            figures.set(match[1], match[2]);
    }
    return figures;
}
