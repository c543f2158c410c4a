/**
 * The platform's settings from one place: the option tables below give each setting's flag, environment variable,
 * default and help text (`ticklens start --help` prints them); values are read from the flags, then the
 * environment, then the defaults.
 */
import { parseOptions, UsageError, type OptionTable, type OptionValues } from "../runtime/options.ts";
import type { Market, TradeStream } from "./binance-frames.ts";
import { isMarket, isSymbol, isTradeStream, MARKETS, SYMBOL_RULE, TRADE_STREAMS } from "../engine/index.ts";

/** The collector's settings. */
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
  /** Sent as `X-MBX-APIKEY` with REST backfill requests when set. */
  readonly apiKey: string | null;
}

/** Where and how `ticklens start` serves the API and dashboard. */
export interface ApiConfig {
  readonly host: string;
  readonly port: number;
  /** Bearer token every /api route (but /api/health) and /ws/live ask for; required to bind beyond loopback. */
  readonly token: string | null;
  /** Origins CORS allows (none: CORS off); they may also change state. */
  readonly corsOrigins: readonly string[];
  /** Host names served besides the listen address and loopback (others: 421). */
  readonly allowedHosts: readonly string[];
}

/** Binance's public endpoints per market. */
export const BINANCE_ENDPOINTS: Readonly<Record<Market, { ws: string; rest: string }>> = {
  spot: { ws: "wss://stream.binance.com:9443", rest: "https://api.binance.com" },
  futures: { ws: "wss://fstream.binance.com", rest: "https://fapi.binance.com" },
};

/** The collector's options (`ticklens collect`, `ticklens start`). */
export const COLLECTOR_OPTIONS: OptionTable = [
  { name: "symbols", env: "TICKLENS_SYMBOLS", value: "LIST", default: "btcusdt,ethusdt", help: "symbols to stream, comma-separated" },
  { name: "market", env: "TICKLENS_MARKET", value: "spot|futures", default: "spot", help: "Binance market" },
  { name: "stream", env: "TICKLENS_STREAM", value: "trade|aggTrade", default: "trade", help: "trades, or aggregate trades" },
  { name: "ws-url", env: "TICKLENS_WS_URL", value: "URL", defaultText: "Binance's for the market", help: "WebSocket base URL" },
  { name: "rest-url", env: "TICKLENS_REST_URL", value: "URL", defaultText: "Binance's for the market", help: "REST base URL, for backfill" },
  { name: "db", env: "TICKLENS_DB", value: "PATH", default: "data/ticklens.duckdb", help: "the DuckDB file" },
  { name: "record", env: "TICKLENS_RECORD", value: "FILE", help: "append every raw frame to FILE (ticklens replay plays it back)" },
  { name: "status-every", env: "TICKLENS_STATUS_EVERY", value: "SECONDS", default: "5", help: "seconds between status lines" },
  { name: "api-key", env: "BINANCE_API_KEY", envOnly: true, help: "sent with REST backfill requests when set" },
];

/** The API's options (`ticklens start`). */
export const API_OPTIONS: OptionTable = [
  { name: "host", env: "TICKLENS_HOST", value: "HOST", default: "127.0.0.1", help: "address to serve on; beyond loopback needs API_TOKEN" },
  { name: "port", env: "TICKLENS_PORT", value: "PORT", default: "8080", help: "port of the API and dashboard; 0 picks a free one" },
  { name: "cors-origin", env: "CORS_ORIGIN", value: "LIST", help: "origins CORS allows and that may change state, comma-separated (default: CORS off)" },
  {
    name: "allowed-hosts",
    env: "TICKLENS_ALLOWED_HOSTS",
    value: "LIST",
    help: "Host names served besides the listen address and localhost, comma-separated (name, or name:port); others get 421",
  },
  { name: "api-token", env: "API_TOKEN", envOnly: true, help: "then every /api route but /api/health, and /ws/live, ask for Authorization: Bearer <API_TOKEN>" },
];

/** A setting out of its domain; the message names the flag and its variable. */
export class ConfigError extends UsageError {
  override readonly name = "ConfigError";
}

/** {@link OptionValues.bad} as a ConfigError. */
function bad(values: OptionValues, flag: string, message: string): ConfigError {
  return new ConfigError(values.bad(flag, message).message);
}

/**
 * The collector's settings from parsed options (a table holding {@link COLLECTOR_OPTIONS}).
 * @throws {ConfigError} a value is out of its domain; the message names the flag and its variable
 */
export function collectorConfig(values: OptionValues): CollectorConfig {
  const market = values.string("market")!;
  if (!isMarket(market)) throw bad(values, "market", `must be ${MARKETS.join(" or ")}, got "${market}"`);
  const stream = values.string("stream")!;
  if (!isTradeStream(stream)) throw bad(values, "stream", `must be ${TRADE_STREAMS.join(" or ")}, got "${stream}"`);
  const symbols = values.string("symbols")!.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (symbols.length === 0) throw bad(values, "symbols", "must name at least one symbol");
  const badSymbol = symbols.find((s) => !isSymbol(s));
  if (badSymbol) throw bad(values, "symbols", `has an invalid symbol "${badSymbol}": ${SYMBOL_RULE}`);
  const statusEverySeconds = Number(values.string("status-every"));
  if (!(statusEverySeconds > 0)) throw bad(values, "status-every", "must be a positive number of seconds");
  for (const flag of ["ws-url", "rest-url"]) {
    const value = values.string(flag);
    if (value !== undefined && !/^(wss?|https?):\/\//.test(value)) throw bad(values, flag, `must be a ws(s):// or http(s):// URL, got "${value}"`);
  }
  return {
    symbols,
    market,
    stream,
    wsUrl: values.string("ws-url") ?? BINANCE_ENDPOINTS[market].ws,
    restUrl: values.string("rest-url") ?? BINANCE_ENDPOINTS[market].rest,
    db: values.string("db")!,
    record: values.string("record") ?? null,
    statusEverySeconds,
    apiKey: values.string("api-key") || null,
  };
}

/**
 * The API's settings from parsed options (a table holding {@link API_OPTIONS}).
 * @throws {ConfigError} a value is out of its domain
 */
export function apiConfig(values: OptionValues): ApiConfig {
  const portText = values.string("port")!;
  const port = Number(portText);
  if (portText.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65_535) throw bad(values, "port", `must be a port number, got "${portText}"`);
  const list = (flag: string) => (values.string(flag) ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  const allowedHosts = list("allowed-hosts");
  const badHost = allowedHosts.find((h) => !/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/@]+)(:\d{1,5})?$/.test(h));
  if (badHost !== undefined) throw bad(values, "allowed-hosts", `must be host names (name or name:port), got "${badHost}"`);
  return { host: values.string("host")!, port, token: values.string("api-token") || null, corsOrigins: list("cors-origin"), allowedHosts };
}

/**
 * Reads the collector's and the API's settings from a command line (what `ticklens start` takes, minus the
 * logging options).
 * @throws {UsageError} an unknown flag or a flag without its value
 * @throws {ConfigError} a value is out of its domain; the message names the flag and its variable
 */
export function readCollectorConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CollectorConfig & ApiConfig {
  const values = parseOptions([...COLLECTOR_OPTIONS, ...API_OPTIONS], argv, { env });
  return { ...collectorConfig(values), ...apiConfig(values) };
}
