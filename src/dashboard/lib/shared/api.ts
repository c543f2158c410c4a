/**
 * Calls to the Ticklens REST API from the browser. A refusal (4xx) carries the API's error shape, so a panel can
 * say what was wrong and where (`field`).
 */
import type { Bar } from "../../../engine/types.ts";
import type { SymbolSummary } from "../../../store/symbol-summary.ts";

/** The API's error body: `{ error: { code, message, field } }`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body = text === "" ? null : JSON.parse(text);
  if (!response.ok) {
    const e = body?.error ?? {};
    throw new ApiRequestError(response.status, e.code ?? "http_error", e.message ?? `HTTP ${response.status}`, e.field ?? null, e);
  }
  return body as T;
}

/** GET a JSON endpoint, with query parameters (undefined ones left out). */
export async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return parse<T>(await fetch(`${path}${qs ? `?${qs}` : ""}`, { signal }));
}

/** Sends JSON with a method (POST, PATCH, DELETE). */
export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** The stored symbols (`GET /api/symbols`). */
export async function symbols(): Promise<SymbolSummary[]> {
  return (await getJson<{ symbols: SymbolSummary[] }>("/api/symbols")).symbols;
}

/** The last `limit` bars of a symbol. */
export async function bars(symbol: string, timeframe: string, limit = 100_000): Promise<Bar[]> {
  return (await getJson<{ bars: Bar[] }>(`/api/ohlc/${symbol}`, { timeframe, limit })).bars;
}
