/**
 * POST /api/sql against a real DuckDB file holding the real BTC/ETH futures capture: results as JSON and Arrow,
 * the row and time limits, and a corpus of attacks and malformed requests that must all be refused with a 4xx and
 * leave the database as it was.
 */
import { existsSync, readdirSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/api/app.ts";
import { onApiError } from "../../../src/api/errors.ts";
import { sqlRoutes } from "../../../src/api/sql/routes.ts";
import { parseByteSize, USER_SQL_MEMORY_LIMIT_BYTES } from "../../../src/api/sql/sandbox.ts";
import type { Store } from "../../../src/store/index.ts";
import { captureStore } from "../api-store.ts";

let store: Store;
let cleanup: () => Promise<void>;
let app: Hono;

beforeAll(async () => {
  ({ store, cleanup } = await captureStore());
  app = createApp({ store }).app;
  // The first user query locks the database's settings; every test then sees the same settings.
  expect((await post({ sql: "SELECT 1" })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await cleanup();
});

function post(body: unknown, headers: Record<string, string> = {}, target: Hono = app): Promise<Response> {
  return Promise.resolve(
    target.request("/api/sql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** Row counts of every user table plus the list of tables, views, sequences and settings that writes could touch. */
async function snapshot(): Promise<string> {
  return store.read(async (c) => {
    const tables = (await c.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1")).getRows().map((r) => String(r[0]));
    const counts: string[] = [];
    for (const t of tables) counts.push(`${t}=${(await c.runAndReadAll(`SELECT count(*) FROM "${t}"`)).getRows()[0][0]}`);
    const other = await c.runAndReadAll(
      `SELECT (SELECT count(*) FROM duckdb_views() WHERE NOT internal), (SELECT count(*) FROM duckdb_sequences()),
              (SELECT count(*) FROM duckdb_databases()), current_setting('enable_external_access')`,
    );
    return `${counts.join(",")};${other.getRows()[0].join(",")}`;
  });
}

describe("POST /api/sql runs one read-only SELECT", () => {
  it("answers an aggregate over the real capture as JSON, BIGINT as number and timestamps as ISO strings", async () => {
    const res = await post({
      sql: "SELECT symbol, count(*) AS n, min(trade_time) AS first, max(price) AS hi FROM tick_data GROUP BY symbol ORDER BY symbol",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.columns).toEqual([
      { name: "symbol", type: "VARCHAR" },
      { name: "n", type: "BIGINT" },
      { name: "first", type: "TIMESTAMP" },
      { name: "hi", type: "DOUBLE" },
    ]);
    expect(body.rows.map((r: unknown[]) => r[0])).toEqual(["BTCUSDT", "ETHUSDT"]);
    // Cross-check against the store itself.
    const expected = await store.read(async (c) =>
      (await c.runAndReadAll("SELECT count(*)::DOUBLE, epoch_ms(min(trade_time)) FROM tick_data WHERE symbol = 'BTCUSDT'")).getRows()[0],
    );
    expect(body.rows[0][1]).toBe(expected[0]);
    expect(typeof body.rows[0][1]).toBe("number");
    expect(body.rows[0][2]).toBe(new Date(Number(expected[1])).toISOString());
    expect(body.rowCount).toBe(2);
    expect(body.truncated).toBe(false);
    expect(typeof body.elapsedMs).toBe("number");
  });

  it("returns integers beyond 2^53 as strings, exactly", async () => {
    const body = await (await post({ sql: "SELECT 9007199254740993::BIGINT AS big, 42::HUGEINT AS small" })).json();
    expect(body.rows).toEqual([["9007199254740993", 42]]);
  });

  it("truncates at the default 10,000 rows and at a requested limit, saying so", async () => {
    const all = await (await post({ sql: "SELECT trade_id FROM tick_data ORDER BY symbol, trade_id" })).json();
    expect(all.rowCount).toBe(10_000);
    expect(all.rows).toHaveLength(10_000);
    expect(all.truncated).toBe(true);
    const five = await (await post({ sql: "SELECT * FROM range(5)", limit: 5 })).json();
    expect(five).toMatchObject({ rowCount: 5, truncated: false });
    const four = await (await post({ sql: "SELECT * FROM range(5) ORDER BY 1 DESC", limit: 4 })).json();
    expect(four.rows).toEqual([[4], [3], [2], [1]]);
    expect(four.truncated).toBe(true);
  });

  it("accepts a trailing semicolon, comments, CTEs, set operations and information_schema", async () => {
    const body = await (
      await post({
        sql: "-- lead\nWITH s AS (SELECT DISTINCT symbol FROM tick_data) /* block */ SELECT symbol FROM s UNION ALL SELECT 'X' ORDER BY 1; -- trailing",
      })
    ).json();
    expect(body.rows).toEqual([["BTCUSDT"], ["ETHUSDT"], ["X"]]);
    const tables = await (await post({ sql: "SELECT table_name FROM information_schema.tables WHERE table_name = 'tick_data'" })).json();
    expect(tables.rows).toEqual([["tick_data"]]);
  });

  it("allows the read-only shorthands DESCRIBE, SUMMARIZE and SHOW TABLES on stored tables", async () => {
    const describe = await (await post({ sql: "DESCRIBE tick_data" })).json();
    expect(describe.rows.map((r: unknown[]) => r[0])).toContain("trade_time");
    const summary = await (await post({ sql: "SUMMARIZE SELECT price FROM tick_data" })).json();
    expect(summary.rows[0][0]).toBe("price");
    const show = await (await post({ sql: "SHOW TABLES" })).json();
    expect(show.rows.map((r: unknown[]) => r[0])).toContain("tick_data");
  });

  it("streams Arrow IPC for format=arrow and for Accept: application/vnd.apache.arrow.stream", async () => {
    const sql = "SELECT symbol, trade_id, price, trade_time FROM tick_data ORDER BY symbol, trade_id LIMIT 3";
    const json = await (await post({ sql })).json();
    for (const res of [await post({ sql, format: "arrow" }), await post({ sql }, { accept: "application/vnd.apache.arrow.stream" })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/vnd.apache.arrow.stream");
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      expect(table.numRows).toBe(3);
      expect(table.schema.fields.map((f) => f.name)).toEqual(["symbol", "trade_id", "price", "trade_time"]);
      const rows = table.toArray().map((r) => r.toJSON());
      rows.forEach((r, i) => {
        expect(r.symbol).toBe(json.rows[i][0]);
        expect(Number(r.trade_id)).toBe(json.rows[i][1]);
        expect(r.price).toBe(json.rows[i][2]);
        // Arrow's JS reader gives timestamps as epoch ms.
        expect(new Date(Number(r.trade_time)).toISOString()).toBe(json.rows[i][3]);
      });
    }
    // An explicit format=json wins over the Accept header.
    const res = await post({ sql, format: "json" }, { accept: "application/vnd.apache.arrow.stream" });
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("lets size-growing functions run with small constant sizes", async () => {
    const body = await (
      await post({
        sql: `SELECT repeat('ab', 3) AS r, lpad('7', 3, '0') AS p, range(3) AS l, repeat('x', least(length(symbol), 2)) AS b,
                     list_resize([1], 2) AS z FROM tick_data ORDER BY trade_id LIMIT 1`,
      })
    ).json();
    expect(body.rows).toEqual([["ababab", "007", [0, 1, 2], "xx", [1, null]]]);
  });

  it.each([
    ["many rows of long strings", "SELECT repeat('x', 1000000) AS s FROM range(40)"],
    ["one aggregated 40 MB string", "SELECT string_agg(repeat('x', 100000), '') AS s FROM range(400)"],
    ["a list of 40 MB", "SELECT list(repeat('x', 1000)) AS l FROM range(40000)"],
    ["a struct holding long strings", "SELECT {'a': repeat('x', 1000000)} AS s FROM range(40)"],
  ])("refuses a result over %s bytes with 422 result_too_large, as JSON and as Arrow", async (_label, sql) => {
    for (const format of ["json", "arrow"]) {
      const res = await post({ sql, format });
      expect(res.status, format).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: "result_too_large", field: "sql" });
    }
    // The row limit comes first: 10 rows of 1 MB are fine.
    if (sql.includes("range(40)")) expect((await post({ sql, limit: 10 })).status).toBe(200);
  });

  it("counts only what a result holds: NULL strings, short strings and numbers stay far below the byte limit", async () => {
    const sql = "SELECT NULL::VARCHAR AS n, 'abc' AS s, range AS i, [range, 1] AS l, {'a': NULL::VARCHAR} AS st FROM range(100000)";
    for (const format of ["json", "arrow"]) {
      const res = await post({ sql, format, limit: 100_000 });
      expect(res.status, format).toBe(200);
    }
  });

  it("interrupts a query past the time limit with a 4xx, and the connection keeps working", async () => {
    const quick = new Hono();
    quick.onError(onApiError);
    quick.route("/api", sqlRoutes({ store }, { timeoutMs: 150 }));
    const res = await post({ sql: "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1" }, {}, quick);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "query_timeout", field: "sql" });
    const after = await (await post({ sql: "SELECT 1 AS one" }, {}, quick)).json();
    expect(after.rows).toEqual([[1]]);
  }, 20_000);

  it("answers past the time limit even while DuckDB finishes a native call an interrupt cannot stop", async () => {
    const quick = new Hono();
    quick.onError(onApiError);
    quick.route("/api", sqlRoutes({ store }, { timeoutMs: 150 }));
    // One regexp_replace over 20 MB: a single native call of seconds (the guard cannot see the length of a CTE's
    // column).
    const sql = "WITH t AS (SELECT repeat('x', 1000000) AS s) SELECT length(regexp_replace(repeat(s, 20), 'x', 'y', 'g')) FROM t";
    const res = await post({ sql }, {}, quick);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "query_timeout", field: "sql" });
    expect(error.message).toMatch(/still running a native call/);
    const after = await (await post({ sql: "SELECT 1 AS one" }, {}, quick)).json();
    expect(after.rows).toEqual([[1]]);
  }, 30_000);

  it("documents its limits and refusals in the OpenAPI document", async () => {
    const doc = await (await app.request("/api/openapi.json")).json();
    const operation = doc.paths["/api/sql"].post;
    for (const text of ["32 MiB", "5 s", "sleep_ms, pg_sleep", "1000000", "2 GiB", "locked"]) expect(operation.description).toContain(text);
    const answers = JSON.stringify(operation.responses);
    for (const code of ["argument_too_large", "result_too_large", "query_timeout", "forbidden_function"]) expect(answers).toContain(code);
  });

  it("requires the configured bearer token", async () => {
    const guarded = createApp({ store, token: "t" }).app;
    const missing = await post({ sql: "SELECT 1" }, {}, guarded);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.field).toBe("authorization");
    expect((await post({ sql: "SELECT 1" }, { authorization: "Bearer wrong" }, guarded)).status).toBe(401);
    expect((await post({ sql: "SELECT 1" }, { authorization: "Bearer t" }, guarded)).status).toBe(200);
  });
});

describe("the database user SQL runs on", () => {
  /** Files under DuckDB's extension folder (~/.duckdb/extensions unless extension_directory says otherwise). */
  async function extensionFiles(): Promise<string[] | null> {
    const configured = await store.read(async (c) => String((await c.runAndReadAll("SELECT current_setting('extension_directory')")).getRows()[0][0]));
    const dir = configured === "" ? join(homedir(), ".duckdb", "extensions") : configured;
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : null;
  }

  it("never downloads or loads an extension: an INET literal is a 4xx and no extension folder appears", async () => {
    const before = await extensionFiles();
    const res = await post({ sql: "SELECT '127.0.0.1'::INET AS ip" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "sql_error", field: "sql" });
    const after = await extensionFiles();
    expect(after).toEqual(before);
    expect((after ?? []).filter((name) => name.includes("inet"))).toEqual([]);
  });

  it("has extensions, external access and settings changes turned off, and the memory capped", async () => {
    const settings = await store.read(async (c) =>
      (
        await c.runAndReadAll(
          `SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions'),
                  current_setting('allow_community_extensions'), current_setting('enable_external_access'),
                  current_setting('lock_configuration')`,
        )
      ).getRows()[0],
    );
    expect(settings).toEqual([false, false, false, false, true]);
    const memory = await store.read(async (c) => String((await c.runAndReadAll("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'")).getRows()[0][0]));
    expect(parseByteSize(memory)).toBeLessThanOrEqual(USER_SQL_MEMORY_LIMIT_BYTES);
    // Even a statement that got past the guard could not set them back.
    for (const sql of ["SET autoinstall_known_extensions = true", "SET lock_configuration = false", "SET enable_external_access = true"]) {
      await expect(store.read((c) => c.run(sql)), sql).rejects.toThrow(/locked|external access/i);
    }
    await expect(store.read((c) => c.run("SELECT * FROM read_csv('/etc/passwd')"))).rejects.toThrow(/disabled by configuration/);
  });

  it("leaves the store's own writes and checkpoints working under the locked settings", async () => {
    const count = async () => Number((await store.read((c) => c.runAndReadAll("SELECT count(*) FROM quarantine"))).getRows()[0][0]);
    const before = await count();
    await store.writeQuarantine([{ receivedAt: Date.now(), source: "live", symbol: null, reason: "test", raw: "{" }]);
    await store.checkpoint();
    expect(await count()).toBe(before + 1);
    await store.write((c) => c.run("DELETE FROM quarantine WHERE reason = 'test'"));
  });

  it("reads DuckDB's display of byte sizes", () => {
    expect(parseByteSize("18.8 GiB")).toBeCloseTo(18.8 * 1024 ** 3);
    expect(parseByteSize("953.6 MiB")).toBeCloseTo(953.6 * 1024 ** 2);
    expect(parseByteSize("2.0 GB")).toBe(2e9);
    expect(parseByteSize("512 bytes")).toBe(512);
    expect(parseByteSize("lots")).toBeNull();
  });

  it("leaves the store's own Parquet exports working (they COPY to and read from the temporary folder)", async () => {
    const ticks = await app.request("/api/export/parquet?dataset=ticks&symbol=BTCUSDT");
    expect(ticks.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await ticks.arrayBuffer()).slice(0, 4))).toBe("PAR1");
    const pairs = await app.request("/api/export/parquet?dataset=pairs&a=ETHUSDT&b=BTCUSDT&timeframe=15s&window=5");
    expect(pairs.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await pairs.arrayBuffer()).slice(0, 4))).toBe("PAR1");
  });
});

describe("POST /api/sql refuses everything else with a 4xx naming the field, changing nothing", () => {
  const file = (name: string) => join(tmpdir(), `ticklens-sql-attack-${process.pid}-${name}`);
  const attacks: readonly [string, string][] = [
    ["CREATE TABLE", "CREATE TABLE evil (a INT)"],
    ["CREATE VIEW", "CREATE VIEW v AS SELECT 1"],
    ["CREATE SEQUENCE", "CREATE SEQUENCE s"],
    ["CREATE MACRO", "CREATE MACRO m(a) AS a"],
    ["DROP", "DROP TABLE tick_data"],
    ["ALTER", "ALTER TABLE tick_data ADD COLUMN x INT"],
    ["INSERT", "INSERT INTO tick_data SELECT * FROM tick_data"],
    ["UPDATE", "UPDATE tick_data SET price = 1"],
    ["DELETE", "DELETE FROM tick_data"],
    ["TRUNCATE", "TRUNCATE tick_data"],
    ["COPY TO", `COPY tick_data TO '${file("copy.csv")}'`],
    ["COPY (SELECT) TO", `COPY (SELECT 1) TO '${file("copy2.parquet")}' (FORMAT parquet)`],
    ["EXPORT DATABASE", `EXPORT DATABASE '${file("export")}'`],
    ["ATTACH", `ATTACH '${file("other.duckdb")}' AS other`],
    ["DETACH", "DETACH other"],
    ["INSTALL", "INSTALL httpfs"],
    ["LOAD", "LOAD httpfs"],
    ["PRAGMA", "PRAGMA database_size"],
    ["PRAGMA enabling extensions", "PRAGMA enable_extension_autoloading"],
    ["SET", "SET enable_external_access = false"],
    ["SET autoinstall", "SET autoinstall_known_extensions = true"],
    ["SET GLOBAL autoload", "SET GLOBAL autoload_known_extensions = true"],
    ["SET unlock", "SET lock_configuration = false"],
    ["RESET autoload", "RESET autoload_known_extensions"],
    ["INSTALL inet", "INSTALL inet"],
    ["FORCE INSTALL from a URL", "FORCE INSTALL inet FROM 'http://127.0.0.1:9/'"],
    ["LOAD inet", "LOAD inet"],
    ["LOAD a file", "LOAD '/tmp/evil.duckdb_extension'"],
    ["RESET", "RESET threads"],
    ["CHECKPOINT", "CHECKPOINT"],
    ["VACUUM", "VACUUM"],
    ["BEGIN", "BEGIN TRANSACTION"],
    ["CALL", "CALL pragma_version()"],
    ["EXPLAIN ANALYZE", "EXPLAIN ANALYZE SELECT 1"],
    ["DESCRIBE of a file", "DESCRIBE '/etc/passwd'"],
    ["DESCRIBE of a quoted path", 'DESCRIBE "/etc/passwd"'],
    ["SUMMARIZE of a file", "SUMMARIZE '/etc/passwd'"],
    ["SUMMARIZE of read_csv", "SUMMARIZE SELECT * FROM read_csv('/etc/passwd')"],
    ["SHOW DATABASES", "SHOW DATABASES"],
    ["PIVOT statement", "PIVOT tick_data ON symbol USING count(*)"],
    ["read_csv", "SELECT * FROM read_csv('/etc/passwd')"],
    ["read_csv_auto", "SELECT * FROM read_csv_auto('/etc/passwd')"],
    ["read_text", "SELECT * FROM read_text('/etc/passwd')"],
    ["read_blob", "SELECT * FROM read_blob('/etc/hostname')"],
    ["read_parquet", "SELECT * FROM read_parquet('/tmp/x.parquet')"],
    ["read_json", "SELECT * FROM read_json('/etc/passwd')"],
    ["glob", "SELECT * FROM glob('/*')"],
    ["glob in a subquery", "SELECT (SELECT count(*) FROM glob('/*')) AS n"],
    ["replacement scan of a path", "SELECT * FROM '/etc/passwd'"],
    ["replacement scan of a csv name", "SELECT * FROM \"data.csv\""],
    ["replacement scan hidden in a join", "SELECT * FROM tick_data t JOIN '/etc/hosts' h ON true"],
    ["replacement scan outside a CTE's scope", "SELECT * FROM (WITH \"/etc/passwd\" AS (SELECT 1) SELECT * FROM \"/etc/passwd\"), \"/etc/passwd\""],
    ["read_csv in a CTE", "WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x"],
    ["read_csv in a scalar subquery", "SELECT (SELECT count(*) FROM read_csv('/etc/passwd'))"],
    ["query() runs SQL", "SELECT * FROM query('DROP TABLE tick_data')"],
    ["query_table", "SELECT * FROM query_table('tick_data')"],
    ["json_execute_serialized_sql", "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))"],
    ["getenv", "SELECT getenv('HOME')"],
    ["getenv in WHERE", "SELECT 1 WHERE getenv('HOME') IS NOT NULL"],
    ["current_setting", "SELECT current_setting('temp_directory')"],
    ["nextval", "SELECT nextval('seq')"],
    ["setseed", "SELECT setseed(0.5)"],
    ["sleep_ms", "SELECT sleep_ms(10000)"],
    ["pg_sleep", "SELECT pg_sleep(10)"],
    ["pg_sleep qualified", "SELECT main.pg_sleep(10)"],
    ["pg_sleep in a subquery", "SELECT (SELECT pg_sleep(10)) AS s"],
    ["checkpoint()", "SELECT * FROM checkpoint()"],
    ["duckdb_settings()", "SELECT * FROM duckdb_settings()"],
    ["duckdb_secrets()", "SELECT * FROM duckdb_secrets()"],
    ["duckdb_databases view (paths)", "SELECT * FROM duckdb_databases"],
    ["pragma_ table function", "SELECT * FROM pragma_table_info('tick_data')"],
    ["parquet_metadata", "SELECT * FROM parquet_metadata('/tmp/x.parquet')"],
    ["sniff_csv", "SELECT * FROM sniff_csv('/etc/passwd')"],
    ["another catalog", "SELECT * FROM system.main.duckdb_settings"],
    ["two statements", "SELECT 1; DROP TABLE tick_data"],
    ["two SELECTs", "SELECT 1; SELECT 2"],
    ["write after a comment", "SELECT 1 /* ; */ ; DELETE FROM tick_data -- ;"],
    ["write hidden after a line comment", "SELECT 1 -- harmless\n; DROP TABLE tick_data"],
    ["DELETE inside a CTE", "WITH d AS (DELETE FROM tick_data RETURNING *) SELECT * FROM d"],
    ["INSERT in a CTE", "WITH d AS (INSERT INTO tick_data SELECT * FROM tick_data RETURNING 1) SELECT 1"],
    ["DML with RETURNING", "DELETE FROM tick_data RETURNING trade_id"],
    ["unknown table", "SELECT * FROM no_such_table"],
    ["unknown column", "SELECT no_such_column FROM tick_data"],
    ["syntax error", "SELEC 1"],
    ["unbalanced paren", "SELECT (1"],
    ["closing paren trick", "SELECT 1) UNION (SELECT 2"],
    ["runtime error", "SELECT 'abc'::INTEGER"],
    ["repeat 200 MB", "SELECT repeat('x', 200000000)"],
    ["repeat 2e9", "SELECT repeat('x', 2e9)"],
    ["repeat 2e9 as BIGINT", "SELECT repeat('x', 2000000000::BIGINT)"],
    ["regexp_replace on 100 MB", "SELECT regexp_replace(repeat('x', 100000000), 'x', 'y', 'g')"],
    ["nested repeats", "SELECT repeat(repeat('x', 1000), 10000)"],
    ["repeat of a long literal", `SELECT repeat('${"x".repeat(10_000)}', 1000)`],
    ["repeat with a computed count", "SELECT repeat('x', (SELECT 2000000000))"],
    ["repeat with a column count", "SELECT repeat('x', trade_id) FROM tick_data"],
    ["repeat bounded too high", "SELECT repeat('x', least(trade_id, 2000000000)) FROM tick_data"],
    ["repeat of a list", "SELECT repeat([1], 2000000000)"],
    ["lpad", "SELECT lpad('', 2000000000, 'x')"],
    ["rpad", "SELECT rpad('', 2000000000, 'x')"],
    ["list_resize", "SELECT list_resize([1], 2000000000)"],
    ["bar width", "SELECT bar(1, 0, 1, 2000000000)"],
    ["range as a list", "SELECT range(1000000000)"],
    ["generate_series of timestamps as a list", "SELECT generate_series('2000-01-01'::TIMESTAMP, '2100-01-01'::TIMESTAMP, INTERVAL 1 SECOND)"],
    ["only a comment", "-- nothing here"],
    ["only a semicolon", ";"],
  ];

  it.each(attacks)("%s", async (_label, sql) => {
    const before = await snapshot();
    const res = await post({ sql });
    expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body.error.field).toBe("sql");
    expect(typeof body.error.message).toBe("string");
    // Refused before running, by the parser check, not by DuckDB failing half-way through (e.g. reading a file).
    if (!["unknown column", "runtime error"].includes(_label)) expect(body.error.code).not.toBe("sql_error");
    if (/repeat|regexp|lpad|rpad|list_resize|bar width|as a list/.test(_label)) expect(body.error.code).toBe("argument_too_large");
    expect(await snapshot()).toBe(before);
    for (const name of ["copy.csv", "copy2.parquet", "export", "other.duckdb"]) expect(existsSync(file(name))).toBe(false);
  });

  it("refuses every sleeping function DuckDB has, like sleep_ms", async () => {
    const names = await store.read(async (c) =>
      (await c.runAndReadAll("SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name ILIKE '%sleep%' ORDER BY 1")).getRows().map((r) => String(r[0])),
    );
    expect(names).toEqual(expect.arrayContaining(["pg_sleep", "sleep_ms"]));
    for (const name of names) {
      const res = await post({ sql: `SELECT ${name}(1)` });
      expect(res.status, name).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "forbidden_function", field: "sql" });
    }
  });

  it("gives DuckDB's parser message for invalid SQL", async () => {
    const body = await (await post({ sql: "SELEC 1" })).json();
    expect(body.error).toMatchObject({ code: "sql_syntax", field: "sql" });
    expect(body.error.message).toContain('syntax error at or near "SELEC"');
  });

  const malformed: readonly [string, string | unknown, string][] = [
    ["empty body", "", "body"],
    ["not JSON", "SELECT 1", "body"],
    ["truncated JSON", '{"sql": "SELECT 1"', "body"],
    ["JSON null", "null", "body"],
    ["JSON array", ["SELECT 1"], "body"],
    ["JSON string", '"SELECT 1"', "body"],
    ["no sql", {}, "sql"],
    ["sql null", { sql: null }, "sql"],
    ["sql number", { sql: 1 }, "sql"],
    ["sql array", { sql: ["SELECT 1"] }, "sql"],
    ["sql object", { sql: { text: "SELECT 1" } }, "sql"],
    ["sql empty", { sql: "" }, "sql"],
    ["sql blank", { sql: "   \n\t" }, "sql"],
    ["sql too long", { sql: `SELECT 1 ${" ".repeat(100_001)}` }, "sql"],
    ["format unknown", { sql: "SELECT 1", format: "csv" }, "format"],
    ["format number", { sql: "SELECT 1", format: 1 }, "format"],
    ["limit zero", { sql: "SELECT 1", limit: 0 }, "limit"],
    ["limit negative", { sql: "SELECT 1", limit: -5 }, "limit"],
    ["limit fractional", { sql: "SELECT 1", limit: 1.5 }, "limit"],
    ["limit too large", { sql: "SELECT 1", limit: 100_001 }, "limit"],
    ["limit string", { sql: "SELECT 1", limit: "10" }, "limit"],
    ["limit null", { sql: "SELECT 1", limit: null }, "limit"],
    ["unknown field", { sql: "SELECT 1", mode: "write" }, "body"],
  ];

  it.each(malformed)("%s", async (_label, body, field) => {
    const before = await snapshot();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe(field);
    expect(await snapshot()).toBe(before);
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await post({ sql: `SELECT '${"x".repeat(500_000)}'` });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "body_too_large", field: "body" });
  });
});
