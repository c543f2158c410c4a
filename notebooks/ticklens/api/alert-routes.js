/**
 * Alert management over REST: rule CRUD (`/api/alerts`, `/api/alerts/:id`), fire history and acknowledgement
 * (`/api/alerts/history`, `/api/alerts/:id/ack`) and what-if backtests of a rule on stored data (`/api/alerts/backtest`).
 */
import { Hono } from "hono";
import { z } from "zod";
import { alignBars, backtestAlertRule, InvalidAlertRuleError, metricKey, pairMetricSeries, parseAlertRule, parseTimeframe, replayAlertRule, } from "../engine/index.js";
import { acknowledge, AlertAlreadyAcknowledgedError, AlertNotFoundError, createRule, deleteRule, getRule, listHistory, listRules, MAX_HISTORY_LIMIT, updateRule, } from "../store/alert-store.js";
import { readTradeStream } from "../store/index.js";
import { ApiError } from "./errors.js";
import { requireKnownSymbol } from "./symbols.js";
import { parseJsonBody, parseQuery } from "./validation.js";
const historyQuery = z
    .object({
    ruleId: z.string().min(1).max(128).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_HISTORY_LIMIT).default(100),
})
    .strict();
/** A time bound in a JSON body: epoch milliseconds or an ISO 8601 string. */
const bodyTime = z.union([z.number().finite(), z.string()]).transform((value, ctx) => {
    const ms = typeof value === "number" ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is not an ISO 8601 time or epoch milliseconds` });
        return z.NEVER;
    }
    return ms;
});
const backtestBody = z.object({ rule: z.unknown(), from: bodyTime.optional(), to: bodyTime.optional() }).strict();
/** Reads a JSON body without a schema; a body that is not JSON is a 400 naming `body`. */
async function jsonBody(c) {
    try {
        return await c.req.json();
    }
    catch {
        throw new ApiError(400, "invalid_body", "the request body is not valid JSON", "body");
    }
}
/** Runs store work, turning the alert store's typed refusals into API errors (400 / 404 / 409). */
async function refusals(work, prefix = "") {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof InvalidAlertRuleError) {
            // "rule" (the whole) under a prefix "rule." is just "rule".
            const field = prefix !== "" && error.path === "rule" ? prefix.slice(0, -1) : `${prefix}${error.path}`;
            throw new ApiError(400, "invalid_rule", error.message, field);
        }
        if (error instanceof AlertNotFoundError)
            throw new ApiError(404, "unknown_alert", error.message, "id");
        if (error instanceof AlertAlreadyAcknowledgedError)
            throw new ApiError(409, "already_acknowledged", error.message, "id");
        throw error;
    }
}
/** A history event id from the path: a positive whole number, else it cannot exist (404). */
function eventIdParam(c) {
    const raw = c.req.param("id") ?? "";
    const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id))
        throw new ApiError(404, "unknown_alert", `no alert event with id ${JSON.stringify(raw)}`, "id");
    return id;
}
/** Most stored trades one backtest of a single-symbol rule replays. */
const MAX_BACKTEST_TRADES = 2_000_000;
/**
 * Replays a rule over stored data exactly as the live feed would have seen it. Pair metrics: over the stored
 * bars of both legs, aligned (inner), each window's value observed at its bar's end. Single-symbol metrics: over
 * the stored trades, through the live feed; trades from one window before `from` warm the metric up.
 */
async function backtest(store, rule, from, to) {
    const m = rule.metric;
    if ("symbol" in m) {
        await requireKnownSymbol(store, m.symbol, "rule.metric.symbol");
        const warmUp = ("windowMs" in m ? m.windowMs : 0) + (rule.forMs ?? 0);
        const { trades, truncated } = await readTradeStream(store, {
            symbols: [m.symbol],
            from: from === undefined ? undefined : from - warmUp,
            to: to === undefined ? undefined : to - 0.001, // `to` is exclusive
            limit: MAX_BACKTEST_TRADES,
        });
        if (truncated) {
            throw new ApiError(422, "range_too_large", `the range holds more than ${MAX_BACKTEST_TRADES} trades of ${m.symbol}; narrow from/to`, "from");
        }
        const inRange = trades.filter((t) => from === undefined || t.tradeTime >= from);
        return {
            events: replayAlertRule(rule, trades, { from }),
            observations: inRange.length,
            first: inRange.length > 0 ? inRange[0].tradeTime : null,
            last: inRange.length > 0 ? inRange[inRange.length - 1].tradeTime : null,
        };
    }
    await requireKnownSymbol(store, m.a, "rule.metric.a");
    await requireKnownSymbol(store, m.b, "rule.metric.b");
    const timeframe = parseTimeframe(m.timeframe);
    // Bars from one window before `from` make the first value in range defined.
    const barsOf = (symbol) => store.queryBars({ symbol, timeframe: timeframe.label, from: from === undefined ? undefined : from - m.window * timeframe.ms, to });
    const pair = alignBars(await barsOf(m.a), await barsOf(m.b), { join: "inner" });
    if (m.window > pair.closeA.length) {
        throw new ApiError(422, "insufficient_data", `window ${m.window} is longer than the ${pair.closeA.length} aligned bars`, "rule.metric.window");
    }
    const value = pairMetricSeries(m.kind, pair.closeA, pair.closeB, m.window);
    const closeTime = pair.bucketStart.map((start) => start + timeframe.ms);
    const events = backtestAlertRule(rule, { time: closeTime, value }).filter((e) => from === undefined || e.time >= from);
    const inRange = Array.from(closeTime).filter((t) => from === undefined || t >= from);
    return { events, observations: inRange.length, first: inRange[0] ?? null, last: inRange.at(-1) ?? null };
}
/**
 * The alert routes, relative to `/api`. Mount with `app.route("/api", alertRoutes(deps))` before the `/api/*`
 * catch-all, behind `requireToken` for `/api/alerts` and `/api/alerts/*`.
 *
 * @param deps the API's dependencies: `store`, and `alerts` (told of every rule change and acknowledgement)
 * @returns a Hono sub-app
 * @throws nothing at build time; requests are refused with {@link ApiError} (400 invalid rule naming the field,
 *   404 unknown rule, event or symbol, 409 already acknowledged, 422 a backtest range too large or too short)
 * @example
 * app.route("/api", alertRoutes(deps));
 */
export function alertRoutes(deps) {
    const routes = new Hono();
    const { store } = deps;
    routes.get("/alerts", async (c) => c.json({ rules: await listRules(store) }));
    // Rule changes reach the live evaluator before the response, so a rule is being evaluated once it is answered.
    const reload = () => deps.alerts?.reload() ?? Promise.resolve();
    routes.post("/alerts", async (c) => {
        const body = await jsonBody(c);
        const rule = await refusals(() => createRule(store, body));
        await reload();
        return c.json(rule, 201);
    });
    routes.get("/alerts/history", async (c) => {
        const q = parseQuery(c, historyQuery);
        return c.json({ events: await listHistory(store, { ruleId: q.ruleId, limit: q.limit }) });
    });
    routes.post("/alerts/backtest", async (c) => {
        const body = await parseJsonBody(c, backtestBody);
        if (body.from !== undefined && body.to !== undefined && body.to <= body.from) {
            throw new ApiError(400, "invalid_parameter", "to must be after from", "to");
        }
        // The rule may be a stored one (with id) or a draft (without): a draft gets a placeholder id.
        const draft = typeof body.rule === "object" && body.rule !== null && !Array.isArray(body.rule) && !("id" in body.rule);
        const rule = await refusals(async () => parseAlertRule(draft ? { id: "backtest", ...body.rule } : body.rule), "rule.");
        const run = await backtest(store, rule, body.from, body.to);
        return c.json({
            ruleId: rule.id,
            metricKey: metricKey(rule.metric),
            observations: run.observations,
            from: run.first === null ? null : new Date(run.first).toISOString(),
            to: run.last === null ? null : new Date(run.last).toISOString(),
            events: run.events,
        });
    });
    routes.get("/alerts/:id", async (c) => c.json(await refusals(() => getRule(store, c.req.param("id")))));
    routes.patch("/alerts/:id", async (c) => {
        const body = await jsonBody(c);
        const rule = await refusals(() => updateRule(store, c.req.param("id"), body));
        await reload();
        return c.json(rule);
    });
    routes.delete("/alerts/:id", async (c) => {
        await refusals(() => deleteRule(store, c.req.param("id")));
        await reload();
        return c.body(null, 204);
    });
    routes.post("/alerts/:id/ack", async (c) => {
        const id = eventIdParam(c);
        // A fire is announced before its row is written: a quick click must not find it missing.
        await deps.alerts?.historyWritten();
        const event = await refusals(() => acknowledge(store, id));
        deps.alerts?.acknowledged(event);
        return c.json(event);
    });
    return routes;
}
