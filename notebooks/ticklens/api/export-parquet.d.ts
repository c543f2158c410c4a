import type { Store } from "../store/index.ts";
import type { PairsSeries } from "./pairs-series.ts";
import { type ExportSelection } from "./export-query.ts";
/**
 * Writes the selection as a Parquet file and returns it as a byte stream that deletes the file when done.
 *
 * @param store the store
 * @param sel the checked selection
 * @returns the stream and the file's size in bytes
 * @throws DuckDB's error if the COPY fails (the temporary file is removed)
 * @example
 * const { stream } = await exportParquetStream(store, sel);
 */
export declare function exportParquetStream(store: Store, sel: ExportSelection): Promise<{
    stream: ReadableStream<Uint8Array>;
}>;
/**
 * Writes a pair's series as a Parquet file and returns it as a byte stream that deletes the file when done.
 * Columns: `bucket_start` TIMESTAMP (UTC, like the store's), then DOUBLEs `close_a`, `close_b`, `spread`, `z_score`,
 * `rolling_beta`, `rolling_correlation`, NULL where a rolling series is not yet defined.
 *
 * The rows go through a temporary CSV: numbers as their shortest round-trip text (DuckDB parses them back to the
 * same doubles), bucket starts as epoch µs. This is the simplest path that needs no write access to the store
 * (a temporary table would fail on a read-only store).
 *
 * @param store the store (its reader connection runs the COPY)
 * @param s the computed series
 * @returns the stream
 * @throws DuckDB's error if the COPY fails (the temporary files are removed)
 * @example
 * const { stream } = await pairsParquetStream(store, await computePairsSeries(store, q));
 */
export declare function pairsParquetStream(store: Store, s: PairsSeries): Promise<{
    stream: ReadableStream<Uint8Array>;
}>;
