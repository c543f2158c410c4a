/**
 * CSV upload on the Data page: the file goes as the raw body of `POST /api/upload?kind&name&format…` (the API
 * stores all rows or none). XMLHttpRequest rather than fetch, because only it reports upload progress. A refusal
 * lists each problem with its line and column, as the API found them (the first 20, and the total).
 */
import type { UploadProblem } from "../../../api/upload/parse.ts";
import type { UploadRecord } from "../../../api/upload/store.ts";
import { firstLineOf, guessUpload, uploadNameFor, type UploadGuess } from "./upload-guess.ts";
import { DATA_KINDS } from "../../../engine/index.ts";
import { askApiToken, authHeaders } from "../common/token.ts";
import { el, field, formatNumber, selectOf } from "../common/ui.ts";

const FORMATS = ["auto", "ticklens", "binance-trades", "binance-aggtrades", "binance-klines", "generic"];
const TIME_UNITS = ["auto", "s", "ms", "us", "ns"];

/** The API's refusal body: the error, and for an invalid CSV the problems found. */
interface UploadRefusal {
  readonly error?: { readonly code: string; readonly message: string; readonly field: string | null };
  readonly problems?: readonly UploadProblem[];
  readonly problemCount?: number;
}

/** The answer of one upload request. */
type UploadAnswer = { readonly ok: true; readonly record: UploadRecord } | { readonly ok: false; readonly status: number; readonly refusal: UploadRefusal };

/**
 * Builds the upload form.
 *
 * @param options `onUploaded` hears every stored upload (e.g. to refresh symbol lists)
 * @returns the panel (form, progress, result, problems)
 */
export function uploadPanel(options: { onUploaded?: (record: UploadRecord) => void } = {}): HTMLElement {
  const input = (name: string, attrs: Record<string, string | number | boolean> = {}) => el("input", { type: "text", name, ...attrs });
  const file = el("input", { type: "file", name: "file", accept: ".csv,.txt,text/csv,text/plain", required: true });
  const kind = selectOf("kind", DATA_KINDS);
  const format = selectOf("format", FORMATS);
  const map = input("map", { placeholder: "time:timestamp,price:price,qty:qty", size: 40 });
  const name = input("name", { placeholder: "from the file name", size: 36, pattern: "[A-Za-z0-9][A-Za-z0-9._-]{0,63}" });
  const symbol = input("symbol", { placeholder: "if rows have none", size: 10 });
  const timeUnit = selectOf("timeUnit", TIME_UNITS);
  const timezone = input("timezone", { value: "UTC", size: 14 });
  const timeframe = input("timeframe", { placeholder: "e.g. 1m", size: 6 });
  const submit = el("button", { type: "submit", "data-testid": "upload-submit" }, "Upload");
  const hint = el("p", { className: "tl-muted", "data-testid": "upload-hint" }, "Our CSV exports, Binance trades / aggTrades / klines files, or any CSV with a header (map its columns).");
  const progress = el("progress", { "data-testid": "upload-progress", max: 1, value: 0, hidden: true });
  const state = el("span", { className: "tl-muted", "data-testid": "upload-state" });
  const result = el("div", { className: "tl-upload-result", "data-testid": "upload-result", hidden: true });
  const errors = el("ul", { className: "tl-upload-errors tl-error-text", "data-testid": "upload-errors", hidden: true });
  const summary = el("p", { className: "tl-error-text", "data-testid": "upload-error-summary", hidden: true });

  const form = el(
    "form",
    { className: "tl-data-form", "data-testid": "upload-form", novalidate: true },
    field("CSV file", file),
    field("Holds", kind),
    field("Upload name", name),
    field("Format", format),
    field("Column map (generic)", map, "generic"),
    field("Symbol", symbol),
    field("Epoch unit", timeUnit),
    field("Time zone of local times", timezone),
    field("Bar timeframe", timeframe, "ohlc"),
    el("div", { className: "tl-form-actions" }, submit, progress, state),
  );

  // The guess applies only while the trader has not set format or map by hand.
  let guessing: Promise<void> = Promise.resolve();
  let touched = false;
  format.addEventListener("change", () => (touched = true));
  map.addEventListener("input", () => (touched = true));

  const showRelevant = () => {
    form.querySelector<HTMLElement>("[data-when=generic]")!.hidden = format.value !== "generic";
    form.querySelector<HTMLElement>("[data-when=ohlc]")!.hidden = kind.value !== "ohlc";
  };

  const applyGuess = (g: UploadGuess) => {
    hint.textContent = `Columns: ${g.columns.join(", ")}${g.format === "auto" ? " (a layout the API recognises)" : ""}${g.hasSymbol || g.format === "auto" ? "" : " · no symbol column: fill in Symbol"}`;
    if (touched) return;
    format.value = g.format;
    map.value = g.map;
    showRelevant();
  };

  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen === undefined) return;
    name.value = uploadNameFor(chosen.name);
    guessing = firstLineOf(chosen).then((line) => applyGuess(guessUpload(line)), () => {});
  });

  const query = () => {
    const q = new URLSearchParams({ kind: kind.value, name: name.value.trim(), format: format.value, timeUnit: timeUnit.value });
    const optional: [string, string][] = [["map", map.value], ["symbol", symbol.value.toUpperCase()], ["timezone", timezone.value], ["timeframe", kind.value === "ohlc" ? timeframe.value : ""]];
    for (const [k, v] of optional) if (v.trim() !== "") q.set(k, v.trim());
    return q;
  };

  const reset = () => {
    result.hidden = errors.hidden = summary.hidden = true;
    result.replaceChildren();
    errors.replaceChildren();
    delete form.dataset.outcome;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    reset();
    const chosen = file.files?.[0];
    if (chosen === undefined) return showRefusal({ ok: false, status: 0, refusal: { error: { code: "no_file", message: "choose a CSV file first", field: "file" } } });
    await guessing; // a test or a quick trader may press Upload before the header was read
    if (name.value.trim() === "") name.value = uploadNameFor(chosen.name);
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    state.textContent = "sending…";
    const answer = await send(chosen, query(), (done) => {
      progress.value = done;
      // Once every byte is sent, the API is validating and storing: an indeterminate bar says "working".
      if (done >= 1) {
        progress.removeAttribute("value");
        state.textContent = "validating and storing…";
      }
    });
    submit.disabled = false;
    progress.value = !answer.ok && answer.status === 0 ? 0 : 1; // every byte reached the server unless the request failed
    state.textContent = "";
    if (answer.ok) {
      showRecord(answer.record);
      // The same name cannot be stored twice: the next upload of this file gets a fresh one.
      name.value = uploadNameFor(chosen.name);
      options.onUploaded?.(answer.record);
    } else showRefusal(answer);
  });

  function showRecord(r: UploadRecord) {
    form.dataset.outcome = "stored";
    result.hidden = false;
    result.dataset.rows = String(r.rows);
    result.dataset.inserted = String(r.inserted);
    result.replaceChildren(
      el("p", { className: "tl-verdict" }, el("strong", {}, `Stored ${formatNumber(r.inserted)} of ${formatNumber(r.rows)} rows`), ` as “${r.name}”`),
      definitions([
        ["Kind / format", `${r.kind} · ${r.format}`],
        ["Already stored (skipped)", formatNumber(r.duplicates)],
        ["Time range", r.firstTime === null ? "–" : `${r.firstTime} → ${r.lastTime}`],
        ["Source", r.source],
        ["SHA-256", r.checksum],
      ]),
    );
  }

  function showRefusal(answer: Extract<UploadAnswer, { ok: false }>) {
    form.dataset.outcome = "refused";
    const { error, problems = [], problemCount = problems.length } = answer.refusal;
    summary.hidden = false;
    summary.textContent =
      problems.length > 0
        ? `Nothing stored: ${formatNumber(problemCount)} problem(s) found${problemCount > problems.length ? `; the first ${problems.length}` : ""}:`
        : `Nothing stored${answer.status > 0 ? ` (HTTP ${answer.status})` : ""}:`;
    const items = problems.length > 0 ? problems.map(problemItem) : [problemItem({ line: 0, field: error?.field ?? "request", message: error?.message ?? "the upload failed" })];
    errors.replaceChildren(...items);
    errors.hidden = false;
  }

  form.addEventListener("input", (e) => e.stopPropagation()); // form fields are not Framework inputs
  kind.addEventListener("change", showRelevant);
  format.addEventListener("change", showRelevant);
  showRelevant();
  return el("div", {}, hint, form, summary, errors, result);
}

/**
 * POSTs the file with progress (0…1 of the bytes sent); resolves with the stored record or the refusal. A server
 * started with `API_TOKEN` that answers 401 gets the token asked for once (common/token.ts) and the file again.
 */
async function send(file: File, query: URLSearchParams, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  const answer = await sendOnce(file, query, onProgress);
  if (answer.ok || answer.status !== 401 || (await askApiToken()) === null) return answer;
  return sendOnce(file, query, onProgress);
}

function sendOnce(file: File, query: URLSearchParams, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/upload?${query}`);
    xhr.setRequestHeader("content-type", "text/csv");
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: { code: "http_error", message: xhr.responseText || xhr.statusText, field: null } };
      }
      resolve(xhr.status === 201 ? { ok: true, record: body as UploadRecord } : { ok: false, status: xhr.status, refusal: body as UploadRefusal });
    });
    xhr.addEventListener("error", () => resolve({ ok: false, status: 0, refusal: { error: { code: "network", message: "the upload did not reach the server (connection lost?)", field: null } } }));
    xhr.send(file);
  });
}

/** "line 17 · line: blank line inside the data"; a request-level error has no line. */
function problemItem(p: UploadProblem): HTMLLIElement {
  return el(
    "li",
    { "data-line": p.line > 0 ? p.line : undefined, "data-field": p.field },
    p.line > 0 ? el("span", { className: "tl-problem-line" }, `line ${p.line}`) : null,
    el("code", {}, p.field),
    `: ${p.message}`,
  );
}

function definitions(rows: [string, string][]): HTMLDListElement {
  return el("dl", { className: "tl-definitions" }, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}
