/**
 * Command-line options from one table per command: each row is a flag, the environment variable that stands in
 * for it, its default and its help text. The values are read from the flags, then the environment, then the
 * defaults, and `--help` is printed from the same rows, so nothing about an option is written twice.
 */
import { parseArgs } from "node:util";

/** One option of a command. */
export interface OptionSpec {
  /** The flag without its dashes, e.g. `ws-url`. */
  readonly name: string;
  /** The environment variable read when the flag is not given, e.g. `TICKLENS_WS_URL`. */
  readonly env: string;
  /** `string` (default) takes a value; `boolean` is a switch (its variable is `1`/`true`/`yes` or `0`/`false`/`no`). */
  readonly type?: "string" | "boolean";
  /** The flag may be repeated; its variable then holds a comma-separated list. */
  readonly multiple?: boolean;
  /** Set by the environment only, never on the command line (secrets, which `ps` would show). */
  readonly envOnly?: boolean;
  /** What the value looks like in the help, e.g. `URL` or `spot|futures`. */
  readonly value?: string;
  /** Used when neither the flag nor the variable gives a value, and shown in the help. */
  readonly default?: string;
  /** Shown in the help for a default decided elsewhere (e.g. from another option). */
  readonly defaultText?: string;
  /** One line saying what it does. */
  readonly help: string;
}

export type OptionTable = readonly OptionSpec[];

/** A command line that cannot be run as given; the message names the flag. The process exits with 2. */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
}

/** Where a value came from. */
export type OptionSource = "flag" | "env" | "default";

/** The options of one command line, resolved flag → environment → default. */
export class OptionValues {
  readonly #specs: ReadonlyMap<string, OptionSpec>;
  readonly #flags: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly #env: NodeJS.ProcessEnv;
  /** Arguments that are not options (only for commands that take them). */
  readonly positionals: readonly string[];
  /** `--help` or `-h` was given. */
  readonly help: boolean;

  constructor(
    table: OptionTable,
    flags: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>,
    env: NodeJS.ProcessEnv,
    positionals: readonly string[] = [],
  ) {
    this.#specs = new Map(table.map((spec) => [spec.name, spec]));
    this.#flags = flags;
    this.#env = env;
    this.positionals = positionals;
    this.help = flags.help === true;
  }

  /**
   * @param name an option of the table
   * @returns the flag's value, else the variable's, else the default (undefined when none)
   * @throws {Error} `name` is not in the table (a programming error)
   */
  string(name: string): string | undefined {
    const spec = this.#spec(name);
    const flag = this.#flags[name];
    if (typeof flag === "string") return flag;
    if (Array.isArray(flag) && flag.length > 0) return String(flag.at(-1));
    return this.#env[spec.env] ?? spec.default;
  }

  /** Every value of a repeatable option: the flags given, else the variable split on commas, else the default. */
  list(name: string): string[] {
    const spec = this.#spec(name);
    const flag = this.#flags[name];
    if (Array.isArray(flag) && flag.length > 0) return flag.map(String);
    if (typeof flag === "string") return [flag];
    const text = this.#env[spec.env] ?? spec.default;
    return text === undefined ? [] : text.split(",").map((s) => s.trim()).filter(Boolean);
  }

  /**
   * @returns whether a switch is on: the flag, else its variable, else the default
   * @throws {UsageError} the variable holds something other than 1/0, true/false, yes/no
   */
  boolean(name: string): boolean {
    const spec = this.#spec(name);
    const flag = this.#flags[name];
    if (typeof flag === "boolean") return flag;
    const text = this.#env[spec.env] ?? spec.default;
    if (text === undefined || text === "") return false;
    if (/^(1|true|yes|on)$/i.test(text)) return true;
    if (/^(0|false|no|off)$/i.test(text)) return false;
    throw this.bad(name, `must be 1/true/yes or 0/false/no, got "${text}"`);
  }

  /** Where the value of `name` comes from, or undefined when it has none. */
  source(name: string): OptionSource | undefined {
    const spec = this.#spec(name);
    if (this.#flags[name] !== undefined) return "flag";
    if (this.#env[spec.env] !== undefined) return "env";
    return spec.default === undefined ? undefined : "default";
  }

  /** A usage error naming the flag and its variable, e.g. `--market (or TICKLENS_MARKET) must be spot or futures`. */
  bad(name: string, message: string): UsageError {
    const spec = this.#spec(name);
    return new UsageError(`${spec.envOnly ? spec.env : `--${name} (or ${spec.env})`} ${message}`);
  }

  #spec(name: string): OptionSpec {
    const spec = this.#specs.get(name);
    if (spec === undefined) throw new Error(`option "${name}" is not in this command's table`);
    return spec;
  }
}

/**
 * Parses a command line against a table (node:util parseArgs, strict), with `--help`/`-h` always accepted.
 *
 * @param table the command's options
 * @param argv the arguments after the command name
 * @param options `env` (default process.env); `positionals`: whether arguments that are not options are allowed
 * @returns the resolved values
 * @throws {UsageError} an unknown flag, a flag without its value, a value given to a switch, or an argument the
 *   command does not take; the message names it
 * @example
 * parseOptions([{ name: "db", env: "TICKLENS_DB", default: "data/ticklens.duckdb", help: "DuckDB file" }], ["--db", "x.duckdb"]).string("db"); // "x.duckdb"
 */
export function parseOptions(
  table: OptionTable,
  argv: readonly string[],
  options: { readonly env?: NodeJS.ProcessEnv; readonly positionals?: boolean } = {},
): OptionValues {
  const config: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const spec of table) {
    if (spec.envOnly) continue;
    config[spec.name] = { type: spec.type ?? "string", ...(spec.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: options.positionals ?? false });
    return new OptionValues(table, values, options.env ?? process.env, positionals);
  } catch (error) {
    if (!String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS")) throw error;
    throw new UsageError(usageMessage(error as Error & { code: string }));
  }
}

/** parseArgs' messages, shortened to name the flag first. */
function usageMessage(error: Error & { code: string }): string {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${flag ?? error.message}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(error.message) ? `${flag} needs a value` : `${flag} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const argument = /'([^']*)'/.exec(error.message)?.[1];
      return `unexpected argument ${JSON.stringify(argument ?? error.message)} (this command takes only options)`;
    }
    default:
      return error.message;
  }
}

/**
 * The help lines of a table: flag and value, environment variable, what it does and its default.
 * @param more rows to add, already as [flag, variable, help]
 *
 * @example
 * formatOptions([{ name: "db", env: "TICKLENS_DB", value: "PATH", default: "data/ticklens.duckdb", help: "DuckDB file" }]);
 * // "  --db PATH  TICKLENS_DB  DuckDB file (default data/ticklens.duckdb)"
 */
export function formatOptions(table: OptionTable, more: readonly (readonly [flag: string, env: string, help: string])[] = []): string {
  const rows: (readonly [string, string, string])[] = table.map((spec) => {
    const flag = spec.envOnly ? "(environment only)" : `--${spec.name}${spec.type === "boolean" ? "" : ` ${spec.value ?? "VALUE"}`}`;
    const shown = spec.defaultText ?? spec.default;
    const notes = [spec.multiple ? "repeatable" : null, shown === undefined ? null : `default ${shown}`].filter(Boolean);
    return [flag, spec.env, `${spec.help}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`] as const;
  });
  rows.push(...more);
  const widths = [0, 1].map((i) => Math.max(0, ...rows.map((r) => r[i].length)));
  return rows.map((r) => `  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`).join("\n");
}

/**
 * Rows of a table picked by name, in the order given.
 * @throws {Error} a name is not in the table
 */
export function pickOptions(table: OptionTable, ...names: string[]): OptionSpec[] {
  return names.map((name) => {
    const spec = table.find((s) => s.name === name);
    if (spec === undefined) throw new Error(`option "${name}" is not in the table`);
    return spec;
  });
}
