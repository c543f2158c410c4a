import { renderTable } from "./html-table.js";
import { renderPlot } from "./plot.js";
/**
 * Binds table and chart output to a kernel's display.
 *
 * @param sink e.g. `tslab.display`
 * @returns `{ table, plot }`
 * @example
 * import * as tslab from "tslab";
 * const show = notebookDisplay(tslab.display);
 * show.plot({ marks: [Plot.lineY(bars, { x: "bucketStart", y: "close" })] });
 */
export function notebookDisplay(sink) {
    return {
        table: (rows, options) => sink.html(renderTable(rows, options)),
        plot: (options) => {
            const { mimeType, markup } = renderPlot(options);
            if (mimeType === "image/svg+xml")
                sink.svg(markup);
            else
                sink.html(markup);
        },
    };
}
