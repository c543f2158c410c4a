/**
 * Collector configuration from one place: command-line flags, then environment variables, then defaults.
 */
import { parseArgs } from "node:util";
import type { Market, TradeStream } from "./binance-frames.ts";
import { isMarket, isSymbol, isTradeStream, MARKETS, SYMBOL_RULE, TRADE_STREAMS } from "../engine/index.ts";

export interface CollectorConfig {
  readonly symbols: readonly string[];
  readonly market: Market;
  readonly stream: TradeStream;
  readonly wsUrl: string;
  readonly restUrl: string;
  readonly db: string;
  /** Raw frames are appended here when set. */
  readonly record: string | null;
  /** Seconds between status lines. */
  readonly statusEverySeconds: number;
  /** Where `npm start` serves the API and dashboard (the collector alone ignores these). */
  readonly host: string;
  readonly port: number;
}

/** Binance's public endpoints per market. */
export const BINANCE_ENDPOINTS: Readonly<Record<Market, { ws: string; rest: string }>> = {
  spot: { ws: "wss://stream.binance.com:9443", rest: "https://api.binance.com" },
  futures: { ws: "wss://fstream.binance.com", rest: "https://fapi.binance.com" },
};

/** Flag name → environment variable. */
const ENV: Record<string, string> = {
  symbols: "TICKLENS_SYMBOLS",
  market: "TICKLENS_MARKET",
  stream: "TICKLENS_STREAM",
  "ws-url": "TICKLENS_WS_URL",
  "rest-url": "TICKLENS_REST_URL",
  db: "TICKLENS_DB",
  record: "TICKLENS_RECORD",
  "status-every": "TICKLENS_STATUS_EVERY",
  host: "TICKLENS_HOST",
  port: "TICKLENS_PORT",
};

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * Reads the collector's settings.
 * @throws {ConfigError} a value is out of its domain; the message names the flag and its variable
 */
export function readCollectorConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(Object.keys(ENV).map((k) => [k, { type: "string" as const }])),
    strict: true,
    allowPositionals: false,
  });
  const get = (flag: string): string | undefined => (values[flag] as string | undefined) ?? env[ENV[flag]];
  const bad = (flag: string, message: string) => new ConfigError(`--${flag} (or ${ENV[flag]}) ${message}`);

  const market = get("market") ?? "spot";
  if (!isMarket(market)) throw bad("market", `must be ${MARKETS.join(" or ")}, got "${market}"`);
  const stream = get("stream") ?? "trade";
  if (!isTradeStream(stream)) throw bad("stream", `must be ${TRADE_STREAMS.join(" or ")}, got "${stream}"`);
  const symbols = (get("symbols") ?? "btcusdt,ethusdt").split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (symbols.length === 0) throw bad("symbols", "must name at least one symbol");
  const badSymbol = symbols.find((s) => !isSymbol(s));
  if (badSymbol) throw bad("symbols", `has an invalid symbol "${badSymbol}": ${SYMBOL_RULE}`);
  const statusEverySeconds = Number(get("status-every") ?? 5);
  if (!(statusEverySeconds > 0)) throw bad("status-every", "must be a positive number of seconds");
  for (const flag of ["ws-url", "rest-url"]) {
    const value = get(flag);
    if (value !== undefined && !/^(wss?|https?):\/\//.test(value)) throw bad(flag, `must be a ws(s):// or http(s):// URL, got "${value}"`);
  }
  const port = Number(get("port") ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw bad("port", `must be a port number, got "${get("port")}"`);
  return {
    symbols,
    market,
    stream,
    wsUrl: get("ws-url") ?? BINANCE_ENDPOINTS[market].ws,
    restUrl: get("rest-url") ?? BINANCE_ENDPOINTS[market].rest,
    db: get("db") ?? "data/ticklens.duckdb",
    record: get("record") ?? null,
    statusEverySeconds,
    host: get("host") ?? "127.0.0.1",
    port,
  };
}
