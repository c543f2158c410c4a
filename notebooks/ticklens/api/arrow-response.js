/**
 * Content negotiation for tabular answers: JSON by default, an Arrow IPC stream when the client asks for
 * `application/vnd.apache.arrow.stream` (notebooks and the dashboard read it without parsing text). Typed-array
 * columns go straight to Arrow here; DuckDB result columns of any type go through `arrow-ipc.ts`.
 */
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { ARROW_STREAM_TYPE as ARROW_STREAM } from "./arrow-ipc.js";
export function wantsArrow(c) {
    return (c.req.header("accept") ?? "").includes(ARROW_STREAM);
}
/** Columns (equal lengths) as one Arrow IPC stream response. */
export function arrowResponse(columns) {
    const table = tableFromArrays(columns);
    const bytes = tableToIPC(table, "stream");
    return new Response(new Uint8Array(bytes), { headers: { "content-type": ARROW_STREAM } });
}
