/**
 * The rule form of the Alerts page: writes a new rule (POST) or edits a stored one (PATCH). Field names are the
 * rule's own (`name`, `symbol`, `threshold`, …; durations in seconds as `windowSeconds`, `forSeconds`,
 * `cooldownSeconds`), so a refusal naming `condition.threshold` lands next to the `threshold` field. The API is the
 * one validator: the form only reads what is typed and shows what the API says is wrong.
 */
import {
  ALERT_CHANNELS as CHANNELS,
  ALERT_CONDITION_OPS as OPS,
  ALERT_METRIC_KINDS as KINDS,
  ALERT_SEVERITIES as SEVERITIES,
  PAIR_METRIC_KINDS,
  WINDOWED_METRIC_KINDS,
  type AlertRule,
} from "../../../engine/index.ts";
import { createAlertRule, patchAlertRule, type AlertRuleDraft, type AlertRulePatch, type StoredAlertRule } from "./api.ts";
import { ApiRequestError } from "../common/api.ts";
import { el } from "../common/ui.ts";

// The option lists are the engine's: the form offers exactly what the rule schema accepts.
const WINDOWED_KINDS: readonly string[] = WINDOWED_METRIC_KINDS;
const PAIR_KINDS: readonly string[] = PAIR_METRIC_KINDS;
const TIMEFRAMES = ["1s", "5s", "15s", "1m", "5m", "15m", "1h"];

/** What the page can do with the form. */
export interface AlertForm {
  readonly element: HTMLFormElement;
  /** Fills the form with a stored rule; saving then PATCHes it. */
  edit(rule: StoredAlertRule): void;
  /** Back to an empty "new rule" form. */
  reset(): void;
  /** The id of the rule being edited, or null for a new rule. */
  editing(): string | null;
  /** The rule as typed, unvalidated. */
  draft(): AlertRuleDraft;
  /** Shows a refusal next to the field it names (a `rule.` prefix, as the backtest answers, is dropped). */
  showError(error: unknown): void;
  /** Removes the error shown, if any. */
  clearError(): void;
  /** Where buttons beside Save go (the backtest). */
  readonly actions: HTMLElement;
}

/** The API's field path → the form field that holds it. */
const FIELD_OF_PATH: Readonly<Record<string, string>> = {
  name: "name",
  severity: "severity",
  enabled: "enabled",
  metric: "kind",
  "metric.kind": "kind",
  "metric.symbol": "symbol",
  "metric.windowMs": "windowSeconds",
  "metric.a": "a",
  "metric.b": "b",
  "metric.timeframe": "timeframe",
  "metric.window": "window",
  condition: "op",
  "condition.op": "op",
  "condition.threshold": "threshold",
  "condition.low": "low",
  "condition.high": "high",
  forMs: "forSeconds",
  cooldownMs: "cooldownSeconds",
  rearm: "rearm",
  channels: "channel-dashboard",
  webhookUrl: "webhookUrl",
};

/** The form field for an API error field (`channels[1]` → the channel boxes), or null for the form as a whole. */
export function formFieldOf(path: string | null): string | null {
  if (path === null) return null;
  const bare = path.startsWith("rule.") ? path.slice("rule.".length) : path;
  return FIELD_OF_PATH[bare.replace(/\[\d+\]$/, "")] ?? null;
}

/**
 * Builds the rule form.
 *
 * @param options known symbols (suggested in the symbol fields) and what to do once a rule is saved
 * @returns the form and its operations
 */
export function alertForm(options: { symbols: readonly string[]; onSaved: (rule: StoredAlertRule, created: boolean) => void }): AlertForm {
  const { symbols } = options;
  const status = el("span", { className: "tl-form-status", "data-testid": "alert-form-status", role: "status" });
  const error = el("div", { className: "tl-error-text tl-field-error", "data-testid": "alert-form-error", role: "alert" });
  const heading = el("h3", { className: "tl-form-heading" }, "New rule");
  const cancel = el("button", { type: "button", hidden: true }, "Cancel edit");
  const save = el("button", { type: "submit", "data-testid": "alert-save" }, "Create rule");
  const actions = el("div", { className: "tl-form-actions" }, save, cancel, status);
  const form = el(
    "form",
    { className: "tl-alert-form tl-card", "data-testid": "alert-form", novalidate: true },
    heading,
    datalist("tl-alert-symbols", symbols),
    datalist("tl-alert-timeframes", TIMEFRAMES),
    fieldset("Rule", [
      field("Name", el("input", { type: "text", name: "name", maxlength: 200, placeholder: "e.g. ETH/BTC z > 2 for 10 s", size: 28 })),
      field("Severity", selectOf("severity", SEVERITIES)),
      checkbox("Enabled", "enabled"),
    ]),
    fieldset("Metric", [
      field("Metric", selectOf("kind", KINDS)),
      field("Symbol", symbolInput("symbol"), "single"),
      field("Window (s)", numberField("windowSeconds", { min: 1 }), "windowed"),
      field("Leg a (y)", symbolInput("a"), "pair"),
      field("Leg b (x)", symbolInput("b"), "pair"),
      field("Timeframe", el("input", { type: "text", name: "timeframe", list: "tl-alert-timeframes", size: 6, placeholder: "1s" }), "pair"),
      field("Window (bars)", numberField("window", { min: 2, step: 1 }), "pair"),
    ]),
    fieldset("Condition", [
      field("Condition", selectOf("op", OPS)),
      field("Threshold", numberField("threshold"), "threshold"),
      field("Low", numberField("low"), "band"),
      field("High", numberField("high"), "band"),
      field("Hold for (s)", numberField("forSeconds", { min: 0, placeholder: "0" })),
      field("Cooldown (s)", numberField("cooldownSeconds", { min: 0, placeholder: "0" })),
      field("Re-arm at", numberField("rearm", { placeholder: "none" }), "rearm"),
    ]),
    fieldset("Deliver to", [
      ...CHANNELS.map((c) => checkbox(c, `channel-${c}`)),
      field("Webhook URL", el("input", { type: "url", name: "webhookUrl", placeholder: "https://…", size: 32 }), "webhook"),
    ]),
    actions,
  );
  let editingId: string | null = null;
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  /** Shows only the fields that the chosen metric kind, condition and channels use. */
  const showRelevant = () => {
    const kind = input("kind").value;
    const op = input("op").value;
    const shown: Record<string, boolean> = {
      single: !PAIR_KINDS.includes(kind),
      windowed: WINDOWED_KINDS.includes(kind),
      pair: PAIR_KINDS.includes(kind),
      threshold: op !== "outsideBand",
      band: op === "outsideBand",
      rearm: op !== "outsideBand", // one level cannot bound both sides of a band
      webhook: (input("channel-webhook") as HTMLInputElement).checked,
    };
    form.querySelectorAll<HTMLElement>("[data-when]").forEach((group) => (group.hidden = !shown[group.dataset.when!]));
  };

  const clearError = () => {
    error.remove();
    error.textContent = "";
    form.querySelectorAll("[aria-invalid]").forEach((f) => f.removeAttribute("aria-invalid"));
  };

  const showError = (e: unknown) => {
    clearError();
    const apiError = e instanceof ApiRequestError ? e : null;
    const target = formFieldOf(apiError?.field ?? null);
    const control = target === null ? null : (form.elements.namedItem(target) as HTMLElement | null);
    error.textContent = e instanceof Error ? e.message : String(e);
    error.dataset.field = apiError?.field ?? "";
    // Next to the named field's label (visible even if the field belongs to a hidden group), else by the buttons.
    const label = control?.closest<HTMLElement>(".tl-field");
    if (control !== null && label) {
      control.setAttribute("aria-invalid", "true");
      label.hidden = false;
      label.after(error);
    } else {
      actions.after(error);
    }
  };

  const reset = () => {
    editingId = null;
    form.reset();
    setDefaults(form, symbols);
    heading.textContent = "New rule";
    save.textContent = "Create rule";
    cancel.hidden = true;
    form.dataset.editing = "";
    clearError();
    showRelevant();
  };

  const edit = (rule: StoredAlertRule) => {
    reset();
    fillFromRule(form, rule);
    editingId = rule.id;
    form.dataset.editing = rule.id;
    heading.textContent = `Edit “${rule.name}”`;
    save.textContent = "Save changes";
    cancel.hidden = false;
    status.textContent = "";
    showRelevant();
    form.scrollIntoView({ block: "nearest" });
  };

  const submit = async () => {
    clearError();
    save.disabled = true;
    status.textContent = "saving…";
    const id = editingId;
    try {
      const draft = readDraft(form);
      const rule = id === null ? await createAlertRule(draft) : await patchAlertRule(id, patchOf(draft));
      reset();
      status.textContent = `${id === null ? "Created" : "Saved"} “${rule.name}”.`;
      options.onSaved(rule, id === null);
    } catch (e) {
      status.textContent = "";
      showError(e);
    } finally {
      save.disabled = false;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  // The form's own inputs are not page inputs: keep them from re-running Framework cells.
  form.addEventListener("input", (event) => {
    event.stopPropagation();
    showRelevant();
  });
  form.addEventListener("change", showRelevant);
  cancel.addEventListener("click", () => {
    reset();
    status.textContent = "";
  });
  reset();
  return { element: form, edit, reset, editing: () => editingId, draft: () => readDraft(form), showError, clearError, actions };
}

/** The rule as typed. Empty optional fields are left out; the API refuses what is missing or malformed. */
function readDraft(form: HTMLFormElement): AlertRuleDraft {
  const text = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
  const number = (name: string): number | undefined => (text(name) === "" ? undefined : Number(text(name)));
  const millis = (name: string): number | undefined => {
    const s = number(name);
    return s === undefined ? undefined : Math.round(s * 1000);
  };
  const kind = text("kind");
  const op = text("op");
  const metric = PAIR_KINDS.includes(kind)
    ? { kind, a: text("a").toUpperCase(), b: text("b").toUpperCase(), timeframe: text("timeframe"), window: number("window") }
    : WINDOWED_KINDS.includes(kind)
      ? { kind, symbol: text("symbol").toUpperCase(), windowMs: millis("windowSeconds") }
      : { kind, symbol: text("symbol").toUpperCase() };
  const condition = op === "outsideBand" ? { op, low: number("low"), high: number("high") } : { op, threshold: number("threshold") };
  const channels = CHANNELS.filter((c) => checked(`channel-${c}`));
  const draft = {
    name: text("name"),
    severity: text("severity"),
    enabled: checked("enabled"),
    metric,
    condition,
    forMs: millis("forSeconds"),
    cooldownMs: millis("cooldownSeconds"),
    rearm: op === "outsideBand" ? undefined : number("rearm"),
    channels,
    webhookUrl: channels.includes("webhook") ? text("webhookUrl") || undefined : undefined,
  };
  // Unchecked shape: the API is the validator, and answers which field is wrong.
  return draft as unknown as AlertRuleDraft;
}

/** A merge patch replacing the whole rule: optional fields the draft leaves out are removed (`null`). */
function patchOf(draft: AlertRuleDraft): AlertRulePatch {
  return { forMs: null, cooldownMs: null, rearm: null, webhookUrl: null, ...stripUndefined(draft) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Sensible starting values: the first known symbols, a 1 s pair window of 60 bars, dashboard and sound. */
function setDefaults(form: HTMLFormElement, symbols: readonly string[]): void {
  const set = (name: string, value: string) => ((form.elements.namedItem(name) as HTMLInputElement).value = value);
  const tick = (name: string, on: boolean) => ((form.elements.namedItem(name) as HTMLInputElement).checked = on);
  set("severity", "warning");
  set("kind", "price");
  set("op", ">");
  set("symbol", symbols[0] ?? "");
  set("a", symbols[1] ?? symbols[0] ?? "");
  set("b", symbols[0] ?? "");
  set("timeframe", "1s");
  set("window", "60");
  set("windowSeconds", "60");
  tick("enabled", true);
  tick("channel-dashboard", true);
  tick("channel-sound", true);
  tick("channel-webhook", false);
}

/** Puts a stored rule's values into the fields (durations in seconds). */
function fillFromRule(form: HTMLFormElement, rule: AlertRule): void {
  const set = (name: string, value: string | number | undefined) =>
    ((form.elements.namedItem(name) as HTMLInputElement).value = value === undefined ? "" : String(value));
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
  set("name", rule.name);
  set("severity", rule.severity);
  (form.elements.namedItem("enabled") as HTMLInputElement).checked = rule.enabled;
  const m = rule.metric;
  set("kind", m.kind);
  if ("symbol" in m) set("symbol", m.symbol);
  if ("windowMs" in m) set("windowSeconds", seconds(m.windowMs));
  if ("a" in m) {
    set("a", m.a);
    set("b", m.b);
    set("timeframe", m.timeframe);
    set("window", m.window);
  }
  const c = rule.condition;
  set("op", c.op);
  if (c.op === "outsideBand") {
    set("low", c.low);
    set("high", c.high);
  } else {
    set("threshold", c.threshold);
  }
  set("forSeconds", seconds(rule.forMs));
  set("cooldownSeconds", seconds(rule.cooldownMs));
  set("rearm", rule.rearm);
  for (const ch of CHANNELS) (form.elements.namedItem(`channel-${ch}`) as HTMLInputElement).checked = rule.channels.includes(ch);
  set("webhookUrl", rule.webhookUrl);
}

/** A labelled field; `when` names the condition under which it is shown (see `showRelevant`). */
function field(label: string, control: HTMLElement, when?: string): HTMLElement {
  return el("label", { className: "tl-field", "data-when": when }, el("span", {}, label), control);
}

function checkbox(label: string, name: string): HTMLElement {
  return el("label", { className: "tl-field tl-check" }, el("input", { type: "checkbox", name }), el("span", {}, label));
}

function fieldset(legend: string, fields: HTMLElement[]): HTMLFieldSetElement {
  return el("fieldset", {}, el("legend", {}, legend), ...fields);
}

function selectOf(name: string, values: readonly string[]): HTMLSelectElement {
  return el("select", { name }, ...values.map((v) => el("option", { value: v }, v)));
}

function numberField(name: string, o: { min?: number; step?: number | "any"; placeholder?: string } = {}): HTMLInputElement {
  return el("input", { type: "number", name, min: o.min, step: o.step ?? "any", placeholder: o.placeholder, size: 8 });
}

function symbolInput(name: string): HTMLInputElement {
  return el("input", { type: "text", name, list: "tl-alert-symbols", size: 10, autocomplete: "off", spellcheck: "false" });
}

function datalist(id: string, values: readonly string[]): HTMLDataListElement {
  return el("datalist", { id }, ...values.map((v) => el("option", { value: v })));
}
