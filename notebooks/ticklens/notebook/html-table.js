import { tableRows } from "./arrow-rows.js";
/**
 * Renders rows (plain objects, or an Arrow table) as an HTML table. Columns are the keys of the first row.
 *
 * @param rows the rows
 * @param options `{ limit, digits, caption }`
 * @returns the HTML
 * @example
 * renderTable([{ symbol: "BTCUSDT", trades: 8320 }]); // "<table>…<td>BTCUSDT</td><td …>8320</td>…"
 */
export function renderTable(rows, options = {}) {
    const all = Array.isArray(rows) ? rows : tableRows(rows);
    const limit = options.limit ?? 20;
    const digits = options.digits ?? 8;
    const shown = all.slice(0, limit);
    const columns = all.length > 0 ? Object.keys(all[0]) : [];
    const cell = (value) => {
        const numeric = typeof value === "number" || typeof value === "bigint";
        return `<td style="text-align:${numeric ? "right" : "left"}">${escapeHtml(formatValue(value, digits))}</td>`;
    };
    const parts = ["<table>"];
    if (options.caption)
        parts.push(`<caption>${escapeHtml(options.caption)}</caption>`);
    parts.push(`<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>`);
    for (const row of shown)
        parts.push(`<tr>${columns.map((c) => cell(row[c])).join("")}</tr>`);
    parts.push("</tbody></table>");
    const hidden = all.length - shown.length;
    parts.push(`<p><small>${all.length} row${all.length === 1 ? "" : "s"}${hidden > 0 ? `, first ${shown.length} shown` : ""}</small></p>`);
    return parts.join("");
}
function formatValue(value, digits) {
    if (value === null || value === undefined)
        return "NULL";
    if (typeof value === "number")
        return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(digits)));
    if (value instanceof Date)
        return Number.isFinite(value.getTime()) ? value.toISOString() : "Invalid Date";
    if (typeof value === "object")
        return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    return String(value);
}
function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
