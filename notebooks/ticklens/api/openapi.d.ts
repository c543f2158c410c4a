/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json and rendered at /api/docs: every route `createApp`
 * mounts, its parameters (types, bounds, defaults as the zod schemas of the route modules state them), bodies,
 * responses and the error codes each can answer. test/api/openapi.test.ts checks it against the running app.
 */
/** A query, path or header parameter. */
interface Parameter {
    readonly name: string;
    readonly in: "query" | "path" | "header";
    readonly required?: boolean;
    readonly description?: string;
    readonly schema: Record<string, unknown>;
    /** A value the route accepts, used by the docs and by the route-coverage test. */
    readonly example?: string | number;
}
/** One operation: `summary` is what /api/docs lists. */
export interface Operation {
    readonly summary: string;
    readonly description?: string;
    readonly operationId: string;
    readonly tags: readonly string[];
    readonly parameters?: readonly Parameter[];
    readonly requestBody?: Record<string, unknown>;
    readonly security?: readonly Record<string, readonly string[]>[];
    readonly responses: Record<string, unknown>;
}
export declare const OPENAPI: {
    readonly openapi: string;
    readonly info: Record<string, unknown>;
    readonly paths: Record<string, Record<string, Operation>>;
    readonly components: Record<string, unknown>;
};
export {};
