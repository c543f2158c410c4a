/**
 * The `dataset=pairs` exports: the pairs series of `../analytics/pairs-series.ts` as rows, column names and file names.
 */
import type { Context } from "hono";
import { z } from "zod";
import { ApiError } from "../errors.ts";
import { parseQuery } from "../validation.ts";
import { pairsQuery, type PairsQuery, type PairsSeries } from "../analytics/pairs-series.ts";

const pairsExportQuery = pairsQuery.extend({ dataset: z.literal("pairs") });

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
export function parsePairsExportQuery(c: Context): PairsQuery {
  const { dataset: _dataset, ...q } = parseQuery(c, pairsExportQuery);
  // The analytics endpoint lets an empty range reach the engine (422 without a field); a download names it.
  if (q.from !== undefined && q.to !== undefined && q.to <= q.from) {
    throw new ApiError(400, "invalid_parameter", "to: must be after from", "to");
  }
  return q;
}

/** The columns of a pairs export, in order. */
export const PAIRS_EXPORT_COLUMNS = ["bucket_start", "close_a", "close_b", "spread", "z_score", "rolling_beta", "rolling_correlation"] as const;

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
export function* pairsRows(s: PairsSeries): Generator<PairsRow> {
  const { bucketStart, closeA, closeB } = s.pair;
  for (let i = 0; i < bucketStart.length; i++) {
    yield [bucketStart[i], closeA[i], closeB[i], s.staticSpread[i], s.zScore[i], s.rolling.beta[i], s.rollingCorrelation[i]];
  }
}

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
export function pairsFileName(q: PairsQuery, extension: string): string {
  return `ticklens-pairs-${q.a}-${q.b}-${q.timeframe}.${extension}`;
}
