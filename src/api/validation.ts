/**
 * Request parameters checked once, at the edge, with zod; a failure names the field and becomes a 400.
 * Routes declare their path and query schemas with `createRoute` (see http/openapi.ts): `@hono/zod-openapi`
 * validates them and {@link validationHook} turns a refusal into the API's own error. Bodies a route reads itself
 * go through {@link parseJsonBody} with the same wording.
 */
import type { Context } from "hono";
import { z } from "zod";
import { ApiError } from "./errors.ts";

/** Where a value came from, as a refusal names it when no field is at fault (an unknown parameter: `query`). */
export type Where = "query" | "body" | "path" | "header";

/**
 * The 400 for a refused value: `field: message`, the field the issue's path (or where the value came from).
 *
 * @param issue a zod issue, e.g. the first of a failed parse
 * @param where where the value came from, named when the issue has no path (an unknown parameter: `query`)
 * @returns the error to throw: 400 `invalid_parameter`
 * @example
 * throw parameterRefusal(result.error.issues[0], "body");
 */
export function parameterRefusal(issue: z.core.$ZodIssue, where: Where): ApiError {
  const field = issue.path.length > 0 ? issue.path.join(".") : where;
  return new ApiError(400, "invalid_parameter", `${field}: ${issue.message}`, field);
}

const refusal = (error: z.ZodError, where: Where) => parameterRefusal(error.issues[0], where);

const WHERE: Readonly<Record<string, Where>> = { query: "query", json: "body", form: "body", param: "path", header: "header" };

/**
 * The `defaultHook` of every route module's `OpenAPIHono`: a parameter that fails its route's schema is refused
 * through the one error path (`onApiError`), as `400 invalid_parameter` naming the field.
 *
 * @param result the validator's result (`target` is `query`, `param`, `json`, …)
 * @returns nothing when valid
 * @throws {ApiError} 400 `invalid_parameter`, `field` the first issue's path (`query` for an unknown parameter)
 * @example
 * new OpenAPIHono({ defaultHook: validationHook });
 */
export function validationHook(result: { target: string } & ({ success: true } | { success: false; error: z.ZodError })): void {
  if (!result.success) throw refusal(result.error, WHERE[result.target] ?? "query");
}

/** Parses the query string with `schema`; throws ApiError(400) naming the first bad field. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const result = schema.safeParse(c.req.query());
  if (result.success) return result.data;
  throw refusal(result.error, "query");
}

/** Largest JSON body a route reads unless it says otherwise, bytes (1 MiB). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Deepest nesting of objects and arrays a JSON body may have. */
export const MAX_JSON_DEPTH = 32;
/** Keys refused anywhere in a JSON body: merged into an object they would reach its prototype. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Reads a request body under a size limit: refused by its Content-Length before a byte is read, else counted as it
 * streams in and refused as soon as the count passes the limit (the rest is never buffered).
 *
 * @param c the request context
 * @param limit largest accepted body, bytes
 * @param tooLarge the error to throw past the limit
 * @returns the body's bytes (empty when there is none)
 * @throws the error of `tooLarge`
 * @example
 * const bytes = await readBodyLimited(c, 65_536, () => new ApiError(413, "too_large", "…", "body"));
 */
export async function readBodyLimited(c: Context, limit: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(c.req.header("content-length") ?? Number.NaN);
  if (declared > limit) throw tooLarge();
  const body = c.req.raw.body;
  if (body === null) return new Uint8Array(new ArrayBuffer(0));
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Half of a UTF-16 surrogate pair on its own. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first prototype key, lone surrogate or too-deep value in parsed JSON, with why; null when there is none. */
function hostileKey(json: unknown): { readonly path: string; readonly why: string } | null {
  const stack: [unknown, string, number][] = [[json, "", 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === "string" && LONE_SURROGATE.test(value)) return { path: path === "" ? "body" : path, why: "holds a lone surrogate (not Unicode text)" };
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return { path: path === "" ? "body" : path, why: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
      if (!Array.isArray(value) && (PROTOTYPE_KEYS.has(key) || LONE_SURROGATE.test(key))) return { path: at, why: "is not an allowed key" };
      stack.push([child, at, depth + 1]);
    }
  }
  return null;
}

/**
 * Reads a JSON body: at most `maxBytes` (413 `too_large` before it is read in full), JSON (else 400 `invalid_body`),
 * nested at most {@link MAX_JSON_DEPTH} levels and without a {@link PROTOTYPE_KEYS} key anywhere (400 naming it).
 */
export async function readJsonBody(c: Context, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const bytes = await readBodyLimited(c, maxBytes, () => new ApiError(413, "too_large", `the request body exceeds the limit of ${maxBytes} bytes`, "body"));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError(400, "invalid_body", "the request body is not valid JSON", "body");
  }
  const hostile = hostileKey(json);
  if (hostile !== null) throw new ApiError(400, "invalid_body", `${hostile.path} ${hostile.why}`, hostile.path);
  return json;
}

/** Parses a JSON body with `schema`; a body that is not JSON is a 400 too. */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const result = schema.safeParse(await readJsonBody(c));
  if (result.success) return result.data;
  throw refusal(result.error, "body");
}

/** Earliest time a parameter may name: 2009-01-01T00:00:00Z (before any crypto trade), ms since the Unix epoch. */
export const MIN_TIME_MS = Date.UTC(2009, 0, 1);
/** How far past now a time parameter may reach, ms (one day). */
export const MAX_TIME_AHEAD_MS = 86_400_000;

/** An ISO 8601 date, or date and time (seconds and fraction optional) with an optional `Z` or offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** Whole epoch milliseconds: digits only (no sign, point, exponent or spaces). */
const EPOCH_MS = /^\d{1,16}$/;

const shown = (value: unknown) => JSON.stringify(typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…` : value);

/**
 * Reads a time: an ISO 8601 string, or whole epoch milliseconds (a number, or a string of digits), from
 * 2009-01-01 to one day past now. Anything else (`1.5`, `1e308`, `x 5`, `%00`, a date beyond the range) is refused.
 *
 * @param value the raw value
 * @param now the current time, ms (default `Date.now()`)
 * @returns `{ ms }`, or `{ error }` saying why it was refused
 * @example
 * readTime("2025-12-16T10:00:00Z"); // { ms: 1765879200000 }
 */
export function readTime(value: unknown, now = Date.now()): { readonly ms: number } | { readonly error: string } {
  let ms: number;
  if (typeof value === "number") ms = Number.isSafeInteger(value) ? value : Number.NaN;
  else if (typeof value === "string" && EPOCH_MS.test(value)) ms = Number(value);
  else if (typeof value === "string" && ISO_TIME.test(value)) ms = Date.parse(value);
  else ms = Number.NaN;
  if (!Number.isFinite(ms)) return { error: `must be an ISO 8601 time or whole epoch milliseconds, got ${shown(value)}` };
  const max = now + MAX_TIME_AHEAD_MS;
  if (ms < MIN_TIME_MS || ms > max) {
    return { error: `must lie from ${new Date(MIN_TIME_MS).toISOString()} to ${new Date(max).toISOString()}, got ${shown(value)}` };
  }
  return { ms };
}

/** A zod transform reading a time with {@link readTime}: its milliseconds, or an issue saying why not. */
export function toTime(value: string | number, ctx: z.RefinementCtx): number {
  const time = readTime(value);
  if ("ms" in time) return time.ms;
  ctx.addIssue({ code: "custom", message: time.error });
  return z.NEVER;
}

/** A time bound: ISO 8601 or whole milliseconds since the Unix epoch, from 2009-01-01 to one day past now. */
export const timeParam = z
  .string()
  .transform(toTime)
  .meta({
    description: "ISO 8601, or a whole number of milliseconds since the Unix epoch; from 2009-01-01 to one day past now",
    example: "2025-12-16T10:00:00Z",
  });

/** The inclusive lower time bound of a query. */
export const fromParam = timeParam.optional().meta({ description: "Inclusive lower bound (ISO 8601 or epoch ms)" });
/** The exclusive upper time bound of a query. */
export const toParam = timeParam.optional().meta({ description: "Exclusive upper bound (ISO 8601 or epoch ms)" });
