/**
 * Alert management over REST: rule CRUD (`/api/alerts`, `/api/alerts/:id`), fire history and acknowledgement
 * (`/api/alerts/history`, `/api/alerts/:id/ack`) and what-if backtests of a rule on stored data (`/api/alerts/backtest`).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { backtestAlertRule, InvalidAlertRuleError, metricKey, parseAlertRule, type AlertRule, type AlertSeries } from "../engine/index.ts";
import {
  acknowledge,
  AlertAlreadyAcknowledgedError,
  AlertNotFoundError,
  createRule,
  deleteRule,
  getRule,
  listHistory,
  listRules,
  MAX_HISTORY_LIMIT,
  updateRule,
} from "../store/alert-store.ts";
import type { Store } from "../store/index.ts";
import type { ApiDeps } from "./deps.ts";
import { ApiError } from "./errors.ts";
import { computePairsSeries } from "./pairs-series.ts";
import { requireKnownSymbol } from "./symbols.ts";
import { parseJsonBody, parseQuery } from "./validation.ts";

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
async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_body", "the request body is not valid JSON", "body");
  }
}

/** Runs store work, turning the alert store's typed refusals into API errors (400 / 404 / 409). */
async function refusals<T>(work: () => Promise<T>, prefix = ""): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidAlertRuleError) {
      // "rule" (the whole) under a prefix "rule." is just "rule".
      const field = prefix !== "" && error.path === "rule" ? prefix.slice(0, -1) : `${prefix}${error.path}`;
      throw new ApiError(400, "invalid_rule", error.message, field);
    }
    if (error instanceof AlertNotFoundError) throw new ApiError(404, "unknown_alert", error.message, "id");
    if (error instanceof AlertAlreadyAcknowledgedError) throw new ApiError(409, "already_acknowledged", error.message, "id");
    throw error;
  }
}

/** A history event id from the path: a positive whole number, else it cannot exist (404). */
function eventIdParam(c: Context): number {
  const raw = c.req.param("id") ?? "";
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new ApiError(404, "unknown_alert", `no alert event with id ${JSON.stringify(raw)}`, "id");
  return id;
}

/**
 * The series a rule watches, from stored data: 1 s bar closes for `price`; the static-hedge spread or its rolling
 * z-score (as `GET /api/analytics/pairs` reports them) for `spread` / `zScore`.
 */
async function ruleSeries(store: Store, rule: AlertRule, from?: number, to?: number): Promise<AlertSeries> {
  const m = rule.metric;
  if (m.kind === "price") {
    await requireKnownSymbol(store, m.symbol, "rule.metric.symbol");
    const bars = await store.queryBars({ symbol: m.symbol, timeframe: "1s", from, to });
    return { time: Float64Array.from(bars, (b) => b.bucketStart), value: Float64Array.from(bars, (b) => b.close) };
  }
  if (m.kind === "spread" || m.kind === "zScore") {
    try {
      const s = await computePairsSeries(store, { a: m.a, b: m.b, timeframe: m.timeframe, window: m.window, method: "ols", join: "inner", from, to });
      return { time: s.pair.bucketStart, value: m.kind === "spread" ? s.staticSpread : s.zScore };
    } catch (error) {
      // computePairsSeries names its query's fields; here they live under the rule's metric.
      if (error instanceof ApiError && error.field !== null && ["a", "b", "window", "timeframe"].includes(error.field)) {
        throw new ApiError(error.status, error.code, error.message, `rule.metric.${error.field}`);
      }
      throw error;
    }
  }
  throw new ApiError(422, "not_supported", `backtests of rule.metric.kind "${m.kind}" are not supported yet`, "rule.metric.kind");
}

/**
 * The alert routes, relative to `/api`. Mount with `app.route("/api", alertRoutes(deps))` before the `/api/*`
 * catch-all, behind `requireToken` for `/api/alerts` and `/api/alerts/*`.
 *
 * @param deps the API's dependencies (only `store` is used)
 * @returns a Hono sub-app
 * @throws nothing at build time; requests are refused with {@link ApiError} (400 invalid rule naming the field,
 *   404 unknown rule or event, 409 already acknowledged, 422 unsupported backtest metric)
 * @example
 * app.route("/api", alertRoutes(deps));
 */
export function alertRoutes(deps: ApiDeps): Hono {
  const routes = new Hono();
  const { store } = deps;

  routes.get("/alerts", async (c) => c.json({ rules: await listRules(store) }));

  routes.post("/alerts", async (c) => {
    const body = await jsonBody(c);
    return c.json(await refusals(() => createRule(store, body)), 201);
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
    const rule = await refusals(async () => parseAlertRule(draft ? { id: "backtest", ...(body.rule as object) } : body.rule), "rule.");
    const series = await ruleSeries(store, rule, body.from, body.to);
    const events = backtestAlertRule(rule, series);
    return c.json({
      ruleId: rule.id,
      metricKey: metricKey(rule.metric),
      observations: series.time.length,
      from: series.time.length > 0 ? new Date(series.time[0]).toISOString() : null,
      to: series.time.length > 0 ? new Date(series.time[series.time.length - 1]).toISOString() : null,
      events,
    });
  });

  routes.get("/alerts/:id", async (c) => c.json(await refusals(() => getRule(store, c.req.param("id")))));

  routes.patch("/alerts/:id", async (c) => {
    const body = await jsonBody(c);
    return c.json(await refusals(() => updateRule(store, c.req.param("id"), body)));
  });

  routes.delete("/alerts/:id", async (c) => {
    await refusals(() => deleteRule(store, c.req.param("id")));
    return c.body(null, 204);
  });

  routes.post("/alerts/:id/ack", async (c) => {
    const id = eventIdParam(c);
    return c.json(await refusals(() => acknowledge(store, id)));
  });

  return routes;
}
