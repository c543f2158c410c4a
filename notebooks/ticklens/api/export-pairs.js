import { z } from "zod";
import { ApiError } from "./errors.js";
import { parseQuery } from "./validation.js";
import { pairsQuery } from "./pairs-series.js";
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
export function parsePairsExportQuery(c) {
    const { dataset: _dataset, ...q } = parseQuery(c, pairsExportQuery);
    // The analytics endpoint lets an empty range reach the engine (422 without a field); a download names it.
    if (q.from !== undefined && q.to !== undefined && q.to <= q.from) {
        throw new ApiError(400, "invalid_parameter", "to: must be after from", "to");
    }
    return q;
}
/** The columns of a pairs export, in order. */
export const PAIRS_EXPORT_COLUMNS = ["bucket_start", "close_a", "close_b", "spread", "z_score", "rolling_beta", "rolling_correlation"];
/**
 * The export's rows, one per aligned bucket, in {@link PAIRS_EXPORT_COLUMNS} order.
 *
 * @param s the computed series
 * @returns the rows (bucket start in ms)
 * @throws nothing
 * @example
 * for (const [t, a, b] of pairsRows(s)) console.log(new Date(t).toISOString(), a, b);
 */
export function* pairsRows(s) {
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
export function pairsFileName(q, extension) {
    return `ticklens-pairs-${q.a}-${q.b}-${q.timeframe}.${extension}`;
}
