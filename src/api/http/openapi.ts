/**
 * What every route module uses to declare its routes with `@hono/zod-openapi`, so `/api/openapi.json` is
 * generated from the schemas that check the requests: the router (whose validation failures become the API's own
 * 400), the one error shape as a component, responses that list the error codes they can carry, request bodies,
 * and the document itself.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { BlankEnv } from "hono/types";
import { validationHook } from "../validation.ts";
import { ARROW_STREAM_TYPE } from "./arrow-ipc.ts";

/**
 * A router whose declared path and query schemas are checked before the handler runs; a refusal goes through
 * `onApiError` as `400 invalid_parameter` naming the field.
 *
 * @returns an `OpenAPIHono` with {@link validationHook} as its default hook
 * @throws nothing
 * @example
 * const routes = apiRouter();
 * routes.openapi(createRoute({ method: "get", path: "/symbols", responses }), handler);
 */
export function apiRouter(): ApiRouter {
  return new OpenAPIHono<BlankEnv>({ defaultHook: validationHook });
}

/** A router of the API: an `OpenAPIHono` (a `Hono` whose routes carry their OpenAPI declaration). */
export type ApiRouter = OpenAPIHono<BlankEnv>;

/** The body of every refusal: `{ "error": { "code", "message", "field" } }`. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code; each response lists the ones it can carry" }),
      message: z.string().meta({ description: "For people" }),
      field: z.string().nullable().meta({ description: "The parameter or body field at fault (a dotted path), or null" }),
    }),
  })
  .openapi("Error");

/**
 * A refusal response: `why`, and the `error.code` values this status can carry on this route.
 *
 * @param codes the codes, e.g. `["invalid_parameter"]`
 * @param why what the status means here
 * @returns a response config with the {@link errorSchema} body
 * @example
 * responses: { 404: refused(["unknown_symbol"], "No data for the symbol") }
 */
export function refused(codes: readonly string[], why: string) {
  return {
    description: `${why}. \`error.code\`: ${codes.map((c) => `\`${c}\``).join(", ")}`,
    content: { "application/json": { schema: errorSchema } },
  };
}

/** Every route that reads the store: a request caught by a shutdown is told to retry. */
export const shuttingDown = refused(["shutting_down"], "The server is shutting down; retry shortly");
/** A malformed or unknown query or path parameter. */
export const invalidParameter = refused(["invalid_parameter"], "A malformed or unknown parameter (`field` names it; an unknown one is named `query`)");
/** A request without the bearer token the server asks for. */
export const unauthorized = refused(["unauthorized"], "The server has API_TOKEN set and the request lacks `Authorization: Bearer <API_TOKEN>`");
/** The 404 naming the known symbols. */
export const unknownSymbol = (fields: string) => refused(["unknown_symbol"], `No data for the symbol in ${fields}; the message lists the known ones`);

/** A JSON answer described by `schema`. */
export function jsonAnswer<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** An Arrow IPC stream answer (`Accept: application/vnd.apache.arrow.stream`), its columns named. */
export function arrowContent(columns: readonly string[]) {
  return {
    [ARROW_STREAM_TYPE]: {
      schema: z.string().meta({ format: "binary", description: `An Arrow IPC stream; columns ${columns.join(", ")}` }),
    },
  };
}

/** The operations that need `Authorization: Bearer <API_TOKEN>` when the server has a token. */
export const bearer = [{ bearerAuth: [] }];

/**
 * A request body the handler reads itself, documented by `schema` as the component `name`. The route's own
 * reading (`parseJsonBody`, `parseAlertRule`, the upload's streaming reader) keeps the API's refusals: a body that
 * is not JSON is `invalid_body`, a bad rule `invalid_rule` naming its field; zod-openapi's body validator would
 * answer those itself. (A JSON body's content type is checked by `requireJson` in http/request-guard.ts: 415.)
 *
 * @param router the router declaring the route (its registry receives the component)
 * @param name the component's name, e.g. `"SqlRequest"`
 * @param schema the schema the handler checks the body with
 * @param mediaType the body's content type (default JSON)
 * @returns the `content` entry of a route's `request.body`
 * @example
 * request: { body: { required: true, content: documentedBody(routes, "SqlRequest", sqlBody) } }
 */
export function documentedBody(router: ApiRouter, name: string, schema: z.ZodType, mediaType = "application/json") {
  // Registered through a fresh copy (metadata inherited): zod 4 gives a schema the `.openapi()` the registry calls only
  // when it is made after @hono/zod-openapi loaded, and the engine's schemas may have been made before.
  router.openAPIRegistry.register(name, schema.meta({}));
  return { [mediaType]: { schema: { $ref: `#/components/schemas/${name}` } } };
}

/** An OpenAPI 3.1 document as `@hono/zod-openapi` generates it. */
export type OpenApiDocument = ReturnType<ApiRouter["getOpenAPI31Document"]>;

const secured = new WeakSet<ApiRouter>();

/**
 * The OpenAPI 3.1 document of an app whose routes were declared with `createRoute`.
 *
 * @param app the assembled app (every route module mounted)
 * @returns the document
 * @throws nothing for a well-formed registry
 * @example
 * const doc = openApiDocument(app); // doc.paths["/api/ticks/{symbol}"].get.parameters …
 */
export function openApiDocument(app: ApiRouter): OpenApiDocument {
  if (!secured.has(app)) {
    secured.add(app);
    app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
      type: "http",
      scheme: "bearer",
      description: "API_TOKEN; required only when the server has one",
    });
  }
  return withGuards(app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Ticklens API",
      version: "0.1.0",
      description:
        "Binance trades, bars and pairs analytics from the Ticklens DuckDB store. Every refusal is JSON " +
        '`{ "error": { "code", "message", "field" } }` with a 4xx status (503 `shutting_down` while the server stops); ' +
        "an unknown path under /api answers 404 `not_found`. Times in JSON are ms since the Unix epoch, UTC. Every route " +
        "answers 421 `misdirected_host` to a Host header that names another server (DNS rebinding); POST, PATCH, DELETE " +
        "and the /ws/live upgrade answer 403 `forbidden_origin` to a page of another origin than the server's own or " +
        "CORS_ORIGIN's; with API_TOKEN set, every /api route but /api/health, and /ws/live, need the bearer token.",
    },
  }));
}

type Operation = { security?: unknown; responses?: Record<string, unknown>; requestBody?: { content?: Record<string, unknown> } };

/** A refusal as the generator writes it: the description and the error component. */
const refusal = (codes: readonly string[], why: string) => ({
  description: refused(codes, why).description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/**
 * What the app-wide guards (http/auth.ts, http/request-guard.ts) add to every operation: the bearer token (not on
 * /api/health and /metrics), 403 on state changes, 415 on JSON bodies. Declared once here rather than per route.
 */
function withGuards(document: ReturnType<ApiRouter["getOpenAPI31Document"]>) {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const needsToken = (path.startsWith("/api/") && path !== "/api/health") || path === "/ws/live";
      if (needsToken) op.security = bearer;
      // /ws/live documents only its upgrade; its refusals are in the description of the document.
      if (path === "/ws/live") continue;
      const responses = (op.responses ??= {});
      if (needsToken) responses["401"] ??= refusal(["unauthorized"], "The server has API_TOKEN set and the request lacks `Authorization: Bearer <API_TOKEN>`");
      if (["post", "patch", "delete"].includes(method)) {
        responses["403"] ??= refusal(["forbidden_origin"], "Sent by a page of another origin than the server's own or one in CORS_ORIGIN");
      }
      const types = Object.keys(op.requestBody?.content ?? {});
      if (types.length === 1 && types[0] === "application/json") {
        responses["415"] ??= refusal(["unsupported_media_type"], "The body was not sent as `Content-Type: application/json`");
      }
    }
  }
  return document;
}
