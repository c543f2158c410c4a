/**
 * The platform's words, defined once: what a symbol, a timeframe, a market, a stream kind and a data kind are.
 * Each is a constant list or pattern plus its zod schema, so the collector, the store, the API (and its
 * generated OpenAPI document), the dashboard and the notebooks refuse the same inputs with the same message.
 */
import { z } from "zod";

/** An upper-case exchange symbol: 2 to 32 letters and digits, e.g. `BTCUSDT`. */
export const SYMBOL_PATTERN = /^[A-Z0-9]{2,32}$/;
/** What every refusal of a symbol says. */
export const SYMBOL_RULE = "must be 2 to 32 letters and digits";
/** A symbol as people may type it (any case; {@link symbolSchema} upper-cases it): what documents state. */
export const SYMBOL_INPUT_PATTERN = /^[A-Za-z0-9]{2,32}$/;

/** True when `text` is an upper-case exchange symbol. */
export function isSymbol(text: unknown): text is string {
  return typeof text === "string" && SYMBOL_PATTERN.test(text);
}

/** A symbol as people type it: any case, upper-cased, then checked against {@link SYMBOL_PATTERN}. */
export const symbolSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(SYMBOL_PATTERN, SYMBOL_RULE))
  .meta({
    description: "Exchange symbol, any case (upper-cased), 2 to 32 letters and digits",
    // The transform hides the checked pattern from a generated document; state the input's.
    pattern: SYMBOL_INPUT_PATTERN.source,
    example: "BTCUSDT",
  });

/** A symbol exactly as stored: already upper case (alert rules, stored records). */
export const storedSymbolSchema = z.string().regex(SYMBOL_PATTERN, SYMBOL_RULE).meta({ example: "BTCUSDT" });

/** A bar length label `<N>s|m|h|d`; `parseTimeframe` decides what it means (and refuses more than a day). */
export const TIMEFRAME_PATTERN = /^[1-9][0-9]{0,5}[smhd]$/;
/** What every refusal of a timeframe label says. */
export const TIMEFRAME_RULE = "must be <N>s, <N>m, <N>h or 1d, e.g. 1s, 15s, 1m, 5m, 1h";

/** A timeframe label as a request or a rule carries it. */
export const timeframeSchema = z
  .string()
  .regex(TIMEFRAME_PATTERN, TIMEFRAME_RULE)
  .meta({ description: "Bar width <N>s|m|h|d, e.g. 1s, 15s, 1m, 5m, 1h, 1d", example: "1m" });

/** The bar widths the collector keeps current in `ohlc_data`; any other width is rolled up from them. */
export const STORED_TIMEFRAMES = ["1s", "1m", "5m"] as const;

/** Binance markets the collector streams: spot, or USD-M futures. */
export const MARKETS = ["spot", "futures"] as const;
export const marketSchema = z.enum(MARKETS);
export type Market = z.infer<typeof marketSchema>;
/** True when `text` names a market. */
export function isMarket(text: unknown): text is Market {
  return (MARKETS as readonly unknown[]).includes(text);
}

/** Binance trade streams: `@trade` (one frame per trade, id `t`) or `@aggTrade` (aggregated, id `a`). */
export const TRADE_STREAMS = ["trade", "aggTrade"] as const;
export const tradeStreamSchema = z.enum(TRADE_STREAMS);
export type TradeStream = z.infer<typeof tradeStreamSchema>;
/** True when `text` names a trade stream. */
export function isTradeStream(text: unknown): text is TradeStream {
  return (TRADE_STREAMS as readonly unknown[]).includes(text);
}

/** What a stored row is: a trade (`tick_data`) or a bar (`ohlc_data`). */
export const DATA_KINDS = ["ticks", "ohlc"] as const;
export const dataKindSchema = z.enum(DATA_KINDS);
export type DataKind = z.infer<typeof dataKindSchema>;

/** The columns of a bar, in the order every table, export and Arrow answer lists them. */
export const BAR_FIELDS = [
  "bucketStart",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "quoteVolume",
  "trades",
  "vwap",
  "buyVolume",
  "sellVolume",
] as const;
export type BarField = (typeof BAR_FIELDS)[number];

/**
 * A comma-separated list of symbols as people type it (`btcusdt, ETHUSDT`): split, trimmed, upper-cased, each
 * checked against {@link SYMBOL_PATTERN}; 1 to `max` of them.
 *
 * @param max most symbols in the list
 * @returns the schema (a string in, the symbols out)
 * @example
 * symbolListSchema(50).parse("btcusdt,ethusdt"); // ["BTCUSDT", "ETHUSDT"]
 */
export function symbolListSchema(max: number) {
  const one = SYMBOL_INPUT_PATTERN.source.slice(1, -1);
  return z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(SYMBOL_PATTERN, `each ${SYMBOL_RULE}`)).min(1).max(max))
    .meta({ description: `Comma-separated symbols, any case, 1 to ${max}`, pattern: `^${one}(,${one})*$`, example: "BTCUSDT,ETHUSDT" });
}
