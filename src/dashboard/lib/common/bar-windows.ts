/**
 * The latest bars of every collected symbol, re-read on a timer: what the Statistics and Correlation pages are
 * computed from. One read at a time (the next is scheduled when the last has answered, so a slow server is never
 * piled on), none while the tab is hidden, and none after the page's cell is invalidated.
 */
import type { Bar, Timeframe } from "../../../engine/index.ts";
import { bars as fetchBars, symbols as fetchSymbols } from "./api.ts";

/** One read: each symbol's latest bars, oldest first. */
export interface BarWindows {
  readonly timeframe: Timeframe;
  /** Symbols in the order `/api/symbols` lists them. */
  readonly symbols: readonly string[];
  readonly bars: Readonly<Record<string, readonly Bar[]>>;
  /** When the read finished, ms since the epoch (browser clock). */
  readonly at: number;
}

/** How often the symbol list itself is re-read (new symbols appear rarely). */
const SYMBOLS_EVERY_MS = 15_000;

/**
 * Reads the last `count` bars of every symbol now and then every `everyMs`.
 *
 * @param options timeframe, bars per symbol, period, callbacks, and the cell's invalidation (stops the loop)
 */
export function pollBarWindows(options: {
  readonly timeframe: Timeframe;
  readonly count: number;
  readonly everyMs: number;
  readonly invalidation?: Promise<unknown>;
  readonly onData: (windows: BarWindows) => void;
  readonly onError: (error: Error) => void;
}): void {
  const { timeframe, count, everyMs } = options;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let busy = false;
  let known: string[] = [];
  let symbolsAt = -Infinity;

  const read = async () => {
    timer = null;
    if (stopped || busy) return;
    if (document.hidden) return; // resumed by visibilitychange
    busy = true;
    try {
      if (performance.now() - symbolsAt > SYMBOLS_EVERY_MS) {
        known = (await fetchSymbols()).map((s) => s.symbol);
        symbolsAt = performance.now();
      }
      const lists = await Promise.all(known.map((s) => fetchBars(s, timeframe.label, count)));
      if (stopped) return;
      options.onData({ timeframe, symbols: known, bars: Object.fromEntries(known.map((s, i) => [s, lists[i]])), at: Date.now() });
    } catch (error) {
      if (!stopped) options.onError(error as Error);
    } finally {
      busy = false;
    }
    if (!stopped && !document.hidden) timer = setTimeout(() => void read(), everyMs);
  };
  const onVisible = () => {
    if (!document.hidden && timer === null && !busy && !stopped) void read();
  };
  document.addEventListener("visibilitychange", onVisible);
  void read();
  void options.invalidation?.then(() => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisible);
  });
}
