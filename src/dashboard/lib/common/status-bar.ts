/**
 * The connection indicator (live, reconnecting, replay) and the collector's health (lag, trades/s, gaps filled),
 * from the `status` channel of `/ws/live` and the feed mode of `/api/health`; and alert announcements.
 */
import type { CollectorStatus } from "../../../collector/collector.ts";
import { alertNotifications } from "../alerts/notify.ts";
import { getJson } from "./api.ts";
import { live } from "./live.ts";
import { el, formatNumber } from "./ui.ts";

/**
 * The bar at the top of every page; it keeps itself current, and announces fired alerts (toast, sound) wherever
 * the dashboard is open.
 *
 * @param options `announceAlerts: false` for a page that announces them itself (the Alerts page counts them)
 */
export function statusBar(options: { announceAlerts?: boolean } = {}): HTMLElement {
  if (options.announceAlerts ?? true) alertNotifications();
  const state = el("span", { className: "tl-state", "data-testid": "connection" });
  const health = el("span", { "data-testid": "health" }, "waiting for the collector…");
  const bar = el("div", { className: "tl-status tl-connecting" }, state, health);
  let mode = "live";
  void getJson<{ feed?: { mode: string } | null }>("/api/health")
    .then((h) => {
      mode = h.feed?.mode ?? "live";
      paint(live().state);
    })
    .catch(() => {});
  const paint = (s: string) => {
    bar.className = `tl-status tl-${s}`;
    const label = s === "live" ? (mode === "replay" ? "live · replay of recorded trades" : "live") : s;
    state.replaceChildren(el("span", { className: "tl-dot" }), label);
  };
  live().onState(paint);
  let previous: { stored: number; at: number } | null = null;
  live().subscribe("status", (frame) => {
    const s = frame.data as CollectorStatus | null;
    if (s === null) {
      health.textContent = "no collector: serving stored data";
      return;
    }
    const now = performance.now();
    const rate = previous !== null && now > previous.at ? ((s.stored - previous.stored) * 1000) / (now - previous.at) : null;
    previous = { stored: s.stored, at: now };
    health.textContent =
      `collector ${s.state} · ${rate === null ? "–" : formatNumber(Math.max(0, Math.round(rate)))} trades/s · lag ${s.lagMs === null ? "–" : `${formatNumber(s.lagMs)} ms`}` +
      ` · stored ${formatNumber(s.stored)} · gaps ${s.gapsFilled}/${s.gapsFound} filled · reconnects ${s.reconnects}`;
  });
  return bar;
}
