/**
 * The correlation of log returns between symbols over their latest bars, as `GET /api/analytics/stats` computes
 * it: on the buckets where every symbol traded, with the engine's correlationMatrix. Computed in the browser so a
 * symbol with no bars in the window, or one whose price did not move, costs its own row rather than the matrix.
 */
import { correlationMatrix, type Bar } from "../../../engine/index.ts";

/** Fewest returns a correlation is shown for: with two, any pair is ±1. */
export const MIN_RETURNS = 3;

/** The matrix, or why there is none. */
export type ReturnsCorrelation =
  | {
      readonly ok: true;
      /** Symbols of the rows and columns. */
      readonly symbols: readonly string[];
      /** Symmetric; NaN where a symbol's returns were all zero (no correlation is defined). */
      readonly matrix: readonly (readonly number[])[];
      /** Returns per symbol the correlations are over. */
      readonly returns: number;
      /** First and last common bucket, ms since the epoch. */
      readonly from: number;
      readonly to: number;
      /** Symbols left out: no bar in the window. */
      readonly missing: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Correlates the symbols' log returns on their common buckets.
 *
 * @param symbols row order
 * @param bars each symbol's latest bars, oldest first
 */
export function returnsCorrelation(symbols: readonly string[], bars: Readonly<Record<string, readonly Bar[]>>): ReturnsCorrelation {
  const present = symbols.filter((s) => (bars[s]?.length ?? 0) > 0);
  const missing = symbols.filter((s) => !present.includes(s));
  if (present.length < 2) return { ok: false, reason: `A correlation needs two symbols with bars in the window; ${present.length === 0 ? "none has" : `only ${present[0]} has`} any.` };

  const closes = present.map((s) => new Map(bars[s].map((b) => [b.bucketStart, b.close])));
  const common = [...closes[0].keys()].filter((t) => closes.every((m) => m.has(t))).sort((p, q) => p - q);
  if (common.length < MIN_RETURNS + 1) {
    return { ok: false, reason: `Only ${common.length} buckets where every symbol traded; at least ${MIN_RETURNS + 1} are needed. Widen the window or choose a shorter timeframe.` };
  }
  const returns = closes.map((m) => {
    const c = common.map((t) => m.get(t) as number);
    // log1p of the relative change keeps the digits a difference of two logs near 11.4 would lose.
    return c.slice(1).map((v, i) => Math.log1p((v - c[i]) / c[i]));
  });

  // correlationMatrix refuses a constant series; leave those symbols' rows as NaN and correlate the rest.
  const moving = present.filter((_, i) => returns[i].some((r) => r !== returns[i][0]));
  const inner = moving.length > 0 ? correlationMatrix(Object.fromEntries(moving.map((s) => [s, returns[present.indexOf(s)]]))) : null;
  const matrix = present.map((si) =>
    present.map((sj) => {
      // Indexed through the result's own symbols: an all-digit key would reorder an object's keys.
      const i = inner === null ? -1 : inner.symbols.indexOf(si);
      const j = inner === null ? -1 : inner.symbols.indexOf(sj);
      return inner !== null && i >= 0 && j >= 0 ? inner.matrix[i][j] : Number.NaN;
    }),
  );
  return { ok: true, symbols: present, matrix, returns: common.length - 1, from: common[0], to: common[common.length - 1], missing };
}
