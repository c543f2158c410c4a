/**
 * `ticklens sql "SELECT …"`: one read-only SQL query, rows on stdout. Asks a running server's `POST /api/sql` when
 * `--url` is given, or when the default server (http://127.0.0.1:8080) answers; otherwise opens the DuckDB file
 * read-only (while the collector runs it holds the file: ask its server instead) and checks the SQL exactly as the
 * server does.
 */
import { API_OPTIONS, COLLECTOR_OPTIONS } from "../../collector/config.ts";
import { pickOptions, UsageError, type OptionTable, type OptionValues } from "../../runtime/options.ts";
import type { Command } from "../command.ts";
import { toJsonValue } from "../../api/sql/json-value.ts";
import { formatRows, SQL_FORMATS, type SqlFormat, type SqlRows } from "../sql-output.ts";

/** The server asked when neither --url nor --db is given, if it answers. */
export const DEFAULT_SERVER_URL = "http://127.0.0.1:8080";
/** How long the default server has to answer before the file is read instead, ms. */
const PROBE_MS = 500;

const SQL_OPTIONS: OptionTable = [
  { name: "url", env: "TICKLENS_URL", value: "URL", defaultText: `${DEFAULT_SERVER_URL} if it answers, else the file`, help: "a running server to ask (POST /api/sql)" },
  { ...pickOptions(COLLECTOR_OPTIONS, "db")[0], help: "the DuckDB file, opened read-only when no server is asked" },
  { name: "format", env: "TICKLENS_SQL_FORMAT", value: SQL_FORMATS.join("|"), default: "csv", help: "CSV with a header, JSON lines, or an aligned table" },
  { name: "limit", env: "TICKLENS_SQL_LIMIT", value: "N", default: "10000", help: "rows at most (a server allows up to 100000)" },
  { ...pickOptions(API_OPTIONS, "api-token")[0], help: "sent as Authorization: Bearer to a server that asks for it" },
];

/** A query that could not run: the message goes to stderr, exit code 1. */
class QueryError extends Error {
  override readonly name = "QueryError";
}

export const sql: Command = {
  name: "sql",
  summary: "one read-only SQL query on a running server or the DuckDB file; rows as CSV, JSON lines or a table",
  usage: "[options] QUERY   (QUERY - or none: read from stdin)",
  description:
    "Runs one read-only SELECT (DuckDB SQL over tick_data, ohlc_data, quarantine, …): on a running server through " +
    "POST /api/sql when --url is given or the default server answers, otherwise on the DuckDB file opened read-only, " +
    "checked the same way. Rows go to stdout; errors to stderr with exit code 1 (2 for a bad command line).",
  options: SQL_OPTIONS,
  positionals: true,
  async run(values, log) {
    const format = values.string("format")!;
    if (!(SQL_FORMATS as readonly string[]).includes(format)) throw values.bad("format", `must be one of ${SQL_FORMATS.join(", ")}, got "${format}"`);
    const limit = Number(values.string("limit"));
    if (!Number.isSafeInteger(limit) || limit < 1) throw values.bad("limit", `must be a positive integer, got "${values.string("limit")}"`);
    const query = await queryText(values);
    try {
      const url = await serverUrl(values);
      const answer = url === null ? await askFile(values.string("db")!, query, limit) : await askServer(url, query, limit, values.string("api-token") || null);
      await writeOut(formatRows(answer, format as SqlFormat));
      if (answer.truncated) log.warn(`only the first ${limit} rows (--limit)`);
      return 0;
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      log.error(error.message);
      return 1;
    }
  },
};

/** The query: the one argument, or stdin when it is `-` or missing (and stdin is not a terminal). */
async function queryText(values: OptionValues): Promise<string> {
  if (values.positionals.length > 1) throw new UsageError(`one QUERY argument expected, got ${values.positionals.length} (quote the SQL)`);
  const given = values.positionals[0];
  if (given !== undefined && given !== "-") return given;
  if (given === undefined && process.stdin.isTTY) throw new UsageError("a QUERY is needed, e.g. ticklens sql \"SELECT count(*) FROM tick_data\"");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new UsageError("the QUERY read from stdin is empty");
  return text;
}

/** The server to ask, or null for the file. */
async function serverUrl(values: OptionValues): Promise<string | null> {
  const source = values.source("url");
  if (source === "flag" || source === "env") return values.string("url")!.replace(/\/+$/, "");
  if (values.source("db") === "flag") return null;
  try {
    await fetch(`${DEFAULT_SERVER_URL}/api/health`, { signal: AbortSignal.timeout(PROBE_MS) });
    return DEFAULT_SERVER_URL;
  } catch {
    return null;
  }
}

async function askServer(url: string, query: string, limit: number, token: string | null): Promise<SqlRows> {
  let response: Response;
  try {
    response = await fetch(`${url}/api/sql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ sql: query, limit: Math.min(limit, 100_000), format: "json" }),
    });
  } catch (error) {
    throw new QueryError(`cannot reach ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as (SqlRows & { error?: { code: string; message: string } }) | null;
  if (!response.ok || body === null) {
    throw new QueryError(body?.error ? `${body.error.code}: ${body.error.message}` : `${url}/api/sql answered HTTP ${response.status}`);
  }
  return body;
}

async function askFile(db: string, query: string, limit: number): Promise<SqlRows> {
  const [{ openStore }, { checkReadOnlySelect }, { lockDownForUserSql }, { DEFAULT_SQL_TIMEOUT_MS, runUserSql }, { ApiError }] = await Promise.all([
    import("../../store/index.ts"),
    import("../../api/sql/guard.ts"),
    import("../../api/sql/sandbox.ts"),
    import("../../api/sql/run.ts"),
    import("../../api/errors.ts"),
  ]);
  let store;
  try {
    store = await openStore(db, { readOnly: true });
  } catch (error) {
    const why = (error as Error).message.split("\n")[0];
    throw new QueryError(`cannot open ${db} read-only: ${why}${/lock/i.test(why) ? " (a running collector holds it: ask its server with --url)" : ""}`);
  }
  try {
    return await store.read(async (connection) => {
      await lockDownForUserSql(connection);
      await checkReadOnlySelect(connection, query);
      // The server's limits: rows, bytes and time.
      const answer = await runUserSql(connection, query, { limit, timeoutMs: DEFAULT_SQL_TIMEOUT_MS });
      const columns = answer.names.map((name, i) => ({ name, type: answer.types[i].toString() }));
      return { columns, rows: answer.rows().map((row) => row.map(toJsonValue)), truncated: answer.truncated };
    }, "sql");
  } catch (error) {
    if (error instanceof ApiError) throw new QueryError(`${error.code}: ${error.message}`);
    throw new QueryError(`sql_error: ${(error as Error).message}`);
  } finally {
    await store.close();
  }
}

/** Writes to stdout and waits until it is handed on (a pipe takes it asynchronously). */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}
