/**
 * The shape of an alert rule a trader writes ("z-score of ETH/BTC above 2 for 10 s"), its canonical metric key, and
 * the validation of untrusted rule JSON (API bodies, stored rules) into that shape. The rule is one zod schema
 * ({@link alertRuleSchema}): the types below are inferred from it, the API documents its bodies with it, and the
 * dashboard's rule form lists the same kinds, ops, severities and channels.
 */
import { z } from "zod";
import { EngineInputError } from "../errors.ts";
import { parseTimeframe } from "../timeframe.ts";
import { SYMBOL_PATTERN, TIMEFRAME_PATTERN } from "../vocabulary.ts";

/** How loud an alert is. */
export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;
/** Where a fired alert is delivered. */
export const ALERT_CHANNELS = ["dashboard", "sound", "webhook"] as const;
/** Single-symbol metrics measured over a trailing time window. */
export const WINDOWED_METRIC_KINDS = ["changePct", "volume", "vwapDeviationPct"] as const;
/** Pair metrics computed on aligned bars over a trailing window of bars. */
export const PAIR_METRIC_KINDS = ["spread", "zScore", "correlation", "hedgeRatio", "adfPValue"] as const;
/** Every metric kind: the last price, the windowed single-symbol metrics, the pair metrics. */
export const ALERT_METRIC_KINDS = ["price", ...WINDOWED_METRIC_KINDS, ...PAIR_METRIC_KINDS] as const;
/** Conditions comparing the value with a threshold. */
export const COMPARISON_OPS = [">", ">=", "<", "<="] as const;
/** Conditions true once the value crosses a threshold. */
export const CROSSING_OPS = ["crossesAbove", "crossesBelow"] as const;
/** Conditions on a band around zero (`absAbove`) or between two levels (`outsideBand`). */
export const BAND_OPS = ["absAbove", "outsideBand"] as const;
/** Every condition op. */
export const ALERT_CONDITION_OPS = [...COMPARISON_OPS, ...CROSSING_OPS, ...BAND_OPS] as const;

/** Fewest bars in a pair metric's window. */
export const MIN_RULE_WINDOW_BARS = 2;
/** Most bars in a pair metric's window (the analytics endpoints' largest window). */
export const MAX_RULE_WINDOW_BARS = 100_000;
/** Longest `windowMs`, `forMs` and `cooldownMs` of a rule: 7 days, ms. */
export const MAX_RULE_DURATION_MS = 7 * 86_400_000;
/** Largest magnitude of a threshold, band edge or re-arm level. */
export const MAX_RULE_LEVEL = 1e12;

/** How a refused value is shown in a message: `"fatal"`, `7`, `missing`, `an array`. */
function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}

/** A zod error option saying `<rule>, got <the value>`. */
const says = (rule: string) => ({ error: (issue: { readonly input?: unknown }) => `${rule}, got ${describe(issue.input)}` });
const listOf = (options: readonly string[]) => options.map((o) => `"${o}"`).join(", ");
const oneOf = (options: readonly string[]) => says(`must be one of ${listOf(options)}`);
const fieldOf = (input: unknown, key: string): unknown =>
  typeof input === "object" && input !== null ? (input as Record<string, unknown>)[key] : undefined;

/** An object's own refusals: not an object, or a field it does not have (`what` names the object in the message). */
const objectError = (what: (input: unknown) => string) => ({
  error: (issue: { readonly code?: string; readonly input?: unknown }) =>
    issue.code === "unrecognized_keys" ? `is not a field of ${what(issue.input)}` : `must be an object, got ${describe(issue.input)}`,
});

/** Half of a UTF-16 surrogate pair on its own: not Unicode text, and refused by the store's JSON. */
const LONE_SURROGATE = /\p{Cs}/u;

const text = (maxLength: number) => {
  const rule = says(`must be a non-empty string of at most ${maxLength} characters`);
  return z
    .string(rule)
    .min(1, rule)
    .max(maxLength, rule)
    .refine((s) => s.trim() !== "", rule)
    .refine((s) => !LONE_SURROGATE.test(s), says("must be well-formed Unicode (no lone surrogate)"));
};

const ruleSymbol = (description: string, example = "BTCUSDT") => {
  const rule = says('must be an upper-case exchange symbol such as "BTCUSDT"');
  return z.string(rule).regex(SYMBOL_PATTERN, rule).meta({ description, example });
};

const levelRule = says(`must be a finite number from -${MAX_RULE_LEVEL} to ${MAX_RULE_LEVEL}`);
const finite = (description: string) => z.number(levelRule).min(-MAX_RULE_LEVEL, levelRule).max(MAX_RULE_LEVEL, levelRule).meta({ description });

const wholeBetween = (min: number, max: number, unit: string, description: string) => {
  const rule = says(`must be a whole number of ${unit} from ${min} to ${max}`);
  return z.int(rule).min(min, rule).max(max, rule).meta({ description });
};

/** A bar length label, made canonical (`"60s"` → `"1m"`). */
const barLength = z
  .string(says('must be a bar length such as "1s" or "1m"'))
  .transform((label, ctx) => {
    try {
      return parseTimeframe(label).label;
    } catch {
      ctx.addIssue({ code: "custom", input: label, message: `must be a bar length such as "1s", "1m" or "1h", got ${describe(label)}` });
      return z.NEVER;
    }
  })
  .meta({
    pattern: TIMEFRAME_PATTERN.source,
    description: 'Bar length that divides one day, e.g. "1s", "1m", "5m", "1h"; made canonical ("60s" → "1m")',
    example: "1s",
  });

const metricError = objectError((m) => `a ${String(fieldOf(m, "kind"))} metric`);

/** Last traded price of a symbol. */
export const priceMetricSchema = z.strictObject(
  { kind: z.literal("price"), symbol: ruleSymbol("Upper-case exchange symbol") },
  metricError,
);

/** A single-symbol metric over a trailing time window (percent change, traded volume, deviation from VWAP in %). */
export const windowedMetricSchema = z.strictObject(
  {
    kind: z.enum(WINDOWED_METRIC_KINDS),
    symbol: ruleSymbol("Upper-case exchange symbol"),
    windowMs: wholeBetween(1, MAX_RULE_DURATION_MS, "milliseconds", "Trailing window length, ms"),
  },
  metricError,
);

/** A pair metric of `a` against `b` (a is the y of the regression) on bars of `timeframe`, over `window` bars. */
export const pairMetricSchema = z
  .strictObject(
    {
      kind: z.enum(PAIR_METRIC_KINDS),
      a: ruleSymbol("First leg (regression y)", "ETHUSDT"),
      b: ruleSymbol("Second leg (regression x); must differ from a"),
      timeframe: barLength,
      window: wholeBetween(MIN_RULE_WINDOW_BARS, MAX_RULE_WINDOW_BARS, "bars", "Number of bars in the trailing window"),
    },
    metricError,
  )
  .superRefine((m, ctx) => {
    if (typeof m.a === "string" && m.a === m.b) ctx.addIssue({ code: "custom", path: ["b"], message: `must differ from metric.a, both are "${m.a}"` });
  });

/** What a rule watches, by `kind`. The evaluator does not compute it: callers route values by {@link metricKey}. */
export const alertMetricSchema = z
  .discriminatedUnion("kind", [priceMetricSchema, windowedMetricSchema, pairMetricSchema], {
    error: (issue) =>
      issue.code === "invalid_union"
        ? `must be one of ${listOf(ALERT_METRIC_KINDS)}, got ${describe(fieldOf(issue.input, "kind"))}`
        : `must be an object, got ${describe(issue.input)}`,
  })
  .meta({ description: "What the rule watches, by kind" });

const conditionError = objectError((c) => `an "${String(fieldOf(c, "op"))}" condition`);

/** Compare the value with a threshold; true while the comparison holds. */
export const comparisonConditionSchema = z.strictObject(
  { op: z.enum(COMPARISON_OPS), threshold: finite("Level compared with") },
  conditionError,
);

/** True once the value has moved from ≤ threshold to > (crossesAbove) or from ≥ to < (crossesBelow). */
export const crossingConditionSchema = z.strictObject({ op: z.enum(CROSSING_OPS), threshold: finite("Level crossed") }, conditionError);

/** True while |value| > threshold. */
export const absAboveConditionSchema = z.strictObject(
  {
    op: z.literal("absAbove"),
    threshold: finite("Non-negative level compared with |value|").min(0, {
      error: (issue) => `must be >= 0 for "absAbove", got ${describe(issue.input)}`,
    }),
  },
  conditionError,
);

/** True while value < low or value > high (the edges are inside the quiet band). */
export const outsideBandConditionSchema = z
  .strictObject(
    {
      op: z.literal("outsideBand"),
      low: finite("Lower edge of the quiet band (a value equal to it is inside)"),
      high: finite("Upper edge of the quiet band (inside), > low"),
    },
    conditionError,
  )
  .superRefine((c, ctx) => {
    if (typeof c.low === "number" && typeof c.high === "number" && !(c.high > c.low)) {
      ctx.addIssue({ code: "custom", path: ["high"], message: `must be greater than condition.low (${c.low}), got ${c.high}` });
    }
  });

/** When a rule's value is "in alert", by `op`. */
export const alertConditionSchema = z
  .discriminatedUnion("op", [comparisonConditionSchema, crossingConditionSchema, absAboveConditionSchema, outsideBandConditionSchema], {
    error: (issue) =>
      issue.code === "invalid_union"
        ? `must be one of ${listOf(ALERT_CONDITION_OPS)}, got ${describe(fieldOf(issue.input, "op"))}`
        : `must be an object, got ${describe(issue.input)}`,
  })
  .meta({ description: "When the value is in alert, by op" });

const duration = (description: string) => wholeBetween(0, MAX_RULE_DURATION_MS, "milliseconds", description);

/** Longest webhook URL, characters (2 KiB). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Host names of cloud metadata services (lower case, no trailing dot). */
const METADATA_HOSTS: ReadonlySet<string> = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);

/** The four bytes of a dotted IPv4 address, or null. */
function ipv4Bytes(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address (brackets and a zone left out), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "").toLowerCase();
  if (!text.includes(":")) return null;
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail !== null) {
    const b = ipv4Bytes(tail[1]);
    if (b === null) return null;
    text = `${text.slice(0, tail.index)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const all = [...head, ...Array<string>(Math.max(0, fill)).fill("0"), ...rest];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

/**
 * Why a webhook may not be sent to this host or address: link-local (169.254.0.0/16, fe80::/10, also as an
 * IPv4-mapped or -compatible IPv6 address) or a cloud metadata service; null when it may. The host is expected as
 * the WHATWG `URL` parser leaves it (IPv4 in any spelling made dotted decimal), or as a resolved address.
 *
 * @param host a URL's `hostname`, or an address a name resolved to
 * @returns the reason, or null
 * @example
 * webhookTargetRefusal(new URL("http://0xA9FEA9FE/").hostname); // "is a link-local address (169.254.169.254)"
 */
export function webhookTargetRefusal(host: string): string | null {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(name)) return `is a cloud metadata host (${name})`;
  const v4 = ipv4Bytes(name);
  const g = v4 === null ? ipv6Groups(name) : null;
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) IPv6 addresses carry an IPv4 address.
  const embedded = g !== null && g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0) ? [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255] : null;
  const ip4 = v4 ?? embedded;
  if (ip4 !== null && ip4[0] === 169 && ip4[1] === 254) return `is a link-local address (${ip4.join(".")})`;
  if (g !== null && (g[0] & 0xffc0) === 0xfe80) return `is a link-local address (${name})`;
  if (g !== null && g[0] === 0xfd00 && g[1] === 0x0ec2) return `is a cloud metadata address (${name})`;
  return null;
}

/**
 * A webhook URL as shown in answers and logs: scheme and host kept, the rest (path, query, credentials) replaced,
 * since a webhook's path often is its secret.
 *
 * @param url the full URL
 * @returns e.g. `https://hooks.example.com/…`; `…` for a string that is not a URL
 * @example
 * redactWebhookUrl("https://hooks.example.com/T0/B1/secret?x=1"); // "https://hooks.example.com/…"
 */
export function redactWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "…";
  }
}

const urlRule = `must be an http(s) URL of at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
const httpUrl = z
  .string(says(urlRule))
  // A refused URL is never echoed whole (its path may be a secret): the length, the scheme or the host is shown.
  .max(MAX_WEBHOOK_URL_LENGTH, { error: (issue) => `${urlRule}, got ${String(issue.input).length} characters` })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", input: value, message: `${urlRule}, got a string that is not a URL` });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", input: value, message: `${urlRule}, got ${describe(url.protocol)}` });
      return;
    }
    const why = webhookTargetRefusal(url.hostname);
    if (why !== null) ctx.addIssue({ code: "custom", input: value, message: `must not target this host: ${url.hostname} ${why}` });
  })
  .meta({
    format: "uri",
    description:
      `http(s) URL the webhook channel posts to (at most ${MAX_WEBHOOK_URL_LENGTH} characters; no link-local or cloud metadata target); ` +
      'required exactly when channels hold "webhook". Answers show it redacted to scheme and host',
  });

/** The fields of a rule, each checked on its own; {@link alertRuleSchema} adds the checks across fields. */
export const alertRuleFieldsSchema = z.strictObject(
  {
    id: text(128).meta({ description: "Unique id of the rule" }),
    name: text(200).meta({ description: "Human name shown in the alert message" }),
    severity: z.enum(ALERT_SEVERITIES, oneOf(ALERT_SEVERITIES)).meta({ description: "How loud the alert is" }),
    enabled: z.boolean(says("must be true or false")).meta({ description: "A disabled rule is not evaluated and its state is left untouched" }),
    metric: alertMetricSchema,
    condition: alertConditionSchema,
    forMs: duration(
      "Milliseconds the condition must hold, observation after observation, before the rule fires (default 0); an observation out of alert restarts the clock",
    ).optional(),
    cooldownMs: duration(
      "Milliseconds after a fire during which further fires are suppressed (default 0); a suppressed trigger is consumed like a fire",
    ).optional(),
    rearm: finite(
      "Hysteresis level: once fired the rule re-arms only when the value comes back to it or past it (≤ rearm for >, >=, crossesAbove; " +
        "≥ rearm for <, <=, crossesBelow; |value| ≤ rearm for absAbove); on the quiet side of the threshold; not with outsideBand",
    ).optional(),
    channels: z
      .array(z.enum(ALERT_CHANNELS, oneOf(ALERT_CHANNELS)), says("must be an array of channels"))
      .min(1, "must name at least one channel")
      .superRefine((channels, ctx) => {
        const repeated = channels.findIndex((c, i) => channels.indexOf(c) !== i);
        if (repeated >= 0) ctx.addIssue({ code: "custom", path: [repeated], message: `repeats "${channels[repeated]}"` });
      })
      .readonly()
      .meta({ description: "Delivery channels, at least one, no repeats" }),
    webhookUrl: httpUrl.optional(),
  },
  objectError(() => "an alert rule"),
);

type RuleFields = z.infer<typeof alertRuleFieldsSchema>;

/** The checks across fields: the re-arm level against the condition, the webhook URL against the channels. */
function checkAcrossFields(rule: Partial<RuleFields>, ctx: z.core.$RefinementCtx): void {
  const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const { condition, rearm } = rule;
  if (typeof rearm === "number" && condition !== undefined) {
    switch (condition.op) {
      case ">":
      case ">=":
      case "crossesAbove":
        if (!(rearm < condition.threshold)) fail("rearm", `must be below condition.threshold (${condition.threshold}) for "${condition.op}", got ${rearm}`);
        break;
      case "<":
      case "<=":
      case "crossesBelow":
        if (!(rearm > condition.threshold)) fail("rearm", `must be above condition.threshold (${condition.threshold}) for "${condition.op}", got ${rearm}`);
        break;
      case "absAbove":
        if (!(rearm >= 0 && rearm < condition.threshold)) {
          fail("rearm", `must be >= 0 and below condition.threshold (${condition.threshold}) for "absAbove", got ${rearm}`);
        }
        break;
      case "outsideBand":
        fail("rearm", 'is not allowed with "outsideBand"');
    }
  }
  if (!Array.isArray(rule.channels)) return;
  if (rule.channels.includes("webhook")) {
    if (rule.webhookUrl === undefined) fail("webhookUrl", 'is required when channels include "webhook"');
  } else if (rule.webhookUrl !== undefined) {
    fail("webhookUrl", 'is only allowed when channels include "webhook"');
  }
}

/** One alert rule: every field and the checks across them. Unknown fields are refused, not ignored. */
export const alertRuleSchema = alertRuleFieldsSchema.superRefine(checkAcrossFields).meta({ description: "An alert rule" });

/** A rule as a client writes it before it is stored: everything but the id, which the server assigns. */
export const alertRuleDraftSchema = alertRuleFieldsSchema
  .omit({ id: true })
  .superRefine(checkAcrossFields)
  .meta({ description: "An alert rule without its id (the server assigns it)" });

/** A stored rule or a draft, e.g. one to replay over stored data: the id may be left out. */
export const alertRuleOrDraftSchema = alertRuleFieldsSchema
  .partial({ id: true })
  .superRefine(checkAcrossFields)
  .meta({ description: "An alert rule, its id optional (a draft)" });

/** Shallowly read-only at every level, arrays included: what the rule types promise their readers. */
type ReadOnlyDeep<T> = T extends readonly (infer U)[] ? readonly ReadOnlyDeep<U>[] : T extends object ? { readonly [K in keyof T]: ReadOnlyDeep<T[K]> } : T;

export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
export type WindowedMetricKind = (typeof WINDOWED_METRIC_KINDS)[number];
export type PairMetricKind = (typeof PAIR_METRIC_KINDS)[number];
export type PriceMetric = ReadOnlyDeep<z.infer<typeof priceMetricSchema>>;
export type WindowedMetric = ReadOnlyDeep<z.infer<typeof windowedMetricSchema>>;
export type PairMetric = ReadOnlyDeep<z.infer<typeof pairMetricSchema>>;
export type AlertMetric = PriceMetric | WindowedMetric | PairMetric;
export type ComparisonCondition = ReadOnlyDeep<z.infer<typeof comparisonConditionSchema>>;
export type CrossingCondition = ReadOnlyDeep<z.infer<typeof crossingConditionSchema>>;
export type AbsAboveCondition = ReadOnlyDeep<z.infer<typeof absAboveConditionSchema>>;
export type OutsideBandCondition = ReadOnlyDeep<z.infer<typeof outsideBandConditionSchema>>;
export type AlertCondition = ComparisonCondition | CrossingCondition | AbsAboveCondition | OutsideBandCondition;
/** One alert rule, as validated by {@link parseAlertRule}; the fields are described on {@link alertRuleSchema}. */
export type AlertRule = ReadOnlyDeep<z.infer<typeof alertRuleSchema>>;

/** Untrusted rule input was malformed; `path` names the offending field, e.g. `"condition.threshold"`. */
export class InvalidAlertRuleError extends EngineInputError {
  /** Dotted path of the offending field (`"metric.windowMs"`, `"channels[1]"`), or `"rule"` for the whole. */
  readonly path: string;
  constructor(fn: string, path: string, message: string) {
    super(fn, `${path} ${message}`);
    this.path = path;
  }
}

/** A zod issue's path as the rule's refusals name it: `metric.window`, `channels[1]`, `rule` for the whole. */
function pathOf(issue: z.core.$ZodIssue): string {
  const segments = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
  const path = segments.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`),
    "",
  );
  return path === "" ? "rule" : path;
}

/**
 * The refusal of a failed rule parse, naming the first bad field. A field the rule does not have is named before
 * anything else (a misspelt field explains the rest); otherwise fields come in the schema's order.
 *
 * @param error the error of `alertRuleSchema.safeParse` (or of another rule schema, paths relative to the rule)
 * @param fn the function refusing, named in the message (default `parseAlertRule`)
 * @returns the error to throw: `path` e.g. `"condition.threshold"`, the message `"<fn>: <path> <why>"`
 * @throws nothing
 * @example
 * const r = alertRuleSchema.safeParse(json);
 * if (!r.success) throw alertRuleError(r.error); // path "severity", message 'parseAlertRule: severity must be one of …'
 */
export function alertRuleError(error: z.ZodError, fn = "parseAlertRule"): InvalidAlertRuleError {
  const issues = error.issues;
  const issue = issues.find((i) => i.code === "unrecognized_keys" && i.path.length === 0) ?? issues[0];
  return new InvalidAlertRuleError(fn, pathOf(issue), issue.message);
}

/**
 * Validates untrusted input (parsed JSON) into an {@link AlertRule} with {@link alertRuleSchema}. Unknown fields are
 * refused rather than ignored, so a misspelt `cooldownMS` does not silently leave a rule without its cooldown.
 *
 * @param json the candidate rule, e.g. `JSON.parse(body)`
 * @returns a fresh rule object with the timeframe label canonical and optional fields left out when absent
 * @throws {InvalidAlertRuleError} a field is missing, of the wrong type or out of its domain; `path` and the
 *   message name it (`"condition.threshold"`, `"metric.window"`, `"channels[0]"`, `"rearm"`, …)
 * @example
 * parseAlertRule({
 *   id: "eth-btc-z", name: "ETH/BTC z > 2 for 10 s", severity: "warning", enabled: true,
 *   metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 300 },
 *   condition: { op: ">", threshold: 2 }, forMs: 10_000, rearm: 1.5, channels: ["dashboard", "sound"],
 * }).condition; // { op: ">", threshold: 2 }
 */
export function parseAlertRule(json: unknown): AlertRule {
  const result = alertRuleSchema.safeParse(json);
  if (!result.success) throw alertRuleError(result.error);
  // A field given as `undefined` is left out, as an absent one is.
  return Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as unknown as AlertRule;
}

/**
 * The key under which a metric's values are routed to the evaluator: every rule watching the same metric shares
 * it, whatever order its fields were written in, so callers compute a metric once and feed all its rules.
 *
 * @param metric a validated metric
 * @returns e.g. `"price:BTCUSDT"`, `"changePct:BTCUSDT:60000"`, `"zScore:ETHUSDT:BTCUSDT:1s:300"`
 * @throws {InvalidParameterError} a pair metric's timeframe is not a valid bar length
 * @example
 * metricKey({ kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "60s", window: 30 }); // "zScore:ETHUSDT:BTCUSDT:1m:30"
 */
export function metricKey(metric: AlertMetric): string {
  switch (metric.kind) {
    case "price":
      return `price:${metric.symbol}`;
    case "changePct":
    case "volume":
    case "vwapDeviationPct":
      return `${metric.kind}:${metric.symbol}:${metric.windowMs}`;
    default:
      return `${metric.kind}:${metric.a}:${metric.b}:${parseTimeframe(metric.timeframe).label}:${metric.window}`;
  }
}
