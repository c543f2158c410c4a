/**
 * The alert endpoints as typed calls (rules, history, acknowledgement, backtest), with the types the API itself
 * answers with, so the Alerts page never re-describes a rule or an event.
 */
import type { AlertEvent, AlertRule } from "../../../engine/index.ts";
import type { AlertHistoryEntry, ListedAlertRule, RefusedAlertRule, StoredAlertRule } from "../../../store/alert-store.ts";
import { getJson, sendJson } from "../common/api.ts";

export type { AlertHistoryEntry, ListedAlertRule, RefusedAlertRule, StoredAlertRule };

/** A rule as the form writes it: everything but the id the server assigns. */
export type AlertRuleDraft = Omit<AlertRule, "id">;

/**
 * A PATCH body: the draft, with `null` for each optional field the form left empty, since a JSON merge patch keeps
 * any field the body does not mention.
 */
export type AlertRulePatch = { [K in keyof AlertRuleDraft]?: AlertRuleDraft[K] | null };

/** `POST /api/alerts/backtest`'s answer. */
export interface BacktestAnswer {
  readonly ruleId: string;
  readonly metricKey: string;
  /** Observations of the metric in the range (trades, or closed pair bars). */
  readonly observations: number;
  /** First and last observation replayed, ISO 8601, or null when there were none. */
  readonly from: string | null;
  readonly to: string | null;
  /** What would have fired, oldest first. */
  readonly events: readonly AlertEvent[];
}

/** Every stored rule, oldest first; one today's validation refuses comes disabled with its `error`. */
export async function listAlertRules(): Promise<ListedAlertRule[]> {
  return (await getJson<{ rules: ListedAlertRule[] }>("/api/alerts")).rules;
}

/** Whether a listed rule is one the server refuses to evaluate (it carries `error`). */
export function isRefusedRule(rule: ListedAlertRule): rule is RefusedAlertRule {
  return "error" in rule;
}

export function createAlertRule(draft: AlertRuleDraft): Promise<StoredAlertRule> {
  return sendJson<StoredAlertRule>("POST", "/api/alerts", draft);
}

export function patchAlertRule(id: string, patch: AlertRulePatch): Promise<StoredAlertRule> {
  return sendJson<StoredAlertRule>("PATCH", `/api/alerts/${encodeURIComponent(id)}`, patch);
}

export async function deleteAlertRule(id: string): Promise<void> {
  await sendJson<null>("DELETE", `/api/alerts/${encodeURIComponent(id)}`);
}

/** Fired events, newest first, optionally of one rule. */
export async function alertHistory(options: { ruleId?: string; limit?: number } = {}): Promise<AlertHistoryEntry[]> {
  return (await getJson<{ events: AlertHistoryEntry[] }>("/api/alerts/history", { ruleId: options.ruleId, limit: options.limit })).events;
}

/** Acknowledges a fired event (by its history id); answers the event with `acknowledgedAt` set. */
export function acknowledgeAlert(eventId: number): Promise<AlertHistoryEntry> {
  return sendJson<AlertHistoryEntry>("POST", `/api/alerts/${eventId}/ack`);
}

/** Replays a draft rule over the stored data of [from, to) (ms; either may be left open). */
export function backtestAlertDraft(draft: AlertRuleDraft, from?: number, to?: number): Promise<BacktestAnswer> {
  return sendJson<BacktestAnswer>("POST", "/api/alerts/backtest", { rule: draft, from, to });
}
