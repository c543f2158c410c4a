/**
 * The Alerts page (alerts.md): active alerts with Acknowledge, the rule form with its "what would have fired"
 * backtest, the rules list (toggle, edit, delete) and the notification history, all kept current by `/ws/live`.
 * Fired alerts also pop a toast (and beep for `sound` rules) through {@link alertNotifications}, which other pages
 * may call too.
 */
import { symbols } from "../common/api.ts";
import { alertBacktest } from "../alerts/backtest.ts";
import { alertEventsPanel } from "../alerts/events.ts";
import { alertForm } from "../alerts/form.ts";
import { alertNotifications } from "../alerts/notify.ts";
import { alertRulesList } from "../alerts/rules.ts";
import { ensureAlertStyles } from "../alerts/styles.ts";
import { statusBar } from "../common/status-bar.ts";
import { ensureStyles } from "../common/ui.ts";

export { alertNotifications, statusBar, symbols };

/** The page's panels, placed by alerts.md. */
export interface AlertsPage {
  readonly active: HTMLElement;
  readonly form: HTMLElement;
  readonly backtest: HTMLElement;
  readonly rules: HTMLElement;
  readonly history: HTMLElement;
}

/**
 * Builds the page's panels and wires them together (save refreshes the list, Edit fills the form, a fire is
 * announced and listed).
 *
 * @param options the known symbols (suggested in the form) and the cell's invalidation (stops the live parts)
 * @returns the panels
 */
export function alertsPage(options: { symbols: readonly string[]; invalidation?: Promise<unknown> }): AlertsPage {
  ensureAlertStyles();
  const form = alertForm({ symbols: options.symbols, onSaved: () => void rules.refresh() });
  const backtest = alertBacktest(form);
  const rules = alertRulesList({
    onEdit: (rule) => form.edit(rule),
    onDeleted: (id) => {
      if (form.editing() === id) form.reset();
    },
    onChange: () => events.render(), // history entries take their severity from the rules
  });
  const events = alertEventsPanel({
    severityOf: (id) => rules.find(id)?.severity,
    // A rule written elsewhere (another tab, the API) shows up in the list once it fires.
    onFired: (alert) => {
      if (rules.find(alert.ruleId) === undefined) void rules.refresh();
    },
    invalidation: options.invalidation,
  });
  let notified = 0;
  let sounded = 0;
  alertNotifications({
    invalidation: options.invalidation,
    onAnnounced: (_alert, done) => {
      if (done.toast) events.active.dataset.notified = String(++notified);
      if (done.sound) events.active.dataset.sounded = String(++sounded);
    },
  });
  return { active: events.active, form: form.element, backtest, rules: rules.element, history: events.history };
}

ensureStyles();
