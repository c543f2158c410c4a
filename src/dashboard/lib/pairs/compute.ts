/**
 * The pairs analytics, run in the browser with the engine on both legs' bars: y = leg A, x = leg B, as the API's
 * `/api/analytics/pairs` (so the numbers agree with it). Each stage remembers its last inputs, so a change of the z
 * levels reruns only the backtest, a window change only the rolling parts, and a live bar everything.
 */
import {
  adfTest,
  alignBars,
  backtestMeanReversion,
  EngineInputError,
  engleGranger,
  halfLife,
  hedgeRatio,
  rollingOls,
  rollingZScore,
  spread,
  type AdfResult,
  type AlignedBars,
  type Bar,
  type EngleGrangerResult,
  type HalfLifeResult,
  type HedgeRatioMethod,
  type HedgeRatioResult,
  type MeanReversionBacktest,
  type RollingOlsResult,
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

/** A statistic that may be refused for this data (too short, flat): the reason is shown in its place. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Everything the panels and the verdict show. */
export interface PairsAnalysis {
  readonly params: PairsParams;
  /** Both legs' bars on common buckets (inner join); y = closeA, x = closeB. */
  readonly pair: AlignedBars;
  /** The whole-range hedge ratio by `params.method`. */
  readonly hedge: HedgeRatioResult;
  /** A − alpha − beta·B with that hedge. */
  readonly spread: Float64Array;
  /** Rolling OLS of A on B over the window: the hedge ratio over time. */
  readonly rolling: RollingOlsResult;
  /** Rolling z-score of the spread the backtest trades (the drawn spread for a static hedge). */
  readonly zScore: Float64Array;
  /** Which spread `zScore` is of: the drawn one, or the backtest's rolling-hedge spread. */
  readonly zSource: "static" | "rolling";
  readonly adf: Outcome<AdfResult>;
  readonly engleGranger: Outcome<EngleGrangerResult>;
  readonly halfLife: Outcome<HalfLifeResult>;
  readonly backtest: Outcome<MeanReversionBacktest>;
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

/** The last inputs and result of one stage. */
class Stage<T> {
  #key: string | null = null;
  #value: T | undefined;

  get(key: string, compute: () => T): T {
    if (key !== this.#key) {
      this.#value = compute();
      this.#key = key;
    }
    return this.#value as T;
  }
}

/** Runs an engine call; an input refusal becomes an Outcome, anything else (a bug) is rethrown. */
function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof EngineInputError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The pairs pipeline of one pair, remembering each stage. */
export class PairsEngine {
  readonly #aligned = new Stage<AlignedBars>();
  readonly #hedge = new Stage<{ hedge: HedgeRatioResult; spread: Float64Array; adf: Outcome<AdfResult>; halfLife: Outcome<HalfLifeResult> }>();
  readonly #coint = new Stage<Outcome<EngleGrangerResult>>();
  readonly #rolling = new Stage<RollingOlsResult>();
  readonly #zScore = new Stage<Float64Array>();
  readonly #backtest = new Stage<Outcome<MeanReversionBacktest>>();

  /**
   * Computes (or reuses) every result for these bars and controls.
   *
   * @param a leg A's bars (y), oldest first
   * @param b leg B's bars (x), same timeframe
   * @param version changes whenever either leg's bars change (the stages' data key)
   * @param params the controls
   */
  run(a: readonly Bar[], b: readonly Bar[], version: string, params: PairsParams): PairsOutcome {
    try {
      return this.#run(a, b, version, params);
    } catch (error) {
      // The engine refusing the data (e.g. a leg flat inside the sample) is a message, not a crash.
      if (error instanceof EngineInputError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  #run(a: readonly Bar[], b: readonly Bar[], version: string, params: PairsParams): PairsOutcome {
    const problem = paramsProblem(params);
    if (problem !== null) return { ok: false, reason: problem };
    if (a.length === 0 || b.length === 0) return { ok: false, reason: `No ${a.length === 0 ? "leg A" : "leg B"} bars yet at this timeframe.` };
    const pair = this.#aligned.get(version, () => alignBars(a, b, { join: "inner" }));
    const y = pair.closeA;
    const x = pair.closeB;
    const n = y.length;
    const { window, method } = params;
    if (n < Math.max(window, 3)) {
      return { ok: false, reason: `Only ${n} buckets where both legs traded; the ${window}-bar window needs at least ${Math.max(window, 3)}. Lower the window, choose a shorter timeframe, or wait for more trades.` };
    }
    if (isFlat(x)) return { ok: false, reason: "Leg B's close did not move over these bars, so no hedge ratio exists yet." };

    const { hedge, spread: s, adf, halfLife: hl } = this.#hedge.get(`${version}|${method}`, () => {
      const h = hedgeRatio(y, x, { method });
      const sp = spread(y, x, h.beta, h.alpha);
      return {
        hedge: h,
        spread: sp,
        adf: attempt(() => adfTest(sp, { regression: "c", autolag: "AIC" })),
        halfLife: attempt(() => halfLife(sp)),
      };
    });
    const coint = this.#coint.get(version, () => attempt(() => engleGranger(y, x)));
    const rolling = this.#rolling.get(`${version}|${window}`, () => rollingOls(y, x, window));
    const backtest = this.#backtest.get(`${version}|${method}|${window}|${params.entryZ}|${params.exitZ}|${params.hedge}`, () =>
      // A number as the hedge trades the drawn spread: its z-score (shift-free) is the one drawn, so the markers sit on it.
      attempt(() => backtestMeanReversion(y, x, { window, entryZ: params.entryZ, exitZ: params.exitZ, hedge: params.hedge === "static" ? hedge.beta : "rolling" })),
    );
    // With a rolling hedge the backtest trades its own spread: draw that z-score, so the markers sit on it.
    const zSource = params.hedge === "rolling" && backtest.ok ? "rolling" : "static";
    const zScore = backtest.ok && zSource === "rolling" ? backtest.value.zScore : this.#zScore.get(`${version}|${method}|${window}`, () => rollingZScore(s, window));
    return { ok: true, analysis: { params, pair, hedge, spread: s, rolling, zScore, zSource, adf, engleGranger: coint, halfLife: hl, backtest } };
  }
}

function isFlat(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
