/**
 * The stored rules as a list: one row per rule (`data-rule-id`) with its metric and condition in words, an enabled
 * toggle (PATCH `{enabled}`), Edit (hands the rule to the form) and Delete (a second click confirms: headless
 * browsers and keyboard users get no `window.confirm`). A stored rule the server refuses to evaluate is listed
 * disabled with its error (`data-testid="alert-rule-error"`), to delete or to mend by the API.
 */
import { deleteAlertRule, isRefusedRule, listAlertRules, patchAlertRule, type RefusedAlertRule, type StoredAlertRule } from "./api.ts";
import { describeCondition, describeMetric, describeTiming } from "./describe.ts";
import { el } from "../common/ui.ts";

/** How long a first Delete click waits for its confirmation, ms. */
const CONFIRM_MS = 5_000;

export interface AlertRulesList {
  readonly element: HTMLElement;
  /** Reloads the rules from the API. */
  refresh(): Promise<void>;
  /** A stored rule by id, if known (history entries carry only the rule's id). */
  find(ruleId: string): StoredAlertRule | undefined;
}

/**
 * Builds the rules list (it loads itself).
 *
 * @param options `onEdit` gets a rule to put in the form; `onDeleted` its id once deleted; `onChange` hears every
 *   new list of rules
 * @returns the list and its operations
 */
export function alertRulesList(options: {
  onEdit: (rule: StoredAlertRule) => void;
  onDeleted: (id: string) => void;
  onChange?: (rules: readonly StoredAlertRule[]) => void;
}): AlertRulesList {
  const body = el("tbody");
  const table = el(
    "table",
    { className: "tl-table tl-rules" },
    el("thead", {}, el("tr", {}, ...["Name", "Metric", "Condition", "Channels", "Enabled", ""].map((h) => el("th", { scope: "col" }, h)))),
    body,
  );
  const empty = el("p", { className: "tl-muted" }, "No rules yet: write one with the form.");
  const message = el("div", { className: "tl-error-text", "data-testid": "alert-rules-error", role: "alert" });
  const element = el("div", { className: "tl-scroll", "data-testid": "alert-rules" }, table, empty, message);
  let rules: StoredAlertRule[] = [];
  let refused: RefusedAlertRule[] = [];

  const fail = (what: string, e: unknown) => (message.textContent = `${what}: ${e instanceof Error ? e.message : String(e)}`);

  const render = () => {
    body.replaceChildren(...rules.map((r) => ruleRow(r, { toggle, edit: options.onEdit, remove })), ...refused.map((r) => refusedRow(r, remove)));
    const count = rules.length + refused.length;
    table.hidden = count === 0;
    empty.hidden = count > 0;
    element.dataset.count = String(count);
    options.onChange?.(rules);
  };

  // Callers during a load (a burst of fires of an unknown rule, a save) share it, and it reads once more after,
  // so a change made while the first answer was on its way is not missed.
  let loading: Promise<void> | null = null;
  let stale = false;
  const refresh = (): Promise<void> => {
    if (loading !== null) {
      stale = true;
      return loading;
    }
    loading = (async () => {
      do {
        stale = false;
        try {
          const listed = await listAlertRules();
          rules = listed.filter((r): r is StoredAlertRule => !isRefusedRule(r));
          refused = listed.filter(isRefusedRule);
          render();
        } catch (e) {
          fail("could not load the rules", e);
        }
      } while (stale);
      loading = null;
    })();
    return loading;
  };

  async function toggle(rule: StoredAlertRule, box: HTMLInputElement) {
    message.textContent = "";
    box.disabled = true;
    try {
      const updated = await patchAlertRule(rule.id, { enabled: box.checked });
      rules = rules.map((r) => (r.id === updated.id ? updated : r));
      render();
    } catch (e) {
      box.checked = !box.checked; // the stored rule did not change
      box.disabled = false;
      fail(`could not ${box.checked ? "disable" : "enable"} “${rule.name}”`, e);
    }
  }

  async function remove(rule: { readonly id: string; readonly name: string }) {
    message.textContent = "";
    try {
      await deleteAlertRule(rule.id);
      rules = rules.filter((r) => r.id !== rule.id);
      refused = refused.filter((r) => r.id !== rule.id);
      render();
      options.onDeleted(rule.id);
    } catch (e) {
      fail(`could not delete “${rule.name}”`, e);
      await refresh();
    }
  }

  void refresh();
  return { element, refresh, find: (id) => rules.find((r) => r.id === id) };
}

interface RowActions {
  toggle(rule: StoredAlertRule, box: HTMLInputElement): void;
  edit(rule: StoredAlertRule): void;
  remove(rule: StoredAlertRule): void;
}

/** A stored rule the server does not evaluate: its name, what is wrong, and Delete. */
function refusedRow(rule: RefusedAlertRule, remove: (rule: RefusedAlertRule) => void): HTMLTableRowElement {
  return el(
    "tr",
    { "data-rule-id": rule.id, "data-enabled": "false", "data-refused": "true", className: "tl-disabled" },
    el("td", {}, el("div", { className: "tl-rule-name" }, rule.name)),
    el("td", { colspan: 3 }, el("span", { className: "tl-error-text", "data-testid": "alert-rule-error" }, `Not evaluated: ${rule.error}`)),
    el("td", {}, el("input", { type: "checkbox", "aria-label": `Enabled: ${rule.name}`, checked: false, disabled: true })),
    el("td", { className: "tl-row-actions" }, deleteButton(() => remove(rule))),
  );
}

function ruleRow(rule: StoredAlertRule, actions: RowActions): HTMLTableRowElement {
  const box = el("input", { type: "checkbox", "data-testid": "alert-toggle", "aria-label": `Enabled: ${rule.name}`, checked: rule.enabled });
  box.addEventListener("change", () => actions.toggle(rule, box));
  const edit = el("button", { type: "button", "data-testid": "alert-edit", onclick: () => actions.edit(rule) }, "Edit");
  const timing = describeTiming(rule);
  return el(
    "tr",
    { "data-rule-id": rule.id, "data-enabled": String(rule.enabled), className: rule.enabled ? "" : "tl-disabled" },
    el("td", {}, el("div", { className: "tl-rule-name" }, rule.name), el("span", { className: `tl-badge tl-${rule.severity}` }, rule.severity)),
    el("td", {}, describeMetric(rule.metric)),
    el("td", {}, describeCondition(rule.condition), timing === "" ? null : el("div", { className: "tl-muted" }, timing)),
    el("td", {}, rule.channels.join(", ")),
    el("td", {}, box),
    el("td", { className: "tl-row-actions" }, edit, deleteButton(() => actions.remove(rule))),
  );
}

/** Delete in two clicks: the first arms it (for a few seconds), the second deletes. */
function deleteButton(onConfirmed: () => void): HTMLButtonElement {
  const button = el("button", { type: "button", "data-testid": "alert-delete", className: "tl-danger" }, "Delete");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => {
    button.textContent = "Delete";
    delete button.dataset.confirm;
  };
  button.addEventListener("click", () => {
    if (button.dataset.confirm !== "pending") {
      button.textContent = "Confirm delete";
      button.dataset.confirm = "pending";
      timer = setTimeout(disarm, CONFIRM_MS);
      return;
    }
    clearTimeout(timer);
    button.disabled = true;
    button.textContent = "Deleting…";
    onConfirmed();
  });
  return button;
}
