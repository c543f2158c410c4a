/**
 * The Data page (data.md): CSV upload with progress and line-by-line refusals, CSV / Parquet export links, and the
 * read-only SQL console.
 */
import { symbols } from "../common/api.ts";
import { exportPanel } from "../data/export.ts";
import { sqlConsole } from "../data/sql.ts";
import { ensureDataStyles } from "../data/styles.ts";
import { uploadPanel } from "../data/upload.ts";
import { statusBar } from "../common/status-bar.ts";
import { ensureStyles } from "../common/ui.ts";

export { statusBar, symbols };

/** The page's panels, placed by data.md. */
export interface DataPage {
  readonly upload: HTMLElement;
  readonly exports: HTMLElement;
  readonly sql: HTMLElement;
}

/**
 * Builds the page's panels; an upload refreshes the export's symbol lists (it may add a symbol).
 *
 * @param options the stored symbols
 * @returns the panels
 */
export function dataPage(options: { symbols: readonly string[] }): DataPage {
  ensureDataStyles();
  const exports = exportPanel(options.symbols);
  const upload = uploadPanel({
    onUploaded: () => {
      void symbols()
        .then((list) => exports.setSymbols(list.map((s) => s.symbol)))
        .catch(() => {}); // the lists stay as they were; the upload itself succeeded
    },
  });
  return { upload, exports: exports.element, sql: sqlConsole() };
}

ensureStyles();
