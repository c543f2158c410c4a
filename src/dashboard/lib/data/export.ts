/**
 * Export links on the Data page: ticks, bars or a pair's analytics series as CSV or Parquet, over a range, built as
 * plain `<a href download>` links to `GET /api/export/csv|parquet` (the API streams them, so a large range does not
 * pass through the page's memory). The hrefs follow the controls; relative ranges ("last hour") are recomputed
 * when a link is about to be followed.
 */
import { HEDGE_RATIO_METHODS, TIMEFRAME_PATTERN, TIMEFRAME_RULE } from "../../../engine/index.ts";
import { el, field, selectOf } from "../common/ui.ts";
import { LOOK_BACKS } from "../common/look-back.ts";
import { apiToken, authHeaders } from "../common/token.ts";

type Dataset = "ticks" | "ohlc" | "pairs";

/** What the controls say. */
export interface ExportChoice {
  readonly dataset: Dataset;
  /** One symbol, or "" for all (ticks and ohlc). */
  readonly symbol: string;
  readonly a: string;
  readonly b: string;
  readonly timeframe: string;
  readonly window: string;
  readonly method: string;
  /** Look-back in ms, 0 for everything stored, or -1 for the custom from/to. */
  readonly lookBackMs: number;
  /** Custom bounds as `datetime-local` values (local time), or "". */
  readonly from: string;
  readonly to: string;
}

const RANGES: readonly (readonly [string, number])[] = [...LOOK_BACKS, ["custom", -1]];

/**
 * The export's query string for a choice, or the reason it cannot be asked.
 *
 * @param c the controls' values
 * @param now the current time, ms (relative ranges end now, open-ended: the collector keeps adding)
 * @returns the query, or `{ problem }` naming what to fix
 * @example
 * exportQuery({ ...choice, dataset: "ohlc", symbol: "BTCUSDT", timeframe: "1m", lookBackMs: 3_600_000 }, Date.now());
 */
export function exportQuery(c: ExportChoice, now: number): URLSearchParams | { problem: string } {
  const q = new URLSearchParams({ dataset: c.dataset });
  if (c.dataset === "pairs") {
    if (c.a === c.b) return { problem: "choose two different symbols for a and b" };
    q.set("a", c.a);
    q.set("b", c.b);
    q.set("window", c.window);
    q.set("method", c.method);
  } else if (c.symbol !== "") q.set("symbol", c.symbol);
  if (c.dataset !== "ticks") {
    if (!TIMEFRAME_PATTERN.test(c.timeframe)) return { problem: `timeframe: ${TIMEFRAME_RULE}` };
    q.set("timeframe", c.timeframe);
  }
  if (c.lookBackMs > 0) q.set("from", new Date(now - c.lookBackMs).toISOString());
  if (c.lookBackMs === -1) {
    // datetime-local values are wall-clock times of this browser's zone; the API takes UTC instants.
    if (c.from !== "") q.set("from", new Date(c.from).toISOString());
    if (c.to !== "") q.set("to", new Date(c.to).toISOString());
    if (c.from !== "" && c.to !== "" && new Date(c.to) <= new Date(c.from)) return { problem: "to must be after from" };
  }
  return q;
}

/**
 * Builds the export panel.
 *
 * @param symbols the stored symbols
 * @returns the panel and `setSymbols` (after an upload adds one)
 */
export function exportPanel(symbols: readonly string[]): { element: HTMLElement; setSymbols(symbols: readonly string[]): void } {
  const dataset = selectOf("dataset", [["ticks", "ticks"], ["ohlc", "bars (OHLC)"], ["pairs", "pair analytics"]]);
  const symbol = selectOf("symbol", []);
  const a = selectOf("a", []);
  const b = selectOf("b", []);
  const timeframe = el("input", { type: "text", name: "timeframe", value: "1m", size: 6, list: "tl-export-timeframes" });
  const window = el("input", { type: "number", name: "window", value: 60, min: 3, step: 1 });
  const method = selectOf("method", HEDGE_RATIO_METHODS.map((m) => [m, m]));
  const range = selectOf("range", RANGES.map(([label, ms]) => [String(ms), label]));
  range.value = String(3_600_000);
  const from = el("input", { type: "datetime-local", name: "from", step: 1 });
  const to = el("input", { type: "datetime-local", name: "to", step: 1 });
  const csv = el("a", { "data-testid": "export-csv-link", className: "tl-button-link", download: "" }, "Download CSV");
  const parquet = el("a", { "data-testid": "export-parquet-link", className: "tl-button-link", download: "" }, "Download Parquet");
  const url = el("code", { className: "tl-export-url", "data-testid": "export-url" });
  const problem = el("p", { className: "tl-error-text", "data-testid": "export-problem", role: "alert" });
  const pairsNote = el("p", { className: "tl-muted", "data-when": "pairs" }, "A pair export needs at least “window” bars where both legs traded in the range; otherwise the download is the API's explanation.");

  const fields = el(
    "div",
    { className: "tl-data-form" },
    field("Data", dataset),
    field("Symbol", symbol, "single"),
    field("Leg a", a, "pairs"),
    field("Leg b", b, "pairs"),
    field("Timeframe", timeframe, "bars"),
    field("Window (bars)", window, "pairs"),
    field("Hedge ratio", method, "pairs"),
    field("Range", range),
    field("From (local time)", from, "custom"),
    field("To (local time)", to, "custom"),
    el("datalist", { id: "tl-export-timeframes" }, ...["1s", "5s", "15s", "1m", "5m", "15m", "1h", "1d"].map((v) => el("option", { value: v }))),
  );
  const element = el("div", { "data-testid": "export-form" }, fields, pairsNote, el("div", { className: "tl-form-actions" }, csv, parquet), url, problem);

  const choice = (): ExportChoice => ({
    dataset: dataset.value as Dataset,
    symbol: symbol.value,
    a: a.value,
    b: b.value,
    timeframe: timeframe.value.trim(),
    window: window.value,
    method: method.value,
    lookBackMs: Number(range.value),
    from: from.value,
    to: to.value,
  });

  const update = () => {
    const c = choice();
    const shown: Record<string, boolean> = {
      single: c.dataset !== "pairs",
      pairs: c.dataset === "pairs",
      bars: c.dataset !== "ticks",
      custom: c.lookBackMs === -1,
    };
    element.querySelectorAll<HTMLElement>("[data-when]").forEach((f) => (f.hidden = !shown[f.dataset.when!]));
    const q = exportQuery(c, Date.now());
    const ok = q instanceof URLSearchParams;
    problem.textContent = ok ? "" : q.problem;
    for (const [link, kind] of [[csv, "csv"], [parquet, "parquet"]] as const) {
      if (ok) link.setAttribute("href", `/api/export/${kind}?${q}`);
      else link.removeAttribute("href");
      link.setAttribute("aria-disabled", String(!ok));
    }
    url.textContent = ok ? `GET /api/export/csv?${q}` : "";
  };

  const setSymbols = (list: readonly string[]) => {
    refill(symbol, [["", "all symbols"], ...list.map((s): [string, string] => [s, s])], list[0] ?? "");
    refill(a, list.map((s) => [s, s]), list[1] ?? list[0] ?? "");
    refill(b, list.map((s) => [s, s]), list[0] ?? "");
    update();
  };

  element.addEventListener("input", (e) => {
    e.stopPropagation(); // not a Framework input
    update();
  });
  element.addEventListener("change", update);
  // "Last hour" means the hour before the click, not before the control last changed.
  for (const link of [csv, parquet]) {
    link.addEventListener("pointerdown", update);
    link.addEventListener("focus", update);
    link.addEventListener("click", (event) => {
      const href = link.getAttribute("href");
      if (href === null || apiToken() === null) return; // no token: the browser streams the download itself
      event.preventDefault();
      void downloadWithToken(href, problem);
    });
  }
  setSymbols(symbols);
  return { element, setSymbols };
}

/**
 * A download from a server started with `API_TOKEN`: a link cannot carry the Authorization header, so the file is
 * fetched with it and handed to the browser as a blob (it then passes through the page's memory).
 */
async function downloadWithToken(href: string, problem: HTMLElement): Promise<void> {
  const res = await fetch(href, { headers: authHeaders() });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    problem.textContent = body?.error?.message ?? `the export failed (HTTP ${res.status})`;
    return;
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "export";
  const url = URL.createObjectURL(await res.blob());
  const save = el("a", { href: url, download: name });
  document.body.append(save);
  save.click();
  save.remove();
  URL.revokeObjectURL(url);
}

/** Replaces a select's options, keeping its value when it still exists. */
function refill(select: HTMLSelectElement, options: readonly (readonly [string, string])[], fallback: string): void {
  const previous = select.options.length > 0 ? select.value : null;
  select.replaceChildren(...options.map(([value, label]) => el("option", { value }, label)));
  select.value = previous !== null && options.some(([v]) => v === previous) ? previous : fallback;
}
