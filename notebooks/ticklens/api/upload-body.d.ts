/**
 * The bytes of an uploaded file, read under a size limit (a 413 as soon as it is passed, without buffering the
 * rest): a raw body (`text/csv`, `text/plain`, `application/octet-stream`) or the `file` field of a multipart form.
 */
import type { Context } from "hono";
/** Default largest upload, bytes (50 MB). */
export declare const DEFAULT_MAX_UPLOAD_BYTES: number;
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
export declare function readUploadBytes(c: Context, limit: number): Promise<Uint8Array<ArrayBuffer>>;
/**
 * Decodes the file as UTF-8, refusing invalid bytes.
 *
 * @param bytes the file
 * @returns its text
 * @throws {ApiError} 400 `invalid_body` on bytes that are not UTF-8 (e.g. a gzip or xlsx file)
 * @example
 * decodeUtf8(new TextEncoder().encode("a,b\n")); // "a,b\n"
 */
export declare function decodeUtf8(bytes: Uint8Array): string;
