/**
 * The API's one error shape, `{ "error": { "code", "message", "field" } }`, and the handler that turns every
 * failure into it: input errors of any layer (engine, store, API validation) become 4xx, never 5xx.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EngineInputError, InvalidParameterError, InvalidTradeError, NonFiniteValueError } from "../engine/index.ts";
import { componentLogger } from "../runtime/logger.ts";
import { StoreClosedError, StoreInputError } from "../store/index.ts";

/** A refused request: HTTP status, a stable machine-readable code, a message for people, the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field: string | null };
}

/** Hono `onError`: the one place failures become responses. */
export function onApiError(error: Error, c: Context): Response {
  const reply = (status: ContentfulStatusCode, code: string, message: string, field: string | null = null) =>
    c.json<ErrorBody>({ error: { code, message, field } }, status);
  if (error instanceof ApiError) return reply(error.status, error.code, error.message, error.field);
  if (error instanceof EngineInputError) {
    // The engine refused the data or a parameter the request chose: the request is at fault, not the server.
    const field =
      error instanceof InvalidParameterError ? error.parameter : error instanceof NonFiniteValueError ? error.argument : error instanceof InvalidTradeError ? "trades" : null;
    return reply(422, "unprocessable", error.message, field);
  }
  if (error instanceof StoreInputError) return reply(400, "invalid_parameter", error.message, error.field);
  // The process is shutting down under a request: tell the client to come back, as a load balancer expects.
  if (error instanceof StoreClosedError) return reply(503, "shutting_down", "the server is shutting down; retry shortly");
  if (error instanceof HTTPException) return reply(error.status as ContentfulStatusCode, "http_error", error.message || "request refused");
  componentLogger("api").error({ err: error }, `unexpected error on ${c.req.method} ${c.req.path}`);
  return reply(500, "internal", "unexpected server error; it has been logged");
}
