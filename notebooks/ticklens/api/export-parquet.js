/**
 * The Parquet export: DuckDB writes the selection with `COPY … TO '<tmpfile>' (FORMAT parquet)`, and the file is
 * streamed to the client from disk and deleted once sent (or once the client goes away). A pair's series, computed
 * in memory by the engine, first goes to a temporary CSV that DuckDB reads back into the COPY.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pairsRows } from "./export-pairs.js";
import { barsSql, ticksSql } from "./export-query.js";
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
export async function exportParquetStream(store, sel) {
    return copyToParquet(store, async () => sel.dataset === "ticks"
        ? ticksSql(sel)
        : sel.symbols.length === 0
            ? `${barsSql({ ...sel, symbols: ["_"] }, "_", null, null)} LIMIT 0`
            : sel.symbols.map((s) => `(${barsSql(sel, s, null, null)})`).join(" UNION ALL "));
}
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
export async function pairsParquetStream(store, s) {
    return copyToParquet(store, async (dir) => {
        const csv = join(dir, "pairs.csv");
        const num = (v) => (Number.isFinite(v) ? String(v) : "");
        const lines = [];
        for (const [t, ...values] of pairsRows(s))
            lines.push(`${Math.round(t * 1000)},${values.map(num).join(",")}`);
        await writeFile(csv, lines.length === 0 ? "" : `${lines.join("\n")}\n`);
        const columns = "{'bucket_us': 'BIGINT', 'close_a': 'DOUBLE', 'close_b': 'DOUBLE', 'spread': 'DOUBLE', 'z_score': 'DOUBLE', " +
            "'rolling_beta': 'DOUBLE', 'rolling_correlation': 'DOUBLE'}";
        return `SELECT make_timestamp(bucket_us) AS bucket_start, close_a, close_b, spread, z_score, rolling_beta, rolling_correlation
            FROM read_csv('${csv}', header = false, delim = ',', quote = '', columns = ${columns}) ORDER BY bucket_us`;
    });
}
/** Runs `COPY (<select>) TO <tmp>.parquet` in a fresh temporary folder and streams the file, removing the folder after. */
async function copyToParquet(store, selectIn) {
    const dir = await mkdtemp(join(tmpdir(), "ticklens-export-"));
    const file = join(dir, "export.parquet");
    const cleanup = () => rm(dir, { recursive: true, force: true }).catch(() => undefined);
    try {
        const select = await selectIn(dir);
        // The paths are ours (mkdtemp) and hold no quote.
        await store.read((c) => c.run(`COPY (${select}) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`), "export");
    }
    catch (error) {
        await cleanup();
        throw error;
    }
    const node = createReadStream(file);
    node.on("close", () => void cleanup());
    return { stream: Readable.toWeb(node) };
}
