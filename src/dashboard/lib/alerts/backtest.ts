/**
 * "What would have fired": the form's rule replayed over stored data by `POST /api/alerts/backtest` (the same
 * evaluation code as live), answered as a count and the fire times, before the rule is saved.
 */
import type { AlertEvent } from "../../../engine/index.ts";
import { backtestAlertDraft, type BacktestAnswer } from "./api.ts";
import type { AlertForm } from "./form.ts";
import { LOOK_BACKS } from "../common/look-back.ts";
import { el, formatNumber } from "../common/ui.ts";

// "all stored" replays everything (the API caps a single-symbol replay at 2M trades).
const DEFAULT_RANGE = 3_600_000;

/** Fire times listed at most; the count covers them all. */
const LISTED = 50;

/**
 * Adds the backtest button and range to the form's actions, and returns the result panel.
 *
 * @param form the rule form (its draft is what is replayed; refusals show next to its fields)
 * @returns the element holding the result (data-testid `alert-backtest-result`)
 */
export function alertBacktest(form: AlertForm): HTMLElement {
  // `selected` (not `.value`): resetting the form it sits in restores the default hour.
  const range = el(
    "select",
    { name: "backtestRange", "aria-label": "Backtest range" },
    ...LOOK_BACKS.map(([label, ms]) => el("option", { value: ms, selected: ms === DEFAULT_RANGE }, label)),
  );
  const button = el("button", { type: "button", "data-testid": "alert-backtest" }, "What would have fired?");
  const result = el(
    "div",
    { className: "tl-backtest", "data-testid": "alert-backtest-result", "data-state": "idle", "aria-live": "polite" },
    el("p", { className: "tl-muted" }, "Replays the form's rule over stored data with the live evaluation code: press “What would have fired?”."),
  );
  form.actions.append(el("span", { className: "tl-backtest-controls" }, button, " over the ", range));

  button.addEventListener("click", async () => {
    form.clearError();
    button.disabled = true;
    result.dataset.state = "running";
    result.replaceChildren("replaying stored data…");
    const lookBack = Number(range.value);
    try {
      const draft = form.draft();
      // A what-if needs no name yet; the API still requires one.
      const named = draft.name === "" ? { ...draft, name: "what-if" } : draft;
      const answer = await backtestAlertDraft(named, lookBack > 0 ? Date.now() - lookBack : undefined);
      showAnswer(result, answer);
    } catch (e) {
      result.dataset.state = "error";
      result.replaceChildren("Not replayed: see the message by the form.");
      form.showError(e);
    } finally {
      button.disabled = false;
    }
  });
  return result;
}

function showAnswer(result: HTMLElement, answer: BacktestAnswer): void {
  const n = answer.events.length;
  result.dataset.state = "done";
  result.dataset.count = String(n);
  const span = answer.from === null ? "no stored data in the range" : `${formatNumber(answer.observations)} observations of ${answer.metricKey}, ${time(answer.from)} → ${time(answer.to!)}`;
  const summary = el("p", { className: "tl-verdict" }, el("strong", { "data-testid": "alert-backtest-count" }, `${n} fire${n === 1 ? "" : "s"}`), ` over ${span}`);
  if (n === 0) {
    result.replaceChildren(summary);
    return;
  }
  const items = answer.events.slice(-LISTED).reverse().map(fireItem);
  const more = n > LISTED ? el("p", { className: "tl-muted" }, `newest ${LISTED} of ${n} shown`) : null;
  result.replaceChildren(summary, el("ol", { className: "tl-fire-times", reversed: true }, ...items), more ?? "");
}

function fireItem(e: AlertEvent): HTMLElement {
  return el("li", { "data-time": e.time }, el("time", { datetime: new Date(e.time).toISOString() }, time(e.time)), ` value ${formatNumber(e.value)}`);
}

/** UTC with milliseconds: fires a few trades apart differ by less than a second. */
function time(t: number | string): string {
  return new Date(t).toISOString().replace("T", " ").replace("Z", " UTC");
}
