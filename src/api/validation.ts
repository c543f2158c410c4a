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

/** Reads a JSON body; a body that is not JSON is a 400 naming `body`. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_body", "the request body is not valid JSON", "body");
  }
}

/** Parses a JSON body with `schema`; a body that is not JSON is a 400 too. */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const result = schema.safeParse(await readJsonBody(c));
  if (result.success) return result.data;
  throw refusal(result.error, "body");
}

/** A time bound: ISO 8601 or milliseconds since the Unix epoch. */
export const timeParam = z
  .string()
  .transform((value, ctx) => {
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO 8601 time or epoch milliseconds` });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ description: "ISO 8601, or an integer of milliseconds since the Unix epoch", example: "2025-12-16T10:00:00Z" });

/** The inclusive lower time bound of a query. */
export const fromParam = timeParam.optional().meta({ description: "Inclusive lower bound (ISO 8601 or epoch ms)" });
/** The exclusive upper time bound of a query. */
export const toParam = timeParam.optional().meta({ description: "Exclusive upper bound (ISO 8601 or epoch ms)" });
