import type { MiddlewareHandler } from "hono";
export interface ResponseCacheOptions {
    /** After a stored batch, an answer is served as it is until its read began this long ago, ms (default 250). */
    readonly refreshMs?: number;
    /** After a stored batch, an answer is not served once its read began this long ago, ms (default 2,000). */
    readonly maxStaleMs?: number;
    /** With no change signalled, an answer is recomputed once its read began this long ago, ms (default 1,000). */
    readonly maxAgeMs?: number;
    /** Entries kept; past this the cache starts empty again (default 1,000). */
    readonly maxEntries?: number;
    /** Body bytes kept; past this the cache starts empty again (default 64 MiB). */
    readonly maxBytes?: number;
    /** The clock, ms (default `Date.now`; tests step their own). */
    readonly now?: () => number;
}
export declare class ResponseCache {
    private batches;
    private invalidations;
    private readonly entries;
    /** Body bytes of the answers in `entries`. */
    private bytes;
    private readonly refreshMs;
    private readonly maxStaleMs;
    private readonly maxAgeMs;
    private readonly maxEntries;
    private readonly maxBytes;
    private readonly now;
    constructor(options?: ResponseCacheOptions);
    /** A batch was stored: answers are recomputed once older than `refreshMs` (see the file comment). */
    batchStored(): void;
    /** The data changed in a way a reader must see at once (an upload): no earlier answer is served again. */
    invalidate(): void;
    /** Middleware for GET routes whose answer depends only on the URL, the Accept header and the stored data. */
    middleware(): MiddlewareHandler;
    private compute;
    /** Starts empty (requests holding an entry finish with it). */
    private clear;
}
