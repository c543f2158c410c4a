export interface SampleDbOptions {
    /**
     * The database file, relative to the checkout or absolute (default: `$TICKLENS_NOTEBOOK_DB` when set, else
     * {@link SAMPLE_DB}; the notebook test sets the variable to build its own copy).
     */
    readonly path?: string;
    /** The futures capture CSV it is built from, relative to the checkout or absolute (default {@link SAMPLE_CAPTURE}). */
    readonly capture?: string;
}
/**
 * Makes sure the sample database exists and is current, building it if not. The build writes a temporary file and
 * renames it into place, so a notebook running at the same time never sees half a database.
 *
 * @param options `{ path, capture }`
 * @returns the absolute path of the database file
 * @throws {CaptureFormatError} the capture is malformed (line and column named)
 * @throws DuckDB's error when the file cannot be written
 * @example
 * const path = await ensureSampleDb(); // ".../data/notebook-sample.duckdb"
 */
export declare function ensureSampleDb(options?: SampleDbOptions): Promise<string>;
