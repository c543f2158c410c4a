/**
 * `ticklens` as users run it, compiled (bin/ticklens.cjs, the package's bin, on dist/src): help listing every command,
 * each command's options with their environment variables (from the same tables the options are read from), usage
 * errors exiting 2 with the flag named, and `ticklens sql` on a DuckDB file and on a running server.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../../src/api/server.ts";
import { LOG_OPTIONS } from "../../src/cli/command.ts";
import { COMMANDS } from "../../src/cli/commands/index.ts";
import { openStore } from "../../src/store/index.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { tick, toBatch } from "../store/helpers.ts";
import { buildCode, run, TICKLENS } from "./build.ts";

const ticklens = (...args: string[]) => run(TICKLENS, args);

beforeAll(() => buildCode(), 300_000);

describe("ticklens --help", () => {
  it("lists every command with its summary, and the options every command takes", async () => {
    const { code, stdout, stderr } = await ticklens("--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(COMMANDS.map((c) => c.name)).toEqual(["start", "demo", "collect", "replay", "sql", "notebooks"]);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command.name} +${escape(command.summary)}$`, "m"));
    expect(stdout).toMatch(/--log-level LEVEL +TICKLENS_LOG_LEVEL /);
    expect(stdout).toMatch(/--log-format pretty\|json +TICKLENS_LOG_FORMAT /);
  });

  it("lists each command's options, each with its environment variable and default", async () => {
    for (const command of COMMANDS) {
      const { code, stdout } = await ticklens(command.name, "--help");
      expect(code, command.name).toBe(0);
      expect(stdout).toContain(`Usage: ticklens ${command.name} `);
      for (const spec of [...command.options, ...LOG_OPTIONS]) {
        const flag = spec.envOnly ? "\\(environment only\\)" : `--${spec.name}`;
        const line = new RegExp(`^  ${flag}[ ].* ${spec.env} +${escape(spec.help)}`, "m");
        expect(stdout, `${command.name} --${spec.name}`).toMatch(line);
        if (spec.default !== undefined) expect(stdout).toMatch(new RegExp(`${spec.env} .*\\(default ${escape(spec.default)}\\)`));
      }
    }
    const start = (await ticklens("start", "--help")).stdout;
    for (const env of ["TICKLENS_SYMBOLS", "TICKLENS_MARKET", "TICKLENS_WS_URL", "TICKLENS_DB", "TICKLENS_PORT", "TICKLENS_HOST", "BINANCE_API_KEY", "API_TOKEN"]) {
      expect(start).toContain(env);
    }
  });

  it("runs as the package's bin, and through npm exec", async () => {
    const viaNpm = await run("npm", ["exec", "--offline", "--", "ticklens", "--help"]);
    expect(viaNpm.code).toBe(0);
    expect(viaNpm.stdout).toContain("Usage: ticklens <command> [options]");
  });
});

describe("usage errors exit 2 and name what is wrong", () => {
  it("an unknown flag", async () => {
    const { code, stdout, stderr } = await ticklens("start", "--bogus", "1");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^ticklens start: unknown option --bogus\n/);
  });

  it("a flag of another command, a flag without its value, an unknown command", async () => {
    expect(await ticklens("collect", "--port", "9000")).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown option --port/) });
    expect(await ticklens("collect", "--db")).toMatchObject({ code: 2, stderr: expect.stringMatching(/--db needs a value/) });
    expect(await ticklens("serve")).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command "serve"/) });
    expect(await ticklens()).toMatchObject({ code: 2, stderr: expect.stringMatching(/a command is needed/) });
  });

  it("a value out of its domain, from the flag or from its environment variable", async () => {
    const flag = await ticklens("collect", "--market", "margin");
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--market (or TICKLENS_MARKET) must be spot or futures, got "margin"');
    const env = await run(TICKLENS, ["start"], { env: { ...process.env, TICKLENS_PORT: "http" } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('--port (or TICKLENS_PORT) must be a port number, got "http"');
    const level = await ticklens("replay", "--file", "x.csv", "--log-level", "loud");
    expect(level.code).toBe(2);
    expect(level.stderr).toContain("--log-level (or TICKLENS_LOG_LEVEL) must be one of trace, debug, info, warn, error, fatal, silent");
  });
});

describe("ticklens sql", () => {
  const dir = useTempDir("ticklens-cli-sql-");
  let db = "";
  const QUERY = "SELECT symbol, count(*) AS trades, sum(qty) AS qty, min(trade_time) AS first FROM tick_data GROUP BY symbol ORDER BY symbol";

  beforeAll(async () => {
    db = dir.path("sql.duckdb");
    const store = await openStore(db);
    const t0 = Date.parse("2025-12-16T22:08:00Z");
    await store.appendTicks(toBatch([tick("BTCUSDT", 1, t0, 87_000, 0.5), tick("BTCUSDT", 2, t0 + 10, 87_001, 0.25), tick("ETHUSDT", 1, t0 + 5, 2_950, 2)]));
    await store.resample({ final: true });
    await store.close();
  });

  const CSV = "symbol,trades,qty,first\nBTCUSDT,2,0.75,2025-12-16T22:08:00.000Z\nETHUSDT,1,2,2025-12-16T22:08:00.005Z\n";

  it("reads the DuckDB file read-only and prints CSV, JSON lines or a table", async () => {
    expect(await ticklens("sql", "--db", db, QUERY)).toEqual({ code: 0, stdout: CSV, stderr: "" });
    const json = await ticklens("sql", "--db", db, "--format", "json", QUERY);
    expect(json.stdout.trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { symbol: "BTCUSDT", trades: 2, qty: 0.75, first: "2025-12-16T22:08:00.000Z" },
      { symbol: "ETHUSDT", trades: 1, qty: 2, first: "2025-12-16T22:08:00.005Z" },
    ]);
    const table = await ticklens("sql", "--db", db, "--format", "table", "SELECT symbol, count(*) AS bars FROM ohlc_data WHERE timeframe = '1s' GROUP BY 1 ORDER BY 1");
    expect(table.stdout).toBe("symbol   bars\n-------  ----\nBTCUSDT     1\nETHUSDT     1\n");
  });

  it("reads the query from stdin, quotes CSV fields, and says when rows were cut at --limit", async () => {
    const piped = await run(TICKLENS, ["sql", "--db", db], { input: `SELECT 'a,"b"' AS s, NULL AS n, 1 AS n` });
    expect(piped).toMatchObject({ code: 0, stdout: 's,n,n\n"a,""b""",,1\n' });
    const limited = await ticklens("sql", "--db", db, "--limit", "1", "--format", "json", "SELECT trade_id FROM tick_data ORDER BY symbol, trade_id");
    expect(limited.stdout).toBe('{"trade_id":1}\n');
    expect(limited.stderr).toMatch(/WARN: sql: only the first 1 rows \(--limit\)/);
  });

  it("refuses what is not one read-only SELECT, on stderr with exit code 1", async () => {
    for (const query of ["DELETE FROM tick_data", "SELECT * FROM read_csv('/etc/passwd')", "SELECT nope FROM tick_data"]) {
      const refused = await ticklens("sql", "--db", db, query);
      expect(refused.code, query).toBe(1);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toMatch(/ERROR: sql: (not_select|forbidden_table_function|sql_error)/);
    }
    expect(await ticklens("sql", "--db", dir.path("none.duckdb"), "SELECT 1")).toMatchObject({ code: 1, stderr: expect.stringContaining("cannot open") });
    expect(await ticklens("sql", "--db", db, "--format", "xml", "SELECT 1")).toMatchObject({ code: 2, stderr: expect.stringContaining("--format (or TICKLENS_SQL_FORMAT)") });
    expect(await ticklens("sql", "--db", db, "SELECT 1", "SELECT 2")).toMatchObject({ code: 2, stderr: expect.stringContaining("one QUERY argument") });
  });

  it("asks a running server with --url and prints the same rows as from the file", async () => {
    const store = await openStore(db);
    const api = await startApiServer({ store, token: "s3cret" }, { port: 0 });
    try {
      const env = { ...process.env, API_TOKEN: "s3cret" };
      expect(await run(TICKLENS, ["sql", "--url", api.url, QUERY], { env })).toEqual({ code: 0, stdout: CSV, stderr: "" });
      const unauthorised = await ticklens("sql", "--url", api.url, QUERY);
      expect(unauthorised.code).toBe(1);
      expect(unauthorised.stderr).toMatch(/ERROR: sql: unauthorized/);
      const refused = await run(TICKLENS, ["sql", "--url", api.url, "DROP TABLE tick_data"], { env });
      expect(refused).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/not_select/) });
    } finally {
      await api.close();
      await store.close();
    }
    expect(await ticklens("sql", "--url", "http://127.0.0.1:9", "SELECT 1")).toMatchObject({ code: 1, stderr: expect.stringContaining("cannot reach http://127.0.0.1:9") });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
