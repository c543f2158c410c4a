/**
 * Validates every line of an uploaded CSV and, only when all are good, turns them into a tick batch or bars:
 * a file is accepted whole or not at all, and a refusal lists the first problems by line and field.
 */
import { isSymbol, SYMBOL_RULE, type Bar } from "../../engine/index.ts";
import { TickBatchBuilder, type TickBatch } from "../../store/index.ts";
import { parseTimeframe } from "../../store/index.ts";
import { ApiError } from "../errors.ts";
import { chooseLayout, type Layout, type UploadFormat, type UploadKind } from "./formats.ts";
import { clip, epochToMs, wallClockToMs, type TimeUnit } from "./time.ts";

/** Most problems listed in a refusal (the total is counted in full). */
export const MAX_PROBLEMS = 20;

/** One thing wrong with one line. */
export interface UploadProblem {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The column at fault (its header name), or `"line"` for the line as a whole. */
  readonly field: string;
  readonly message: string;
}

/** A bar read from an upload: the engine's `Bar` less what the store derives (vwap, sell volume). */
export type UploadedBar = Omit<Bar, "vwap" | "sellVolume">;

export interface ParseOptions {
  readonly kind: UploadKind;
  readonly format: UploadFormat | "auto";
  /** Generic layout: logical name → header column. */
  readonly map: Readonly<Record<string, string>> | null;
  /** Symbol for files without a symbol column (upper case). */
  readonly symbol: string | null;
  /** Unit of epoch numbers in a generic file (Binance and ticklens files fix their own). */
  readonly timeUnit: TimeUnit;
  /** IANA zone for wall-clock times without an offset. */
  readonly timeZone: string | null;
  /** Bar width for klines when it should not be inferred from open/close times. */
  readonly timeframe: string | null;
  /** `tick_data.source` of every row, `upload:<name>`. */
  readonly source: string;
  /**
   * First synthetic trade id (negative), for layouts without trade ids: row i gets `syntheticBase - i`. Live
   * Binance ids are positive, so these can never collide with them.
   */
  readonly syntheticBase: number;
  /** Called every ~100,000 lines with the count so far (progress of large files). */
  readonly onProgress?: (lines: number, total: number) => void;
}

/** What a parse found: either rows (no problems) or problems. */
export interface ParseResult {
  readonly format: UploadFormat;
  /** Data lines read (header and a final newline excluded). */
  readonly rows: number;
  /** Ticks, when kind is ticks and there were no problems. */
  readonly ticks: TickBatch | null;
  /** Bars, when kind is ohlc and there were no problems. */
  readonly bars: UploadedBar[] | null;
  /** The first {@link MAX_PROBLEMS} problems. */
  readonly problems: UploadProblem[];
  /** How many problems there were in all. */
  readonly problemCount: number;
  /** Earliest and latest trade time / bucket start, ms (null without rows). */
  readonly firstTime: number | null;
  readonly lastTime: number | null;
}

/** Splits one CSV line; quoted fields may hold commas and doubled quotes. Returns null on an unclosed quote. */
export function splitCsvLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}

/**
 * Reads and checks a whole file.
 *
 * @param text the file, UTF-8 decoded
 * @param options kind, format, column map, symbol, time unit and zone, source, synthetic id base
 * @returns rows or problems (never both)
 * @throws {ApiError} 400 when the request's parameters do not fit the file (format, kind, map, symbol, timezone)
 * @example
 * const r = parseUpload("id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n1,10,1,10,1765922888978,true,true\n",
 *   { kind: "ticks", format: "auto", map: null, symbol: "BTCUSDT", timeUnit: "auto", timeZone: null, timeframe: null, source: "upload:x", syntheticBase: -1 });
 * r.rows; // 1
 */
export function parseUpload(text: string, options: ParseOptions): ParseResult {
  const lines = text.split(/\r?\n/);
  // One final newline (or several) ends the file; blank lines before the last data line are damage.
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === "") end--;
  const problems: UploadProblem[] = [];
  let problemCount = 0;
  const problem = (line: number, field: string, message: string) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push({ line, field, message });
  };
  const empty = (format: UploadFormat): ParseResult => ({
    format,
    rows: 0,
    ticks: null,
    bars: null,
    problems,
    problemCount,
    firstTime: null,
    lastTime: null,
  });
  if (end === 0) {
    problem(1, "line", "the file is empty");
    return empty(options.format === "auto" ? "generic" : options.format);
  }
  const first = splitCsvLine(lines[0].replace(/^\uFEFF/, "")) ?? [lines[0]];
  const layout = chooseLayout(first, options.kind, options.format, options.map);
  const start = layout.hasHeader ? 1 : 0;
  const rows = end - start;
  if (rows === 0) {
    problem(2, "line", "the file has a header but no rows");
    return empty(layout.format);
  }
  const needsSymbol = layout.index.symbol === undefined;
  if (needsSymbol && options.symbol === null) {
    throw new ApiError(400, "invalid_parameter", `symbol: the ${layout.format} file has no symbol column; pass symbol=<SYMBOL>`, "symbol");
  }

  const reader = new RowReader(layout, options, problem);
  const builder = options.kind === "ticks" ? new TickBatchBuilder(rows) : null;
  const bars: UploadedBar[] = [];
  let firstTime = Infinity;
  let lastTime = -Infinity;
  for (let i = start; i < end; i++) {
    const lineNo = i + 1;
    if ((i - start) % 100_000 === 0 && i > start) options.onProgress?.(i - start, rows);
    const raw = lines[i];
    if (raw.trim() === "") {
      problem(lineNo, "line", "blank line inside the data");
      continue;
    }
    const fields = splitCsvLine(raw);
    if (fields === null) {
      problem(lineNo, "line", "unclosed quote");
      continue;
    }
    if (fields.length !== layout.columns.length) {
      problem(lineNo, "line", `has ${fields.length} field(s), expected ${layout.columns.length} (${layout.columns.join(",")}): "${clip(raw)}"`);
      continue;
    }
    const before = problemCount;
    reader.begin(fields, lineNo);
    if (builder !== null) {
      const tick = reader.tick(i - start);
      if (tick !== null && problemCount === before) {
        if (problemCount === 0) builder.push(tick);
        firstTime = Math.min(firstTime, tick.tradeTime);
        lastTime = Math.max(lastTime, tick.tradeTime);
      }
    } else {
      const bar = reader.bar();
      if (bar !== null && problemCount === before) {
        if (problemCount === 0) bars.push(bar);
        firstTime = Math.min(firstTime, bar.bucketStart);
        lastTime = Math.max(lastTime, bar.bucketStart);
      }
    }
  }
  if (problemCount > 0) return { ...empty(layout.format), rows };
  return {
    format: layout.format,
    rows,
    ticks: builder === null ? null : builder.finish(),
    bars: builder === null ? bars : null,
    problems,
    problemCount,
    firstTime,
    lastTime,
  };
}

/** Reads the values of one line by logical name, reporting each bad value as a problem. */
class RowReader {
  private fields: readonly string[] = [];
  private line = 0;

  constructor(
    private readonly layout: Layout,
    private readonly options: ParseOptions,
    private readonly problem: (line: number, field: string, message: string) => void,
  ) {}

  begin(fields: readonly string[], line: number): void {
    this.fields = fields;
    this.line = line;
  }

  private raw(key: string): string | undefined {
    const i = this.layout.index[key];
    return i === undefined ? undefined : this.fields[i].trim();
  }

  private fail(key: string, message: string): null {
    const i = this.layout.index[key];
    this.problem(this.line, i === undefined ? key : this.layout.columns[i], message);
    return null;
  }

  /** A finite number; `positive` demands > 0, else ≥ 0. */
  number(key: string, positive: boolean): number | null {
    const s = this.raw(key) ?? "";
    const v = s === "" ? Number.NaN : Number(s);
    if (!Number.isFinite(v)) return this.fail(key, `"${clip(s)}" is not a number`);
    if (positive ? !(v > 0) : v < 0) return this.fail(key, `${v} must be ${positive ? "> 0" : "≥ 0"}`);
    return v;
  }

  integer(key: string): number | null {
    const s = this.raw(key) ?? "";
    if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) return this.fail(key, `"${clip(s)}" is not an integer`);
    return Number(s);
  }

  bool(key: string): boolean | null {
    const s = (this.raw(key) ?? "").toLowerCase();
    if (s === "true" || s === "1") return true;
    if (s === "false" || s === "0") return false;
    return this.fail(key, `"${clip(s)}" is not true/false/1/0`);
  }

  symbol(): string | null {
    const s = this.raw("symbol");
    if (s === undefined) return this.options.symbol;
    const upper = s.toUpperCase();
    if (!isSymbol(upper)) return this.fail("symbol", `"${clip(s)}" is not a symbol: it ${SYMBOL_RULE}`);
    return upper;
  }

  time(key: string): number | null {
    const s = this.raw(key) ?? "";
    const format = this.layout.format;
    const unit: TimeUnit = format === "ticklens" ? "us" : format === "generic" ? this.options.timeUnit : "auto";
    const isEpoch = /^-?\d+(\.\d+)?$/.test(s);
    const v = isEpoch || format !== "generic" ? epochToMs(s, unit) : wallClockToMs(s, this.options.timeZone);
    if (typeof v === "string") return this.fail(key, v);
    return v;
  }

  tick(row: number) {
    const symbol = this.symbol();
    const price = this.number("price", true);
    const qty = this.number("qty", true);
    const tradeTime = this.time("time");
    const hasId = this.layout.index.tradeId !== undefined;
    const tradeId = hasId ? this.integer("tradeId") : this.options.syntheticBase - row;
    let isBuyerMaker: boolean | null = false;
    if (this.layout.index.isBuyerMaker !== undefined) isBuyerMaker = this.bool("isBuyerMaker");
    else if (this.layout.index.side !== undefined) {
      // The taker's side: a taker sell means the buyer was the maker.
      const side = (this.raw("side") ?? "").toLowerCase();
      if (side === "buy" || side === "sell") isBuyerMaker = side === "sell";
      else isBuyerMaker = this.fail("side", `"${clip(side)}" is not buy/sell`);
    }
    let quoteQty = price !== null && qty !== null ? price * qty : null;
    if (this.layout.index.quoteQty !== undefined) quoteQty = this.number("quoteQty", false);
    const eventTime = this.layout.index.eventTime !== undefined ? this.time("eventTime") : tradeTime;
    const recvTime = this.layout.index.recvTime !== undefined ? this.time("recvTime") : tradeTime;
    if (symbol === null || price === null || qty === null || tradeTime === null || tradeId === null || isBuyerMaker === null) return null;
    if (quoteQty === null || eventTime === null || recvTime === null) return null;
    return { symbol, tradeId, price, qty, quoteQty, isBuyerMaker, tradeTime, eventTime, recvTime, source: this.options.source };
  }

  bar(): UploadedBar | null {
    const symbol = this.symbol();
    const bucketStart = this.time("time");
    let timeframe: string | null = this.options.timeframe;
    if (this.layout.index.timeframe !== undefined) {
      const tf = this.raw("timeframe") ?? "";
      timeframe = validTimeframe(tf) ? parseTimeframe(tf).label : this.fail("timeframe", `"${clip(tf)}" is not a timeframe (e.g. 1m)`);
    } else if (timeframe === null && bucketStart !== null) {
      const closeTime = this.time("closeTime");
      if (closeTime !== null) {
        // ms files close at open + width - 1 ms, µs files at open + width - 1 µs.
        timeframe = labelOf(Math.round((closeTime - bucketStart) / 1000) * 1000);
        if (timeframe === null) this.fail("closeTime", "close_time - open_time is not a fixed timeframe dividing a day; pass timeframe=");
      }
    }
    const open = this.number("open", true);
    const high = this.number("high", true);
    const low = this.number("low", true);
    const close = this.number("close", true);
    const volume = this.number("volume", false);
    const quoteVolume = this.number("quoteVolume", false);
    const trades = this.integer("trades");
    const buyVolume = this.number("buyVolume", false);
    if (symbol === null || bucketStart === null || timeframe === null || open === null || high === null || low === null) return null;
    if (close === null || volume === null || quoteVolume === null || trades === null || buyVolume === null) return null;
    if (high < Math.max(open, close, low) || low > Math.min(open, close)) return this.fail("high", `high ${high} / low ${low} do not bound open ${open} and close ${close}`);
    if (trades < 0) return this.fail("trades", `${trades} must be ≥ 0`);
    if (buyVolume > volume * (1 + 1e-9)) return this.fail("buyVolume", `taker buy volume ${buyVolume} exceeds volume ${volume}`);
    const stepMs = parseTimeframe(timeframe).micros / 1000;
    if (bucketStart % stepMs !== 0) return this.fail("time", `${bucketStart} ms is not a ${timeframe} bucket start`);
    return { symbol, timeframe, bucketStart, open, high, low, close, volume, quoteVolume, trades, buyVolume };
  }
}

function validTimeframe(label: string): boolean {
  try {
    parseTimeframe(label);
    return true;
  } catch {
    return false;
  }
}

/** A bar width in ms as a timeframe label, or null when it is not one that divides a day. */
function labelOf(ms: number): string | null {
  const units: [number, string][] = [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "m"],
    [1000, "s"],
  ];
  for (const [size, unit] of units) {
    if (ms > 0 && ms % size === 0) {
      const label = `${ms / size}${unit}`;
      return validTimeframe(label) ? parseTimeframe(label).label : null;
    }
  }
  return null;
}
