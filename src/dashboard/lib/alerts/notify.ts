/**
 * Fired alerts announced wherever the dashboard is open, from the live `alerts` channel: a toast for rules delivering
 * to `dashboard` (or `sound`: a beep with nothing on screen would leave the trader guessing which rule it was), and a
 * beep for rules delivering to `sound`. Webhook-only rules stay quiet here (the Alerts page still lists them). Any
 * page can call {@link alertNotifications}.
 */
import type { AlertNotice, FiredAlert } from "../../../alerts/alert-service.ts";
import { live } from "../common/live.ts";
import { beep, notify } from "../common/ui.ts";

/** What was done for one fired alert. */
export interface Announced {
  readonly toast: boolean;
  readonly sound: boolean;
}

/**
 * Announces every alert fired from now on (the channel's snapshot is history, so it is not announced again).
 *
 * @param options `invalidation` stops it (a Framework cell's promise); `onAnnounced` hears each fired alert
 * @returns the function that stops it
 * @example
 * alertNotifications({ invalidation });
 */
export function alertNotifications(options: { invalidation?: Promise<unknown>; onAnnounced?: (alert: FiredAlert, done: Announced) => void } = {}): () => void {
  const stop = live().subscribe("alerts", (frame) => {
    if (frame.type !== "update") return;
    const notice = frame.data as AlertNotice;
    if (notice.kind !== "fired") return;
    const done = announce(notice.alert);
    options.onAnnounced?.(notice.alert, done);
  });
  void options.invalidation?.then(stop);
  return stop;
}

function announce(alert: FiredAlert): Announced {
  const sound = alert.channels.includes("sound");
  const toast = sound || alert.channels.includes("dashboard");
  if (toast) notify(`${alert.severity.toUpperCase()} · ${alert.message}`, alert.severity);
  if (sound) beep();
  return { toast, sound };
}
