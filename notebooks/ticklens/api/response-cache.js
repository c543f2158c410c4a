/**
 * Read answers shared between requests, kept as the exact bytes sent, so that serving one costs about as much as a
 * trivial route: no query, no validation, no serialisation, one socket write.
 *
 * Freshness. Two kinds of change reach the cache:
 * - {@link ResponseCache.batchStored}: the collector stored a batch (about ten a second). An answer whose read
 *   began less than `refreshMs` ago is still served as it is; an older one is recomputed by the next request
 *   while the others keep getting it (stale-while-revalidate), but not once its read began `maxStaleMs` ago:
 *   then they wait for the recompute. So answers lag the store by about `refreshMs` plus one recompute, a batch
 *   is in every answer served more than `maxStaleMs` after it was stored (unless one recompute takes longer than
 *   that), and a URL is recomputed at most once per `refreshMs` however fast batches come.
 * - {@link ResponseCache.invalidate}: an upload. Strict: no answer whose read began before the call is served
 *   after it; requests wait for a recompute instead (read-your-writes).
 * With no change signalled, an answer is still recomputed once `maxAgeMs` old (served meanwhile).
 *
 * Concurrency. One computation per URL at a time: identical requests arriving while it runs get the previous
 * answer at once, or, with none servable, wait for it and share its result (errors included; errors are never
 * kept for later requests).
 *
 * Each answer carries a strong ETag of its bytes; a request whose `If-None-Match` names it gets 304.
 *
 * Compression. A text answer of at least {@link GZIP_MIN_BYTES} is gzipped once, on the first request that
 * accepts gzip (browsers all do), and those bytes are served to every such request with their own ETag and
 * `Vary: Accept-Encoding`: the bytes written per request, the main cost of serving a cached answer, shrink
 * several-fold (7.5× for 60 bars), and compressing costs one request per answer, not every request. The byte
 * budget counts plain bodies; a gzipped variant adds a fraction of its plain body.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
/** Smallest body worth compressing, bytes: below it the gzip header and a round of zlib cost more than they save. */
const GZIP_MIN_BYTES = 1_024;
const COMPRESSIBLE_TYPE = /^(application\/json|text\/)/;
/**
 * Headers that answer the request rather than the URL (CORS sets them from the Origin header): not shared, so
 * one origin's grant is never replayed to another.
 */
const PER_REQUEST_HEADER = /^(access-control-|vary$)/;
export class ResponseCache {
    batches = 0;
    invalidations = 0;
    entries = new Map();
    /** Body bytes of the answers in `entries`. */
    bytes = 0;
    refreshMs;
    maxStaleMs;
    maxAgeMs;
    maxEntries;
    maxBytes;
    now;
    constructor(options = {}) {
        this.refreshMs = options.refreshMs ?? 250;
        this.maxStaleMs = options.maxStaleMs ?? 2_000;
        this.maxAgeMs = options.maxAgeMs ?? 1_000;
        this.maxEntries = options.maxEntries ?? 1_000;
        this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
        this.now = options.now ?? Date.now;
    }
    /** A batch was stored: answers are recomputed once older than `refreshMs` (see the file comment). */
    batchStored() {
        this.batches++;
    }
    /** The data changed in a way a reader must see at once (an upload): no earlier answer is served again. */
    invalidate() {
        this.invalidations++;
    }
    /** Middleware for GET routes whose answer depends only on the URL, the Accept header and the stored data. */
    middleware() {
        return async (c, next) => {
            if (c.req.method !== "GET")
                return next();
            const key = `${c.req.url}\n${c.req.header("accept") ?? ""}`;
            const now = this.now();
            let entry = this.entries.get(key);
            if (entry === undefined) {
                if (this.entries.size >= this.maxEntries)
                    this.clear();
                entry = { answer: null, at: 0, batches: -1, invalidations: -1, pending: null, pendingInvalidations: -1 };
                this.entries.set(key, entry);
            }
            const answer = entry.answer !== null && entry.invalidations === this.invalidations ? entry.answer : null;
            const age = now - entry.at;
            const unchanged = entry.batches === this.batches;
            if (answer !== null && age < (unchanged ? this.maxAgeMs : this.refreshMs))
                return send(c, answer);
            const pending = entry.pending !== null && entry.pendingInvalidations === this.invalidations ? entry.pending : null;
            if (pending !== null) {
                // Someone is recomputing: serve the previous answer if it is recent enough, else wait for theirs.
                if (answer !== null && (unchanged || age < this.maxStaleMs))
                    return send(c, answer);
                const shared = await pending.catch(() => null);
                if (shared === null)
                    return next(); // the computation threw: this request computes (and reports) its own
                return send(c, shared);
            }
            // This request recomputes; identical requests arriving meanwhile take the branch above.
            return this.compute(c, next, key, entry, now);
        };
    }
    async compute(c, next, key, entry, now) {
        const batches = this.batches;
        const invalidations = this.invalidations;
        let settle;
        let fail;
        const pending = new Promise((resolve, reject) => {
            settle = resolve;
            fail = reject;
        });
        pending.catch(() => { }); // waiters see the rejection; none waiting is no unhandled rejection
        entry.pending = pending;
        entry.pendingInvalidations = invalidations;
        try {
            await next();
            const { answer, ownHeaders } = await capture(c.res);
            // Kept only if no upload came meanwhile (its read may predate the upload) and it is not an error.
            if (answer.status === 200 && invalidations === this.invalidations) {
                if (this.entries.get(key) === entry)
                    this.bytes += answer.body.byteLength - (entry.answer?.body.byteLength ?? 0);
                Object.assign(entry, { answer, at: now, batches, invalidations });
                if (this.bytes > this.maxBytes)
                    this.clear();
            }
            settle(answer);
            // This request gets the same bytes with its own per-request headers (undefined first: no header merging).
            c.res = undefined;
            c.res = send(c, answer, ownHeaders);
            return c.res;
        }
        catch (error) {
            fail(error);
            throw error;
        }
        finally {
            if (entry.pending === pending)
                entry.pending = null;
            // A URL that only ever failed (a typo, a bad parameter) takes no room.
            if (entry.answer === null && entry.pending === null && this.entries.get(key) === entry)
                this.entries.delete(key);
        }
    }
    /** Starts empty (requests holding an entry finish with it). */
    clear() {
        this.entries.clear();
        this.bytes = 0;
    }
}
/**
 * Reads a response once: the {@link Answer} to share, and the headers of this request's own copy (the shared
 * ones plus the per-request ones).
 */
async function capture(res) {
    const body = new Uint8Array(await res.arrayBuffer());
    const etag = res.status === 200 ? `"${createHash("sha1").update(body).digest("base64url")}"` : null;
    const headers = {};
    const ownHeaders = {};
    res.headers.forEach((value, name) => {
        ownHeaders[name] = value;
        if (!PER_REQUEST_HEADER.test(name))
            headers[name] = value;
    });
    if (etag !== null)
        headers.etag = ownHeaders.etag = etag;
    const gzippable = etag !== null && compressible(headers, body);
    if (gzippable) {
        headers.vary = "accept-encoding";
        ownHeaders.vary = varyWith(ownHeaders.vary);
    }
    return { answer: { status: res.status, headers: Object.freeze(headers), body, etag, gzippable, gzip: null }, ownHeaders };
}
/** A cached 200 text answer big enough to compress. */
function compressible(headers, body) {
    const type = headers["content-type"] ?? "";
    return body.byteLength >= GZIP_MIN_BYTES && COMPRESSIBLE_TYPE.test(type) && headers["content-encoding"] === undefined;
}
/** `Vary` with Accept-Encoding added to what the response already named. */
function varyWith(vary) {
    return vary === undefined ? "accept-encoding" : `${vary}, accept-encoding`;
}
/** The request accepts gzip (`Accept-Encoding` names it, or `*`, without `q=0`). */
function acceptsGzip(header) {
    if (header === undefined)
        return false;
    return header.split(",").some((part) => {
        const [coding, ...params] = part.trim().toLowerCase().split(";");
        return (coding === "gzip" || coding === "*") && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    });
}
/** The answer's gzipped variant, made once. */
function gzipped(answer) {
    if (answer.gzip === null) {
        const body = new Uint8Array(gzipSync(answer.body, { level: 6 }));
        const etag = `${answer.etag.slice(0, -1)}-gzip"`;
        answer.gzip = { headers: Object.freeze({ ...answer.headers, "content-encoding": "gzip", etag }), body, etag };
    }
    return answer.gzip;
}
/**
 * The answer as a new response (gzipped when worth it and accepted), or 304 when the request already holds these
 * bytes. `ownHeaders`, for the request that computed the answer, replace the shared headers.
 */
function send(c, answer, ownHeaders) {
    let headers = ownHeaders ?? answer.headers;
    let body = answer.body;
    let etag = answer.etag;
    if (answer.gzippable && acceptsGzip(c.req.header("accept-encoding"))) {
        const gzip = gzipped(answer);
        headers = ownHeaders === undefined ? gzip.headers : { ...ownHeaders, "content-encoding": "gzip", etag: gzip.etag };
        body = gzip.body;
        etag = gzip.etag;
    }
    if (etag !== null) {
        const held = c.req.header("if-none-match");
        if (held !== undefined && matchesEtag(held, etag)) {
            const notModified = { etag };
            if (headers.vary !== undefined)
                notModified.vary = headers.vary;
            return new Response(null, { status: 304, headers: notModified });
        }
    }
    return new Response(body, { status: answer.status, headers });
}
/** `If-None-Match` holds `*` or the tag (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(header, etag) {
    if (header.trim() === "*")
        return true;
    return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
