/**
 * What the API needs from the rest of the process, defined once: the store, and the collector's live events
 * through an interface (the API never reaches into collector internals).
 */
import type { AlertService } from "../alerts/alert-service.ts";
import type { CollectorStatus } from "../collector/collector.ts";
import type { Store, TickBatch } from "../store/index.ts";

/** The collector's live side, as the API sees it. */
export interface LiveSource {
  /** Every batch of ticks once stored. Returns the unsubscribe function. */
  onBatch(listener: (batch: TickBatch) => void): () => void;
  /** Counters for /api/health and /metrics. */
  status(): CollectorStatus;
}

export interface ApiDeps {
  readonly store: Store;
  /** Absent when the API serves a database with no collector running. */
  readonly live?: LiveSource | null;
  /** The live alert manager: told when rules change, heard on `/ws/live` `alerts`. Absent: rules are stored only. */
  readonly alerts?: AlertService | null;
  /** Where the collector's trades come from, for the dashboard's indicator: Binance itself, or a replay. */
  readonly feed?: { readonly mode: "live" | "replay"; readonly url: string } | null;
  /** Bearer token every /api route (but /api/health) and /ws/live require (null: none required, loopback only). */
  readonly token?: string | null;
  /** Largest accepted upload, bytes. */
  readonly maxUploadBytes?: number;
  /** Origins allowed by CORS (e.g. `https://dash.example.com`); none by default: CORS is off. */
  readonly corsOrigins?: readonly string[];
  /** Host names accepted besides the listen address and loopback (`--allowed-hosts`); others get 421. */
  readonly allowedHosts?: readonly string[];
}
