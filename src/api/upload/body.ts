/**
 * The bytes of an uploaded file, read under a size limit (a 413 as soon as it is passed, without buffering the
 * rest): a raw body (`text/csv`, `text/plain`, `application/octet-stream`) or the `file` field of a multipart form.
 */
import type { Context } from "hono";
import { ApiError } from "../errors.ts";
import { readBodyLimited } from "../validation.ts";

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
export async function readUploadBytes(c: Context, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  // The media type is case-insensitive, a multipart boundary is not (Chromium's are mixed case): only the check
  // lower-cases it, the parser gets the header as sent.
  const header = c.req.header("content-type") ?? "text/csv";
  const type = header.toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart && !/^(text\/csv|text\/plain|application\/octet-stream|application\/csv)\b/.test(type)) {
    throw new ApiError(415, "unsupported_media_type", `content-type ${type} is not accepted; send text/csv or multipart/form-data (field "file")`, "content-type");
  }
  const bodyLimit = multipart ? limit + MULTIPART_SLACK : limit;
  if (c.req.raw.body === null) throw new ApiError(400, "invalid_body", "the request has no body; send the CSV file", "file");
  const bytes = await readBodyLimited(c, bodyLimit, () => tooLarge(limit));
  if (bytes.byteLength === 0) throw new ApiError(400, "invalid_body", "the request body is empty; send the CSV file", "file");
  if (!multipart) return bytes;
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": header } }).formData();
  } catch {
    throw new ApiError(400, "invalid_body", "the multipart body could not be parsed", "file");
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") throw new ApiError(400, "invalid_body", 'the form has no file field "file"', "file");
  if (file.size > limit) throw tooLarge(limit);
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
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, "invalid_body", "the file is not UTF-8 text (compressed or binary?); send the CSV itself", "file");
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "too_large", `the upload exceeds the limit of ${limit} bytes`, "file");
}
