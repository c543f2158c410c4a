/**
 * What a notebook imports to reach the platform: the notebooks' database (the real capture) or any Ticklens file
 * read-only, a running server through its SQL endpoint, SQL answers as Arrow tables or rows, and charts and tables
 * as rich output. Re-exports only.
 */
export { projectRoot, projectPath, SAMPLE_CAPTURE, SAMPLE_DB } from "./project-paths.ts";
export { ensureSampleDb, type SampleDbOptions } from "./sample-db.ts";
export { NotebookQueryError, type NotebookDb, type SqlRow } from "./notebook-db.ts";
export { openDb, openSampleDb, type FileDb } from "./file-db.ts";
export { connectApi, type ApiDbOptions } from "./api-db.ts";
export { tableRows } from "./arrow-rows.ts";
export { renderPlot, type RenderedPlot } from "./plot.ts";
export { renderTable, type TableOptions } from "./html-table.ts";
export { notebookDisplay, type DisplaySink, type NotebookDisplay } from "./display.ts";
export { printFigures, parseFigures } from "./figures.ts";
