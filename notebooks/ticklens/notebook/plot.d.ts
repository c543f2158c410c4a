/**
 * Observable Plot charts rendered in Node: Plot builds DOM nodes, and a notebook kernel has no DOM, so each chart
 * is drawn into a linkedom document and handed back as markup (SVG, or HTML when Plot wraps it in a figure).
 */
import * as Plot from "@observablehq/plot";
/** A rendered chart: an `<svg>` on its own, or a `<figure>` (legend, title, caption) holding SVG. */
export interface RenderedPlot {
    readonly mimeType: "image/svg+xml" | "text/html";
    readonly markup: string;
}
/**
 * Renders a Plot chart without a browser.
 *
 * @param options any `Plot.plot` options except `document` (supplied here)
 * @returns the markup and its MIME type
 * @throws Plot's own errors for invalid options
 * @example
 * renderPlot({ marks: [Plot.lineY(bars, { x: "bucketStart", y: "close" })] }).markup; // "<svg xmlns=…"
 */
export declare function renderPlot(options: Plot.PlotOptions): RenderedPlot;
