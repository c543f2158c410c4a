/**
 * The CSV export as a stream: pages of rows read from DuckDB one at a time (ticks by a (symbol, trade_id) keyset,
 * bars by windows of bucket starts), formatted and sent before the next is read, so memory stays flat however
 * large the export. Ticks use the store's tick CSV layout (times epoch µs), which `POST /api/upload` reads back.
 * Pairs series (already computed in memory by the engine) are formatted in slices of rows.
 */
import type { Store } from "../store/index.ts";
import type { PairsSeries } from "./pairs-series.ts";
import { type ExportSelection } from "./export-query.ts";
/** Rows per page of ticks. */
export declare const TICK_PAGE_ROWS = 20000;
/** Buckets per window of bars. */
export declare const BAR_PAGE_BUCKETS = 5000;
/**
 * The CSV text of a selection, as a byte stream pulled page by page.
 *
 * @param store the store
 * @param sel the checked selection
 * @returns a stream of UTF-8 CSV (header first)
 * @throws nothing up front; a failing read errors the stream (the response is cut short)
 * @example
 * return c.body(exportCsvStream(store, sel), 200, { "content-type": "text/csv; charset=utf-8" });
 */
export declare function exportCsvStream(store: Store, sel: ExportSelection): ReadableStream<Uint8Array>;
/**
 * The CSV text of a pair's series, one row per aligned bucket: `bucket_start` (ISO 8601 UTC), `close_a`, `close_b`,
 * `spread`, `z_score`, `rolling_beta`, `rolling_correlation`; an empty field where a rolling series is not yet
 * defined. Numbers are written so they parse back to exactly the doubles `GET /api/analytics/pairs` returns.
 *
 * @param s the computed series
 * @returns a stream of UTF-8 CSV (header first)
 * @throws nothing
 * @example
 * return c.body(pairsCsvStream(await computePairsSeries(store, q)), 200, { "content-type": "text/csv; charset=utf-8" });
 */
export declare function pairsCsvStream(s: PairsSeries): ReadableStream<Uint8Array>;
