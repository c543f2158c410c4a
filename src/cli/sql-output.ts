/**
 * The rows of `ticklens sql` on stdout: CSV (RFC 4180, a header line), JSON lines (one object per row, keyed by
 * the column names made unique) or an aligned table for people. Values arrive JSON-safe (`toJsonValue`).
 */
import { uniqueNames } from "../engine/index.ts";

export const SQL_FORMATS = ["csv", "json", "table"] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

/** A query's answer, JSON-safe. */
export interface SqlRows {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly unknown[])[];
  readonly truncated: boolean;
}

/** One value as text: empty for null, JSON for lists and structs. */
function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function csvField(value: unknown): string {
  const t = text(value);
  return /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
}

/**
 * @param answer the columns and rows
 * @param format csv, json or table
 * @returns the text for stdout, ending with a newline (empty for JSON lines of no row)
 */
export function formatRows(answer: SqlRows, format: SqlFormat): string {
  const names = answer.columns.map((c) => c.name);
  if (format === "json") {
    const keys = uniqueNames(names);
    return answer.rows.map((row) => `${JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, row[i]])))}\n`).join("");
  }
  if (format === "csv") {
    return [names, ...answer.rows].map((row) => `${row.map(csvField).join(",")}\n`).join("");
  }
  const cells = answer.rows.map((row) => row.map(text));
  const widths = names.map((n, i) => Math.max(n.length, ...cells.map((r) => r[i].length)));
  const numeric = answer.rows.length > 0 ? names.map((_, i) => answer.rows.every((r) => r[i] === null || typeof r[i] === "number")) : names.map(() => false);
  const line = (r: readonly string[]) => `${r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd()}\n`;
  return [line(names), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("");
}
