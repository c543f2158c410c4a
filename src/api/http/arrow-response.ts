/**
 * Content negotiation for tabular answers: JSON by default, an Arrow IPC stream when the client asks for
 * `application/vnd.apache.arrow.stream` (notebooks and the dashboard read it without parsing text). Typed-array
 * columns go straight to Arrow here; DuckDB result columns of any type go through `arrow-ipc.ts`.
 */
import { tableFromArrays, tableToIPC } from "apache-arrow";
import type { Context } from "hono";
import { ARROW_STREAM_TYPE as ARROW_STREAM } from "./arrow-ipc.ts";

export function wantsArrow(c: Context): boolean {
  return (c.req.header("accept") ?? "").includes(ARROW_STREAM);
}

/** Columns (equal lengths) as one Arrow IPC stream response. */
export function arrowResponse(columns: Record<string, Float64Array | string[] | number[] | boolean[]>): Response {
  const table = tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]);
  const bytes = tableToIPC(table, "stream");
  return new Response(new Uint8Array(bytes), { headers: { "content-type": ARROW_STREAM } });
}
