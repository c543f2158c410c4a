/**
 * The Pairs page's Plot charts, each a function of the analysis and the width: spread, z-score with its bands and
 * the backtest's signals, hedge ratio over time, backtest equity. Colours come from Plot's defaults and
 * currentColor, so both themes read well.
 */
import * as Plot from "@observablehq/plot";
import type { MeanReversionBacktest } from "../../../engine/index.ts";
import type { PairsAnalysis } from "./compute.ts";

const HEIGHT = 240;
const ENTRY_COLOUR = "#e45756";
const EXIT_COLOUR = "#9c9c9c";

/** Where the backtest opened or closed a position, for the z-score chart. */
export interface Signal {
  readonly time: Date;
  readonly z: number;
  readonly kind: "long entry" | "short entry" | "exit" | "stop" | "open at end";
}

const SIGNAL_KINDS: Signal["kind"][] = ["long entry", "short entry", "exit", "stop", "open at end"];
const SIGNAL_COLOURS = ["#54a24b", "#e45756", "#8c8c8c", "#f58518", "#b279a2"];

/** The bucket times as dates, once per aligned pair. */
export function times(analysis: PairsAnalysis): Date[] {
  return Array.from(analysis.report.pair.bucketStart, (t) => new Date(t));
}

/** Entries and exits of the backtest's round trips, at the z-score of their bar. */
export function signals(backtest: MeanReversionBacktest, dates: readonly Date[]): Signal[] {
  const out: Signal[] = [];
  for (const trade of backtest.trades) {
    out.push({ time: dates[trade.entryIndex], z: trade.entryZ, kind: trade.side === "long" ? "long entry" : "short entry" });
    const kind = trade.reason === "end" ? "open at end" : trade.reason;
    // A trade still open at the end is marked at the last bar's z only when that z is defined.
    if (Number.isFinite(trade.exitZ)) out.push({ time: dates[trade.exitIndex], z: trade.exitZ, kind });
  }
  return out;
}

const common = (width: number) => ({ width, height: HEIGHT, marginLeft: 56, x: { type: "utc" as const, label: null }, y: { grid: true } });

/** The spread A − alpha − beta·B over time. */
export function spreadChart(a: PairsAnalysis, dates: readonly Date[], width: number): Element {
  return Plot.plot({
    ...common(width),
    y: { grid: true, label: "spread" },
    marks: [Plot.ruleY([0], { strokeOpacity: 0.4 }), Plot.lineY(a.report.staticSpread, { x: dates, strokeWidth: 1.2, tip: true })],
  });
}

/** The z-score with ±entry and ±exit bands and the backtest's entries and exits. */
export function zScoreChart(a: PairsAnalysis, dates: readonly Date[], marks: readonly Signal[], width: number): Element {
  const { entryZ, exitZ } = a.params;
  return Plot.plot({
    ...common(width),
    y: { grid: true, label: "z-score" },
    color: { domain: SIGNAL_KINDS, range: SIGNAL_COLOURS, legend: true },
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.4 }),
      Plot.ruleY([entryZ, -entryZ], { stroke: ENTRY_COLOUR, strokeDasharray: "6,3" }),
      Plot.ruleY([exitZ, -exitZ], { stroke: EXIT_COLOUR, strokeDasharray: "2,3" }),
      Plot.lineY(a.zScore, { x: dates, strokeWidth: 1, tip: true }),
      Plot.dot(marks, {
        x: "time",
        y: "z",
        fill: "kind",
        stroke: "var(--theme-background, white)",
        strokeWidth: 0.8,
        r: 5,
        symbol: (s: Signal) => (s.kind.endsWith("entry") ? "triangle" : s.kind === "exit" ? "circle" : "square"),
        rotate: (s: Signal) => (s.kind === "short entry" ? 180 : 0),
      }),
    ],
  });
}

/** The rolling OLS hedge ratio over time (and the Kalman filter's, when that method is chosen), with the static one as a rule. */
export function hedgeChart(a: PairsAnalysis, dates: readonly Date[], width: number): Element {
  const { hedge, rolling } = a.report;
  const staticLabel = `static (${hedge.method})`;
  const lines: Plot.Markish[] = [Plot.lineY(rolling.beta, { x: dates, stroke: () => `rolling OLS (${a.params.window})`, strokeWidth: 1.2, tip: true })];
  if (hedge.method === "kalman") lines.push(Plot.lineY(hedge.betaSeries, { x: dates, stroke: () => "Kalman filter", strokeWidth: 1.2 }));
  return Plot.plot({
    ...common(width),
    y: { grid: true, label: "hedge ratio β" },
    color: { legend: true },
    marks: [...lines, Plot.ruleY([hedge.beta], { stroke: () => staticLabel, strokeDasharray: "6,3", strokeWidth: 1.5 })],
  });
}

/** The backtest's cumulative PnL (quote currency per unit of leg A). */
export function pnlChart(backtest: MeanReversionBacktest, dates: readonly Date[], width: number): Element {
  return Plot.plot({
    ...common(width),
    y: { grid: true, label: "cumulative PnL" },
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.4 }),
      Plot.areaY(backtest.equity, { x: dates, fillOpacity: 0.12 }),
      Plot.lineY(backtest.equity, { x: dates, strokeWidth: 1.2, tip: true }),
    ],
  });
}
