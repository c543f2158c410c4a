/**
 * The pairs analytics, run in the browser by the engine's `analysePair` on both legs' bars (y = leg A, x = leg B),
 * the function behind the API's `/api/analytics/pairs`, so the numbers agree with it by construction. The engine's
 * `PairAnalyser` remembers each stage's last inputs, so a change of the z levels reruns only the backtest, a window
 * change only the rolling parts, and a live bar everything.
 */
import {
  EngineInputError,
  InsufficientDataError,
  PairAnalyser,
  ZeroVarianceError,
  type Bar,
  type HedgeRatioMethod,
  type MeanReversionBacktest,
  type Outcome,
  type PairAnalysis,
} from "../../../engine/index.ts";

/** What the page's controls choose. */
export interface PairsParams {
  /** Bars per rolling window (rolling OLS, z-score, rolling backtest hedge). */
  readonly window: number;
  /** Method of the whole-range hedge ratio. */
  readonly method: HedgeRatioMethod;
  readonly entryZ: number;
  readonly exitZ: number;
  /**
   * The backtest's hedge: `"static"` trades the spread drawn on the page (the method's whole-range ratio, which
   * looks ahead); `"rolling"` re-hedges each bar by OLS over the trailing window (no look-ahead).
   */
  readonly hedge: "static" | "rolling";
}

/** Everything the panels and the verdict show. */
export interface PairsAnalysis {
  readonly params: PairsParams;
  /** The engine's report of the pair (inner join), with the backtest of `params`. */
  readonly report: PairAnalysis;
  /** The report's backtest (always asked for here). */
  readonly backtest: Outcome<MeanReversionBacktest>;
  /** The z-score drawn: of the spread the backtest trades (the report's static spread for a static hedge). */
  readonly zScore: Float64Array;
  /** Which spread `zScore` is of: the drawn one, or the backtest's rolling-hedge spread. */
  readonly zSource: "static" | "rolling";
}

/** The analysis, or why there is none (a message for the page, never an exception). */
export type PairsOutcome = { readonly ok: true; readonly analysis: PairsAnalysis } | { readonly ok: false; readonly reason: string };

/**
 * Checks the controls' values before any engine call, so a half-typed number gives a plain message.
 *
 * @returns null when usable, else what is wrong
 */
export function paramsProblem(p: PairsParams): string | null {
  if (!Number.isInteger(p.window) || p.window < 3) return "The window must be a whole number of bars, at least 3.";
  if (!(p.entryZ > 0)) return "z entry must be above 0.";
  if (!(p.exitZ >= 0 && p.exitZ < p.entryZ)) return "z exit must be at least 0 and below z entry.";
  return null;
}

/** The pairs pipeline of one pair, remembering each stage. */
export class PairsEngine {
  readonly #analyser = new PairAnalyser();

  /**
   * Computes (or reuses) every result for these bars and controls.
   *
   * @param a leg A's bars (y), oldest first
   * @param b leg B's bars (x), same timeframe
   * @param version changes whenever either leg's bars change (the stages' data key)
   * @param params the controls
   */
  run(a: readonly Bar[], b: readonly Bar[], version: string, params: PairsParams): PairsOutcome {
    const problem = paramsProblem(params);
    if (problem !== null) return { ok: false, reason: problem };
    if (a.length === 0 || b.length === 0) return { ok: false, reason: `No ${a.length === 0 ? "leg A" : "leg B"} bars yet at this timeframe.` };
    const { window, method, entryZ, exitZ, hedge } = params;
    let report: PairAnalysis;
    try {
      report = this.#analyser.analyse(a, b, { window, method, join: "inner", backtest: { entryZ, exitZ, hedge } }, version);
    } catch (error) {
      // The engine refusing the data (e.g. a leg flat inside the sample) is a message, not a crash.
      if (error instanceof EngineInputError) return { ok: false, reason: refusal(error, window) };
      throw error;
    }
    const backtest = report.backtest as Outcome<MeanReversionBacktest>;
    // With a rolling hedge the backtest trades its own spread: draw that z-score, so the markers sit on it.
    const zSource = hedge === "rolling" && backtest.ok ? "rolling" : "static";
    const zScore = backtest.ok && zSource === "rolling" ? backtest.value.zScore : report.zScore;
    return { ok: true, analysis: { params, report, backtest, zScore, zSource } };
  }
}

/** What the page says when the engine refuses the data as a whole. */
function refusal(error: EngineInputError, window: number): string {
  if (error instanceof InsufficientDataError && error.fn === "analysePair") {
    return `Only ${error.actual} buckets where both legs traded; the ${window}-bar window needs at least ${Math.max(window, 3)}. Lower the window, choose a shorter timeframe, or wait for more trades.`;
  }
  if (error instanceof ZeroVarianceError && error.fn === "hedgeRatio" && error.argument === "x") {
    return "Leg B's close did not move over these bars, so no hedge ratio exists yet.";
  }
  return error.message;
}
