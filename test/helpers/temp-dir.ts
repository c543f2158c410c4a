/**
 * Temporary directories for tests: {@link tempDir} makes one and hands back its cleanup; {@link useTempDir} makes
 * one for each test file (or each test) through vitest hooks and always removes it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export interface TempDir {
  /** The directory, absolute. */
  readonly dir: string;
  /** A file or folder name inside it, made absolute. */
  path(name: string): string;
  /** Removes it and everything in it (safe to call twice). */
  cleanup(): void;
}

/** A fresh directory under the system's temp dir, named `<prefix>XXXXXX`. */
export function tempDir(prefix = "ticklens-"): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh directory made before the file's tests (`scope: "all"`, the default) or before each test (`"each"`),
 * and removed after them. Call it before the hooks that use it: its `afterAll`/`afterEach` then runs after theirs
 * (vitest runs after-hooks in reverse order), so a store opened in it is closed before it goes.
 * The directory exists only inside hooks and tests; reading `dir` at the top of a file throws.
 */
export function useTempDir(prefix = "ticklens-", scope: "all" | "each" = "all"): TempDir {
  let current: TempDir | null = null;
  const get = (): TempDir => {
    if (current === null) throw new Error("useTempDir: the directory exists only inside hooks and tests");
    return current;
  };
  (scope === "all" ? beforeAll : beforeEach)(() => {
    current = tempDir(prefix);
  });
  (scope === "all" ? afterAll : afterEach)(() => {
    current?.cleanup();
    current = null;
  });
  return {
    get dir() {
      return get().dir;
    },
    path: (name) => get().path(name),
    cleanup: () => current?.cleanup(),
  };
}
