/**
 * Where the checkout's files are, for notebook code that may run from `src/notebook` (tests, tsx) or from its
 * compiled copy under `notebooks/ticklens/notebook` (the tslab kernel): both find the root by walking up.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
/** The committed real capture the notebooks run on (see data/samples/PROVENANCE.md). */
export const SAMPLE_CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";
/** The DuckDB file built from {@link SAMPLE_CAPTURE} for the notebooks (git-ignored, rebuilt when missing). */
export const SAMPLE_DB = "data/notebook-sample.duckdb";
/** A file every checkout has at its root's `data/samples`, and nothing above it does. */
const MARKER = join("data", "samples", "PROVENANCE.md");
let root = null;
/**
 * The checkout's root directory.
 *
 * @returns an absolute path
 * @throws {Error} this module is not inside a Ticklens checkout (no `data/samples/PROVENANCE.md` above it)
 * @example
 * projectPath(SAMPLE_CAPTURE); // "/home/me/ticklens/data/samples/binance-futures-…csv"
 */
export function projectRoot() {
    if (root !== null)
        return root;
    const here = dirname(fileURLToPath(import.meta.url));
    for (let dir = here;; dir = dirname(dir)) {
        if (existsSync(join(dir, MARKER)))
            return (root = dir);
        if (dirname(dir) === dir)
            throw new Error(`projectRoot: no ${MARKER} in ${here} or above it; is this a Ticklens checkout?`);
    }
}
/** A path relative to the checkout's root, made absolute; absolute paths are returned as they are. */
export function projectPath(path) {
    return resolve(projectRoot(), path);
}
