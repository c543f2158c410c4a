/** The committed real capture the notebooks run on (see data/samples/PROVENANCE.md). */
export declare const SAMPLE_CAPTURE = "data/samples/binance-futures-trades-btcusdt-ethusdt-2025-12-16.csv";
/** The DuckDB file built from {@link SAMPLE_CAPTURE} for the notebooks (git-ignored, rebuilt when missing). */
export declare const SAMPLE_DB = "data/notebook-sample.duckdb";
/**
 * The checkout's root directory.
 *
 * @returns an absolute path
 * @throws {Error} this module is not inside a Ticklens checkout (no `data/samples/PROVENANCE.md` above it)
 * @example
 * projectPath(SAMPLE_CAPTURE); // "/home/me/ticklens/data/samples/binance-futures-…csv"
 */
export declare function projectRoot(): string;
/** A path relative to the checkout's root, made absolute; absolute paths are returned as they are. */
export declare function projectPath(path: string): string;
