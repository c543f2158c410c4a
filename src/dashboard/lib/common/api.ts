/**
 * Calls to the Ticklens REST API from the browser. A refusal (4xx) carries the API's error shape, so a panel can
 * say what was wrong and where (`field`).
 */
import type { Bar } from "../../../engine/types.ts";
import type { SymbolSummary } from "../../../store/symbol-summary.ts";
import { apiToken, askApiToken, authHeaders } from "./token.ts";

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

/**
 * `fetch` with the tab's API token; a 401 `unauthorized` asks for the token once and retries with it.
 *
 * @param path the API path
 * @param init as fetch's (its headers a plain object)
 * @returns the answer (the retried one after a 401, or the 401 itself when the user gave no token)
 */
export async function apiFetch(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  const send = () => fetch(path, { ...init, headers: { ...init.headers, ...authHeaders() } });
  const sentWith = apiToken();
  const first = await send();
  if (first.status !== 401 || init.signal?.aborted) return first;
  // Another request may have asked meanwhile: retry with its answer rather than ask again.
  if (apiToken() !== sentWith) return send();
  return (await askApiToken()) === null ? first : send();
}

/** GET a JSON endpoint, with query parameters (undefined ones left out). */
export async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return parse<T>(await apiFetch(`${path}${qs ? `?${qs}` : ""}`, { signal }));
}

/** Sends JSON with a method (POST, PATCH, DELETE): the body as `application/json`, which the API requires. */
export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return parse<T>(
    await apiFetch(path, {
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
