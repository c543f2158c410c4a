/**
 * The Pairs page's verdict card: the stationarity and cointegration tests read in plain language, the half-life
 * in bars and in time, the hedge ratio and the backtest's summary. The headline numbers are also on the card as
 * data attributes, for tests and scripts.
 */
import type { AdfResult, EngleGrangerResult, HalfLifeResult, MeanReversionBacktest, Outcome, Timeframe } from "../../../engine/index.ts";
import type { PairsAnalysis } from "./compute.ts";
import { el, formatNumber } from "../common/ui.ts";

/** Significance level the verdicts are stated at. */
const LEVEL = 0.05;

/** A duration in words: "42 s", "3.5 min", "2.1 h", "1.5 d". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "never";
  const s = ms / 1000;
  if (s < 60) return `${formatNumber(Number(s.toPrecision(3)))} s`;
  if (s < 3600) return `${formatNumber(Number((s / 60).toPrecision(3)))} min`;
  if (s < 86_400) return `${formatNumber(Number((s / 3600).toPrecision(3)))} h`;
  return `${formatNumber(Number((s / 86_400).toPrecision(3)))} d`;
}

function adfVerdict(adf: AdfResult): string {
  if (adf.pValue < 0.01) return "The spread looks mean-reverting at the 1% level.";
  if (adf.pValue < LEVEL) return "The spread looks mean-reverting at the 5% level.";
  if (adf.pValue < 0.1) return "Weak evidence of mean reversion: significant at the 10% level only.";
  return "No evidence the spread is mean-reverting (the ADF test cannot reject a unit root).";
}

function cointVerdict(eg: EngleGrangerResult, a: string, b: string): string {
  if (eg.pValue < LEVEL) return `${a} and ${b} look cointegrated at the ${eg.pValue < 0.01 ? "1" : "5"}% level.`;
  return `No evidence of cointegration between ${a} and ${b} at the 5% level.`;
}

function halfLifeText(hl: HalfLifeResult, timeframe: Timeframe): string {
  if (!Number.isFinite(hl.halfLife)) return "none: the spread does not revert (λ ≥ 0)";
  // Buckets where a leg did not trade are skipped by the join, so bars × width is the shortest it can be in time.
  return `${hl.halfLife.toFixed(1)} bars ≈ ${formatDuration(hl.halfLife * timeframe.ms)}`;
}

function row(label: string, value: string, testid?: string): HTMLElement {
  return el("div", { className: "tl-kv" }, el("span", {}, label), el("strong", { "data-testid": testid }, value));
}

function refused(label: string, outcome: Outcome<unknown> & { ok: false }): HTMLElement {
  return row(label, `not available: ${outcome.error.message}`);
}

function backtestRows(bt: MeanReversionBacktest): HTMLElement[] {
  const s = bt.summary;
  const open = bt.trades.length > 0 && bt.trades[bt.trades.length - 1].reason === "end";
  return [
    row("Trades", `${s.tradeCount}${open ? " (last still open)" : ""}`, "pairs-bt-trades"),
    row("Total PnL", `${formatNumber(s.totalPnl)} per unit of A`, "pairs-bt-pnl"),
    row("Win rate", Number.isFinite(s.winRate) ? `${(100 * s.winRate).toFixed(1)}%` : "–"),
    row("Max drawdown", formatNumber(s.maxDrawdown)),
    row("Sharpe per bar", formatNumber(s.sharpePerBar)),
  ];
}

const STYLE = `
.tl-verdict-card{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr));gap:.25rem 1.5rem}
.tl-verdict-card h3{grid-column:1/-1;font-size:15px;margin:.1rem 0 .3rem}
.tl-verdict-card section>h4{font-size:13px;margin:.4rem 0 .2rem;color:var(--theme-foreground-muted);font-weight:600}
.tl-kv{display:flex;justify-content:space-between;gap:1rem;font-size:13px;padding:.1rem 0;border-bottom:1px solid var(--theme-foreground-faintest)}
.tl-kv>strong{font-weight:500;font-variant-numeric:tabular-nums;text-align:right}
.tl-verdict-line{font-size:14px;margin:.15rem 0}
`;

/**
 * Renders the verdict card for an analysis.
 *
 * @param card the container (kept across updates; its content and data attributes are replaced)
 * @param a the analysis
 * @param timeframe the bars' width, for the half-life in time
 */
export function renderVerdict(card: HTMLElement, a: PairsAnalysis, timeframe: Timeframe): void {
  if (document.getElementById("tl-verdict-style") === null) document.head.append(el("style", { id: "tl-verdict-style" }, STYLE));
  const { pair, hedge: h, adf, engleGranger: eg, halfLife: hl } = a.report;
  const { symbolA, symbolB } = pair;
  const n = pair.closeA.length;
  const lines: string[] = [];
  if (eg.ok) lines.push(cointVerdict(eg.value, symbolA, symbolB));
  if (adf.ok) lines.push(adfVerdict(adf.value));

  const tests = el("section", {}, el("h4", {}, "Stationarity and cointegration"));
  if (adf.ok) {
    tests.append(row("ADF statistic (spread)", formatNumber(adf.value.statistic), "pairs-adf-statistic"));
    tests.append(row("ADF p-value", formatNumber(adf.value.pValue), "pairs-adf-pvalue"));
  } else tests.append(refused("ADF", adf));
  if (eg.ok) {
    tests.append(row("Engle–Granger statistic", formatNumber(eg.value.statistic), "pairs-eg-statistic"));
    tests.append(row("Engle–Granger p-value", formatNumber(eg.value.pValue), "pairs-eg-pvalue"));
  } else tests.append(refused("Engle–Granger", eg));
  tests.append(hl.ok ? row("Half-life", halfLifeText(hl.value, timeframe), "pairs-half-life") : refused("Half-life", hl));

  const hedge = el(
    "section",
    {},
    el("h4", {}, `Hedge ratio (${h.method}, whole range)`),
    row("β", formatNumber(h.beta), "pairs-beta"),
    row("α", formatNumber(h.alpha)),
    row("Spread", `${symbolA} − α − β·${symbolB}`),
    row("Aligned bars", `${n} × ${pair.timeframe}`),
  );

  const hedgeNote = a.params.hedge === "static" ? "whole-range β: looks ahead" : `rolling OLS β over ${a.params.window} bars: no look-ahead`;
  const backtest = el("section", {}, el("h4", {}, `Backtest (entry ±${a.params.entryZ}, exit ±${a.params.exitZ}; ${hedgeNote})`));
  if (a.backtest.ok) backtest.append(...backtestRows(a.backtest.value));
  else backtest.append(refused("Backtest", a.backtest));

  const headline = el("div", { style: "grid-column:1/-1" }, ...lines.map((l) => el("p", { className: "tl-verdict-line" }, l)));
  card.replaceChildren(el("h3", {}, `${symbolA} / ${symbolB} · ${pair.timeframe}`), headline, tests, hedge, backtest);
  Object.assign(card.dataset, {
    adfPvalue: adf.ok ? String(adf.value.pValue) : "",
    egPvalue: eg.ok ? String(eg.value.pValue) : "",
    halfLife: hl.ok ? String(hl.value.halfLife) : "",
    beta: String(h.beta),
    trades: a.backtest.ok ? String(a.backtest.value.summary.tradeCount) : "",
    totalPnl: a.backtest.ok ? String(a.backtest.value.summary.totalPnl) : "",
  });
}
