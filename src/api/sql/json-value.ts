/**
 * A DuckDB value as JSON, the one way `POST /api/sql` and `ticklens sql` answer: integers beyond 2^53 as strings,
 * timestamps as ISO 8601 UTC, bytes as base64, non-finite numbers as strings.
 */

/** JSON-safe value: bigints as numbers when exact else strings, dates as ISO strings, bytes as base64. */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

