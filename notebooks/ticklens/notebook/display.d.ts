/**
 * Charts and tables shown in a notebook cell. The kernel's display object is passed in (tslab's `display`), so
 * this module stays importable outside a kernel, in tests and scripts.
 */
import type * as Plot from "@observablehq/plot";
import type { Table } from "apache-arrow";
import { type TableOptions } from "./html-table.ts";
/** The part of a kernel's display the notebooks use; tslab's `display` has it. */
export interface DisplaySink {
    html(markup: string): void;
    svg(markup: string): void;
}
/** Rich output for a notebook cell. */
export interface NotebookDisplay {
    /** Shows rows (plain objects or an Arrow table) as an HTML table. */
    table(rows: readonly object[] | Table, options?: TableOptions): void;
    /** Shows an Observable Plot chart as SVG. */
    plot(options: Plot.PlotOptions): void;
}
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
export declare function notebookDisplay(sink: DisplaySink): NotebookDisplay;
