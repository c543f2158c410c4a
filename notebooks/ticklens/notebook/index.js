/**
 * What a notebook imports to reach the platform: the notebooks' database (the real capture) or any Ticklens file
 * read-only, a running server through its SQL endpoint, SQL answers as Arrow tables or rows, and charts and tables
 * as rich output. Re-exports only.
 */
export { projectRoot, projectPath, SAMPLE_CAPTURE, SAMPLE_DB } from "./project-paths.js";
export { ensureSampleDb } from "./sample-db.js";
export { NotebookQueryError } from "./notebook-db.js";
export { openDb, openSampleDb } from "./file-db.js";
export { connectApi } from "./api-db.js";
export { tableRows } from "./arrow-rows.js";
export { renderPlot } from "./plot.js";
export { renderTable } from "./html-table.js";
export { notebookDisplay } from "./display.js";
export { printFigures, parseFigures } from "./figures.js";
