/**
 * Alert management over REST: rule CRUD (`/api/alerts`, `/api/alerts/:id`), fire history and acknowledgement
 * (`/api/alerts/history`, `/api/alerts/:id/ack`) and what-if backtests of a rule on stored data (`/api/alerts/backtest`).
 * The rule bodies are documented by the engine's rule schema, the one `parseAlertRule` runs.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  ALERT_CONDITION_OPS,
  ALERT_METRIC_KINDS,
  ALERT_SEVERITIES,
  alertRuleDraftSchema,
  alertRuleError,
  alertRuleFieldsSchema,
  alertRuleOrDraftSchema,
  alignBars,
  backtestAlertRule,
  comparisonConditionSchema,
  outsideBandConditionSchema,
  InvalidAlertRuleError,
  metricKey,
  pairMetricSchema,
  pairMetricSeries,
  parseTimeframe,
  redactWebhookUrl,
  replayAlertRule,
  windowedMetricSchema,
  type AlertEvent,
  type AlertRule,
} from "../../engine/index.ts";
import {
  acknowledge,
  AlertAlreadyAcknowledgedError,
  AlertNotFoundError,
  createRule,
  deleteRule,
  getRule,
  isRefusedRule,
  listHistory,
  listRules,
  MAX_HISTORY_LIMIT,
  updateRule,
  type ListedAlertRule,
} from "../../store/alert-store.ts";
import { readTradeStream, type Store } from "../../store/index.ts";
import type { ApiDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { apiRouter, type ApiRouter, bearer, documentedBody, invalidParameter, jsonAnswer, refused, shuttingDown, unknownSymbol } from "../http/openapi.ts";
import { requireKnownSymbol } from "../market/symbols.ts";
import { parameterRefusal, readJsonBody, toTime } from "../validation.ts";

const historyQuery = z
  .object({
    ruleId: z.string().min(1).max(128).optional().meta({ description: "Only this rule's events" }),
    limit: z.coerce.number().int().min(1).max(MAX_HISTORY_LIMIT).default(100).meta({ description: "Most events returned" }),
  })
  .strict();

/** A time bound in a JSON body: whole epoch milliseconds or an ISO 8601 string, from 2009-01-01 to one day past now. */
const bodyTime = z
  .union([z.int(), z.string()])
  .transform(toTime)
  .meta({ description: "Whole epoch milliseconds, or an ISO 8601 time; from 2009-01-01 to one day past now" });

const backtestBody = z
  .object({
    rule: alertRuleOrDraftSchema.meta({ description: "A stored rule or a draft (without id)" }),
    from: bodyTime.optional().meta({ description: "Inclusive start of the replayed range (default: the first stored data)" }),
    to: bodyTime.optional().meta({ description: "Exclusive end (default: the last stored data)" }),
  })
  .strict();

/** A rule as stored: the rule and when it was created and last changed. */
const storedRuleSchema = alertRuleFieldsSchema
  .extend({
    webhookUrl: z
      .string()
      .optional()
      .meta({ description: "The webhook URL redacted to scheme and host (`https://hooks.example.com/…`); a PATCH sending it back keeps the stored URL" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("StoredAlertRule");

/** A rule as answered: its webhook URL redacted to scheme and host (the store keeps the full URL for sending). */
function publicRule<R extends ListedAlertRule>(rule: R): R {
  return "webhookUrl" in rule && typeof rule.webhookUrl === "string" ? { ...rule, webhookUrl: redactWebhookUrl(rule.webhookUrl) } : rule;
}

/** A stored rule today's validation refuses: listed disabled with what is wrong, never evaluated. */
const refusedRuleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    enabled: z.literal(false),
    error: z.string().meta({ description: "What is wrong with the stored rule, naming the field; PATCH it to mend it or DELETE it" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("RefusedAlertRule");

/** A rule as listed: valid, or refused by today's validation (with `error`). */
const listedRuleSchema = z.union([storedRuleSchema, refusedRuleSchema]);

/** A JSON merge patch of a rule (documented; the merged rule is what is checked, by the rule schema). */
const rulePatchSchema = (() => {
  const field = alertRuleFieldsSchema.shape;
  const removable = (schema: z.ZodType) => schema.nullable().optional();
  return z
    .strictObject({
      id: field.id.optional().meta({ description: "Only the rule's own id (it cannot change)" }),
      name: field.name.optional(),
      severity: field.severity.optional(),
      enabled: field.enabled.optional(),
      metric: z
        .strictObject({
          kind: z.enum(ALERT_METRIC_KINDS).optional(),
          symbol: windowedMetricSchema.shape.symbol.optional(),
          windowMs: windowedMetricSchema.shape.windowMs.optional(),
          a: pairMetricSchema.shape.a.optional(),
          b: pairMetricSchema.shape.b.optional(),
          timeframe: pairMetricSchema.shape.timeframe.optional(),
          window: pairMetricSchema.shape.window.optional(),
        })
        .optional()
        .meta({ description: "Merged into the metric; a new kind replaces it" }),
      condition: z
        .strictObject({
          op: z.enum(ALERT_CONDITION_OPS).optional(),
          threshold: comparisonConditionSchema.shape.threshold.optional(),
          low: outsideBandConditionSchema.shape.low.optional(),
          high: outsideBandConditionSchema.shape.high.optional(),
        })
        .optional()
        .meta({ description: "Merged into the condition; a new op replaces it (any op of the rule schema)" }),
      forMs: removable(field.forMs.unwrap()),
      cooldownMs: removable(field.cooldownMs.unwrap()),
      rearm: removable(field.rearm.unwrap()),
      channels: field.channels.optional(),
      webhookUrl: removable(field.webhookUrl.unwrap()),
    })
    .meta({
      description:
        "A JSON merge patch (RFC 7386) of the rule: objects merge field by field, null removes an optional field, " +
        "a new metric kind or condition op replaces that object; the merged rule is checked as a whole (the rule schema)",
    });
})();

const alertEventSchema = z
  .object({
    ruleId: z.string(),
    name: z.string(),
    severity: z.enum(ALERT_SEVERITIES),
    metricKey: z.string().meta({ description: "e.g. `zScore:ETHUSDT:BTCUSDT:1s:300`" }),
    time: z.number().meta({ description: "Time of the observation that fired, ms since the Unix epoch" }),
    value: z.number(),
    threshold: z.number().optional().meta({ description: "Absent for outsideBand" }),
    band: z.object({ low: z.number(), high: z.number() }).optional().meta({ description: "outsideBand only" }),
    holdingSince: z.number().meta({ description: "Since when (ms) the condition had held" }),
    message: z.string(),
  })
  .openapi("AlertEvent");

const historyEntrySchema = z
  .object({
    id: z.number().int().meta({ description: "Event id, used to acknowledge it" }),
    ruleId: z.string(),
    firedAt: z.iso.datetime(),
    value: z.number().nullable(),
    threshold: z.number().nullable(),
    message: z.string(),
    acknowledgedAt: z.iso.datetime().nullable(),
  })
  .openapi("AlertHistoryEntry");

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

/**
 * A patch sending back the redacted webhook URL it was answered (an edit form's round trip) keeps the stored URL:
 * that field is left out of the patch.
 */
async function keepRedactedUrl(store: Store, id: string, patch: unknown): Promise<unknown> {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch) || !("webhookUrl" in patch)) return patch;
  const { webhookUrl, ...rest } = patch as Record<string, unknown>;
  if (typeof webhookUrl !== "string" || !webhookUrl.endsWith("/…")) return patch;
  const current = await getRule(store, id).catch(() => null);
  return current !== null && "webhookUrl" in current && current.webhookUrl !== undefined && redactWebhookUrl(current.webhookUrl) === webhookUrl ? rest : patch;
}

/** A history event id from the path: a positive whole number, else it cannot exist (404). */
function eventId(raw: string): number {
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new ApiError(404, "unknown_alert", `no alert event with id ${JSON.stringify(raw)}`, "id");
  return id;
}

/**
 * The backtest body, checked with {@link backtestBody}: a malformed envelope (unknown field, bad `from`/`to`) is
 * `invalid_parameter` as any body; a bad rule is `invalid_rule` naming its field under `rule.`, as `parseAlertRule`
 * names it.
 */
function parseBacktestBody(json: unknown): { readonly rule: AlertRule; readonly from?: number; readonly to?: number } {
  const result = backtestBody.safeParse(json);
  if (result.success) {
    const { rule, from, to } = result.data;
    // A draft (no id) gets a placeholder id.
    return { rule: { id: "backtest", ...rule }, from, to };
  }
  const issues = result.error.issues;
  // The envelope first, as a body without a rule: an unknown field, a bad from or to.
  const envelope = issues.find((issue) => issue.path[0] !== "rule");
  if (envelope !== undefined) throw parameterRefusal(envelope, "body");
  const ruleIssues = issues.map((issue) => ({ ...issue, path: issue.path.slice(1) }));
  const error = alertRuleError(new z.ZodError(ruleIssues));
  const field = error.path === "rule" ? "rule" : `rule.${error.path}`;
  throw new ApiError(400, "invalid_rule", error.message, field);
}

/** Most stored trades one backtest of a single-symbol rule replays. */
const MAX_BACKTEST_TRADES = 2_000_000;

/** A backtest's fires and how many observations of the metric the range held. */
interface BacktestRun {
  readonly events: AlertEvent[];
  readonly observations: number;
  readonly first: number | null;
  readonly last: number | null;
}

/**
 * Replays a rule over stored data exactly as the live feed would have seen it. Pair metrics: over the stored
 * bars of both legs, aligned (inner), each window's value observed at its bar's end. Single-symbol metrics: over
 * the stored trades, through the live feed; trades from one window before `from` warm the metric up.
 */
async function backtest(store: Store, rule: AlertRule, from?: number, to?: number): Promise<BacktestRun> {
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
  const barsOf = (symbol: string) =>
    store.queryBars({ symbol, timeframe: timeframe.label, from: from === undefined ? undefined : from - m.window * timeframe.ms, to });
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

const idPath = z.object({ id: z.string().meta({ description: "Rule id", example: "no-such-rule" }) });
const eventIdPath = z.object({
  id: z.string().meta({ description: "History event id (a positive whole number; anything else is no event)", pattern: "^[1-9][0-9]{0,15}$", example: "1" }),
});
const unknownRule = refused(["unknown_alert"], "No rule with this id");
/** Largest body of a rule or backtest request, bytes: a rule is a few hundred bytes. */
export const MAX_RULE_BODY_BYTES = 64 * 1024;
const bodyTooLarge = refused(["too_large"], `The body exceeds ${MAX_RULE_BODY_BYTES} bytes (refused by its Content-Length, or as soon as the count passes it)`);
const invalidRule = (why: string) => refused(["invalid_rule", "invalid_body"], why);
const tokenNeeded = refused(["unauthorized"], "Missing or wrong bearer token");
const tags = ["alerts"];

/**
 * The alert routes, relative to `/api`. Mount with `app.route("/api", alertRoutes(deps))` before the `/api/*`
 * catch-all, behind `requireToken` for `/api/alerts` and `/api/alerts/*`.
 *
 * @param deps the API's dependencies: `store`, and `alerts` (told of every rule change and acknowledgement)
 * @returns the router
 * @throws nothing at build time; requests are refused with {@link ApiError} (400 invalid rule naming the field,
 *   404 unknown rule, event or symbol, 409 already acknowledged, 422 a backtest range too large or too short)
 * @example
 * app.route("/api", alertRoutes(deps));
 */
export function alertRoutes(deps: ApiDeps): ApiRouter {
  const routes = apiRouter();
  const { store } = deps;
  // Rule changes reach the live evaluator before the response, so a rule is being evaluated once it is answered.
  const reload = () => deps.alerts?.reload() ?? Promise.resolve();

  routes.openapi(
    createRoute({
      method: "get",
      path: "/alerts",
      operationId: "listAlertRules",
      tags,
      summary: "Alert rules",
      responses: {
        200: jsonAnswer(
          z.object({ rules: z.array(listedRuleSchema) }),
          "Every stored rule, oldest first; a stored rule today's validation refuses is listed disabled with its `error`",
        ),
        503: shuttingDown,
      },
    }),
    async (c) => c.json({ rules: (await listRules(store)).map(publicRule) }, 200),
  );

  routes.openapi(
    createRoute({
      method: "post",
      path: "/alerts",
      operationId: "createAlertRule",
      tags,
      summary: "Create an alert rule (metric, condition, duration, cooldown, re-arm level, channels)",
      description: "The body is the rule without an id (the server assigns one). Needs the bearer token when the server has one.",
      security: bearer,
      request: { body: { required: true, content: documentedBody(routes, "AlertRuleDraft", alertRuleDraftSchema) } },
      responses: {
        201: jsonAnswer(storedRuleSchema, "The stored rule with its id and times"),
        400: invalidRule("The body is not JSON, or the rule is invalid (`field` is the path of the bad field, e.g. `condition.threshold`)"),
        401: tokenNeeded,
        413: bodyTooLarge,
        503: shuttingDown,
      },
    }),
    async (c) => {
      const body = await readJsonBody(c, MAX_RULE_BODY_BYTES);
      const rule = await refusals(() => createRule(store, body));
      await reload();
      return c.json(publicRule(rule), 201);
    },
  );

  routes.openapi(
    createRoute({
      method: "get",
      path: "/alerts/history",
      operationId: "alertHistory",
      tags,
      summary: "Fired alerts, newest first",
      request: { query: historyQuery },
      responses: {
        200: jsonAnswer(z.object({ events: z.array(historyEntrySchema) }), "The events"),
        400: invalidParameter,
        503: shuttingDown,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json({ events: await listHistory(store, { ruleId: q.ruleId, limit: q.limit }) }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: "post",
      path: "/alerts/backtest",
      operationId: "backtestAlertRule",
      tags,
      summary: "When a rule would have fired over a stored range, by the live evaluation code (every metric kind)",
      description: "Needs the bearer token when the server has one.",
      security: bearer,
      request: { body: { required: true, content: documentedBody(routes, "BacktestRequest", backtestBody) } },
      responses: {
        200: jsonAnswer(
          z.object({
            ruleId: z.string(),
            metricKey: z.string(),
            observations: z.number().int().meta({ description: "Values of the metric the range held" }),
            from: z.iso.datetime().nullable().meta({ description: "The first observation replayed" }),
            to: z.iso.datetime().nullable().meta({ description: "The last observation replayed" }),
            events: z.array(alertEventSchema),
          }),
          "The fires the rule would have sent",
        ),
        400: refused(["invalid_rule", "invalid_body", "invalid_parameter"], "A bad rule (`field` under `rule.`), body or range (`field` names it)"),
        401: tokenNeeded,
        413: bodyTooLarge,
        404: unknownSymbol("rule.metric"),
        422: refused(
          ["range_too_large", "insufficient_data", "unprocessable"],
          "More stored trades in the range than one backtest replays, or fewer bars than the window",
        ),
        503: shuttingDown,
      },
    }),
    async (c) => {
      const body = parseBacktestBody(await readJsonBody(c, MAX_RULE_BODY_BYTES));
      if (body.from !== undefined && body.to !== undefined && body.to <= body.from) {
        throw new ApiError(400, "invalid_parameter", "to must be after from", "to");
      }
      const { rule } = body;
      const run = await backtest(store, rule, body.from, body.to);
      return c.json(
        {
          ruleId: rule.id,
          metricKey: metricKey(rule.metric),
          observations: run.observations,
          from: run.first === null ? null : new Date(run.first).toISOString(),
          to: run.last === null ? null : new Date(run.last).toISOString(),
          events: run.events,
        },
        200,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: "get",
      path: "/alerts/{id}",
      operationId: "getAlertRule",
      tags,
      summary: "One alert rule",
      request: { params: idPath },
      responses: {
        200: jsonAnswer(storedRuleSchema, "The rule"),
        404: unknownRule,
        422: refused(["invalid_stored_rule"], "The stored rule is one today's validation refuses (`message` says why); PATCH it to mend it or DELETE it"),
        503: shuttingDown,
      },
    }),
    async (c) => {
      const rule = await refusals(() => getRule(store, c.req.valid("param").id));
      if (isRefusedRule(rule)) throw new ApiError(422, "invalid_stored_rule", `the stored rule is not evaluated: ${rule.error}`, "id");
      return c.json(publicRule(rule), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: "patch",
      path: "/alerts/{id}",
      operationId: "updateAlertRule",
      tags,
      summary: "Change an alert rule (JSON merge patch, re-validated)",
      description: "Needs the bearer token when the server has one.",
      security: bearer,
      request: { params: idPath, body: { required: true, content: documentedBody(routes, "AlertRulePatch", rulePatchSchema) } },
      responses: {
        200: jsonAnswer(storedRuleSchema, "The updated rule"),
        400: invalidRule("The body is not JSON, or the patched rule is invalid (`field` names the bad field)"),
        401: tokenNeeded,
        413: bodyTooLarge,
        404: unknownRule,
        503: shuttingDown,
      },
    }),
    async (c) => {
      const body = await readJsonBody(c, MAX_RULE_BODY_BYTES);
      const { id } = c.req.valid("param");
      const rule = await refusals(async () => updateRule(store, id, await keepRedactedUrl(store, id, body)));
      await reload();
      return c.json(publicRule(rule), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: "delete",
      path: "/alerts/{id}",
      operationId: "deleteAlertRule",
      tags,
      summary: "Delete an alert rule (its history is kept)",
      description: "Needs the bearer token when the server has one.",
      security: bearer,
      request: { params: idPath },
      responses: { 204: { description: "Deleted" }, 401: tokenNeeded, 404: unknownRule, 503: shuttingDown },
    }),
    async (c) => {
      await refusals(() => deleteRule(store, c.req.valid("param").id));
      await reload();
      return c.body(null, 204);
    },
  );

  routes.openapi(
    createRoute({
      method: "post",
      path: "/alerts/{id}/ack",
      operationId: "acknowledgeAlert",
      tags,
      summary: "Acknowledge a fired alert (id of the history event)",
      description: "Needs the bearer token when the server has one.",
      security: bearer,
      request: { params: eventIdPath },
      responses: {
        200: jsonAnswer(historyEntrySchema, "The event with acknowledgedAt"),
        401: tokenNeeded,
        404: refused(["unknown_alert"], "No event with this id"),
        409: refused(["already_acknowledged"], "The event was acknowledged before"),
        503: shuttingDown,
      },
    }),
    async (c) => {
      const id = eventId(c.req.valid("param").id);
      // A fire is announced before its row is written: a quick click must not find it missing.
      await deps.alerts?.historyWritten();
      const event = await refusals(() => acknowledge(store, id));
      deps.alerts?.acknowledged(event);
      return c.json(event, 200);
    },
  );

  return routes;
}
