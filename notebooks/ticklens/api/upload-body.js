import { ApiError } from "./errors.js";
/** Default largest upload, bytes (50 MB). */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Multipart framing allowed on top of the file itself, bytes. */
const MULTIPART_SLACK = 64 * 1024;
/**
 * Reads the uploaded file.
 *
 * @param c the request context
 * @param limit largest accepted file, bytes
 * @returns the file's bytes
 * @throws {ApiError} 413 `too_large` past the limit; 415 `unsupported_media_type` for another content type; 400
 *   `invalid_body` for a missing body, a form without a `file` field, or a file that is not UTF-8
 * @example
 * const bytes = await readUploadBytes(c, 50 * 1024 * 1024);
 */
export async function readUploadBytes(c, limit) {
    const type = (c.req.header("content-type") ?? "text/csv").toLowerCase();
    const multipart = type.startsWith("multipart/form-data");
    if (!multipart && !/^(text\/csv|text\/plain|application\/octet-stream|application\/csv)\b/.test(type)) {
        throw new ApiError(415, "unsupported_media_type", `content-type ${type} is not accepted; send text/csv or multipart/form-data (field "file")`, "content-type");
    }
    const bodyLimit = multipart ? limit + MULTIPART_SLACK : limit;
    const declared = Number(c.req.header("content-length") ?? Number.NaN);
    if (declared > bodyLimit)
        throw tooLarge(limit);
    const bytes = await readLimited(c.req.raw.body, bodyLimit, limit);
    if (!multipart)
        return bytes;
    let form;
    try {
        form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    }
    catch {
        throw new ApiError(400, "invalid_body", "the multipart body could not be parsed", "file");
    }
    const file = form.get("file");
    if (file === null || typeof file === "string")
        throw new ApiError(400, "invalid_body", 'the form has no file field "file"', "file");
    if (file.size > limit)
        throw tooLarge(limit);
    return new Uint8Array(await file.arrayBuffer());
}
/**
 * Decodes the file as UTF-8, refusing invalid bytes.
 *
 * @param bytes the file
 * @returns its text
 * @throws {ApiError} 400 `invalid_body` on bytes that are not UTF-8 (e.g. a gzip or xlsx file)
 * @example
 * decodeUtf8(new TextEncoder().encode("a,b\n")); // "a,b\n"
 */
export function decodeUtf8(bytes) {
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    catch {
        throw new ApiError(400, "invalid_body", "the file is not UTF-8 text (compressed or binary?); send the CSV itself", "file");
    }
}
function tooLarge(limit) {
    return new ApiError(413, "too_large", `the upload exceeds the limit of ${limit} bytes`, "file");
}
async function readLimited(body, bodyLimit, limit) {
    if (body === null)
        throw new ApiError(400, "invalid_body", "the request has no body; send the CSV file", "file");
    const reader = body.getReader();
    const parts = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > bodyLimit) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(limit);
        }
        parts.push(value);
    }
    if (total === 0)
        throw new ApiError(400, "invalid_body", "the request body is empty; send the CSV file", "file");
    const out = new Uint8Array(new ArrayBuffer(total));
    let at = 0;
    for (const part of parts) {
        out.set(part, at);
        at += part.byteLength;
    }
    return out;
}
