import { describe, expect, it } from "vitest";
import { formatOptions, parseOptions, UsageError, type OptionTable } from "../../src/runtime/options.ts";

const TABLE: OptionTable = [
  { name: "db", env: "T_DB", value: "PATH", default: "a.duckdb", help: "the file" },
  { name: "file", env: "T_FILE", value: "FILE", multiple: true, help: "inputs" },
  { name: "rebase", env: "T_REBASE", type: "boolean", help: "move times" },
  { name: "secret", env: "T_SECRET", envOnly: true, help: "a key" },
];

describe("option tables", () => {
  it("read a flag, else its variable, else the default", () => {
    expect(parseOptions(TABLE, ["--db", "b.duckdb"], { env: { T_DB: "c.duckdb" } }).string("db")).toBe("b.duckdb");
    expect(parseOptions(TABLE, [], { env: { T_DB: "c.duckdb" } }).string("db")).toBe("c.duckdb");
    const defaults = parseOptions(TABLE, [], { env: {} });
    expect(defaults.string("db")).toBe("a.duckdb");
    expect(defaults.source("db")).toBe("default");
    expect(defaults.list("file")).toEqual([]);
    expect(defaults.boolean("rebase")).toBe(false);
    expect(parseOptions(TABLE, ["--file", "x", "--file", "y"], { env: { T_FILE: "z" } }).list("file")).toEqual(["x", "y"]);
    const fromEnv = parseOptions(TABLE, [], { env: { T_FILE: "z, w", T_REBASE: "yes", T_SECRET: "s" } });
    expect([fromEnv.list("file"), fromEnv.boolean("rebase"), fromEnv.string("secret")]).toEqual([["z", "w"], true, "s"]);
  });

  it("refuse what they do not know, naming the flag", () => {
    expect(() => parseOptions(TABLE, ["--dbb", "x"])).toThrow(new UsageError("unknown option --dbb"));
    expect(() => parseOptions(TABLE, ["--db"])).toThrow(new UsageError("--db needs a value"));
    expect(() => parseOptions(TABLE, ["--rebase=1"])).toThrow(new UsageError("--rebase takes no value"));
    expect(() => parseOptions(TABLE, ["--secret", "s"])).toThrow(/unknown option --secret/); // never on the command line
    expect(() => parseOptions(TABLE, ["extra"])).toThrow(/unexpected argument "extra"/);
    expect(parseOptions(TABLE, ["extra"], { positionals: true }).positionals).toEqual(["extra"]);
    expect(() => parseOptions(TABLE, [], { env: { T_REBASE: "maybe" } }).boolean("rebase")).toThrow(/--rebase \(or T_REBASE\) must be/);
    expect(parseOptions(TABLE, []).bad("db", "is wrong").message).toBe("--db (or T_DB) is wrong");
  });

  it("print their help from the same rows", () => {
    expect(parseOptions(TABLE, ["-h"]).help).toBe(true);
    expect(formatOptions(TABLE).split("\n")).toEqual([
      "  --db PATH           T_DB      the file (default a.duckdb)",
      "  --file FILE         T_FILE    inputs (repeatable)",
      "  --rebase            T_REBASE  move times",
      "  (environment only)  T_SECRET  a key",
    ]);
  });
});
