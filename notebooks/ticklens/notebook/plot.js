/**
 * Observable Plot charts rendered in Node: Plot builds DOM nodes, and a notebook kernel has no DOM, so each chart
 * is drawn into a linkedom document and handed back as markup (SVG, or HTML when Plot wraps it in a figure).
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
const SVG_NS = "http://www.w3.org/2000/svg";
/**
 * Renders a Plot chart without a browser.
 *
 * @param options any `Plot.plot` options except `document` (supplied here)
 * @returns the markup and its MIME type
 * @throws Plot's own errors for invalid options
 * @example
 * renderPlot({ marks: [Plot.lineY(bars, { x: "bucketStart", y: "close" })] }).markup; // "<svg xmlns=…"
 */
export function renderPlot(options) {
    const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");
    const node = Plot.plot({ ...options, document: document });
    if (node.tagName.toLowerCase() === "svg") {
        // A standalone SVG image needs its namespace; in a browser page Plot can leave it implicit.
        node.setAttribute("xmlns", SVG_NS);
        return { mimeType: "image/svg+xml", markup: node.outerHTML };
    }
    return { mimeType: "text/html", markup: node.outerHTML };
}
