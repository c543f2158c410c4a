/**
 * Decides whether user SQL may run on the store: exactly one SELECT, as DuckDB's own parser sees it, that touches
 * only stored tables and views, a few harmless table functions, and no function that reaches files, the
 * environment, other SQL or sequences.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { ApiError } from "../errors.ts";

/**
 * Table functions a query may call. Everything else is refused: the list of DuckDB table functions that read files
 * (read_csv, read_parquet, glob, read_text, …), run SQL (query, query_table, json_execute_serialized_sql) or change
 * state (checkpoint, enable_logging, …) grows with every extension, so only known-harmless ones pass.
 */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  "range",
  "generate_series",
  "unnest",
  "json_each",
  "json_tree",
  "duckdb_tables",
  "duckdb_columns",
  "duckdb_views",
  "duckdb_schemas",
  "duckdb_types",
]);

/**
 * Scalar functions refused wherever they appear: environment and settings, sequences (nextval writes), SQL that
 * runs SQL, logging, sleeping. Names starting with a refused prefix (read_, parquet_, pragma_, …) are refused too.
 */
export const DENIED_FUNCTIONS: ReadonlySet<string> = new Set([
  "getenv",
  "current_setting",
  "nextval",
  "currval",
  "setseed",
  // DuckDB 1.5's sleeping functions: sleep_ms and the macro pg_sleep (seconds) over it.
  "sleep_ms",
  "pg_sleep",
  "write_log",
  "query",
  "query_table",
  "json_execute_serialized_sql",
  "json_deserialize_sql",
  "json_serialize_sql",
  "json_serialize_plan",
  "sql_auto_complete",
  "glob",
  "checkpoint",
  "force_checkpoint",
  "which_secret",
  "sniff_csv",
  "summary",
]);

/** Any function whose name says it sleeps (a macro or an extension's function added later) is refused too. */
const DENIED_INFIX = "sleep";

const DENIED_PREFIXES = ["read_", "parquet_", "pragma_", "enable_", "disable_", "duckdb_secret", "duckdb_log", "truncate_", "icu_"];

/** The longest string or list a size argument may ask for: characters, bytes or elements. */
export const MAX_GENERATED_SIZE = 1_000_000;

/**
 * Functions whose result grows with an argument, by the 0-based position of that argument: DuckDB builds their
 * result in one native call that an interrupt does not stop (`repeat('x', 2e9)` ran 13 s and took 4 GB), so the
 * argument must be a constant (or `least(expr, constant)`) small enough. For `repeat` the size is the count times
 * the length of what is repeated, when that is known.
 */
const SIZE_ARGUMENTS: ReadonlyMap<string, number> = new Map([
  ["repeat", 1],
  ["lpad", 1],
  ["rpad", 1],
  ["list_resize", 1],
  ["array_resize", 1],
  ["bar", 3],
  ["to_base", 2],
]);

/** `range` and `generate_series` as values (lists); as table functions they stream rows within the row limit. */
const LIST_RANGES = new Set(["range", "generate_series"]);

/** Query-node types that can only read. */
const QUERY_NODES = new Set(["SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"]);

/** Schemas a base-table reference may name. */
const SCHEMAS = new Set(["", "main", "information_schema", "pg_catalog"]);

/** SHOW forms that list the database's own tables (SHOW TABLES, SHOW ALL TABLES). */
const SHOW_LISTINGS = new Set(['"tables"', "__show_tables_expanded"]);

/** The parser's view of the SQL, as `json_serialize_sql` reports it. */
interface Serialized {
  readonly error: boolean;
  readonly error_type?: string;
  readonly error_message?: string;
  readonly statements?: readonly { readonly node: unknown }[];
}

/**
 * Refuses SQL that is not one read-only SELECT over stored relations.
 *
 * @param connection a store connection (used to parse the SQL and to list existing tables and views)
 * @param sql the user's SQL
 * @returns when the SQL may run
 * @throws {ApiError} 400 `sql_syntax` (DuckDB's parser message), `not_select` (any other statement, or several),
 *   `forbidden_table_function`, `forbidden_function`, `unknown_relation` (a name that is not a stored table/view or a
 *   CTE in scope: DuckDB would otherwise read it as a file), `argument_too_large` (a `repeat`, `lpad`, list `range`…
 *   whose size is not a constant up to {@link MAX_GENERATED_SIZE})
 * @example
 * await store.read((c) => checkReadOnlySelect(c, "SELECT count(*) FROM tick_data"));
 */
export async function checkReadOnlySelect(connection: DuckDBConnection, sql: string): Promise<void> {
  const reader = await connection.runAndReadAll("SELECT json_serialize_sql($1::VARCHAR)", [sql]);
  const parsed = JSON.parse(String(reader.getRows()[0][0])) as Serialized;
  if (parsed.error) {
    if (parsed.error_type === "parser") {
      throw new ApiError(400, "sql_syntax", `SQL syntax error: ${parsed.error_message ?? "unparseable"}`, "sql");
    }
    throw new ApiError(400, "not_select", "only a single read-only SELECT statement is allowed", "sql");
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    throw new ApiError(400, "not_select", `exactly one SELECT statement is allowed, got ${statements.length}`, "sql");
  }
  const root = statements[0].node as { type?: unknown } | null;
  if (root === null || typeof root !== "object" || !QUERY_NODES.has(String(root.type))) {
    throw new ApiError(400, "not_select", "only a single read-only SELECT statement is allowed", "sql");
  }
  const relations = await storedRelations(connection);
  walk(root, [], relations, new WeakSet());
}

/** Lower-cased names of the database's own tables and views, plus information_schema (not DuckDB's internals). */
async function storedRelations(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    `SELECT lower(table_name) FROM duckdb_tables() WHERE NOT internal AND database_name = current_database()
     UNION ALL SELECT lower(view_name) FROM duckdb_views()
       WHERE (NOT internal AND database_name = current_database()) OR schema_name = 'information_schema'`,
  );
  return new Set(reader.getRows().map((row) => String(row[0])));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Visits every node of the serialized tree. CTE names are in scope inside the node that defines them (which covers
 * the CTE bodies themselves, for recursive CTEs) and nowhere else.
 */
function walk(node: unknown, scope: readonly ReadonlySet<string>[], relations: ReadonlySet<string>, tableCalls: WeakSet<object>): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, scope, relations, tableCalls);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const obj = node as { [key: string]: Json };
  let inner = scope;
  const cteMap = obj.cte_map as { map?: { key?: unknown }[] } | undefined;
  if (cteMap && Array.isArray(cteMap.map) && cteMap.map.length > 0) {
    inner = [...scope, new Set(cteMap.map.map((entry) => String(entry.key).toLowerCase()))];
  }
  if (obj.type === "TABLE_FUNCTION") {
    checkTableFunction(obj);
    if (obj.function !== null && typeof obj.function === "object") tableCalls.add(obj.function);
  }
  if (obj.type === "BASE_TABLE") checkBaseTable(obj, inner, relations);
  if (obj.type === "SHOW_REF") checkShow(obj, relations);
  if (obj.class === "FUNCTION" || typeof obj.function_name === "string") {
    checkFunction(String(obj.function_name ?? ""));
    if (!tableCalls.has(obj)) checkGeneratedSize(obj);
  }
  for (const key of Object.keys(obj)) walk(obj[key], inner, relations, tableCalls);
}

function checkTableFunction(ref: { [key: string]: Json }): void {
  const fn = ref.function as { function_name?: unknown } | null;
  const name = String(fn?.function_name ?? "").toLowerCase();
  if (!ALLOWED_TABLE_FUNCTIONS.has(name)) {
    throw new ApiError(
      400,
      "forbidden_table_function",
      `table function ${name}() is not allowed; allowed: ${[...ALLOWED_TABLE_FUNCTIONS].join(", ")}`,
      "sql",
    );
  }
}

function checkFunction(rawName: string): void {
  const name = rawName.toLowerCase();
  if (ALLOWED_TABLE_FUNCTIONS.has(name)) return;
  if (DENIED_FUNCTIONS.has(name) || name.includes(DENIED_INFIX) || DENIED_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    throw new ApiError(400, "forbidden_function", `function ${name}() is not allowed in /api/sql`, "sql");
  }
}

/** SHOW TABLES, DESCRIBE <table> and SUMMARIZE <table> pass; DESCRIBE/SUMMARIZE of a query is walked like any query. */
function checkShow(ref: { [key: string]: Json }, relations: ReadonlySet<string>): void {
  if (ref.query !== null && ref.query !== undefined) return;
  const raw = String(ref.table_name ?? "");
  if (SHOW_LISTINGS.has(raw) && String(ref.catalog_name ?? "") === "" && String(ref.schema_name ?? "") === "") return;
  const table = raw.replace(/^"(.*)"$/, "$1");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table) || String(ref.catalog_name ?? "") !== "" || !relations.has(table.toLowerCase())) {
    throw new ApiError(400, "unknown_relation", `"${table.slice(0, 200)}" is not a stored table or view`, "sql");
  }
}

function checkBaseTable(ref: { [key: string]: Json }, scope: readonly ReadonlySet<string>[], relations: ReadonlySet<string>): void {
  const table = String(ref.table_name ?? "");
  const schema = String(ref.schema_name ?? "").toLowerCase();
  const catalog = String(ref.catalog_name ?? "");
  const lower = table.toLowerCase();
  if (catalog === "" && schema === "" && scope.some((names) => names.has(lower))) return;
  // A name that is not a stored relation would fall through to DuckDB's replacement scans, which read files
  // ('/etc/passwd', 'x.csv'); only plain identifiers naming existing tables and views pass.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table) || catalog !== "" || !SCHEMAS.has(schema) || !relations.has(lower)) {
    throw new ApiError(400, "unknown_relation", `"${table.slice(0, 200)}" is not a stored table or view`, "sql");
  }
}

function tooLarge(name: string, what: string): ApiError {
  return new ApiError(
    400,
    "argument_too_large",
    `${name}() ${what}: it must be a constant (or least(expression, constant)) making at most ${MAX_GENERATED_SIZE} characters or elements`,
    "sql",
  );
}

/** Refuses a size-growing function call whose size is not a small enough constant. */
function checkGeneratedSize(call: { [key: string]: Json }): void {
  const name = String(call.function_name ?? "").toLowerCase();
  const args = Array.isArray(call.children) ? call.children : [];
  if (LIST_RANGES.has(name)) {
    const bounds = args.map(constantBound);
    if (bounds.some((b) => b === null)) throw tooLarge(name, "as a value (a list) needs constant numeric bounds");
    const [start, stop, step] = args.length === 1 ? [0, bounds[0] as number, 1] : [bounds[0] as number, bounds[1] as number, (bounds[2] as number | undefined) ?? 1];
    if (step === 0 || (stop - start) / step > MAX_GENERATED_SIZE) throw tooLarge(name, "makes too long a list");
    return;
  }
  const position = SIZE_ARGUMENTS.get(name);
  if (position === undefined || args.length <= position) return;
  const count = constantBound(args[position]);
  if (count === null) throw tooLarge(name, `has a size argument that is not a constant`);
  if (count * (name === "repeat" ? generatedLength(args[0]) : 1) > MAX_GENERATED_SIZE) throw tooLarge(name, `asks for too much (${count})`);
}

/** The length of a repeated argument when the tree shows it (a string constant, or another repeat), else 1. */
function generatedLength(node: Json): number {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return 1;
  if (node.class === "CONSTANT") {
    const value = node.value as { value?: Json } | null;
    return typeof value?.value === "string" ? Math.max(1, value.value.length) : 1;
  }
  if (node.class === "CAST") return generatedLength(node.child);
  if (node.class === "FUNCTION" && String(node.function_name).toLowerCase() === "repeat" && Array.isArray(node.children)) {
    return generatedLength(node.children[0]) * Math.max(1, constantBound(node.children[1]) ?? 1);
  }
  return 1;
}

/** An upper bound of a numeric expression the tree makes constant: a literal, a cast, a negation, least(…, N). */
function constantBound(node: Json): number | null {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return null;
  if (node.class === "CONSTANT") {
    const value = node.value as { is_null?: boolean; value?: Json; type?: { id?: string; type_info?: { scale?: number } | null } } | null;
    if (value === null || value.is_null) return 0;
    const raw = Number(value.value);
    if (!Number.isFinite(raw) || typeof value.value === "boolean") return null;
    return value.type?.id === "DECIMAL" ? raw / 10 ** (value.type.type_info?.scale ?? 0) : raw;
  }
  if (node.class === "CAST") return constantBound(node.child);
  if (node.class === "FUNCTION" && Array.isArray(node.children)) {
    const fn = String(node.function_name).toLowerCase();
    if (fn === "-" && node.children.length === 1) {
      const inner = constantBound(node.children[0]);
      return inner === null ? null : -inner;
    }
    if (fn === "least") {
      const bounds = node.children.map(constantBound).filter((b): b is number => b !== null);
      return bounds.length === 0 ? null : Math.min(...bounds);
    }
  }
  return null;
}
