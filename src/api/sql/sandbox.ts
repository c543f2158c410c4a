/**
 * The DuckDB settings user SQL runs under, applied to the database once before the first user query and then
 * locked (`lock_configuration`), so no statement can set them back: no extension is installed or loaded (a type
 * such as INET would otherwise make DuckDB download the `inet` extension), file access is limited to the
 * temporary folder the store's own exports write and read, and DuckDB's memory is capped.
 *
 * DuckDB's settings are database-wide: once locked, no connection of the store can `SET` anything (the store sets
 * nothing after opening; a setting it needs must be given at open time, `openStore(path, { config })`).
 */
import { tmpdir } from "node:os";
import { sep } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";

/** DuckDB's memory cap once user SQL has run (database-wide: ingestion spills to disk past it), bytes. */
export const USER_SQL_MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;

/** Connections known to belong to a locked database (a locked database stays locked). */
const locked = new WeakSet<DuckDBConnection>();

/**
 * Applies the user-SQL settings to the connection's database and locks its configuration; a no-op when it is
 * already locked (by this or another connection of the same database).
 *
 * @param connection a connection of the store that will run user SQL
 * @returns when the database's configuration is locked
 * @throws DuckDB's error when a setting cannot be applied (the database is then left unlocked)
 * @example
 * await store.read(async (c) => { await lockDownForUserSql(c); ... });
 */
export async function lockDownForUserSql(connection: DuckDBConnection): Promise<void> {
  if (locked.has(connection)) return;
  if (!(await isLocked(connection))) {
    try {
      for (const statement of await lockDownStatements(connection)) await connection.run(statement);
    } catch (error) {
      // Another connection of the same database may have locked it first.
      if (!(await isLocked(connection))) throw error;
    }
  }
  locked.add(connection);
}

async function isLocked(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll("SELECT current_setting('lock_configuration')::BOOLEAN");
  return reader.getRows()[0][0] === true;
}

async function lockDownStatements(connection: DuckDBConnection): Promise<string[]> {
  const reader = await connection.runAndReadAll("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'");
  const current = parseByteSize(String(reader.getRows()[0]?.[0] ?? ""));
  const memory = Math.min(current ?? Infinity, USER_SQL_MEMORY_LIMIT_BYTES);
  // Exports COPY to, and read CSV from, folders made by mkdtemp under the temporary folder; DuckDB adds the
  // database file, its WAL and its spill folder to the allowed paths by itself.
  const temp = tmpdir().endsWith(sep) ? tmpdir() : `${tmpdir()}${sep}`;
  // An INSTALL that got past the guard would look here, not on the internet.
  const noRepository = quote(`${temp}ticklens-no-extension-repository`);
  return [
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET allow_community_extensions = false",
    `SET custom_extension_repository = ${noRepository}`,
    `SET autoinstall_extension_repository = ${noRepository}`,
    `SET memory_limit = '${Math.floor(memory / 1024 ** 2)}MiB'`,
    `SET allowed_directories = [${quote(temp)}]`,
    "SET enable_external_access = false",
    "SET lock_configuration = true",
  ];
}

/** A SQL string literal. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** DuckDB's display of a byte size ("18.8 GiB", "953.6 MiB", "2.0 GB", "512 bytes") in bytes, or null. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*([\d.]+)\s*([KMGTP]?i?B|bytes?)\s*$/i.exec(text);
  if (!match) return null;
  const unit = match[2].toUpperCase();
  const power = "BKMGTP".indexOf(unit[0] === "B" ? "B" : unit[0]);
  const base = unit.includes("I") ? 1024 : 1000;
  return Number(match[1]) * base ** power;
}
