/**
 * Request parameters checked once, at the edge, with zod; a failure names the field and becomes a 400.
 */
import type { Context } from "hono";
import { z } from "zod";
/** Parses the query string with `schema`; throws ApiError(400) naming the first bad field. */
export declare function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T>;
/** Parses a JSON body with `schema`; a body that is not JSON is a 400 too. */
export declare function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>>;
/** A time bound: ISO 8601 or milliseconds since the Unix epoch. */
export declare const timeParam: z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>;
/** An upper-case exchange symbol. */
export declare const symbolParam: z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, z.ZodString>;
/** Parses a path parameter with `schema`; throws ApiError(400) naming it. */
export declare function parsePathParam<T extends z.ZodType>(c: Context, name: string, schema: T): z.infer<T>;
