/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json and rendered at /api/docs: every route `createApp`
 * mounts, its parameters (types, bounds, defaults as the zod schemas of the route modules state them), bodies,
 * responses and the error codes each can answer. test/api/openapi.test.ts checks it against the running app.
 */
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
/** An error response listing the `error.code` values this status can carry on this route. */
function refused(codes, why) {
    return {
        description: `${why}. \`error.code\`: ${codes.map((c) => `\`${c}\``).join(", ")}`,
        content: { "application/json": { schema: ref("Error") } },
    };
}
/** Every route that reads the store: a request caught by a shutdown is told to retry. */
const shuttingDown = refused(["shutting_down"], "The server is shutting down; retry shortly");
const invalid = refused(["invalid_parameter"], "A malformed or unknown parameter (`field` names it; an unknown one is named `query`)");
const unknownSymbol = (fields) => refused(["unknown_symbol"], `No data for the symbol in ${fields}; the message lists the known ones`);
const json = (schema, description) => ({ description, content: { "application/json": { schema } } });
const ARROW = "application/vnd.apache.arrow.stream";
const query = (name, schema, description, example, required = false) => ({
    name,
    in: "query",
    ...(required ? { required } : {}),
    description,
    schema,
    ...(example === undefined ? {} : { example }),
});
const symbolPattern = "^[A-Za-z0-9]{2,32}$";
const timeframeSchema = (def) => ({ type: "string", pattern: "^[1-9][0-9]*[smhd]$", ...(def === null ? {} : { default: def }) });
const timeframeText = "Bar width <N>s|m|h|d that divides one day, e.g. 1s, 15s, 1m, 5m, 1h, 1d";
const timeSchema = { type: "string", description: "ISO 8601, or an integer of milliseconds since the Unix epoch" };
const from = query("from", timeSchema, "Inclusive lower bound (ISO 8601 or epoch ms)");
const to = query("to", timeSchema, "Exclusive upper bound (ISO 8601 or epoch ms)");
const symbolPath = {
    name: "symbol",
    in: "path",
    required: true,
    description: "Exchange symbol, any case (upper-cased)",
    schema: { type: "string", pattern: symbolPattern },
    example: "BTCUSDT",
};
const limit = query("limit", { type: "integer", minimum: 1, maximum: 100_000, default: 1_000 }, "Most rows returned");
const acceptArrow = {
    name: "accept",
    in: "header",
    description: `\`${ARROW}\` for an Arrow IPC stream instead of JSON`,
    schema: { type: "string" },
};
const window = query("window", { type: "integer", minimum: 3, maximum: 100_000, default: 60 }, "Rolling window, bars");
/** The parameters of the pairs analytics (and of the pairs export). */
const pairsParameters = [
    query("a", { type: "string", pattern: symbolPattern }, "Dependent leg (y); the spread is a − alpha − beta·b", "ETHUSDT"),
    query("b", { type: "string", pattern: symbolPattern }, "Independent leg (x); must differ from a", "BTCUSDT"),
    query("timeframe", timeframeSchema("1m"), timeframeText),
    window,
    query("method", { type: "string", enum: ["ols", "huber", "theil-sen", "kalman"], default: "ols" }, "Hedge-ratio estimator"),
    query("join", { type: "string", enum: ["inner", "ffill"], default: "inner" }, "Bucket alignment: both traded, or forward-fill the missing leg"),
    from,
    to,
];
const exportParameters = [
    query("dataset", { type: "string", enum: ["ticks", "ohlc", "pairs"], default: "ticks" }, "What to export", "ohlc"),
    query("symbol", { type: "string", pattern: symbolPattern }, "ticks/ohlc: one symbol (default: every symbol)", "BTCUSDT"),
    from,
    to,
    query("timeframe", timeframeSchema(null), `ohlc and pairs only (default 1m). ${timeframeText}`, "1m"),
    query("a", { type: "string", pattern: symbolPattern }, "pairs only, required: the dependent leg"),
    query("b", { type: "string", pattern: symbolPattern }, "pairs only, required: the independent leg"),
    query("window", { type: "integer", minimum: 3, maximum: 100_000, default: 60 }, "pairs only: rolling window, bars"),
    query("method", { type: "string", enum: ["ols", "huber", "theil-sen", "kalman"], default: "ols" }, "pairs only: hedge-ratio estimator"),
    query("join", { type: "string", enum: ["inner", "ffill"], default: "inner" }, "pairs only: bucket alignment"),
];
const exportDescription = "`dataset=ticks` (the store's tick CSV layout, times epoch µs: `POST /api/upload` reads it back), `dataset=ohlc` " +
    "(bars of `timeframe`, from the ticks, else from uploaded bars), or `dataset=pairs` (the series of " +
    "`GET /api/analytics/pairs`, one row per aligned bucket: bucket_start, close_a, close_b, spread, z_score " +
    "(rolling z of the static spread), rolling_beta, rolling_correlation; empty/NULL during the rolling warm-up). " +
    "`dataset=pairs` takes `a`, `b`, `timeframe`, `window`, `method`, `join`, `from`, `to` and no `symbol`; " +
    "ticks/ohlc take `symbol`, `from`, `to`, `timeframe` (ohlc only).";
const exportErrors = {
    "400": refused(["invalid_parameter"], "A malformed or unknown parameter, timeframe on ticks, to ≤ from, a = b for pairs"),
    "404": unknownSymbol("`symbol`, `a` or `b`"),
    "422": refused(["insufficient_data", "unprocessable"], "pairs only: the window is longer than the aligned bars, or the engine refused the data"),
    "503": shuttingDown,
};
const bearer = [{ bearerAuth: [] }];
const unauthorized = refused(["unauthorized"], "The server has API_TOKEN set and the request lacks `Authorization: Bearer <API_TOKEN>`");
export const OPENAPI = {
    openapi: "3.1.0",
    info: {
        title: "Ticklens API",
        version: "0.1.0",
        description: "Binance trades, bars and pairs analytics from the Ticklens DuckDB store. Every refusal is JSON " +
            '`{ "error": { "code", "message", "field" } }` with a 4xx status (503 `shutting_down` while the server stops); ' +
            "an unknown path under /api answers 404 `not_found`. Times in JSON are ms since the Unix epoch, UTC.",
    },
    paths: {
        "/api/symbols": {
            get: {
                summary: "Symbols with first/last trade time, trade count and last price",
                operationId: "listSymbols",
                tags: ["market"],
                responses: {
                    "200": json({ type: "object", properties: { symbols: { type: "array", items: ref("SymbolSummary") } } }, "Every stored symbol"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/ticks/{symbol}": {
            get: {
                summary: "Raw ticks, newest or oldest first, paginated by trade id (JSON or Arrow IPC)",
                operationId: "getTicks",
                tags: ["market"],
                parameters: [
                    symbolPath,
                    from,
                    to,
                    limit,
                    query("cursor", { type: "integer", minimum: 0 }, "The previous page's `nextCursor` (a trade id)"),
                    query("order", { type: "string", enum: ["asc", "desc"], default: "desc" }, "Trade id order"),
                    acceptArrow,
                ],
                responses: {
                    "200": {
                        description: "A page of ticks; `nextCursor` is null on the last page",
                        content: {
                            "application/json": {
                                schema: {
                                    type: "object",
                                    properties: {
                                        symbol: { type: "string" },
                                        order: { type: "string" },
                                        ticks: { type: "array", items: ref("Tick") },
                                        nextCursor: { type: ["integer", "null"] },
                                    },
                                },
                            },
                            [ARROW]: { schema: { description: "columns trade_id, price, qty, is_buyer_maker, trade_time" } },
                        },
                    },
                    "400": invalid,
                    "404": unknownSymbol("the path"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/ohlc/{symbol}": {
            get: {
                summary: "Bars of any timeframe (1s, 1m, 5m stored; others computed), the open bucket included (JSON or Arrow IPC)",
                operationId: "getOhlc",
                tags: ["market"],
                parameters: [symbolPath, query("timeframe", timeframeSchema("1m"), timeframeText), from, to, query("limit", limit.schema, "The most recent bars returned"), acceptArrow],
                responses: {
                    "200": {
                        description: "The most recent `limit` bars, oldest first; the last may still be filling",
                        content: {
                            "application/json": {
                                schema: { type: "object", properties: { symbol: { type: "string" }, timeframe: { type: "string" }, bars: { type: "array", items: ref("Bar") } } },
                            },
                            [ARROW]: { schema: { description: "columns bucket_start, open, high, low, close, volume, quote_volume, trades, vwap, buy_volume, sell_volume" } },
                        },
                    },
                    "400": refused(["invalid_parameter"], "A malformed parameter, or a timeframe that does not divide one day"),
                    "404": unknownSymbol("the path"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/analytics/pairs": {
            get: {
                summary: "Pairs analytics of a on b: hedge ratio, spread, rolling z-score/beta/correlation, ADF, Engle-Granger, half-life",
                operationId: "getPairs",
                tags: ["analytics"],
                parameters: pairsParameters,
                responses: {
                    "200": json(ref("PairsAnalytics"), "Series index-aligned with `bucketStart`; null during a rolling warm-up"),
                    "400": refused(["invalid_parameter"], "A malformed or unknown parameter, or a = b"),
                    "404": unknownSymbol("`a` or `b`"),
                    "422": refused(["insufficient_data", "unprocessable"], "The window is longer than the aligned bars, or the engine refused the data (e.g. zero variance)"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/analytics/stats": {
            get: {
                summary: "Per-symbol price statistics and VWAP over the last `window` bars, and the correlation matrix of log returns",
                operationId: "getStats",
                tags: ["analytics"],
                parameters: [
                    query("symbols", { type: "string" }, "Comma-separated symbols, 1 to 50", "BTCUSDT,ETHUSDT", true),
                    query("timeframe", timeframeSchema("1m"), timeframeText),
                    window,
                ],
                responses: {
                    "200": json({
                        type: "object",
                        properties: {
                            timeframe: { type: "string" },
                            window: { type: "integer" },
                            stats: { type: "array", items: { type: "object", description: "symbol, price statistics, vwap, bars" } },
                            correlation: { type: ["object", "null"], description: "null for one symbol or under 3 common buckets" },
                        },
                    }, "Statistics in the order asked"),
                    "400": invalid,
                    "404": unknownSymbol("`symbols`"),
                    "422": refused(["insufficient_data", "unprocessable"], "A symbol has fewer than 2 bars, or the engine refused the data"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/sql": {
            post: {
                summary: "One read-only SELECT, checked by DuckDB's parser; JSON or Arrow IPC",
                description: "Runs in a READ ONLY transaction on the stored tables, at most `limit` rows and 5 s. Needs the bearer token when the server has one.",
                operationId: "runSql",
                tags: ["sql"],
                security: bearer,
                parameters: [acceptArrow],
                requestBody: {
                    required: true,
                    content: {
                        "application/json": {
                            schema: {
                                type: "object",
                                required: ["sql"],
                                additionalProperties: false,
                                properties: {
                                    sql: { type: "string", minLength: 1, maxLength: 100_000 },
                                    format: { type: "string", enum: ["json", "arrow"], description: "Default: from the Accept header, else json" },
                                    limit: { type: "integer", minimum: 1, maximum: 100_000, default: 10_000 },
                                },
                            },
                            example: { sql: "SELECT symbol, count(*) FROM tick_data GROUP BY 1", limit: 100 },
                        },
                    },
                },
                responses: {
                    "200": {
                        description: "The rows (Arrow: headers x-row-count, x-truncated, x-elapsed-ms)",
                        content: { "application/json": { schema: ref("SqlResult") }, [ARROW]: { schema: { description: "an Arrow IPC stream" } } },
                    },
                    "400": refused(["invalid_body", "invalid_parameter", "sql_syntax", "not_select", "forbidden_table_function", "forbidden_function", "unknown_relation", "sql_error"], "Not JSON, a bad field, or SQL refused by the guard or failing in DuckDB (`field` is `sql`)"),
                    "401": unauthorized,
                    "413": refused(["body_too_large"], "The body exceeds 400 000 bytes"),
                    "422": refused(["query_timeout"], "The query ran longer than the time limit and was interrupted"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/alerts": {
            get: {
                summary: "Alert rules",
                operationId: "listAlertRules",
                tags: ["alerts"],
                responses: { "200": json({ type: "object", properties: { rules: { type: "array" } } }, "Every stored rule"), "503": shuttingDown },
            },
            post: {
                summary: "Create an alert rule (metric, condition, duration, cooldown, re-arm level, channels)",
                description: "The body is the rule without an id. Needs the bearer token when the server has one.",
                operationId: "createAlertRule",
                tags: ["alerts"],
                security: bearer,
                requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
                responses: {
                    "201": json({ type: "object" }, "The stored rule with its id and times"),
                    "400": refused(["invalid_rule", "invalid_body", "invalid_parameter"], "The rule is invalid; `field` is the path of the bad field"),
                    "401": refused(["unauthorized"], "Missing or wrong bearer token"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/alerts/history": {
            get: {
                summary: "Fired alerts, newest first",
                operationId: "alertHistory",
                tags: ["alerts"],
                parameters: [
                    query("ruleId", { type: "string" }, "Only this rule's events"),
                    query("limit", { type: "integer", minimum: 1, maximum: 10_000, default: 100 }, "Most events returned"),
                ],
                responses: { "200": json({ type: "object" }, "{ events }"), "400": invalid, "503": shuttingDown },
            },
        },
        "/api/alerts/backtest": {
            post: {
                summary: "When a rule would have fired over a stored range, by the live evaluation code (every metric kind)",
                operationId: "backtestAlertRule",
                tags: ["alerts"],
                security: bearer,
                requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["rule"] } } } },
                responses: {
                    "200": json({ type: "object" }, "{ ruleId, metricKey, observations, from, to, events }"),
                    "400": refused(["invalid_rule", "invalid_body", "invalid_parameter"], "A bad rule or range (`field` names it)"),
                    "401": refused(["unauthorized"], "Missing or wrong bearer token"),
                    "404": unknownSymbol("rule.metric"),
                    "422": refused(["range_too_large", "insufficient_data", "unprocessable"], "More stored trades in the range than one backtest replays, or fewer bars than the window"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/alerts/{id}": {
            get: {
                summary: "One alert rule",
                operationId: "getAlertRule",
                tags: ["alerts"],
                parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, example: "no-such-rule" }],
                responses: { "200": json({ type: "object" }, "The rule"), "404": refused(["unknown_alert"], "No rule with this id"), "503": shuttingDown },
            },
            patch: {
                summary: "Change an alert rule (JSON merge patch, re-validated)",
                operationId: "updateAlertRule",
                tags: ["alerts"],
                security: bearer,
                parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
                requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
                responses: {
                    "200": json({ type: "object" }, "The updated rule"),
                    "400": refused(["invalid_rule", "invalid_body"], "The patched rule is invalid (`field` names it)"),
                    "401": refused(["unauthorized"], "Missing or wrong bearer token"),
                    "404": refused(["unknown_alert"], "No rule with this id"),
                    "503": shuttingDown,
                },
            },
            delete: {
                summary: "Delete an alert rule (its history is kept)",
                operationId: "deleteAlertRule",
                tags: ["alerts"],
                security: bearer,
                parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
                responses: {
                    "204": { description: "Deleted" },
                    "401": refused(["unauthorized"], "Missing or wrong bearer token"),
                    "404": refused(["unknown_alert"], "No rule with this id"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/alerts/{id}/ack": {
            post: {
                summary: "Acknowledge a fired alert (id of the history event)",
                operationId: "acknowledgeAlert",
                tags: ["alerts"],
                security: bearer,
                parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, example: "1" }],
                responses: {
                    "200": json({ type: "object" }, "The event with acknowledgedAt"),
                    "400": invalid,
                    "401": refused(["unauthorized"], "Missing or wrong bearer token"),
                    "404": refused(["unknown_alert"], "No event with this id"),
                    "409": refused(["already_acknowledged"], "The event was acknowledged before"),
                    "503": shuttingDown,
                },
            },
        },
        "/api/upload": {
            post: {
                summary: "Historical CSV import of ticks or bars: all rows or none",
                description: "The body is the CSV itself (text/csv, text/plain, application/csv, application/octet-stream) or a multipart form with a `file` field. " +
                    "Needs the bearer token when the server has one.",
                operationId: "upload",
                tags: ["upload"],
                security: bearer,
                parameters: [
                    query("kind", { type: "string", enum: ["ticks", "ohlc"] }, "What the file holds", "ticks", true),
                    query("name", { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "Unique name of the upload", "capture-1", true),
                    query("format", { type: "string", enum: ["auto", "ticklens", "binance-trades", "binance-aggtrades", "binance-klines", "generic"], default: "auto" }, "File layout; auto detects it from the header"),
                    query("map", { type: "string", minLength: 1, maxLength: 500 }, "generic: time:<col>,price:<col>,qty:<col>[,…]"),
                    query("symbol", { type: "string", pattern: symbolPattern }, "For a layout without a symbol column"),
                    query("timeUnit", { type: "string", enum: ["auto", "s", "ms", "us", "ns"], default: "auto" }, "Unit of numeric times"),
                    query("timezone", { type: "string", maxLength: 64 }, "IANA zone of times written without one (default UTC)"),
                    query("timeframe", timeframeSchema(null), "kind=ohlc only: the bars' width"),
                ],
                requestBody: {
                    required: true,
                    content: {
                        "text/csv": { schema: { type: "string" } },
                        "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } },
                    },
                },
                responses: {
                    "201": json(ref("UploadRecord"), "Stored; the uploaded_data record"),
                    "400": refused(["invalid_parameter", "invalid_body"], "A bad parameter or map, a kind that does not match the file, or a missing/non-UTF-8 body"),
                    "401": unauthorized,
                    "409": refused(["name_taken"], "An upload of that name exists"),
                    "413": refused(["too_large"], "The file exceeds the upload limit (50 MB by default)"),
                    "415": refused(["unsupported_media_type"], "Another content type"),
                    "422": {
                        description: "`invalid_csv`: some lines are invalid and nothing was stored; the body also has `problemCount` and `problems` ({ line, field, message }). " +
                            "`unprocessable`: the engine refused the rows.",
                        content: { "application/json": { schema: ref("Error") } },
                    },
                    "503": shuttingDown,
                },
            },
        },
        "/api/export/csv": {
            get: {
                summary: "Streamed CSV export of ticks, bars or a pair's analytics series",
                description: exportDescription,
                operationId: "exportCsv",
                tags: ["export"],
                parameters: exportParameters,
                responses: { "200": { description: "An attachment", content: { "text/csv": { schema: { type: "string" } } } }, ...exportErrors },
            },
        },
        "/api/export/parquet": {
            get: {
                summary: "Parquet export of ticks, bars or a pair's analytics series",
                description: `${exportDescription} Pairs columns: bucket_start TIMESTAMP (UTC), the others DOUBLE.`,
                operationId: "exportParquet",
                tags: ["export"],
                parameters: exportParameters,
                responses: {
                    "200": { description: "An attachment", content: { "application/vnd.apache.parquet": { schema: { type: "string", format: "binary" } } } },
                    ...exportErrors,
                },
            },
        },
        "/api/health": {
            get: {
                summary: "Collector state, lag and counters",
                operationId: "health",
                tags: ["operations"],
                responses: {
                    "200": json({
                        type: "object",
                        properties: {
                            status: { type: "string", description: "the collector's state, or `no collector`" },
                            uptimeSeconds: { type: "integer" },
                            database: { type: "string" },
                            collector: { type: ["object", "null"] },
                        },
                    }, "Always 200 while the API serves"),
                },
            },
        },
        "/metrics": {
            get: {
                summary: "Prometheus text format",
                operationId: "metrics",
                tags: ["operations"],
                responses: { "200": { description: "ticklens_* gauges and counters", content: { "text/plain": { schema: { type: "string" } } } } },
            },
        },
        "/api/openapi.json": {
            get: {
                summary: "This document",
                operationId: "openapi",
                tags: ["operations"],
                responses: { "200": json({ type: "object" }, "OpenAPI 3.1") },
            },
        },
        "/api/docs": {
            get: {
                summary: "Human-readable list of the endpoints",
                operationId: "docs",
                tags: ["operations"],
                responses: { "200": { description: "HTML", content: { "text/html": { schema: { type: "string" } } } } },
            },
        },
        "/ws/live": {
            get: {
                summary: "WebSocket: subscribe to trades:<symbol>, bars:<symbol>:<tf>, pairs:<a>:<b>:<tf>:<window>, status, alerts (fires and acknowledgements)",
                description: "Served only by the server on a port (not by an in-process app without a WebSocket adapter). Client frames: " +
                    '`{ "op": "subscribe" | "unsubscribe", "channel" }` or `{ "op": "ping" }`. Server frames `{ type, channel, data }` with type ' +
                    "subscribed, snapshot, update, unsubscribed, error (`data: { field, message }`, the socket stays open) or heartbeat. " +
                    "A client that does not keep up is closed with code 4008; frames above 64 KiB are refused.",
                operationId: "live",
                tags: ["live"],
                parameters: [{ name: "upgrade", in: "header", required: true, schema: { type: "string", enum: ["websocket"] } }],
                responses: { "101": { description: "Switching Protocols" } },
            },
        },
    },
    components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "API_TOKEN; required only when the server has one" } },
        schemas: {
            Error: {
                type: "object",
                required: ["error"],
                properties: {
                    error: {
                        type: "object",
                        required: ["code", "message", "field"],
                        properties: {
                            code: { type: "string", description: "stable machine-readable code" },
                            message: { type: "string" },
                            field: { type: ["string", "null"], description: "the parameter or body field at fault" },
                        },
                    },
                },
            },
            SymbolSummary: {
                type: "object",
                properties: {
                    symbol: { type: "string" },
                    firstTradeTime: { type: "string", format: "date-time" },
                    lastTradeTime: { type: "string", format: "date-time" },
                    trades: { type: "integer" },
                    lastPrice: { type: "number" },
                },
            },
            Tick: {
                type: "object",
                properties: {
                    tradeId: { type: "integer" },
                    price: { type: "number" },
                    qty: { type: "number" },
                    quoteQty: { type: "number" },
                    isBuyerMaker: { type: "boolean" },
                    tradeTime: { type: "number", description: "ms since the epoch" },
                    recvTime: { type: "number", description: "ms since the epoch" },
                    source: { type: "string" },
                },
            },
            Bar: {
                type: "object",
                properties: Object.fromEntries(["bucketStart", "open", "high", "low", "close", "volume", "quoteVolume", "trades", "vwap", "buyVolume", "sellVolume"].map((k) => [k, { type: "number" }])),
            },
            PairsAnalytics: {
                type: "object",
                properties: {
                    a: { type: "string" },
                    b: { type: "string" },
                    timeframe: { type: "string" },
                    window: { type: "integer" },
                    method: { type: "string" },
                    n: { type: "integer" },
                    bucketStart: { type: "array", items: { type: "number" } },
                    closeA: { type: "array", items: { type: "number" } },
                    closeB: { type: "array", items: { type: "number" } },
                    hedge: { type: "object", properties: { alpha: { type: "number" }, beta: { type: "number" } } },
                    hedgeSeries: { type: ["object", "null"], description: "kalman only: alpha and beta per bucket" },
                    rollingBeta: { type: "array", items: { type: ["number", "null"] } },
                    spread: { type: "array", items: { type: ["number", "null"] } },
                    zScore: { type: "array", items: { type: ["number", "null"] } },
                    rollingSpreadZScore: { type: "array", items: { type: ["number", "null"] } },
                    rollingCorrelation: { type: "array", items: { type: ["number", "null"] } },
                    adf: { type: "object" },
                    engleGranger: { type: "object" },
                    halfLife: { type: "object" },
                },
            },
            SqlResult: {
                type: "object",
                properties: {
                    columns: { type: "array", items: { type: "object", properties: { name: { type: "string" }, type: { type: "string" } } } },
                    rows: { type: "array", items: { type: "array" } },
                    rowCount: { type: "integer" },
                    truncated: { type: "boolean" },
                    elapsedMs: { type: "integer" },
                },
            },
            UploadRecord: {
                type: "object",
                properties: {
                    name: { type: "string" },
                    kind: { type: "string", enum: ["ticks", "ohlc"] },
                    format: { type: "string" },
                    rows: { type: "integer" },
                    inserted: { type: "integer" },
                    duplicates: { type: "integer" },
                    firstTime: { type: ["string", "null"], format: "date-time" },
                    lastTime: { type: ["string", "null"], format: "date-time" },
                    checksum: { type: "string" },
                    uploadedAt: { type: "string", format: "date-time" },
                    source: { type: "string" },
                },
            },
        },
    },
};
