/**
 * The Parquet export: DuckDB writes the selection with `COPY … TO '<tmpfile>' (FORMAT parquet)`, and the file is
 * streamed to the client from disk and deleted once sent (or once the client goes away).
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Store } from "../store/index.ts";
import { barsSql, ticksSql, type ExportSelection } from "./export-query.ts";

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
export async function exportParquetStream(store: Store, sel: ExportSelection): Promise<{ stream: ReadableStream<Uint8Array> }> {
  const dir = await mkdtemp(join(tmpdir(), "ticklens-export-"));
  const file = join(dir, "export.parquet");
  const cleanup = () => rm(dir, { recursive: true, force: true }).catch(() => undefined);
  try {
    const select =
      sel.dataset === "ticks"
        ? ticksSql(sel)
        : sel.symbols.length === 0
          ? `${barsSql({ ...sel, symbols: ["_"] }, "_", null, null)} LIMIT 0`
          : sel.symbols.map((s) => `(${barsSql(sel, s, null, null)})`).join(" UNION ALL ");
    // The path is ours (mkdtemp) and holds no quote.
    await store.read((c) => c.run(`COPY (${select}) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`), "export");
  } catch (error) {
    await cleanup();
    throw error;
  }
  const node = createReadStream(file);
  node.on("close", () => void cleanup());
  return { stream: Readable.toWeb(node) as ReadableStream<Uint8Array> };
}
