/**
 * The one logger of every Ticklens process: pino, levelled, on stderr (stdout is for data). Human-readable lines
 * (pino-pretty, run synchronously in this thread, coloured on a terminal) unless JSON lines are asked for. Each
 * part logs through a child with its `component` (`collector`, `alerts`, `api`, …). Writes are synchronous, so a
 * line logged just before `process.exit` is never lost.
 */
import { createRequire } from "node:module";
import type { DestinationStream, Logger } from "pino";

// Loaded on the first logger made, not on import: `ticklens --help` and usage errors need none.
const require = createRequire(import.meta.url);
const loadPino = () => require("pino") as typeof import("pino");
const loadPretty = () => require("pino-pretty") as typeof import("pino-pretty");

export type { Logger };

/** Levels, most verbose first; `silent` logs nothing. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `pretty`: one human line per event; `json`: one JSON object per line (for log collectors). */
export const LOG_FORMATS = ["pretty", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOptions {
  /** Least severe level written (default `info`). */
  readonly level?: LogLevel;
  /** Default `pretty`. */
  readonly format?: LogFormat;
  /** Where lines go (default fd 2, synchronously); tests pass an object collecting them. */
  readonly destination?: { write(line: string): void };
  /** Colours in the pretty format (default: when stderr is a terminal). */
  readonly colorize?: boolean;
}

/** Whether `text` names a level. */
export function isLogLevel(text: string): text is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(text);
}

/** Whether `text` names a format. */
export function isLogFormat(text: string): text is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(text);
}

/**
 * A new root logger.
 *
 * @example
 * const log = createLogger({ level: "debug" }).child({ component: "collector" });
 * log.info("connected"); // 12:00:00.000 INFO collector: connected
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  const format = options.format ?? "pretty";
  const { pino } = loadPino();
  const sink = options.destination ?? pino.destination({ fd: 2, sync: true });
  let stream: DestinationStream = sink;
  if (format === "pretty") {
    // The formatting function, not pino-pretty's stream: its piped streams hand lines on across ticks, and a line
    // logged just before process.exit would be lost.
    const pretty = loadPretty().prettyFactory({
      colorize: options.colorize ?? (options.destination === undefined && process.stderr.isTTY === true),
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname,component",
      messageFormat: "{if component}{component}: {end}{msg}",
      singleLine: true,
    });
    stream = { write: (line: string) => sink.write(pretty(line)) };
  }
  return pino({ level, base: { pid: process.pid } }, stream);
}

let root: Logger | null = null;

/**
 * Makes `options` the process's logger (the command line calls it once, before anything logs).
 * @returns the new root logger
 */
export function configureLogger(options: LoggerOptions): Logger {
  root = createLogger(options);
  return root;
}

/** The process's logger: the configured one, else `info` in the pretty format on stderr. */
export function rootLogger(): Logger {
  root ??= createLogger();
  return root;
}

/**
 * A child logger for one part of the process.
 * @param component shown before each message, and a field of each JSON line
 * @param parent a root logger (one without a component of its own); default the process's logger
 */
export function componentLogger(component: string, parent: Logger = rootLogger()): Logger {
  return parent.child({ component });
}

/** A logger that writes nothing (tests, benchmarks). */
export function silentLogger(): Logger {
  return loadPino().pino({ level: "silent" });
}
