/**
 * The Correlation page's live block: every few seconds (while the tab is visible) it reads each symbol's latest
 * bars, correlates their log returns in the browser and redraws the heatmap. The figure carries the matrix as
 * JSON in `data-matrix` (rows in the order of `data-symbols`; null where undefined).
 */
import { correlationHeatmap } from "./heatmap.ts";
import { returnsCorrelation } from "./returns.ts";
import { plotPanel } from "../common/plot-panel.ts";
import { pollBarWindows, type BarWindows } from "../common/bar-windows.ts";
import { checkTimeframe } from "../common/timeframe-check.ts";
import { el } from "../common/ui.ts";

/** Period of the refresh: correlations over hundreds of bars move slowly. */
export const CORRELATION_REFRESH_MS = 3_000;

/**
 * Mounts the heatmap for a timeframe and window.
 *
 * @param options timeframe, window in bars, and the cell's invalidation (stops the refresh)
 * @returns the block (figure with data-testid `correlation-heatmap`, and a status line)
 */
export function correlationBlock(options: { timeframe: string; window: number; invalidation?: Promise<unknown> }): HTMLElement {
  const panel = plotPanel("correlation-heatmap", "Correlation of log returns", "");
  const figure = panel.element;
  const note = el("p", { className: "tl-muted", "data-testid": "correlation-note" }, "loading bars…");
  const element = el("div", {}, figure, note);
  figure.dataset.status = "loading";
  void options.invalidation?.then(() => panel.dispose());

  const checked = checkTimeframe(options.timeframe);
  const problem = !checked.ok ? checked.message : !Number.isInteger(options.window) || options.window < 3 ? "The window must be a whole number of bars, at least 3." : null;
  if (problem !== null || !checked.ok) {
    showProblem(figure, panel, note, problem ?? "", "invalid");
    return element;
  }
  const timeframe = checked.timeframe;
  Object.assign(figure.dataset, { timeframe: timeframe.label, window: String(options.window) });

  const draw = (w: BarWindows) => {
    const result = returnsCorrelation(w.symbols, w.bars);
    figure.dataset.updatedAt = String(w.at);
    if (!result.ok) {
      showProblem(figure, panel, note, result.reason, "insufficient");
      return;
    }
    Object.assign(figure.dataset, {
      status: "ok",
      matrix: JSON.stringify(result.matrix.map((r) => r.map((v) => (Number.isFinite(v) ? v : null)))),
      symbols: JSON.stringify(result.symbols),
      returns: String(result.returns),
    });
    panel.subtitle(`${result.returns} ${timeframe.label} returns on the buckets where every symbol traded, from the latest ${options.window} bars of each`);
    panel.show((width) => correlationHeatmap(result.symbols, result.matrix, width));
    const span = `${time(result.from)} to ${time(result.to)} UTC`;
    const missing = result.missing.length > 0 ? ` · no bars in the window: ${result.missing.join(", ")}` : "";
    note.className = "tl-muted";
    note.textContent = `${span}${missing} · updated ${new Date(w.at).toLocaleTimeString()} · refreshes every ${CORRELATION_REFRESH_MS / 1000} s`;
  };
  pollBarWindows({
    timeframe,
    count: options.window,
    everyMs: CORRELATION_REFRESH_MS,
    invalidation: options.invalidation,
    onData: draw,
    onError: (error) => {
      // Keep the last matrix on screen; say that it is stale.
      note.className = "tl-error-text";
      note.textContent = `Could not refresh: ${error.message}`;
    },
  });
  return element;
}

function time(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}

function showProblem(figure: HTMLElement, panel: ReturnType<typeof plotPanel>, note: HTMLElement, message: string, status: string): void {
  figure.dataset.status = status;
  figure.dataset.matrix = "[]";
  figure.dataset.symbols = "[]";
  panel.message(message);
  note.textContent = "";
}
