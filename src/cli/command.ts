/**
 * What a `ticklens` subcommand is, and the one way every subcommand is run: its options (its own table plus the
 * logging options) parsed once, `--help` printed from the same tables, the logger configured, and the exit
 * codes: 0 done, 1 failed, 2 a usage error (the message names the flag).
 */
import { componentLogger, configureLogger, isLogFormat, isLogLevel, LOG_LEVELS, type Logger } from "../runtime/logger.ts";
import { formatOptions, parseOptions, UsageError, type OptionTable, type OptionValues } from "../runtime/options.ts";

export interface Command {
  /** As typed after `ticklens`. */
  readonly name: string;
  /** One line for `ticklens --help`. */
  readonly summary: string;
  /** What follows `ticklens <name>` in the usage line, e.g. `[options] QUERY`. */
  readonly usage?: string;
  /** A paragraph for `ticklens <name> --help`. */
  readonly description: string;
  /** The command's own options (the logging options are added to every command). */
  readonly options: OptionTable;
  /** Whether arguments that are not options are taken. */
  readonly positionals?: boolean;
  /**
   * Runs the command. Resolves with the exit code when it is done, or with nothing when it keeps running until a
   * signal stops it (the daemons).
   * @throws {UsageError} a value out of its domain (exit 2); anything else exits 1
   */
  run(values: OptionValues, log: Logger): Promise<number | void>;
}

/** The options of every command. */
export const LOG_OPTIONS: OptionTable = [
  { name: "log-level", env: "TICKLENS_LOG_LEVEL", value: "LEVEL", default: "info", help: `least severe level logged: ${LOG_LEVELS.join(", ")}` },
  { name: "log-format", env: "TICKLENS_LOG_FORMAT", value: "pretty|json", default: "pretty", help: "human lines, or one JSON object a line" },
];

/** Everything `ticklens <name> --help` prints. */
export function commandHelp(command: Command): string {
  return [
    `Usage: ticklens ${command.name} ${command.usage ?? "[options]"}`,
    "",
    wrap(command.description),
    "",
    "Options (flag, environment variable, what it does); a flag wins over its variable:",
    formatOptions([...command.options, ...LOG_OPTIONS], [["-h, --help", "", "this help"]]),
    "",
  ].join("\n");
}

/** A paragraph in lines of at most `width` characters. */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}

/** Everything `ticklens --help` prints. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: ticklens <command> [options]",
    "",
    "Tick-to-insight analytics for crypto pairs trading. Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options of every command:",
    formatOptions(LOG_OPTIONS),
    "",
    "Run `ticklens <command> --help` for a command's options and their environment variables.",
    "",
  ].join("\n");
}

/**
 * Runs `ticklens <argv>`.
 * @param commands the subcommands
 * @param argv the arguments after `ticklens`
 * @returns when a finite command is done (the exit code is set on process.exitCode) or a daemon is running
 */
export async function runCli(commands: readonly Command[], argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(mainHelp(commands));
    return;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const known = commands.map((c) => c.name).join(", ");
    usageFailure(name === undefined ? `a command is needed: ${known}` : `unknown command ${JSON.stringify(name)} (commands: ${known})`, "ticklens");
    return;
  }
  let values: OptionValues;
  let log: Logger;
  try {
    values = parseOptions([...command.options, ...LOG_OPTIONS], rest, { positionals: command.positionals ?? false });
    if (values.help) {
      process.stdout.write(commandHelp(command));
      return;
    }
    const level = values.string("log-level")!;
    if (!isLogLevel(level)) throw values.bad("log-level", `must be one of ${LOG_LEVELS.join(", ")}, got "${level}"`);
    const format = values.string("log-format")!;
    if (!isLogFormat(format)) throw values.bad("log-format", `must be pretty or json, got "${format}"`);
    log = componentLogger(command.name, configureLogger({ level, format }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    usageFailure(error.message, `ticklens ${command.name}`);
    return;
  }
  try {
    const code = await command.run(values, log);
    if (code !== undefined) process.exitCode = code;
  } catch (error) {
    if (error instanceof UsageError) {
      usageFailure(error.message, `ticklens ${command.name}`);
      return;
    }
    log.fatal({ err: error }, `failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** A usage error: the message on stderr, exit code 2. */
function usageFailure(message: string, prefix: string): void {
  process.stderr.write(`${prefix}: ${message}\n(see ${prefix === "ticklens" ? "ticklens --help" : `${prefix} --help`})\n`);
  process.exitCode = 2;
}
