/**
 * One entry point for every capture format: recognises the format from the file name and first line, and
 * hands the text to its reader.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { isSymbol } from "../engine/vocabulary.ts";
import { CaptureFormatError, type Capture } from "./capture.ts";
import { readBinanceAggTradesDump } from "./binance-agg-trades-dump.ts";
import { readBinanceTradesDump } from "./binance-trades-dump.ts";
import { readFuturesSampleCsv } from "./futures-sample-csv.ts";
import { readRawFrameCapture } from "./raw-frame-capture.ts";
import { readSpotSampleCsv } from "./spot-sample-csv.ts";

export type CaptureFormat = "futures-sample" | "spot-sample" | "trades-dump" | "aggtrades-dump" | "raw-frames";

export interface ReadCaptureOptions {
  /** Skips detection. */
  readonly format?: CaptureFormat;
  /** Symbol of a Binance dump; taken from a `<SYMBOL>-trades-…` / `<SYMBOL>-aggTrades-…` file name otherwise. */
  readonly symbol?: string;
}

/**
 * Tells a capture's format from its name and first non-blank line.
 * @param name file name (only its base name is looked at)
 * @param firstLine the first non-blank line of the file
 * @returns the format
 * @throws {CaptureFormatError} nothing matches
 * @example
 * detectCaptureFormat("BTCUSDT-aggTrades-2025-01-01.csv", "1,2,3,4,5,6,true"); // "aggtrades-dump"
 */
export function detectCaptureFormat(name: string, firstLine: string): CaptureFormat {
  const line = firstLine.replace(/^\uFEFF/, "").trim();
  const lower = line.toLowerCase();
  if (/^wss?:\/\//.test(line)) return "raw-frames";
  if (lower.startsWith("row_id,symbol,price,qty,trade_time_ms")) return "futures-sample";
  if (lower.startsWith("trade_time_ms,symbol,price,qty")) return "spot-sample";
  if (lower.startsWith("agg_trade_id,")) return "aggtrades-dump";
  if (lower.startsWith("id,price,qty,")) return "trades-dump";
  const base = basename(name);
  if (/-aggTrades-/i.test(base)) return "aggtrades-dump";
  if (/-trades-/i.test(base)) return "trades-dump";
  const fields = line.split(",");
  const bool = (f: string | undefined) => f !== undefined && /^(true|false)$/i.test(f);
  // Headerless and unnamed: spot trades have booleans in columns 6-7, futures aggTrades an integer time in 6.
  if (fields.length === 8) return "aggtrades-dump";
  if (fields.length === 6) return "trades-dump";
  if (fields.length === 7) return bool(fields[5]) ? "trades-dump" : "aggtrades-dump";
  throw new CaptureFormatError(`${base}: unrecognised capture format (first line ${JSON.stringify(line.slice(0, 80))})`);
}

/**
 * Reads a capture from its text in any supported format.
 * @param text the file's content
 * @param name the file name (format and dump symbol detection, messages)
 * @param options format and symbol overrides
 * @returns the capture, events in replay order
 * @throws {CaptureFormatError} unknown format, a dump with no symbol, or a malformed row (names line and column)
 * @example
 * readCaptureText(readFileSync(f, "utf8"), f).events.length;
 */
export function readCaptureText(text: string, name: string, options: ReadCaptureOptions = {}): Capture {
  const firstLine = text.split("\n").find((l) => l.trim() !== "") ?? "";
  const format = options.format ?? detectCaptureFormat(name, firstLine);
  const base = basename(name);
  const dumpSymbol = () => {
    const named = /^([^-]+)-(?:aggTrades|trades)-/i.exec(base)?.[1]?.toUpperCase();
    const symbol = options.symbol ?? (isSymbol(named) ? named : undefined);
    if (symbol === undefined) throw new CaptureFormatError(`${base}: a Binance dump needs a symbol (name it <SYMBOL>-trades-… or pass one)`);
    return symbol.toUpperCase();
  };
  switch (format) {
    case "futures-sample":
      return readFuturesSampleCsv(text, base);
    case "spot-sample":
      return readSpotSampleCsv(text, base);
    case "trades-dump":
      return readBinanceTradesDump(text, dumpSymbol(), base);
    case "aggtrades-dump":
      return readBinanceAggTradesDump(text, dumpSymbol(), base);
    case "raw-frames":
      return readRawFrameCapture(text, base);
  }
}

/**
 * Reads a capture file in any supported format.
 * @param path the file
 * @param options format and symbol overrides
 * @returns the capture
 * @throws {CaptureFormatError} as {@link readCaptureText}; Node's own errors when the file cannot be read
 * @example
 * const capture = readCaptureFile("data/samples/binance-spot-trades-btcusdt-ethusdt-2025-12-16.csv");
 */
export function readCaptureFile(path: string, options: ReadCaptureOptions = {}): Capture {
  return readCaptureText(readFileSync(path, "utf8"), path, options);
}
