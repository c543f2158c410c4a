/**
 * The Statistics page's live block: a sortable table with one row per collected symbol, recomputed in the browser
 * from each symbol's latest bars every 1.5 s while the tab is visible, and a button that downloads exactly the
 * rows shown (same columns and order, header first) as CSV.
 */
import { pollBarWindows, type BarWindows } from "../common/bar-windows.ts";
import { STATS_COLUMNS, symbolStats, type SymbolStats } from "./rows.ts";
import { SortableTable, toCsv } from "./table.ts";
import { checkTimeframe } from "../common/timeframe-check.ts";
import { download, el } from "../common/ui.ts";

/** Period of the refresh. */
export const STATS_REFRESH_MS = 1_500;

/**
 * Mounts the table for a timeframe and window.
 *
 * @param options timeframe, window in bars, and the cell's invalidation (stops the refresh)
 */
export function statsBlock(options: { timeframe: string; window: number; invalidation?: Promise<unknown> }): HTMLElement {
  const table = new SortableTable<SymbolStats>(STATS_COLUMNS, (r) => r.symbol, { "data-testid": "stats-table" });
  table.element.dataset.status = "loading";
  const note = el("span", { className: "tl-muted", "data-testid": "stats-note" }, "loading bars…");
  const button = el("button", { type: "button", "data-testid": "stats-csv", onclick: () => downloadShown(table, options) }, "Download CSV");
  const element = el("div", {}, el("div", { className: "tl-controls" }, button, note), el("div", { style: "overflow-x:auto" }, table.element));

  const checked = checkTimeframe(options.timeframe);
  const problem = !checked.ok ? checked.message : !Number.isInteger(options.window) || options.window < 3 ? "The window must be a whole number of bars, at least 3." : null;
  if (problem !== null || !checked.ok) {
    table.element.dataset.status = "invalid";
    note.className = "tl-error-text";
    note.textContent = problem ?? "";
    return element;
  }
  const timeframe = checked.timeframe;
  Object.assign(table.element.dataset, { timeframe: timeframe.label, window: String(options.window) });

  const show = (w: BarWindows) => {
    table.setRows(w.symbols.map((s) => symbolStats(s, w.bars[s])));
    Object.assign(table.element.dataset, { status: "ok", updatedAt: String(w.at), rows: String(w.symbols.length) });
    note.className = "tl-muted";
    note.textContent =
      w.symbols.length === 0
        ? "No symbols collected yet."
        : `latest ${options.window} ${timeframe.label} bars per symbol · updated ${new Date(w.at).toLocaleTimeString()} · refreshes every ${STATS_REFRESH_MS / 1000} s · click a header to sort`;
  };
  pollBarWindows({
    timeframe,
    count: options.window,
    everyMs: STATS_REFRESH_MS,
    invalidation: options.invalidation,
    onData: show,
    onError: (error) => {
      // Keep the last rows on screen; say that they are stale.
      note.className = "tl-error-text";
      note.textContent = `Could not refresh: ${error.message}`;
    },
  });
  return element;
}

function downloadShown(table: SortableTable<SymbolStats>, options: { timeframe: string; window: number }): void {
  const { header, rows } = table.shown();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  download(`ticklens-stats-${options.timeframe}-${options.window}-${stamp}.csv`, toCsv(header, rows));
}
