/**
 * The rows of `ticklens sql` on stdout: CSV (RFC 4180, a header line), JSON lines (one object per row, keyed by
 * the column names made unique) or an aligned table for people. Values arrive JSON-safe (see {@link jsonValue}).
 */
import { uniqueNames } from "../api/column-names.ts";

export const SQL_FORMATS = ["csv", "json", "table"] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

/** A query's answer, JSON-safe. */
export interface SqlRows {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly unknown[])[];
  readonly truncated: boolean;
}

/**
 * A DuckDB value as JSON, the way `POST /api/sql` answers: integers beyond 2^53 as strings, timestamps as ISO 8601
 * UTC, bytes as base64, non-finite numbers as strings.
 */
export function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  return value;
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
