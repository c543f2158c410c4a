/**
 * Runs checked user SQL within its limits, the one way `POST /api/sql` and `ticklens sql` on a file do: inside a
 * READ ONLY transaction, at most `limit` rows and `maxBytes` bytes read (counted from DuckDB's vectors before any
 * value becomes a JavaScript value), interrupted past the time limit.
 */
import {
  DuckDBArrayVector,
  DuckDBBitVector,
  DuckDBBlobVector,
  DuckDBListVector,
  DuckDBMapVector,
  DuckDBStructVector,
  DuckDBUnionVector,
  DuckDBVarCharVector,
  JSDuckDBValueConverter,
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBType,
  type DuckDBVector,
  type JS,
} from "@duckdb/node-api";
import { ApiError } from "../errors.ts";

/** Time a query may run before it is interrupted, ms. */
export const DEFAULT_SQL_TIMEOUT_MS = 5_000;
/** Most bytes of result a query may return (JSON or Arrow), counted as DuckDB holds the rows. */
export const MAX_RESULT_BYTES = 32 * 1024 ** 2;

export interface UserSqlLimits {
  /** Most rows returned. */
  readonly limit: number;
  /** Time the query may run before it is interrupted, ms. */
  readonly timeoutMs: number;
  /** Most bytes read (default {@link MAX_RESULT_BYTES}). */
  readonly maxBytes?: number;
}

/** A limited answer: the first `rowCount` rows of the query, as DuckDB chunks. */
export interface UserSqlAnswer {
  readonly names: readonly string[];
  readonly types: readonly DuckDBType[];
  readonly rowCount: number;
  readonly truncated: boolean;
  readonly elapsedMs: number;
  /** Rows as the node-api's JS conversion gives them (bigint, number, string, Date, …, or null). */
  rows(): JS[][];
  /** The same values column by column. */
  columns(): JS[][];
}

/**
 * Streams the query inside a READ ONLY transaction (a second guard: DuckDB itself refuses any write), reading
 * chunks until limit + 1 rows (streaming instead of splicing the text into `SELECT * FROM (…) LIMIT`, which a
 * trailing comment or semicolon would break), refusing past `maxBytes`, and interrupting it past the time limit.
 * Rolled back either way.
 *
 * @param connection the connection the SQL was checked on
 * @param sql SQL already passed by `checkReadOnlySelect`
 * @param limits `{ limit, timeoutMs, maxBytes }`
 * @returns the first `limit` rows and whether there were more
 * @throws {ApiError} 422 `query_timeout`, 422 `result_too_large`, 400 `sql_error` (DuckDB's binder or runtime error)
 * @example
 * const answer = await runUserSql(connection, "SELECT 42 AS x", { limit: 10, timeoutMs: 5000 }); // answer.rows() → [[42]]
 */
export async function runUserSql(connection: DuckDBConnection, sql: string, limits: UserSqlLimits): Promise<UserSqlAnswer> {
  const { limit, timeoutMs } = limits;
  const maxBytes = limits.maxBytes ?? MAX_RESULT_BYTES;
  const started = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, timeoutMs);
  try {
    // Inside the try: the timer may interrupt BEGIN itself on a loaded machine.
    await connection.run("BEGIN TRANSACTION READ ONLY");
    const result = await connection.stream(sql);
    // Each chunk with the number of its rows that were counted (values past them are never converted).
    const chunks: [DuckDBDataChunk, number][] = [];
    let read = 0;
    let bytes = 0;
    while (read <= limit) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const rows = Math.min(chunk.rowCount, limit + 1 - read);
      for (let column = 0; column < chunk.columnCount; column++) bytes += vectorBytes(chunk.getColumnVector(column), rows);
      if (bytes > maxBytes) {
        const message = `the result exceeds ${maxBytes} bytes (at ${read + rows} rows); select fewer rows or columns, or shorter values`;
        throw new ApiError(422, "result_too_large", message, "sql");
      }
      chunks.push([chunk, rows]);
      read += rows;
    }
    const elapsedMs = Math.round(performance.now() - started);
    const rowCount = Math.min(read, limit);
    const names = result.columnNames();
    const rows = (): JS[][] => {
      const out: JS[][] = [];
      for (const [chunk, counted] of chunks) {
        for (let row = 0; row < counted && out.length < rowCount; row++) out.push(chunk.convertRowValues(row, JSDuckDBValueConverter) as JS[]);
      }
      return out;
    };
    return {
      names,
      types: result.columnTypes(),
      rowCount,
      truncated: read > limit,
      elapsedMs,
      rows,
      columns: () => {
        const all = rows();
        return names.map((_, column) => all.map((row) => row[column]));
      },
    };
  } catch (error) {
    if (timedOut) throw new ApiError(422, "query_timeout", `the query ran longer than ${timeoutMs} ms and was interrupted`, "sql");
    if (error instanceof ApiError) throw error;
    // Binder and runtime errors (unknown column, bad cast, division by zero…) are the query's fault.
    throw new ApiError(400, "sql_error", error instanceof Error ? error.message : String(error), "sql");
  } finally {
    clearTimeout(timer);
    await connection.run("ROLLBACK").catch(() => undefined);
  }
}

/** How long after the interrupt an answer waits for DuckDB to stop before it is given anyway, ms. */
export const INTERRUPT_GRACE_MS = 250;

/**
 * Gives up waiting for `work` past the time limit plus {@link INTERRUPT_GRACE_MS}, counted from when it starts
 * running (not while it waits for its connection): `connection.interrupt()` is seen only between DuckDB's
 * operators, so one long native call (a huge `repeat`, a regexp over a long value) runs to its end. The request
 * is then answered 422 `query_timeout` at once, and the work goes on holding its connection (nothing else runs on
 * it meanwhile) until DuckDB returns; its outcome is dropped.
 *
 * @param timeoutMs the query's time limit, ms
 * @param work starts the store call running {@link runUserSql}; it calls `started()` once it has its connection
 * @returns what the work returns, if it settles in time
 * @throws {ApiError} 422 `query_timeout` past the deadline; otherwise whatever the work throws
 * @example
 * const answer = await withDeadline(5000, (started) => store.read((c) => { started(); return runUserSql(c, sql, limits); }, "sql"));
 */
export function withDeadline<T>(timeoutMs: number, work: (started: () => void) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let fail: (error: ApiError) => void = () => undefined;
  const deadline = new Promise<never>((_, reject) => (fail = reject));
  const running = work(() => {
    timer ??= setTimeout(() => {
      const message = `the query ran longer than ${timeoutMs} ms and was interrupted (it is still running a native call, and stops when that returns)`;
      fail(new ApiError(422, "query_timeout", message, "sql"));
    }, timeoutMs + INTERRUPT_GRACE_MS);
  });
  running.catch(() => undefined);
  deadline.catch(() => undefined);
  return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
}

/** What the node-api keeps private but a byte count needs: string lengths and nested vectors. */
interface VectorInternals {
  readonly dataView?: DataView;
  readonly validity?: { itemValid(index: number): boolean };
  readonly childData?: DuckDBVector;
  readonly listVector?: DuckDBListVector;
  readonly structVector?: DuckDBStructVector;
}

/** Bytes per value of a fixed-width column, counted generously (a HUGEINT or an INTERVAL is 16). */
const FIXED_BYTES = 16;

/**
 * The bytes of the first `rows` values of a vector, read from DuckDB's memory without converting a value:
 * strings and blobs by their lengths, nested values by their children, everything else at 16 bytes.
 */
export function vectorBytes(vector: DuckDBVector, rows: number): number {
  const internals = vector as unknown as VectorInternals;
  if (vector instanceof DuckDBVarCharVector || vector instanceof DuckDBBlobVector || vector instanceof DuckDBBitVector) {
    const { dataView: view, validity } = internals;
    if (view === undefined || validity === undefined) return FIXED_BYTES * rows;
    let bytes = FIXED_BYTES * rows;
    // A string_t is 16 bytes: a uint32 length, then the string inline (≤ 12 bytes) or a prefix and a pointer. A
    // NULL's string_t is not written: only valid entries are read.
    for (let i = 0; i < rows; i++) if (validity.itemValid(i)) bytes += view.getUint32(i * 16, true);
    return bytes;
  }
  if (vector instanceof DuckDBListVector) {
    let children = 0;
    for (let i = 0; i < rows; i++) children = Math.max(children, vector.getEntryOffset(i) + vector.getEntryLength(i));
    return FIXED_BYTES * rows + vectorBytes(vector.childVector, children);
  }
  if (vector instanceof DuckDBArrayVector) {
    const child = internals.childData;
    return child === undefined ? FIXED_BYTES * rows : FIXED_BYTES * rows + vectorBytes(child, Math.min(child.itemCount, rows * vector.type.length));
  }
  if (vector instanceof DuckDBMapVector) return internals.listVector ? vectorBytes(internals.listVector, rows) : FIXED_BYTES * rows;
  if (vector instanceof DuckDBUnionVector) return internals.structVector ? vectorBytes(internals.structVector, rows) : FIXED_BYTES * rows;
  if (vector instanceof DuckDBStructVector) {
    let bytes = FIXED_BYTES * rows;
    for (let entry = 0; entry < vector.type.entryCount; entry++) bytes += vectorBytes(vector.entryVectorAt(entry), rows);
    return bytes;
  }
  return FIXED_BYTES * rows;
}
