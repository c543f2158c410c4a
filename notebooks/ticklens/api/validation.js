import { z } from "zod";
import { ApiError } from "./errors.js";
/** Parses the query string with `schema`; throws ApiError(400) naming the first bad field. */
export function parseQuery(c, schema) {
    return parseWith(schema, c.req.query(), "query");
}
/** Parses a JSON body with `schema`; a body that is not JSON is a 400 too. */
export async function parseJsonBody(c, schema) {
    let body;
    try {
        body = await c.req.json();
    }
    catch {
        throw new ApiError(400, "invalid_body", "the request body is not valid JSON", "body");
    }
    return parseWith(schema, body, "body");
}
function parseWith(schema, input, where) {
    const result = schema.safeParse(input);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join(".") : where;
    throw new ApiError(400, "invalid_parameter", `${field}: ${issue.message}`, field);
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
});
/** An upper-case exchange symbol. */
export const symbolParam = z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{2,32}$/, "must be 2 to 32 letters and digits"));
/** Parses a path parameter with `schema`; throws ApiError(400) naming it. */
export function parsePathParam(c, name, schema) {
    const result = schema.safeParse(c.req.param(name));
    if (result.success)
        return result.data;
    throw new ApiError(400, "invalid_parameter", `${name}: ${result.error.issues[0].message}`, name);
}
