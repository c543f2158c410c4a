/**
 * The replay server's options (`ticklens replay`, see src/cli/commands/replay.ts): one table gives each flag, its
 * environment variable, default and help; {@link parseReplayArgs} turns a command line into the server's options.
 */
import { parseOptions, UsageError, type OptionTable, type OptionValues } from "../runtime/options.ts";
import type { BinanceServerOptions } from "./binance-server.ts";
import type { ReplayMarket } from "./capture.ts";
import type { FaultOptions, FaultRate } from "./fault-plan.ts";
import { ReplayOptionError } from "./replay-errors.ts";

/** Default probability of each fault named on the command line without `=rate`. */
export const DEFAULT_FAULT_RATES: Readonly<Record<string, number>> = {
  drop: 0.0005,
  halfopen: 0.0002,
  shutdown: 0.0002,
  lose: 0.001,
  malformed: 0.001,
  duplicate: 0.001,
  "429": 0.05,
};

const FAULT_KEYS: Record<string, keyof FaultOptions> = {
  drop: "drop",
  halfopen: "halfOpen",
  shutdown: "shutdown",
  lose: "lose",
  malformed: "malformed",
  duplicate: "duplicate",
  "429": "rest429",
};

/** The replay server's options. */
export const REPLAY_OPTIONS: OptionTable = [
  { name: "file", env: "TICKLENS_REPLAY_FILE", multiple: true, value: "FILE", help: "a capture, a --record file or a Binance trades/aggTrades dump (required)" },
  { name: "speed", env: "TICKLENS_REPLAY_SPEED", value: "N|max", default: "1", help: "a multiple of real time, or max: as fast as the clients drain" },
  { name: "market", env: "TICKLENS_REPLAY_MARKET", value: "spot|futures", defaultText: "the capture's", help: "payload shapes and REST paths" },
  { name: "repeat", env: "TICKLENS_REPLAY_REPEAT", value: "K|inf", default: "1", help: "passes over the capture, ids and times continued" },
  {
    name: "faults",
    env: "TICKLENS_REPLAY_FAULTS",
    value: "LIST",
    help: `faults to inject, comma-separated, each optionally =rate: ${[...Object.keys(FAULT_KEYS), "418"].join(", ")}`,
  },
  { name: "seed", env: "TICKLENS_REPLAY_SEED", value: "S", default: "1", help: "seed of the faults" },
  { name: "host", env: "TICKLENS_REPLAY_HOST", value: "HOST", default: "127.0.0.1", help: "address to serve on" },
  { name: "port", env: "TICKLENS_REPLAY_PORT", value: "PORT", default: "0", help: "port to serve on (0: any free one)" },
  { name: "start", env: "TICKLENS_REPLAY_START", value: "subscribe|listen", default: "subscribe", help: "begin at the first subscription, or at once" },
  { name: "rebase", env: "TICKLENS_REPLAY_REBASE", type: "boolean", help: "move the times so the replay's first event is now" },
  { name: "symbol", env: "TICKLENS_REPLAY_SYMBOL", value: "S", help: "the symbol of a Binance dump (its file has none)" },
  { name: "ping-interval", env: "TICKLENS_REPLAY_PING_INTERVAL", value: "MS", default: "20000", help: "server ping period" },
  { name: "pong-timeout", env: "TICKLENS_REPLAY_PONG_TIMEOUT", value: "MS", default: "60000", help: "drop a connection whose pong is this late" },
  { name: "lifetime", env: "TICKLENS_REPLAY_LIFETIME", value: "MS", defaultText: "24 h", help: "close connections this old" },
];

/** The parsed command line. */
export interface ReplayCommand {
  readonly files: readonly string[];
  readonly symbol: string | undefined;
  readonly options: Omit<BinanceServerOptions, "capture">;
}

/**
 * Parses the replay command line.
 * @param argv arguments after the command name
 * @param env the environment (default process.env)
 * @returns files and server options
 * @throws {ReplayOptionError} a flag is unknown, missing or out of its domain (the message names it)
 * @example
 * parseReplayArgs(["--file", "f.csv", "--speed", "max", "--faults", "lose=0.01,429"]).options.faults;
 * // { seed: 1, lose: 0.01, rest429: 0.05 }
 */
export function parseReplayArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ReplayCommand {
  let values: OptionValues;
  try {
    values = parseOptions(REPLAY_OPTIONS, argv, { env });
  } catch (error) {
    if (error instanceof UsageError) throw new ReplayOptionError(error.message);
    throw error;
  }
  return replayCommand(values);
}

/**
 * The replay command from parsed options (a table holding {@link REPLAY_OPTIONS}).
 * @throws {ReplayOptionError} a value is missing or out of its domain (the message names the flag)
 */
export function replayCommand(values: OptionValues): ReplayCommand {
  const bad = (flag: string, message: string) => new ReplayOptionError(values.bad(flag, message).message);
  const files = values.list("file");
  if (files.length === 0) throw bad("file", "is required");
  const num = (flag: string): number | undefined => {
    const text = values.string(flag);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n)) throw bad(flag, `must be a number, got ${JSON.stringify(text)}`);
    return n;
  };
  const speedText = values.string("speed")!;
  const speed = speedText === "max" ? "max" : Number(speedText);
  if (speed !== "max" && !(speed > 0 && Number.isFinite(speed))) throw bad("speed", `must be a positive number or "max", got ${JSON.stringify(speedText)}`);
  const market = values.string("market");
  if (market !== undefined && market !== "spot" && market !== "futures") throw bad("market", `must be spot or futures, got ${JSON.stringify(market)}`);
  const repeatText = values.string("repeat");
  const repeat = repeatText === "inf" || repeatText === "Infinity" ? Infinity : num("repeat");
  const start = values.string("start");
  if (start !== "subscribe" && start !== "listen") throw bad("start", `must be subscribe or listen, got ${JSON.stringify(start)}`);
  let faults: FaultOptions;
  try {
    faults = parseFaults(values.string("faults") ?? "", num("seed")!);
  } catch (error) {
    throw error instanceof ReplayOptionError ? bad("faults", error.message.replace(/^--faults: /, "")) : error;
  }
  return {
    files,
    symbol: values.string("symbol"),
    options: {
      speed,
      market: market as ReplayMarket | undefined,
      repeat,
      faults,
      port: num("port"),
      host: values.string("host"),
      start,
      rebaseTimes: values.boolean("rebase"),
      pingIntervalMs: num("ping-interval"),
      pongTimeoutMs: num("pong-timeout"),
      maxLifetimeMs: num("lifetime"),
    },
  };
}

/**
 * Reads `--faults drop,lose=0.01,429,418`.
 * @param text comma-separated fault names, each optionally `=rate`
 * @param seed run seed
 * @returns the fault options
 * @throws {ReplayOptionError} an unknown fault or a rate outside [0, 1]
 * @example
 * parseFaults("drop=0.001,418", 7); // { seed: 7, drop: 0.001, ban418: true }
 */
export function parseFaults(text: string, seed: number): FaultOptions {
  const faults: Record<string, FaultRate | number | boolean> = { seed };
  for (const item of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [name, rateText] = item.split("=");
    const key = name.toLowerCase();
    if (key === "418") {
      faults.ban418 = true;
      continue;
    }
    const option = FAULT_KEYS[key];
    if (option === undefined) throw new ReplayOptionError(`--faults: unknown fault ${JSON.stringify(name)} (known: ${[...Object.keys(FAULT_KEYS), "418"].join(", ")})`);
    const rate = rateText === undefined ? DEFAULT_FAULT_RATES[key] : Number(rateText);
    if (!(rate >= 0 && rate <= 1)) throw new ReplayOptionError(`--faults: rate of ${name} must be in [0, 1], got ${JSON.stringify(rateText)}`);
    faults[option] = rate;
  }
  return faults as FaultOptions;
}
