/**
 * Writing an accepted upload: ticks through `store.appendTicks`, bars into `ohlc_data`, each in one transaction with
 * its `uploaded_data` record; uploads run one at a time, so names and synthetic trade ids are allocated without races.
 *
 * Synthetic trade ids: files without exchange trade ids (aggTrades, generic CSVs) get negative ids, counting down
 * from just below the lowest id stored (`-1, -2, …` in an empty store). Binance trade ids are positive, so a
 * synthetic id can never collide with a live or backfilled trade, nor with an earlier upload's synthetic ids.
 */
import type { Store } from "../store/index.ts";
import type { UploadFormat, UploadKind } from "./upload-formats.ts";
import type { ParseResult } from "./upload-parse.ts";
/** The `uploaded_data` record of an upload, as the API returns it. Times are ISO 8601 UTC. */
export interface UploadRecord {
    readonly name: string;
    /** `ticks` or `ohlc` (stored as `bars` in `uploaded_data.kind`). */
    readonly kind: UploadKind;
    readonly format: UploadFormat;
    /** Rows in the file. */
    readonly rows: number;
    /** Rows stored; fewer than `rows` when some were already stored (same symbol and trade id / bucket). */
    readonly inserted: number;
    readonly duplicates: number;
    readonly firstTime: string | null;
    readonly lastTime: string | null;
    /** SHA-256 of the file's bytes, hex. */
    readonly checksum: string;
    readonly uploadedAt: string;
    /** `tick_data.source` / `ohlc_data.source` of the rows. */
    readonly source: string;
}
/**
 * Runs `fn` after every earlier upload to `store` has finished (success or not).
 *
 * @param store the store uploads go to
 * @param fn the upload
 * @returns what `fn` returns
 * @throws whatever `fn` throws
 * @example
 * await serialUpload(store, () => writeUpload(...));
 */
export declare function serialUpload<T>(store: Store, fn: () => Promise<T>): Promise<T>;
/**
 * Refuses a name already recorded, and returns the first synthetic id for the next upload.
 *
 * @param store the store
 * @param name the upload's name
 * @returns the first synthetic (negative) trade id free
 * @throws {ApiError} 409 `name_taken` on `name`
 * @example
 * const base = await prepareUpload(store, "jan-trades"); // -1 in an empty store
 */
export declare function prepareUpload(store: Store, name: string): Promise<number>;
/**
 * Stores a parsed, problem-free upload and its record in one transaction (ticks: the record is written within the
 * `appendTicks` transaction; bars: the bars and the record in one `store.transaction`), so a failure leaves nothing.
 *
 * @param store the store
 * @param name the upload's name
 * @param kind ticks or ohlc
 * @param parsed the parse result (its rows, not its problems)
 * @param checksum SHA-256 of the file, hex
 * @returns the record
 * @throws {ApiError} 409 `name_taken` on `name` when another writer recorded the name meanwhile, nothing written
 * @throws DuckDB's error, with nothing written
 * @example
 * const record = await writeUpload(store, "jan", "ticks", parsed, sha);
 */
export declare function writeUpload(store: Store, name: string, kind: UploadKind, parsed: ParseResult, checksum: string): Promise<UploadRecord>;
