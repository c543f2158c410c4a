/**
 * The SQL console on the Data page: one read-only SELECT through `POST /api/sql` (`{ sql, limit }`, JSON answer),
 * shown as a sortable table, or the API's message when DuckDB or the read-only guard refuses it.
 */
import type { SqlResult } from "../../../api/sql/routes.ts";
import { sendJson } from "../common/api.ts";
import { el, formatNumber, table } from "../common/ui.ts";
import { uniqueNames } from "../../../engine/index.ts";

/** The query the console opens with. */
export const DEFAULT_SQL = "SELECT symbol, count(*) AS trades FROM tick_data GROUP BY symbol ORDER BY symbol";

/** Starting points for the tables the store holds. */
const EXAMPLES: readonly (readonly [string, string])[] = [
  ["Trades per symbol", DEFAULT_SQL],
  ["Latest 1 m bars", "SELECT symbol, bucket_start, open, high, low, close, volume, trades\nFROM ohlc_data WHERE timeframe = '1m'\nORDER BY bucket_start DESC, symbol LIMIT 20"],
  // Relative to the newest stored trade: times are UTC, and a fast replay runs ahead of the clock.
  ["Largest trades, last hour", "SELECT symbol, trade_time, price, qty, quote_qty\nFROM tick_data\nWHERE trade_time > (SELECT max(trade_time) FROM tick_data) - INTERVAL 1 HOUR\nORDER BY quote_qty DESC LIMIT 20"],
  ["Uploads", "SELECT * FROM uploaded_data ORDER BY uploaded_at DESC"],
  ["Alert history", "SELECT id, rule_id, fired_at, value, message, acknowledged_at\nFROM alert_history ORDER BY id DESC LIMIT 50"],
];

/** Rows asked for by default: enough to read, few enough to draw at once. */
const DEFAULT_LIMIT = 1_000;

/**
 * Builds the console.
 *
 * @returns the panel (query, Run, result or error)
 */
export function sqlConsole(): HTMLElement {
  const input = el("textarea", { name: "sql", "data-testid": "sql-input", rows: 5, spellcheck: "false", "aria-label": "SQL query" }, DEFAULT_SQL);
  const run = el("button", { type: "button", "data-testid": "sql-run" }, "Run");
  const limit = el("input", { type: "number", name: "limit", value: DEFAULT_LIMIT, min: 1, max: 100_000, step: 1, "aria-label": "Row limit" });
  const examples = el(
    "select",
    { name: "example", "aria-label": "Example queries" },
    el("option", { value: "" }, "Examples…"),
    ...EXAMPLES.map(([label], i) => el("option", { value: i }, label)),
  );
  const meta = el("p", { className: "tl-muted", "data-testid": "sql-meta" });
  const error = el("pre", { className: "tl-error-text tl-sql-error", "data-testid": "sql-error", role: "alert", hidden: true });
  const result = el("div", { className: "tl-sql-result", "data-testid": "sql-result", hidden: true });

  const execute = async () => {
    run.disabled = true;
    meta.textContent = "running…";
    error.hidden = true;
    try {
      const answer = await sendJson<SqlResult>("POST", "/api/sql", { sql: input.value, limit: rowLimit(limit.value) });
      showResult(result, answer);
      meta.textContent = `${formatNumber(answer.rowCount)} row(s)${answer.truncated ? ` (the first ${formatNumber(answer.rowCount)}; raise the limit for more)` : ""} · ${answer.elapsedMs} ms`;
    } catch (e) {
      result.hidden = true;
      meta.textContent = "";
      error.textContent = e instanceof Error ? e.message : String(e);
      error.hidden = false;
    } finally {
      run.disabled = false;
    }
  };

  run.addEventListener("click", () => void execute());
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void execute();
    }
  });
  examples.addEventListener("change", () => {
    if (examples.value === "") return;
    input.value = EXAMPLES[Number(examples.value)][1];
    examples.value = "";
    input.focus();
  });
  const panel = el(
    "div",
    { "data-testid": "sql-console" },
    input,
    el("div", { className: "tl-form-actions" }, run, el("label", { className: "tl-field tl-inline" }, el("span", {}, "Row limit"), limit), examples, el("span", { className: "tl-muted" }, "Ctrl+Enter runs · read-only: one SELECT")),
    meta,
    error,
    result,
  );
  panel.addEventListener("input", (e) => e.stopPropagation()); // not a Framework input
  return panel;
}

function rowLimit(text: string): number {
  const n = Math.trunc(Number(text));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : DEFAULT_LIMIT;
}

/** Draws the answer: one row object per row, keyed by column name (a repeated name gets a suffix, as in Arrow). */
function showResult(result: HTMLElement, answer: SqlResult): void {
  const keys = uniqueNames(answer.columns.map((c) => c.name));
  const rows = answer.rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])));
  const t = rows.length > 0 ? table(rows, { sortable: true, format: (_k, v) => cell(v) }) : el("p", { className: "tl-muted" }, `no rows (columns: ${keys.join(", ")})`);
  // Column types as tooltips: DuckDB's names (TIMESTAMP, DOUBLE, …) tell how the values were converted.
  t.querySelectorAll("th").forEach((th, i) => th.setAttribute("title", answer.columns[i]?.type ?? ""));
  result.dataset.rows = String(answer.rowCount);
  result.dataset.columns = keys.join(",");
  result.replaceChildren(t);
  result.hidden = false;
}

/** Values as the API sent them: no rounding (ids and prices must read exactly), NULL spelled out. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

