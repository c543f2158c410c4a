/**
 * Fired alerts on the Alerts page: the active ones (not yet acknowledged, each with Acknowledge) and the
 * notification history (newest first, acknowledged ones marked). Filled from `GET /api/alerts/history`, then kept
 * current by the live `alerts` channel (its snapshot after every reconnect, each fire, each acknowledgement) without
 * a reload. Events are merged by id, so the REST answer and the live frames may arrive in any order.
 */
import type { AlertNotice, FiredAlert } from "../../../alerts/alert-service.ts";
import type { AlertSeverity } from "../../../engine/index.ts";
import { acknowledgeAlert, alertHistory, type AlertHistoryEntry } from "./api.ts";
import { ApiRequestError } from "../common/api.ts";
import { live } from "../common/live.ts";
import { el, formatNumber } from "../common/ui.ts";

/** Events loaded at start and listed in the history. */
const HISTORY_LIMIT = 200;

/** An event as shown: the stored entry, with the severity when known (live fires carry it). */
type ShownEvent = AlertHistoryEntry & { readonly severity?: AlertSeverity };

export interface AlertEventsPanel {
  /** Unacknowledged fires (data-testid `alert-active`). */
  readonly active: HTMLElement;
  /** Every fire, newest first (data-testid `alert-history`). */
  readonly history: HTMLElement;
  /** Draws again (e.g. once the rules, and so their severities, are known). */
  render(): void;
}

/**
 * Builds both lists and starts following the live channel.
 *
 * @param options `severityOf` finds a stored rule's severity; `onFired` hears each live fire; `invalidation` unsubscribes
 * @returns the panel
 */
export function alertEventsPanel(options: {
  severityOf: (ruleId: string) => AlertSeverity | undefined;
  onFired?: (alert: FiredAlert) => void;
  invalidation?: Promise<unknown>;
}): AlertEventsPanel {
  const events = new Map<number, ShownEvent>();
  const activeList = el("ul", { className: "tl-events" });
  const historyList = el("ul", { className: "tl-events" });
  const activeEmpty = el("p", { className: "tl-muted" }, "No active alerts.");
  const historyEmpty = el("p", { className: "tl-muted" }, "Nothing has fired yet.");
  const message = el("div", { className: "tl-error-text", role: "alert" });
  const ackAll = el("button", { type: "button", "data-testid": "alert-ack-all", hidden: true }, "Acknowledge all");
  const active = el("div", { "data-testid": "alert-active", "data-notified": "0", "data-count": "0" }, activeEmpty, activeList, ackAll, message);
  const history = el("div", { "data-testid": "alert-history", "data-count": "0" }, historyEmpty, historyList);

  const merge = (incoming: ShownEvent) => {
    const known = events.get(incoming.id);
    // An acknowledgement is final: a stale copy (an older snapshot) must not bring the event back.
    events.set(incoming.id, { ...known, ...incoming, acknowledgedAt: incoming.acknowledgedAt ?? known?.acknowledgedAt ?? null });
  };

  const render = () => {
    const all = [...events.values()].sort(newestFirst);
    const shown = all.slice(0, HISTORY_LIMIT);
    const unacked = all.filter((e) => e.acknowledgedAt === null);
    const item = (e: ShownEvent, withAck: boolean) => eventItem({ ...e, severity: e.severity ?? options.severityOf(e.ruleId) }, withAck ? acknowledge : null);
    activeList.replaceChildren(...unacked.map((e) => item(e, true)));
    historyList.replaceChildren(...shown.map((e) => item(e, false)));
    activeEmpty.hidden = unacked.length > 0;
    ackAll.hidden = unacked.length < 2;
    historyEmpty.hidden = all.length > 0;
    active.dataset.count = String(unacked.length);
    history.dataset.count = String(all.length);
  };

  async function acknowledge(event: ShownEvent, button: HTMLButtonElement) {
    button.disabled = true;
    button.textContent = "Acknowledging…";
    message.textContent = "";
    try {
      merge(await acknowledgeAlert(event.id));
    } catch (e) {
      // Already acknowledged elsewhere (409): the stored state is what to show.
      if (e instanceof ApiRequestError && e.status === 409) await load();
      else message.textContent = `could not acknowledge event ${event.id}: ${e instanceof Error ? e.message : String(e)}`;
    }
    render();
  }

  // One at a time: each is its own stored acknowledgement, and a burst of requests gains nothing.
  ackAll.addEventListener("click", async () => {
    ackAll.disabled = true;
    const ids = [...events.values()].filter((e) => e.acknowledgedAt === null).map((e) => e.id);
    for (const id of ids) {
      try {
        merge(await acknowledgeAlert(id));
      } catch {
        // Acknowledged elsewhere meanwhile (409), or gone: the reload below shows the stored state.
      }
    }
    await load();
    ackAll.disabled = false;
    render();
  });

  async function load() {
    try {
      for (const e of await alertHistory({ limit: HISTORY_LIMIT })) merge(e);
    } catch (e) {
      message.textContent = `could not load the alert history: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  // Subscribe before reading the history, so no fire falls between the two.
  const stop = live().subscribe("alerts", (frame) => {
    if (frame.type === "snapshot") for (const e of (frame.data as { events: AlertHistoryEntry[] }).events) merge(e);
    else if (frame.type === "update") {
      const notice = frame.data as AlertNotice;
      merge(notice.kind === "fired" ? fromFired(notice.alert) : notice.event);
      if (notice.kind === "fired") options.onFired?.(notice.alert);
    } else return;
    render();
  });
  void options.invalidation?.then(stop);
  void load().then(render);
  render();
  return { active, history, render };
}

/** A live fire as a history entry (the row is written just after the notice goes out). */
function fromFired(a: FiredAlert): ShownEvent {
  return { id: a.id, ruleId: a.ruleId, firedAt: a.firedAt, value: a.value, threshold: a.threshold, message: a.message, acknowledgedAt: null, severity: a.severity };
}

function newestFirst(x: ShownEvent, y: ShownEvent): number {
  return y.firedAt.localeCompare(x.firedAt) || y.id - x.id;
}

/** One fired event; `data-for-rule` (not `data-rule-id`, which marks the rows of the rules list) names its rule. */
function eventItem(e: ShownEvent, onAck: ((e: ShownEvent, button: HTMLButtonElement) => void) | null): HTMLLIElement {
  const acked = e.acknowledgedAt !== null;
  const li = el(
    "li",
    { className: `tl-event${acked ? " tl-acked" : ""}`, "data-event-id": e.id, "data-for-rule": e.ruleId, "data-acknowledged": String(acked) },
    el("time", { datetime: e.firedAt }, utc(e.firedAt)),
    e.severity === undefined ? null : el("span", { className: `tl-badge tl-${e.severity}` }, e.severity),
    el("span", { className: "tl-event-message" }, e.message),
    e.value === null ? null : el("span", { className: "tl-muted" }, `value ${formatNumber(e.value)}`),
    acked ? el("span", { className: "tl-acked-mark", title: `acknowledged ${e.acknowledgedAt}` }, `✓ acknowledged ${utc(e.acknowledgedAt!)}`) : null,
  );
  if (onAck !== null && !acked) {
    const button = el("button", { type: "button", "data-testid": "alert-ack" }, "Acknowledge");
    button.addEventListener("click", () => onAck(e, button));
    li.append(button);
  }
  return li;
}

/** "2025-12-16 13:29:12.345 UTC". */
function utc(iso: string): string {
  return iso.replace("T", " ").replace("Z", " UTC");
}
