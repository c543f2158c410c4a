/**
 * The compiled CLI the tests run, as users do (plain node on dist/src): built by scripts/build-code.sh, which skips
 * a build that is current and makes builds started at the same time (test files running in parallel) take turns.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

import { ROOT } from "../helpers/paths.ts";

export { ROOT };
/** The `bin` of package.json. */
export const TICKLENS = join(ROOT, "bin/ticklens.cjs");

/** Builds dist/src unless it is current (a first build takes tens of seconds). */
export async function buildCode(): Promise<void> {
  await promisify(execFile)("bash", [join(ROOT, "scripts/build-code.sh")], { cwd: ROOT });
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and returns its exit code and output (a non-zero exit is not an error here). */
export function run(file: string, args: readonly string[], options: { readonly env?: NodeJS.ProcessEnv; readonly input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, [...args], { cwd: ROOT, env: options.env ?? process.env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
    child.stdin?.end(options.input ?? "");
  });
}
