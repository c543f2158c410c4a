/**
 * Command line for the replay server: `npm run replay -- --file F --speed N [--faults …]`. Prints one JSON line
 * with the URLs on stdout, logs to stderr, stops cleanly on SIGINT/SIGTERM.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startBinanceServer, type BinanceServerOptions } from "./binance-server.ts";
import type { ReplayMarket } from "./capture.ts";
import type { FaultOptions, FaultRate } from "./fault-plan.ts";
import { readCaptureFile } from "./read-capture.ts";
import { ReplayOptionError } from "./replay-errors.ts";
import { componentLogger } from "../runtime/logger.ts";

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

/** The usage text printed with a command-line error. */
export const USAGE = `usage: npm run replay -- --file F [--file G …] [--speed N|max] [--market spot|futures] [--repeat K]
  [--faults drop,halfopen,shutdown,lose,malformed,duplicate,429,418 (each optionally =rate)] [--seed S]
  [--port P] [--host H] [--start subscribe|listen] [--rebase] [--symbol S (for a Binance dump)]
  [--ping-interval ms] [--pong-timeout ms] [--lifetime ms]`;

/** The parsed command line. */
export interface ReplayCommand {
  readonly files: readonly string[];
  readonly symbol: string | undefined;
  readonly options: Omit<BinanceServerOptions, "capture">;
}

/**
 * Parses the replay command line.
 * @param argv arguments after the script name
 * @returns files and server options
 * @throws {ReplayOptionError} a flag is missing or out of its domain (the message names it)
 * @example
 * parseReplayArgs(["--file", "f.csv", "--speed", "max", "--faults", "lose=0.01,429"]).options.faults;
 * // { seed: 1, lose: 0.01, rest429: 0.05 }
 */
export function parseReplayArgs(argv: readonly string[]): ReplayCommand {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        file: { type: "string", multiple: true },
        speed: { type: "string" },
        market: { type: "string" },
        repeat: { type: "string" },
        faults: { type: "string" },
        seed: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        start: { type: "string" },
        rebase: { type: "boolean" },
        symbol: { type: "string" },
        "ping-interval": { type: "string" },
        "pong-timeout": { type: "string" },
        lifetime: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ReplayOptionError(`${(error as Error).message}\n${USAGE}`);
  }
  const files = (values.file as string[] | undefined) ?? [];
  if (files.length === 0) throw new ReplayOptionError(`--file is required\n${USAGE}`);
  const num = (flag: string): number | undefined => {
    const text = values[flag] as string | undefined;
    if (text === undefined) return undefined;
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n)) throw new ReplayOptionError(`--${flag} must be a number, got ${JSON.stringify(text)}`);
    return n;
  };
  const speedText = (values.speed as string | undefined) ?? "1";
  const speed = speedText === "max" ? "max" : Number(speedText);
  if (speed !== "max" && !(speed > 0 && Number.isFinite(speed))) throw new ReplayOptionError(`--speed must be a positive number or "max", got ${JSON.stringify(speedText)}`);
  const market = values.market as string | undefined;
  if (market !== undefined && market !== "spot" && market !== "futures") throw new ReplayOptionError(`--market must be spot or futures, got ${JSON.stringify(market)}`);
  const repeatText = values.repeat as string | undefined;
  const repeat = repeatText === "inf" || repeatText === "Infinity" ? Infinity : num("repeat");
  const start = values.start as string | undefined;
  if (start !== undefined && start !== "subscribe" && start !== "listen") throw new ReplayOptionError(`--start must be subscribe or listen, got ${JSON.stringify(start)}`);
  return {
    files,
    symbol: values.symbol as string | undefined,
    options: {
      speed,
      market: market as ReplayMarket | undefined,
      repeat,
      faults: parseFaults((values.faults as string | undefined) ?? "", num("seed") ?? 1),
      port: num("port") ?? 0,
      host: (values.host as string | undefined) ?? "127.0.0.1",
      start: (start as "subscribe" | "listen" | undefined) ?? "subscribe",
      rebaseTimes: values.rebase === true,
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

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[replay] ${line}\n`);
  let command: ReplayCommand;
  try {
    command = parseReplayArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const captures = command.files.map((f) => readCaptureFile(f, { symbol: command.symbol }));
  const server = await startBinanceServer({ ...command.options, capture: captures, logger: componentLogger("replay") });
  const tl = server.timeline;
  process.stdout.write(
    `${JSON.stringify({
      wsUrl: server.wsUrl,
      restUrl: server.restUrl,
      market: server.market,
      speed: command.options.speed,
      repeat: tl.repeat,
      symbols: tl.symbols(),
      events: tl.length,
      example: server.streamUrl(tl.symbols().map((s) => `${s.toLowerCase()}@trade`)),
    })}\n`,
  );
  log(`serving ${command.files.join(", ")} on ${server.wsUrl} (REST ${server.restUrl})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing`);
    const s = server.stats;
    log(`published ${s.cursor}/${s.total} events; counters ${JSON.stringify(s.counters)}`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`close failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`[replay] ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
