/**
 * The price panel: candlesticks or a line with volume below, on a canvas (lightweight-charts) so zoom, pan and
 * the crosshair stay smooth over 100,000 bars. History from `GET /api/ohlc`, then the live `bars:` channel
 * (each update replaces or appends the open bar). A tooltip shows OHLC, volume and trades under the crosshair.
 */
import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from "lightweight-charts";
import type { Bar } from "../../../engine/types.ts";
import { bars as fetchBars } from "../common/api.ts";
import { live } from "../common/live.ts";
import { el, formatNumber } from "../common/ui.ts";

/** What a page (and the browser tests) can ask a mounted chart. */
export interface PriceChartHandle {
  readonly element: HTMLElement;
  /** Bars held, oldest first. */
  bars(): readonly Bar[];
  /** The visible time range in ms, or null before data. */
  visibleRange(): { from: number; to: number } | null;
  /** Stops the live subscription and frees the canvas. */
  destroy(): void;
}

const time = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

/** A bar change as it reached the screen (next animation frame), recorded only when a page defines the log. */
export interface BarRender {
  /** Wall-clock ms of the frame that drew it. */
  readonly renderedAt: number;
  readonly bucketStart: number;
  /** Trades in the bar when drawn: which trades this change shows. */
  readonly trades: number;
}

declare global {
  interface Window {
    /** Set (to an empty array) by `npm run bench:dashboard` before the page loads, to time live updates on screen. */
    __ticklensRenderLog?: BarRender[];
  }
}

function colours() {
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  return { text: dark ? "#ddd" : "#333", grid: dark ? "#333" : "#eee", up: "#26a69a", down: "#ef5350" };
}

/**
 * Mounts a live price chart.
 *
 * @param options symbol, timeframe, kind of chart and the cell's invalidation promise (cleanup on re-run)
 * @returns the handle; its element is the chart container with a loading/ error line under it
 */
export function priceChart(options: { symbol: string; timeframe: string; kind: "candles" | "line"; invalidation?: Promise<unknown> }): PriceChartHandle {
  const { symbol, timeframe, kind } = options;
  const container = el("div", { className: "tl-chart", "data-testid": "price-chart", "data-symbol": symbol, "data-timeframe": timeframe });
  const note = el("div", { className: "tl-note", "data-testid": "price-note" }, `loading ${symbol} ${timeframe} bars…`);
  const tooltip = el("div", { className: "tl-tooltip", hidden: true });
  container.append(tooltip);
  const element = el("div", {}, container, note);
  const c = colours();
  const chart: IChartApi = createChart(container, {
    autoSize: true,
    layout: { background: { color: "transparent" }, textColor: c.text },
    grid: { vertLines: { color: c.grid }, horzLines: { color: c.grid } },
    timeScale: { timeVisible: true, secondsVisible: timeframe.endsWith("s") },
    crosshair: { mode: 0 },
  });
  const price: ISeriesApi<"Candlestick"> | ISeriesApi<"Line"> =
    kind === "candles"
      ? chart.addSeries(CandlestickSeries, { upColor: c.up, downColor: c.down, wickUpColor: c.up, wickDownColor: c.down, borderVisible: false })
      : chart.addSeries(LineSeries, { lineWidth: 2, color: "#4269d0" });
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: "volume" }, color: "#8884" }, 1);
  chart.panes()[1]?.setHeight(90);

  let held: Bar[] = [];
  const byTime = new Map<number, Bar>();
  const point = (b: Bar) => (kind === "candles" ? { time: time(b.bucketStart), open: b.open, high: b.high, low: b.low, close: b.close } : { time: time(b.bucketStart), value: b.close });
  const volumePoint = (b: Bar) => ({ time: time(b.bucketStart), value: b.volume, color: b.close >= b.open ? `${c.up}88` : `${c.down}88` });

  // The history request and live frames can land after the cell re-ran and removed this chart.
  let destroyed = false;
  const apply = (b: Bar) => {
    if (destroyed) return;
    const last = held[held.length - 1];
    if (last !== undefined && b.bucketStart < last.bucketStart) return; // older than the chart's edge: history has it
    if (last !== undefined && b.bucketStart === last.bucketStart) held[held.length - 1] = b;
    else held.push(b);
    byTime.set(time(b.bucketStart), b);
    (price as ISeriesApi<"Line">).update(point(b) as never);
    volume.update(volumePoint(b));
    container.dataset.lastClose = String(b.close);
    container.dataset.bars = String(held.length);
    const log = window.__ticklensRenderLog;
    if (log !== undefined) requestAnimationFrame(() => log.push({ renderedAt: Date.now(), bucketStart: b.bucketStart, trades: b.trades }));
  };

  let pending: Bar[] | null = [];
  let unsubscribe = () => {};
  void fetchBars(symbol, timeframe)
    .then((history) => {
      if (destroyed) return;
      held = history;
      for (const b of history) byTime.set(time(b.bucketStart), b);
      (price as ISeriesApi<"Line">).setData(history.map(point) as never);
      volume.setData(history.map(volumePoint));
      // Open on the latest 300 bars; zoom out or pan for the rest.
      if (history.length > 0) chart.timeScale().setVisibleLogicalRange({ from: Math.max(0, history.length - 300), to: history.length + 2 });
      container.dataset.bars = String(held.length);
      if (history.length > 0) container.dataset.lastClose = String(history[history.length - 1].close);
      note.textContent = `${symbol} · ${timeframe} · ${history.length.toLocaleString()} bars · scroll to zoom, drag to pan`;
      for (const b of pending ?? []) apply(b);
      pending = null;
      container.dataset.ready = "true";
      // The first frame drawn with the history: the benchmark's "time to first rendered chart".
      requestAnimationFrame(() => (container.dataset.firstRenderMs = String(performance.now())));
    })
    .catch((error: Error) => {
      note.textContent = `could not load bars: ${error.message}`;
      note.className = "tl-error-text";
    });
  unsubscribe = live().subscribe(`bars:${symbol}:${timeframe}`, (frame) => {
    // The snapshot repeats history; updates carry the open bar (and the bar just closed).
    if (frame.type !== "update") return;
    for (const b of frame.data as Bar[]) {
      if (pending !== null) pending.push(b);
      else apply(b);
    }
    container.dataset.updatedAt = String(Date.now());
  });

  chart.subscribeCrosshairMove((param) => {
    const b = param.time === undefined ? undefined : byTime.get(param.time as number);
    if (b === undefined || param.point === undefined) {
      tooltip.hidden = true;
      return;
    }
    tooltip.hidden = false;
    tooltip.textContent =
      `${new Date(b.bucketStart).toISOString().replace("T", " ").slice(0, 19)} UTC\n` +
      `O ${formatNumber(b.open)}  H ${formatNumber(b.high)}\nL ${formatNumber(b.low)}  C ${formatNumber(b.close)}\n` +
      `volume ${formatNumber(b.volume)} · ${b.trades} trades`;
    tooltip.style.left = `${Math.min(param.point.x + 12, container.clientWidth - 200)}px`;
    tooltip.style.top = `${Math.max(0, param.point.y - 70)}px`;
  });

  const handle: PriceChartHandle = {
    element,
    bars: () => held,
    visibleRange: () => {
      const r = chart.timeScale().getVisibleRange();
      return r === null ? null : { from: Number(r.from) * 1000, to: Number(r.to) * 1000 };
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      chart.remove();
    },
  };
  (container as unknown as { ticklensChart: PriceChartHandle }).ticklensChart = handle;
  void options.invalidation?.then(() => handle.destroy());
  return handle;
}
