/**
 * The `dataset=pairs` exports: the pairs series of `pairs-series.ts` as rows, column names and file names.
 */
import type { Context } from "hono";
import { type PairsQuery, type PairsSeries } from "./pairs-series.ts";
/**
 * Parses a `dataset=pairs` export request: the analytics endpoint's parameters and checks, plus `dataset`.
 *
 * @param c the request context
 * @returns the pairs query
 * @throws {ApiError} 400 `invalid_parameter` naming the field (an unknown parameter, e.g. `symbol`, is named `query`;
 *   to ≤ from is named `to`, as for the other exports)
 * @example
 * const q = parsePairsExportQuery(c);
 */
export declare function parsePairsExportQuery(c: Context): PairsQuery;
/** The columns of a pairs export, in order. */
export declare const PAIRS_EXPORT_COLUMNS: readonly ["bucket_start", "close_a", "close_b", "spread", "z_score", "rolling_beta", "rolling_correlation"];
/** One exported row: bucket start (ms since the epoch) then the numbers, NaN where a rolling series is warming up. */
export type PairsRow = readonly [number, number, number, number, number, number, number];
/**
 * The export's rows, one per aligned bucket, in {@link PAIRS_EXPORT_COLUMNS} order.
 *
 * @param s the computed series
 * @returns the rows (bucket start in ms)
 * @throws nothing
 * @example
 * for (const [t, a, b] of pairsRows(s)) console.log(new Date(t).toISOString(), a, b);
 */
export declare function pairsRows(s: PairsSeries): Generator<PairsRow>;
/**
 * The file name of a pairs export, e.g. `ticklens-pairs-ETHUSDT-BTCUSDT-1m.csv`.
 *
 * @param q the pairs query
 * @param extension `csv` or `parquet`
 * @returns the name
 * @throws nothing
 * @example
 * pairsFileName(q, "parquet");
 */
export declare function pairsFileName(q: PairsQuery, extension: string): string;
