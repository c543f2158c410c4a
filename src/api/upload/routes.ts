/**
 * `POST /api/upload`: a CSV file of trades or bars (our export, Binance trades / aggTrades / klines, or a
 * header-mapped generic CSV), validated line by line and stored all or nothing, with an `uploaded_data` record.
 */
import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { DATA_KINDS, symbolSchema, timeframeSchema } from "../../engine/index.ts";
import { componentLogger } from "../../runtime/logger.ts";
import type { ApiDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { apiRouter, type ApiRouter, bearer, documentedBody, errorSchema, jsonAnswer, refused, shuttingDown, unauthorized } from "../http/openapi.ts";
import { DEFAULT_MAX_UPLOAD_BYTES, decodeUtf8, readUploadBytes } from "./body.ts";
import { parseColumnMap } from "./formats.ts";
import { parseUploadOffLoop } from "./parse-off-loop.ts";
import { prepareUpload, serialUpload, writeUpload } from "./store.ts";
import { isTimeZone } from "./time.ts";

const uploadQuery = z
  .object({
    kind: z.enum(DATA_KINDS).meta({ description: "What the file holds", example: "ticks" }),
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "must be 1 to 64 letters, digits, '.', '_' or '-'")
      .meta({ description: "Unique name of the upload", example: "capture-1" }),
    format: z
      .enum(["auto", "ticklens", "binance-trades", "binance-aggtrades", "binance-klines", "generic"])
      .default("auto")
      .meta({ description: "File layout; auto detects it from the header" }),
    map: z.string().min(1).max(500).optional().meta({ description: "generic: time:<col>,price:<col>,qty:<col>[,…]" }),
    symbol: symbolSchema.optional().meta({ description: "For a layout without a symbol column" }),
    timeUnit: z.enum(["auto", "s", "ms", "us", "ns"]).default("auto").meta({ description: "Unit of numeric times" }),
    timezone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, "is not an IANA time zone (e.g. UTC, Europe/Berlin)")
      .optional()
      .meta({ description: "IANA zone of times written without one (default UTC)" }),
    timeframe: timeframeSchema.optional().meta({ description: "kind=ohlc only: the bars' width" }),
  })
  .strict();

const uploadRecordSchema = z
  .object({
    name: z.string(),
    kind: z.enum(DATA_KINDS),
    format: z.string().meta({ description: "The layout read (the detected one for format=auto)" }),
    rows: z.number().int().meta({ description: "Rows in the file" }),
    inserted: z.number().int().meta({ description: "Rows stored; fewer than rows when some were already stored" }),
    duplicates: z.number().int(),
    firstTime: z.iso.datetime().nullable(),
    lastTime: z.iso.datetime().nullable(),
    checksum: z.string().meta({ description: "SHA-256 of the file's bytes, hex" }),
    uploadedAt: z.iso.datetime(),
    source: z.string().meta({ description: "`upload:<name>`, the rows' source" }),
  })
  .openapi("UploadRecord");

const csvProblemsSchema = errorSchema
  .extend({
    problemCount: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })).meta({ description: "The first problems, by line" }),
  })
  .openapi("CsvProblems");

const csvText = { schema: z.string().meta({ description: "The CSV file itself" }) };

/** Files above this many bytes log their progress (info, component `upload`). */
const PROGRESS_BYTES = 5 * 1024 * 1024;

/**
 * The upload router (mounted under `/api`).
 *
 * @param deps the store and `maxUploadBytes` (default 50 MB)
 * @returns the router
 * @throws nothing itself; requests are refused with ApiError (400, 409, 413, 415, 422)
 * @example
 * app.route("/api", uploadRoutes({ store }));
 */
export function uploadRoutes(deps: ApiDeps): ApiRouter {
  const routes = apiRouter();
  const { store } = deps;
  const limit = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  const uploadRoute = createRoute({
    method: "post",
    path: "/upload",
    operationId: "upload",
    tags: ["upload"],
    summary: "Historical CSV import of ticks or bars: all rows or none",
    description:
      "The body is the CSV itself (text/csv, text/plain, application/csv, application/octet-stream) or a multipart form with a `file` field. " +
      "Needs the bearer token when the server has one.",
    security: bearer,
    request: {
      query: uploadQuery,
      body: {
        required: true,
        content: {
          "text/csv": csvText,
          "text/plain": csvText,
          "application/csv": csvText,
          "application/octet-stream": { schema: z.string().meta({ format: "binary", description: "The CSV file itself" }) },
          // Read by the upload's own streaming reader (a size limit as it reads): documented, not validated here.
          ...documentedBody(routes, "UploadForm", z.object({ file: z.string().meta({ format: "binary" }) }), "multipart/form-data"),
        },
      },
    },
    responses: {
      201: jsonAnswer(uploadRecordSchema, "Stored; the uploaded_data record"),
      400: refused(["invalid_parameter", "invalid_body"], "A bad parameter or map, a kind that does not match the file, or a missing/non-UTF-8 body"),
      401: unauthorized,
      409: refused(["name_taken"], "An upload of that name exists"),
      413: refused(["too_large"], `The file exceeds the upload limit (${limit} bytes)`),
      415: refused(["unsupported_media_type"], "Another content type"),
      422: {
        description:
          "`invalid_csv`: some lines are invalid and nothing was stored; the body also has `problemCount` and `problems` ({ line, field, message }). " +
          "`unprocessable`: the engine refused the rows. `error.code`: `invalid_csv`, `unprocessable`",
        content: { "application/json": { schema: csvProblemsSchema } },
      },
      503: shuttingDown,
    },
  });

  routes.openapi(uploadRoute, async (c) => {
    const q = c.req.valid("query");
    const map = q.map === undefined ? null : parseColumnMap(q.map);
    if (q.format === "generic" && map === null) throw new ApiError(400, "invalid_parameter", "map: format=generic needs map=time:<col>,price:<col>,qty:<col>", "map");
    if (q.timeframe !== undefined && q.kind !== "ohlc") throw new ApiError(400, "invalid_parameter", "timeframe: only for kind=ohlc", "timeframe");
    const bytes = await readUploadBytes(c, limit);
    const text = decodeUtf8(bytes);
    const checksum = createHash("sha256").update(bytes).digest("hex");
    const large = bytes.byteLength > PROGRESS_BYTES;
    const logger = large ? componentLogger("upload") : null;
    const log = (message: string) => logger?.info(`${q.name}: ${message}`);
    log(`received ${bytes.byteLength} bytes`);

    const record = await serialUpload(store, async () => {
      const syntheticBase = await prepareUpload(store, q.name);
      const parsed = await parseUploadOffLoop(text, {
        kind: q.kind,
        format: q.format,
        map,
        symbol: q.symbol ?? null,
        timeUnit: q.timeUnit,
        timeZone: q.timezone ?? null,
        timeframe: q.timeframe ?? null,
        source: `upload:${q.name}`,
        syntheticBase,
        onProgress: (done, total) => log(`validated ${done} of ${total} lines`),
      });
      if (parsed.problemCount > 0) {
        const first = parsed.problems[0];
        return {
          refused: true as const,
          body: {
            error: {
              code: "invalid_csv",
              message: `${parsed.problemCount} problem(s) in ${parsed.rows} line(s), nothing stored; first: line ${first.line}, ${first.field}: ${first.message}`,
              field: first.field,
            },
            problemCount: parsed.problemCount,
            problems: parsed.problems,
          },
        };
      }
      log(`validated ${parsed.rows} rows (${parsed.format}); writing`);
      const written = await writeUpload(store, q.name, q.kind, parsed, checksum);
      log(`stored ${written.inserted} rows (${written.duplicates} already present)`);
      return { refused: false as const, body: written };
    });
    return record.refused ? c.json(record.body, 422) : c.json(record.body, 201);
  });

  return routes;
}
