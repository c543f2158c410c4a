/**
 * The API's one error shape, `{ "error": { "code", "message", "field" } }`, and the handler that turns every
 * failure into it: input errors of any layer (engine, store, API validation) become 4xx, never 5xx.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
/** A refused request: HTTP status, a stable machine-readable code, a message for people, the field at fault. */
export declare class ApiError extends Error {
    readonly status: ContentfulStatusCode;
    readonly code: string;
    readonly field: string | null;
    constructor(status: ContentfulStatusCode, code: string, message: string, field?: string | null);
}
/** The JSON body of every error response. */
export interface ErrorBody {
    readonly error: {
        readonly code: string;
        readonly message: string;
        readonly field: string | null;
    };
}
/** Hono `onError`: the one place failures become responses. */
export declare function onApiError(error: Error, c: Context): Response;
