/**
 * The key figures each notebook prints, computed here by the engine alone straight from the capture file (no DuckDB,
 * no store, no API): agreement checks the whole path the notebook took, store and API included. The settings mirror
 * the notebooks'; change both together.
 */
import {
  alignBars,
  adfTest,
  backtestAlertRule,
  backtestMeanReversion,
  engleGranger,
  halfLife,
  hedgeRatio,
  HEDGE_RATIO_METHODS,
  pairMetricSeries,
  parseAlertRule,
  replayAlertRule,
  spread,
  toBars,
  type Trade,
} from "../../src/engine/index.ts";
import { SAMPLE_CAPTURE } from "../../src/notebook/index.ts";
import { futuresCaptureTrades } from "../helpers/capture-trades.ts";

/** Figure name → the value the notebook must print. */
export type Figures = ReadonlyMap<string, number | string>;

/** Expected figures by notebook file name. */
export function expectedFigures(): ReadonlyMap<string, Figures> {
  const trades = futuresCaptureTrades(SAMPLE_CAPTURE);
  return new Map([
    ["01-getting-started.ipynb", gettingStarted(trades)],
    ["02-pairs-research.ipynb", pairsResearch(trades)],
    ["03-alerts-what-if.ipynb", alertsWhatIf(trades)],
  ]);
}

const of = (trades: readonly Trade[], symbol: string) => trades.filter((t) => t.symbol === symbol);

function gettingStarted(trades: readonly Trade[]): Figures {
  const btc = of(trades, "BTCUSDT");
  const eth = of(trades, "ETHUSDT");
  const lastBtc = [...btc].sort((a, b) => a.tradeTime - b.tradeTime || a.tradeId - b.tradeId).at(-1)!;
  return new Map<string, number | string>([
    ["symbols", 2],
    ["BTCUSDT trades", btc.length],
    ["ETHUSDT trades", eth.length],
    ["BTCUSDT last price", lastBtc.price],
    ["1m bars", toBars(btc, "1m").length + toBars(eth, "1m").length],
    ["ETHUSDT 15s bars", toBars(eth, "15s").length],
    ["15s SQL bars equal store bars", "true"],
    ["1s bars in parquet", toBars(btc, "1s").length + toBars(eth, "1s").length],
    ["API rows equal file rows", "true"],
  ]);
}

/** ETH (y) on BTC (x), 1 s bars, inner join; OLS spread; 60-bar backtest entering at |z| 2, leaving at 0.5. */
function ethBtcSeconds(trades: readonly Trade[]) {
  return alignBars(toBars(of(trades, "ETHUSDT"), "1s"), toBars(of(trades, "BTCUSDT"), "1s"), { join: "inner" });
}

function pairsResearch(trades: readonly Trade[]): Figures {
  const pair = ethBtcSeconds(trades);
  const [y, x] = [pair.closeA, pair.closeB];
  const ols = hedgeRatio(y, x, { method: "ols" });
  const s = spread(y, x, ols.beta, ols.alpha);
  const adf = adfTest(s, { regression: "c", autolag: "AIC" });
  const eg = engleGranger(y, x);
  const entry = { window: 60, entryZ: 2, exitZ: 0.5 };
  const noFees = backtestMeanReversion(y, x, entry).summary;
  const withFees = backtestMeanReversion(y, x, { ...entry, feeBps: 1 }).summary;
  return new Map<string, number | string>([
    ["aligned bars", y.length],
    ...HEDGE_RATIO_METHODS.map((method) => [`beta ${method}`, hedgeRatio(y, x, { method }).beta] as [string, number]),
    ["adf statistic", adf.statistic],
    ["adf p-value", adf.pValue],
    ["engle-granger statistic", eg.statistic],
    ["engle-granger p-value", eg.pValue],
    ["half-life bars", halfLife(s).halfLife],
    ["backtest trades", noFees.tradeCount],
    ["backtest pnl", noFees.totalPnl],
    ["backtest pnl 1bp fees", withFees.totalPnl],
  ]);
}

/** Notebook 3's rules, as it defines them. */
const RULES = [
  {
    id: "btc-breaks-87700", name: "BTC breaks 87,700", severity: "warning", enabled: true,
    metric: { kind: "price", symbol: "BTCUSDT" },
    condition: { op: "crossesBelow", threshold: 87_700 }, cooldownMs: 60_000, channels: ["dashboard"],
  },
  {
    id: "eth-moves", name: "ETH moves 0.1% in a minute", severity: "info", enabled: true,
    metric: { kind: "changePct", symbol: "ETHUSDT", windowMs: 60_000 },
    condition: { op: "absAbove", threshold: 0.1 }, rearm: 0.05, channels: ["dashboard"],
  },
  {
    id: "btc-volume", name: "BTC volume burst", severity: "info", enabled: true,
    metric: { kind: "volume", symbol: "BTCUSDT", windowMs: 10_000 },
    condition: { op: ">", threshold: 5 }, cooldownMs: 30_000, channels: ["dashboard"],
  },
  {
    id: "eth-btc-z", name: "ETH/BTC z-score", severity: "warning", enabled: true,
    metric: { kind: "zScore", a: "ETHUSDT", b: "BTCUSDT", timeframe: "1s", window: 60 },
    condition: { op: "absAbove", threshold: 2 }, forMs: 3_000, rearm: 1, channels: ["dashboard", "sound"],
  },
].map((rule) => parseAlertRule(rule));

/**
 * Single-symbol rules replayed over the capture's trades in file order (each symbol's trades in id order, which is
 * all a single-symbol metric sees); the pair rule over the aligned 1 s bars, as `POST /api/alerts/backtest` does.
 */
function alertsWhatIf(trades: readonly Trade[]): Figures {
  const figures = new Map<string, number | string>([["trades replayed", trades.length]]);
  const pair = ethBtcSeconds(trades);
  const zFires = backtestAlertRule(RULES[3], {
    time: Array.from(pair.bucketStart, (start) => start + 1_000),
    value: pairMetricSeries("zScore", pair.closeA, pair.closeB, 60),
  });
  for (const rule of RULES) {
    const fires = rule.metric.kind === "zScore" ? zFires : replayAlertRule(rule, trades);
    figures.set(`${rule.id} fires`, fires.length);
    figures.set(`${rule.id} first fire`, fires.length > 0 ? new Date(fires[0].time).toISOString() : "none");
  }
  figures.set("z-score fires from bars", zFires.length);
  figures.set("z-score routes agree", "true");
  return figures;
}
