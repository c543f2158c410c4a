/**
 * Resampling in SQL from a watermark: closed buckets of the stored timeframes are upserted into `ohlc_data`, and a
 * bucket that a late trade lands in is recomputed. State lives in the database (`tick_symbols.pending_from`,
 * `resample_state.dirty_from`), written in the same transactions as the ticks, so a restart loses nothing.
 *
 * Per symbol and timeframe, `dirty_from` marks the first bucket that may be missing or stale. A tick append
 * lowers `pending_from` to the batch's earliest trade time; a run folds that into every timeframe's `dirty_from`,
 * recomputes the buckets from there up to the closed horizon, and moves `dirty_from` to the horizon.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Timeframe } from "./timeframe.ts";
export interface ResampleOptions {
    /**
     * Treat the bucket holding the latest trade as closed too (end of a replay or an import). A trade that arrives
     * in it later is not lost: the bucket is rewritten on the next run.
     */
    readonly final?: boolean;
    /** Recompute every stored bar from the ticks (after changing the bar SQL, or to verify). */
    readonly rebuild?: boolean;
}
export interface ResampleSettings extends ResampleOptions {
    /** The stored timeframes. */
    readonly timeframes: readonly Timeframe[];
    /** Buckets stay open until the watermark minus this has passed their end, ms. */
    readonly allowedLatenessMs: number;
}
export interface ResampleResult {
    /** Rows of `ohlc_data` inserted or rewritten by this run, all timeframes. */
    readonly barsWritten: number;
    /** The same per timeframe label. */
    readonly byTimeframe: Readonly<Record<string, number>>;
    /** Latest trade time stored, any symbol, ms; null for an empty store. */
    readonly watermark: number | null;
    /** Buckets that end at or before this were treated as closed, ms (`watermark − allowedLateness`; with `final`, the end of the watermark's bucket is used per timeframe); null for an empty store. */
    readonly horizon: number | null;
}
/**
 * Brings `ohlc_data` up to date for the stored timeframes. Must run inside a transaction on the writer connection
 * (the `Store` does that). Re-running without new ticks writes nothing; a forced `rebuild` rewrites the same values.
 *
 * A bucket [start, start + width) is closed when `start + width ≤ watermark − allowedLateness`, the watermark being
 * the latest trade time stored for any symbol (the symbols share one exchange clock, so a quiet symbol's buckets
 * close as the others trade).
 *
 * @param connection the writer connection, inside a transaction
 * @param settings stored timeframes, allowed lateness, and `{ final, rebuild }`
 * @returns bars written, the watermark and the horizon used
 * @throws DuckDB's error if a statement fails (the caller's transaction then rolls everything back)
 * @example
 * await inTransaction(c, () => resample(c, { timeframes: [parseTimeframe("1m")], allowedLatenessMs: 2000 }));
 */
export declare function resample(connection: DuckDBConnection, settings: ResampleSettings): Promise<ResampleResult>;
