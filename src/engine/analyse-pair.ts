/**
 * The pairs report of two symbols, built once: every reader of a pair (the REST endpoint, the exports, the live
 * channel, the dashboard and the notebooks) calls {@link analysePair}, so their numbers agree by construction.
 *
 * y = leg a, x = leg b: the spread is a − alpha − beta·b, and long the spread means long a.
 */
import { adfTest, type AdfResult } from "./adf.ts";
import { alignBars, type AlignedBars, type BarJoin } from "./align-bars.ts";
import { backtestMeanReversion, type MeanReversionBacktest } from "./backtest.ts";
import { rollingCorrelation } from "./correlation.ts";
import { engleGranger, type EngleGrangerResult } from "./engle-granger.ts";
import { EngineInputError } from "./errors.ts";
import { halfLife, type HalfLifeResult } from "./half-life.ts";
import { hedgeRatio, type HedgeRatioMethod, type HedgeRatioResult } from "./hedge-ratio.ts";
import { rollingOls, type RollingOlsResult } from "./rolling-ols.ts";
import { spread } from "./spread.ts";
import type { Bar } from "./types.ts";
import { requireWindow } from "./validate.ts";
import { rollingZScore } from "./z-score.ts";

/** The mean-reversion backtest a report may carry (see `backtestMeanReversion`; its window is the report's). */
export interface PairBacktestOptions {
  /** Enter when |z| exceeds this, in standard deviations (default 2). */
  readonly entryZ?: number;
  /** Leave when |z| is back inside this, in standard deviations (default 0.5), 0 ≤ exitZ < entryZ. */
  readonly exitZ?: number;
  /** Stop out when z runs past this against the position, in standard deviations (default Infinity: no stop). */
  readonly stopZ?: number;
  /** Fee in basis points of traded notional, both legs (default 0). */
  readonly feeBps?: number;
  /**
   * `"rolling"` (default): re-hedge each bar by OLS over the trailing window (no look-ahead). `"static"`: trade the
   * report's static spread, with the whole-range hedge ratio of `method` (it looks ahead: research only).
   */
  readonly hedge?: "static" | "rolling";
}

/** What {@link analysePair} computes. */
export interface AnalysePairOptions {
  /** Bars per rolling window (rolling OLS, z-scores, correlation, the backtest's window): a whole number ≥ 3. */
  readonly window: number;
  /** Method of the whole-range hedge ratio (default `"ols"`). */
  readonly method?: HedgeRatioMethod;
  /** How the legs' buckets are paired (default `"inner"`: only buckets where both traded). */
  readonly join?: BarJoin;
  /** The backtest to run on the pair; none when left out. */
  readonly backtest?: PairBacktestOptions;
}

/** A statistic the engine may refuse for this data (too short, flat): its value, or the engine's refusal. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineInputError };

/** The report of one pair. Every series is index-aligned with `pair.bucketStart`; NaN marks a rolling warm-up. */
export interface PairAnalysis {
  /** The options the report was built with, defaults filled in. */
  readonly options: {
    /** Bars per rolling window. */
    readonly window: number;
    /** Method of the whole-range hedge ratio. */
    readonly method: HedgeRatioMethod;
    /** How the legs' buckets were paired. */
    readonly join: BarJoin;
    /** The backtest's options, or null when none was asked for. */
    readonly backtest: PairBacktestOptions | null;
  };
  /** Both legs' bars aligned on bucket start (ms since the Unix epoch, UTC); y = `closeA`, x = `closeB`, in quote currency. */
  readonly pair: AlignedBars;
  /** The hedge ratio of a on b over the whole range, by `options.method`: beta in units of b per unit of a, alpha in quote currency. */
  readonly hedge: HedgeRatioResult;
  /** The static spread a − alpha − beta·b with that hedge, in quote currency per unit of a. */
  readonly staticSpread: Float64Array;
  /** Rolling z-score of the static spread over `options.window` bars (ddof 1), in standard deviations. */
  readonly zScore: Float64Array;
  /** Rolling OLS of a on b over `options.window` bars: beta (units of b per unit of a) and alpha (quote currency) per bar. */
  readonly rolling: RollingOlsResult;
  /** The rolling spread a − alpha_t − beta_t·b with the rolling OLS coefficients, in quote currency per unit of a. */
  readonly rollingSpread: Float64Array;
  /**
   * Rolling z-score of the rolling spread over `options.window` bars, in standard deviations; refused when the
   * rolling spread has fewer than `window` defined values, or a gap inside it (a window in which b did not move).
   */
  readonly rollingSpreadZScore: Outcome<Float64Array>;
  /** Rolling Pearson correlation of the two closes over `options.window` bars, in [−1, 1]. */
  readonly rollingCorrelation: Float64Array;
  /**
   * ADF test of the static spread (constant, AIC lag choice): statistic, p-value, lags, critical values. This and
   * the two tests below are computed on first read (a reader of the series alone, an export, pays nothing for them).
   */
  readonly adf: Outcome<AdfResult>;
  /** Engle–Granger cointegration test of a on b (statsmodels `coint`): statistic, p-value, critical values. */
  readonly engleGranger: Outcome<EngleGrangerResult>;
  /** Half-life of the static spread's mean reversion, in bars of the pair's timeframe. */
  readonly halfLife: Outcome<HalfLifeResult>;
  /** The mean-reversion backtest of `options.backtest` (PnL in quote currency per unit of a), or null when none was asked for. */
  readonly backtest: Outcome<MeanReversionBacktest> | null;
}

/**
 * The value of an outcome, or its refusal thrown: for callers that answer a refused statistic as an error.
 *
 * @param outcome a statistic of a {@link PairAnalysis}
 * @returns its value
 * @throws {EngineInputError} the engine's refusal, as the statistic's own function threw it
 * @example
 * const adf = unwrap(analysePair(eth, btc, { window: 60 }).adf);
 */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

/**
 * Builds the pairs report of leg a (y) on leg b (x): aligned closes, the whole-range hedge ratio by method, the
 * static spread and its rolling z-score, rolling OLS and the rolling spread with its z-score, rolling correlation,
 * ADF, Engle–Granger, half-life and (when asked) the mean-reversion backtest.
 *
 * @param barsA leg a's bars (y), oldest first, one per bucket
 * @param barsB leg b's bars (x), same timeframe
 * @param options `{ window, method = "ols", join = "inner", backtest }`
 * @returns the report; statistics the engine refuses for this data are carried as refusals, not thrown
 * @throws {InsufficientDataError} a leg has no bars (from `alignBars`), or the window is longer than the aligned
 *   bars (`fn` "analysePair", `required` the window, `actual` the aligned bars)
 * @throws {InvalidParameterError} the window is not a whole number ≥ 3, the method or join is unknown, the bars
 *   are malformed
 * @throws {ZeroVarianceError} b's close never moves over the aligned bars (from `hedgeRatio`, argument "x")
 * @example
 * const report = analysePair(ethBars, btcBars, { window: 60, method: "ols", backtest: { entryZ: 2, exitZ: 0.5 } });
 * report.hedge.beta; report.zScore.at(-1); unwrap(report.adf).pValue;
 */
export function analysePair(barsA: readonly Bar[], barsB: readonly Bar[], options: AnalysePairOptions): PairAnalysis {
  return new PairAnalyser().analyse(barsA, barsB, options);
}

/** The last inputs and result of one stage of a report. */
class Stage<T> {
  #key: string | null = null;
  #value: T | undefined;

  get(key: string | null, compute: () => T): T {
    if (key === null) return compute();
    if (key !== this.#key) {
      this.#value = compute();
      this.#key = key;
    }
    return this.#value as T;
  }
}

/** A stage's inputs as one string (every number spelt out: NaN, Infinity and undefined stay distinct). */
function stageKey(parts: readonly unknown[]): string {
  return parts
    .map((p) => (typeof p === "object" && p !== null ? Object.entries(p).map(([k, v]) => `${k}=${String(v)}`).join(",") : String(p)))
    .join("|");
}

/** `compute` run on the first call only; every call answers its result. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** Runs an engine call; an input refusal becomes an Outcome, anything else (a bug) is rethrown. */
function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof EngineInputError) return { ok: false, error };
    throw error;
  }
}

/**
 * {@link analysePair} for one pair whose bars change over time (a live page): it remembers each stage's last
 * inputs, so a change of the backtest's z levels reruns only the backtest, a window change only the rolling
 * parts, and new bars everything. The report is the one `analysePair` builds from the same inputs.
 */
export class PairAnalyser {
  readonly #aligned = new Stage<AlignedBars>();
  readonly #hedge = new Stage<{
    hedge: HedgeRatioResult;
    staticSpread: Float64Array;
    adf: () => Outcome<AdfResult>;
    halfLife: () => Outcome<HalfLifeResult>;
  }>();
  readonly #coint = new Stage<() => Outcome<EngleGrangerResult>>();
  readonly #rolling = new Stage<Pick<PairAnalysis, "rolling" | "rollingSpread" | "rollingSpreadZScore" | "rollingCorrelation">>();
  readonly #zScore = new Stage<Float64Array>();
  readonly #backtest = new Stage<Outcome<MeanReversionBacktest> | null>();

  /**
   * The report of these bars and options, reusing every stage whose inputs are unchanged.
   *
   * @param barsA leg a's bars (y), oldest first
   * @param barsB leg b's bars (x), same timeframe
   * @param options as for {@link analysePair}
   * @param dataKey changes whenever either leg's bars change; without it nothing is reused
   * @returns the report
   * @throws as {@link analysePair}
   */
  analyse(barsA: readonly Bar[], barsB: readonly Bar[], options: AnalysePairOptions, dataKey?: string): PairAnalysis {
    const fn = "analysePair";
    const { window } = options;
    const method = options.method ?? "ols";
    const join = options.join ?? "inner";
    const bt = options.backtest ?? null;
    const key = (...parts: unknown[]) => (dataKey === undefined ? null : stageKey([dataKey, join, ...parts]));

    const pair = this.#aligned.get(key(), () => alignBars(barsA, barsB, { join }));
    const y = pair.closeA;
    const x = pair.closeB;
    requireWindow(fn, window, y.length, 3);

    const { hedge, staticSpread, adf, halfLife: hl } = this.#hedge.get(key(method), () => {
      const h = hedgeRatio(y, x, { method });
      const s = spread(y, x, h.beta, h.alpha);
      return {
        hedge: h,
        staticSpread: s,
        adf: once(() => attempt(() => adfTest(s, { regression: "c", autolag: "AIC" }))),
        halfLife: once(() => attempt(() => halfLife(s))),
      };
    });
    const rolling = this.#rolling.get(key(window), () => {
      const r = rollingOls(y, x, window);
      const rs = spread(y, x, r.beta, r.alpha);
      return {
        rolling: r,
        rollingSpread: rs,
        rollingSpreadZScore: attempt(() => rollingZScore(rs, window)),
        rollingCorrelation: rollingCorrelation(y, x, window),
      };
    });
    const zScore = this.#zScore.get(key(method, window), () => rollingZScore(staticSpread, window));
    const coint = this.#coint.get(key(), () => once(() => attempt(() => engleGranger(y, x))));
    const backtest = this.#backtest.get(key(method, window, bt), () =>
      bt === null
        ? null
        : attempt(() =>
            backtestMeanReversion(y, x, {
              window,
              entryZ: bt.entryZ,
              exitZ: bt.exitZ,
              stopZ: bt.stopZ,
              feeBps: bt.feeBps,
              // "static" trades the drawn spread: its z-score (shift-free) is `zScore`, so its signals sit on it.
              hedge: bt.hedge === "static" ? hedge.beta : "rolling",
            }),
          ),
    );
    const series = { options: { window, method, join, backtest: bt }, pair, hedge, staticSpread, zScore, ...rolling, backtest };
    // The tests are read-only properties like the rest (enumerable, so a comparison or a copy sees them).
    return Object.defineProperties(series, {
      adf: { get: adf, enumerable: true },
      engleGranger: { get: coint, enumerable: true },
      halfLife: { get: hl, enumerable: true },
    }) as PairAnalysis;
  }
}
