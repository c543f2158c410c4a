/**
 * `POST /api/upload`: a CSV file of trades or bars (our export, Binance trades / aggTrades / klines, or a
 * header-mapped generic CSV), validated line by line and stored all or nothing, with an `uploaded_data` record.
 */
import { createHash } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { ApiError } from "./errors.js";
import { DEFAULT_MAX_UPLOAD_BYTES, decodeUtf8, readUploadBytes } from "./upload-body.js";
import { parseColumnMap } from "./upload-formats.js";
import { parseUpload } from "./upload-parse.js";
import { prepareUpload, serialUpload, writeUpload } from "./upload-store.js";
import { isTimeZone } from "./upload-time.js";
import { parseQuery, symbolParam } from "./validation.js";
const uploadQuery = z
    .object({
    kind: z.enum(["ticks", "ohlc"]),
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "must be 1 to 64 letters, digits, '.', '_' or '-'"),
    format: z.enum(["auto", "ticklens", "binance-trades", "binance-aggtrades", "binance-klines", "generic"]).default("auto"),
    map: z.string().min(1).max(500).optional(),
    symbol: symbolParam.optional(),
    timeUnit: z.enum(["auto", "s", "ms", "us", "ns"]).default("auto"),
    timezone: z.string().min(1).max(64).refine(isTimeZone, "is not an IANA time zone (e.g. UTC, Europe/Berlin)").optional(),
    timeframe: z.string().regex(/^[1-9][0-9]*[smhd]$/, "must be <N>s, <N>m, <N>h or <N>d, e.g. 1m").optional(),
})
    .strict();
/** Files above this many bytes log their progress to stderr. */
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
export function uploadRoutes(deps) {
    const routes = new Hono();
    const { store } = deps;
    const limit = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    routes.post("/upload", async (c) => {
        const q = parseQuery(c, uploadQuery);
        const map = q.map === undefined ? null : parseColumnMap(q.map);
        if (q.format === "generic" && map === null)
            throw new ApiError(400, "invalid_parameter", "map: format=generic needs map=time:<col>,price:<col>,qty:<col>", "map");
        if (q.timeframe !== undefined && q.kind !== "ohlc")
            throw new ApiError(400, "invalid_parameter", "timeframe: only for kind=ohlc", "timeframe");
        const bytes = await readUploadBytes(c, limit);
        const text = decodeUtf8(bytes);
        const checksum = createHash("sha256").update(bytes).digest("hex");
        const large = bytes.byteLength > PROGRESS_BYTES;
        const log = (message) => {
            if (large)
                process.stderr.write(`upload ${q.name}: ${message}\n`);
        };
        log(`received ${bytes.byteLength} bytes`);
        const record = await serialUpload(store, async () => {
            const syntheticBase = await prepareUpload(store, q.name);
            const parsed = parseUpload(text, {
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
                    refused: true,
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
            return { refused: false, body: written };
        });
        return record.refused ? c.json(record.body, 422) : c.json(record.body, 201);
    });
    return routes;
}
