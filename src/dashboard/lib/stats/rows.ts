/**
 * One row of the Statistics table per symbol, from its latest bars: last price, change, range, volatility (the
 * engine's priceStats on the closes), VWAP (the engine's vwap of the bars' VWAPs by volume), volume and trades.
 * Values are formatted without thousands separators so the table's text is also valid CSV, cell for cell.
 */
import { priceStatsFromBars, vwap, type Bar } from "../../../engine/index.ts";
import type { Column } from "./table.ts";

/** A symbol's statistics over the window; NaN where too few bars define a value. */
export interface SymbolStats {
  readonly symbol: string;
  readonly last: number;
  /** Change from the first close to the last, %. */
  readonly changePct: number;
  /** Highest high and lowest low of the bars (not only of the closes). */
  readonly high: number;
  readonly low: number;
  /** Sample std of the log returns between closes, % per bar (needs 3 bars). */
  readonly volatilityPct: number;
  /** That std scaled to a year of bars, %. */
  readonly annualisedVolatilityPct: number;
  readonly vwap: number;
  /** Base quantity traded. */
  readonly volume: number;
  /** Quote currency traded. */
  readonly quoteVolume: number;
  readonly trades: number;
  readonly bars: number;
}

/**
 * Computes a symbol's row.
 *
 * @param symbol the symbol
 * @param bars its latest bars, oldest first (may be empty)
 */
export function symbolStats(symbol: string, bars: readonly Bar[]): SymbolStats {
  const n = bars.length;
  let high = Number.NaN;
  let low = Number.NaN;
  let volume = 0;
  let quoteVolume = 0;
  let trades = 0;
  for (const b of bars) {
    if (!(b.high <= high)) high = b.high;
    if (!(b.low >= low)) low = b.low;
    volume += b.volume;
    quoteVolume += b.quoteVolume;
    trades += b.trades;
  }
  const first = n > 0 ? bars[0].close : Number.NaN;
  const last = n > 0 ? bars[n - 1].close : Number.NaN;
  // The engine's statistics need two returns; with fewer bars the volatility stays undefined.
  const stats = n >= 3 ? priceStatsFromBars(bars) : null;
  return {
    symbol,
    last,
    changePct: stats?.changePct ?? (100 * (last - first)) / first,
    high,
    low,
    volatilityPct: stats === null ? Number.NaN : 100 * stats.stdLogReturns,
    annualisedVolatilityPct: stats === null ? Number.NaN : 100 * stats.annualisedVolatility,
    vwap: volume > 0 ? vwap(bars.map((b) => b.vwap), bars.map((b) => b.volume)) : Number.NaN,
    volume,
    quoteVolume,
    trades,
    bars: n,
  };
}

/** A price with the decimals its size deserves. */
function price(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(2) : a >= 1 ? v.toFixed(4) : v.toPrecision(4);
}

function fixed(digits: number) {
  return (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : "–");
}

/** A small percentage (per-bar volatility) to three significant digits. */
function small(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(3) : "–";
}

const numeric = (key: Exclude<keyof SymbolStats, "symbol">, label: string, title: string, text: (v: number) => string): Column<SymbolStats> => ({
  key,
  label,
  title,
  numeric: true,
  value: (r) => r[key],
  text: (r) => text(r[key]),
});

/** The table's columns, in order; the CSV has the same. */
export const STATS_COLUMNS: readonly Column<SymbolStats>[] = [
  { key: "symbol", label: "Symbol", title: "exchange symbol", value: (r) => r.symbol, text: (r) => r.symbol },
  numeric("last", "Last", "close of the latest bar (the open bar included)", price),
  numeric("changePct", "Change %", "from the first close of the window to the last", fixed(3)),
  numeric("high", "High", "highest trade in the window", price),
  numeric("low", "Low", "lowest trade in the window", price),
  numeric("volatilityPct", "Vol % per bar", "sample std of log returns between closes, per bar", small),
  numeric("annualisedVolatilityPct", "Ann. vol %", "that volatility scaled to a year of bars", fixed(2)),
  numeric("vwap", "VWAP", "volume-weighted average price over the window", price),
  numeric("volume", "Volume", "base quantity traded", fixed(4)),
  numeric("quoteVolume", "Quote volume", "quote currency traded", fixed(2)),
  numeric("trades", "Trades", "number of trades", fixed(0)),
  numeric("bars", "Bars", "bars in the window (buckets with at least one trade)", fixed(0)),
];
