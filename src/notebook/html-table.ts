/**
 * Rows as an HTML table for a notebook cell: the first rows of an answer, numbers right-aligned and rounded to
 * significant digits, times in UTC, and a note of how many rows were left out.
 */
import type { Table } from "apache-arrow";
import { tableRows } from "./arrow-rows.ts";

export interface TableOptions {
  /** Rows shown (default 20); the rest are counted under the table. */
  readonly limit?: number;
  /** Significant digits of non-integer numbers (default 8). */
  readonly digits?: number;
  /** A caption above the table. */
  readonly caption?: string;
}

/**
 * Renders rows (plain objects, or an Arrow table) as an HTML table. Columns are the keys of the first row.
 *
 * @param rows the rows
 * @param options `{ limit, digits, caption }`
 * @returns the HTML
 * @example
 * renderTable([{ symbol: "BTCUSDT", trades: 8320 }]); // "<table>…<td>BTCUSDT</td><td …>8320</td>…"
 */
export function renderTable(rows: readonly object[] | Table, options: TableOptions = {}): string {
  const all = Array.isArray(rows) ? (rows as readonly Record<string, unknown>[]) : tableRows(rows as Table);
  const limit = options.limit ?? 20;
  const digits = options.digits ?? 8;
  const shown = all.slice(0, limit);
  const columns = all.length > 0 ? Object.keys(all[0]) : [];
  const cell = (value: unknown) => {
    const numeric = typeof value === "number" || typeof value === "bigint";
    return `<td style="text-align:${numeric ? "right" : "left"}">${escapeHtml(formatValue(value, digits))}</td>`;
  };
  const parts = ["<table>"];
  if (options.caption) parts.push(`<caption>${escapeHtml(options.caption)}</caption>`);
  parts.push(`<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>`);
  for (const row of shown) parts.push(`<tr>${columns.map((c) => cell(row[c])).join("")}</tr>`);
  parts.push("</tbody></table>");
  const hidden = all.length - shown.length;
  parts.push(`<p><small>${all.length} row${all.length === 1 ? "" : "s"}${hidden > 0 ? `, first ${shown.length} shown` : ""}</small></p>`);
  return parts.join("");
}

function formatValue(value: unknown, digits: number): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(digits)));
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : "Invalid Date";
  if (typeof value === "object") return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  return String(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
