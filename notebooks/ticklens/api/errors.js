import { HTTPException } from "hono/http-exception";
import { EngineInputError, InvalidParameterError, InvalidTradeError, NonFiniteValueError } from "../engine/index.js";
import { StoreClosedError, StoreInputError } from "../store/index.js";
/** A refused request: HTTP status, a stable machine-readable code, a message for people, the field at fault. */
export class ApiError extends Error {
    status;
    code;
    field;
    constructor(status, code, message, field = null) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.name = "ApiError";
    }
}
/** Hono `onError`: the one place failures become responses. */
export function onApiError(error, c) {
    const reply = (status, code, message, field = null) => c.json({ error: { code, message, field } }, status);
    if (error instanceof ApiError)
        return reply(error.status, error.code, error.message, error.field);
    if (error instanceof EngineInputError) {
        // The engine refused the data or a parameter the request chose: the request is at fault, not the server.
        const field = error instanceof InvalidParameterError ? error.parameter : error instanceof NonFiniteValueError ? error.argument : error instanceof InvalidTradeError ? "trades" : null;
        return reply(422, "unprocessable", error.message, field);
    }
    if (error instanceof StoreInputError)
        return reply(400, "invalid_parameter", error.message, error.field);
    // The process is shutting down under a request: tell the client to come back, as a load balancer expects.
    if (error instanceof StoreClosedError)
        return reply(503, "shutting_down", "the server is shutting down; retry shortly");
    if (error instanceof HTTPException)
        return reply(error.status, "http_error", error.message || "request refused");
    process.stderr.write(`api: unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error}\n`);
    return reply(500, "internal", "unexpected server error; it has been logged");
}
