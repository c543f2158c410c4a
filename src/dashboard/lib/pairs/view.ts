/**
 * The Pairs page's analytics block for one pair and timeframe: loads both legs' bars, keeps them current from
 * the live `bars:` channels, and runs the engine in the browser. A control change (window, method, z levels,
 * backtest hedge) recomputes at once with no request; live bars recompute at most about once a second (less
 * often when a run is slow, e.g. Theil–Sen on thousands of bars, so the page stays responsive).
 */
import type { Bar, Timeframe } from "../../../engine/index.ts";
import { bars as fetchBars } from "../common/api.ts";
import { live, type LiveFrame } from "../common/live.ts";
import { PairsEngine, type PairsAnalysis, type PairsParams } from "./compute.ts";
import { hedgeChart, pnlChart, signals, spreadChart, times, zScoreChart } from "./charts.ts";
import { LegBars } from "./leg-bars.ts";
import { renderVerdict } from "./verdict.ts";
import { panelGrid, plotPanel, type PlotPanel } from "../common/plot-panel.ts";
import { checkTimeframe } from "../common/timeframe-check.ts";
import { el } from "../common/ui.ts";

/** Bars kept per leg: enough history for the tests, small enough that even Theil–Sen reruns in well under a second. */
export const HISTORY_BARS = 3_000;
/** Shortest gap between two recomputations driven by live bars. */
const LIVE_REFRESH_MS = 1_000;

/** What the page holds of a mounted block. */
export interface PairsView {
  /** The block: container with data-testid `pairs-analytics`. */
  readonly element: HTMLElement;
  /** Sets the controls' values and recomputes now, in the browser. */
  update(params: PairsParams): void;
}

/** The four chart panels. */
interface Panels {
  readonly zScore: PlotPanel;
  readonly spread: PlotPanel;
  readonly hedge: PlotPanel;
  readonly pnl: PlotPanel;
}

function makePanels(): Panels {
  return {
    zScore: plotPanel("pairs-zscore", "z-score and signals", "rolling z-score of the spread; dashed: ±entry and ±exit"),
    spread: plotPanel("pairs-spread", "Spread", "A − α − β·B with the whole-range hedge ratio"),
    hedge: plotPanel("pairs-hedge", "Hedge ratio over time", "rolling OLS β; dashed: the whole-range β"),
    pnl: plotPanel("pairs-pnl", "Backtest PnL", "cumulative, quote currency per unit of leg A, no fees"),
  };
}

/**
 * Mounts the analytics of the pair a / b.
 *
 * @param options legs, timeframe and the cell's invalidation (unsubscribes and stops timers when the cell re-runs)
 */
export function pairsAnalytics(options: { a: string; b: string; timeframe: string; invalidation?: Promise<unknown> }): PairsView {
  const { a, b } = options;
  const note = el("p", { className: "tl-muted", "data-testid": "pairs-note" }, `loading ${a} and ${b} bars…`);
  const verdict = el("div", { className: "tl-card tl-verdict-card", "data-testid": "pairs-verdict" }, "Waiting for data…");
  const panels = makePanels();
  const element = el(
    "div",
    { "data-testid": "pairs-analytics", "data-a": a, "data-b": b, "data-timeframe": options.timeframe, "data-status": "loading", "data-recomputes": 0 },
    note,
    verdict,
    panelGrid(panels.zScore.element, panels.spread.element, panels.hedge.element, panels.pnl.element),
  );
  let params: PairsParams | null = null;
  let recompute = () => {};
  const view: PairsView = {
    element,
    update(next) {
      params = next;
      recompute();
    },
  };
  void options.invalidation?.then(() => {
    for (const p of Object.values(panels) as PlotPanel[]) p.dispose();
  });

  const problem = a === b ? "Choose two different symbols for leg A and leg B." : null;
  const checked = checkTimeframe(options.timeframe);
  if (problem !== null || !checked.ok) {
    showProblem(element, note, panels, problem ?? (checked as { message: string }).message, "invalid");
    return view;
  }
  const timeframe = checked.timeframe;
  element.dataset.timeframe = timeframe.label;

  const legA = new LegBars(HISTORY_BARS);
  const legB = new LegBars(HISTORY_BARS);
  const engine = new PairsEngine();
  let loaded = false;
  let destroyed = false;
  let recomputes = 0;
  let lastRunAt = 0;
  let lastRunMs = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirtyWhileHidden = false;
  let dates: { pair: unknown; values: Date[] } = { pair: null, values: [] };

  const compute = () => {
    if (destroyed || !loaded || params === null) return;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const started = performance.now();
    let result;
    try {
      result = engine.run(legA.bars, legB.bars, `${legA.version}/${legB.version}`, params);
    } catch (error) {
      // Not an input refusal (those come back as a reason): say so on the page rather than break it.
      showProblem(element, note, panels, `The analytics failed: ${(error as Error).message}`, "error");
      return;
    }
    lastRunMs = performance.now() - started;
    lastRunAt = performance.now();
    recomputes++;
    element.dataset.recomputes = String(recomputes);
    element.dataset.computedMs = lastRunMs.toFixed(1);
    element.dataset.computedAt = String(Date.now());
    if (!result.ok) {
      showProblem(element, note, panels, result.reason, "insufficient");
      return;
    }
    const analysis = result.analysis;
    if (dates.pair !== analysis.report.pair) dates = { pair: analysis.report.pair, values: times(analysis) };
    render(analysis, dates.values, timeframe, panels, verdict);
    element.dataset.status = "ok";
    element.dataset.bars = String(analysis.report.pair.closeA.length);
    note.className = "tl-muted";
    note.textContent = describe(analysis, legA.bars, legB.bars, lastRunMs);
  };
  recompute = compute;

  // Live bars: recompute after at least LIVE_REFRESH_MS, and after 4× the last run's time if that is longer.
  const schedule = () => {
    if (destroyed || !loaded || timer !== null) return;
    if (document.hidden) {
      dirtyWhileHidden = true;
      return;
    }
    const gap = Math.max(LIVE_REFRESH_MS, 4 * lastRunMs);
    timer = setTimeout(compute, Math.max(0, lastRunAt + gap - performance.now()));
  };
  const onVisible = () => {
    if (!document.hidden && dirtyWhileHidden) {
      dirtyWhileHidden = false;
      schedule();
    }
  };
  document.addEventListener("visibilitychange", onVisible);

  // Frames that arrive before the history are held, then applied over it.
  const pending: { leg: LegBars; frame: LiveFrame }[] = [];
  const applyFrame = (leg: LegBars, frame: LiveFrame) => {
    const bars = frame.data as Bar[];
    if (frame.type === "snapshot") leg.merge(bars);
    else if (frame.type === "update") leg.apply(bars);
  };
  const subscribe = (leg: LegBars, symbol: string) =>
    live().subscribe(`bars:${symbol}:${timeframe.label}`, (frame) => {
      if (destroyed || (frame.type !== "snapshot" && frame.type !== "update")) return;
      if (!loaded) pending.push({ leg, frame });
      else {
        applyFrame(leg, frame);
        element.dataset.updatedAt = String(Date.now());
        schedule();
      }
    });
  const unsubscribe = [subscribe(legA, a), subscribe(legB, b)];

  void Promise.all([fetchBars(a, timeframe.label, HISTORY_BARS), fetchBars(b, timeframe.label, HISTORY_BARS)])
    .then(([historyA, historyB]) => {
      if (destroyed) return;
      legA.reset(historyA);
      legB.reset(historyB);
      for (const { leg, frame } of pending.splice(0)) applyFrame(leg, frame);
      loaded = true;
      element.dataset.ready = "true";
      compute();
    })
    .catch((error: Error) => {
      if (!destroyed) showProblem(element, note, panels, `Could not load bars: ${error.message}`, "error");
    });

  void options.invalidation?.then(() => {
    destroyed = true;
    if (timer !== null) clearTimeout(timer);
    for (const u of unsubscribe) u();
    document.removeEventListener("visibilitychange", onVisible);
  });
  return view;
}

/** Draws every panel and the verdict for an analysis. */
function render(a: PairsAnalysis, dates: Date[], timeframe: Timeframe, panels: Panels, verdict: HTMLElement): void {
  const marks = a.backtest.ok ? signals(a.backtest.value, dates) : [];
  panels.zScore.subtitle(
    a.zSource === "static"
      ? `rolling ${a.params.window}-bar z-score of the spread; dashed: ±${a.params.entryZ} entry, ±${a.params.exitZ} exit`
      : `rolling ${a.params.window}-bar z-score of the rolling-hedge spread the backtest trades; dashed: ±${a.params.entryZ} entry, ±${a.params.exitZ} exit`,
  );
  panels.zScore.show((w) => zScoreChart(a, dates, marks, w));
  const { pair, hedge } = a.report;
  panels.spread.subtitle(`${pair.symbolA} − α − β·${pair.symbolB}, β by ${hedge.method} over the whole range`);
  panels.spread.show((w) => spreadChart(a, dates, w));
  panels.hedge.subtitle(`rolling OLS β over ${a.params.window} bars; dashed: the whole-range β (${hedge.method})`);
  panels.hedge.show((w) => hedgeChart(a, dates, w));
  if (a.backtest.ok) {
    const bt = a.backtest.value;
    panels.pnl.show((w) => pnlChart(bt, dates, w));
  } else panels.pnl.message(`No backtest: ${a.backtest.error.message}`);
  renderVerdict(verdict, a, timeframe);
}

/** The line above the verdict: what was computed, on what, and how long it took. */
function describe(a: PairsAnalysis, barsA: readonly Bar[], barsB: readonly Bar[], ms: number): string {
  const { pair } = a.report;
  const n = pair.closeA.length;
  const last = new Date(pair.bucketStart[n - 1]).toISOString().replace("T", " ").slice(0, 19);
  return `${n} common ${pair.timeframe} buckets (${barsA.length} ${pair.symbolA}, ${barsB.length} ${pair.symbolB}), last ${last} UTC · computed in the browser in ${ms.toFixed(0)} ms · live`;
}

/** Says once, in the note, why nothing is drawn; the panels and the card point to it. */
function showProblem(element: HTMLElement, note: HTMLElement, panels: Panels, message: string, status: string): void {
  element.dataset.status = status;
  note.className = status === "error" ? "tl-error-text" : "tl-note-strong";
  note.textContent = message;
  for (const p of Object.values(panels) as PlotPanel[]) p.message("Nothing to draw yet (see above).");
  const verdict = element.querySelector<HTMLElement>("[data-testid=pairs-verdict]");
  if (verdict !== null) verdict.textContent = "No verdict yet (see above).";
}
