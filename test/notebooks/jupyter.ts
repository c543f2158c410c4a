/**
 * Runs a notebook headless the way `npm test` promises: Debian's `jupyter nbconvert --execute` with the tslab kernel,
 * into a directory of the test's own (the committed notebook is only read). tslab reports a failing cell with an
 * error status but leaves its message in the cell's stderr, so a failure is run once more with errors allowed to
 * recover that text.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const JUPYTER = "/usr/bin/jupyter";
export const SETUP_COMMAND = "bash scripts/notebooks-setup.sh   (or: npm run notebooks:setup)";

/** The parts of an .ipynb file the tests read. */
export interface NotebookJson {
  readonly nbformat: number;
  readonly metadata: { readonly kernelspec?: { readonly name: string } };
  readonly cells: readonly NotebookCell[];
}

export interface NotebookCell {
  readonly cell_type: "code" | "markdown" | "raw";
  readonly source: string | readonly string[];
  readonly execution_count?: number | null;
  readonly outputs?: readonly CellOutput[];
}

export interface CellOutput {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The outcome of one headless run. */
export type Execution =
  | { readonly ok: true; readonly notebook: NotebookJson; readonly seconds: number }
  | { readonly ok: false; readonly error: string; readonly seconds: number };

export function readNotebook(path: string): NotebookJson {
  return JSON.parse(readFileSync(path, "utf8")) as NotebookJson;
}

export function joined(text: string | readonly string[] | undefined): string {
  return typeof text === "string" ? text : (text ?? []).join("");
}

/** Everything a cell printed on one stream. */
export function cellStream(cell: NotebookCell, name: "stdout" | "stderr"): string {
  return (cell.outputs ?? [])
    .filter((o) => o.output_type === "stream" && o.name === name)
    .map((o) => joined(o.text))
    .join("");
}

/**
 * Throws, naming what is missing and the command that installs it, unless Jupyter, the tslab package and its
 * registered kernel are all present. Never a skip: a machine without them must not pass silently.
 */
export async function requireNotebookSetup(root: string): Promise<void> {
  const missing: string[] = [];
  if (!existsSync(JUPYTER)) missing.push(`${JUPYTER} (Debian's jupyter packages)`);
  if (!existsSync(join(root, "scripts/notebooks/kernel/node_modules/tslab/package.json"))) {
    missing.push("scripts/notebooks/kernel/node_modules/tslab (the kernel's npm package)");
  }
  if (missing.length === 0) {
    try {
      const { stdout } = await run(JUPYTER, ["kernelspec", "list", "--json"], { env: quietEnv(process.env) });
      const specs = (JSON.parse(stdout) as { kernelspecs: Record<string, unknown> }).kernelspecs;
      if (!("tslab" in specs)) missing.push("the tslab kernel registered with Jupyter");
    } catch (error) {
      missing.push(`a working \`jupyter kernelspec list\` (${(error as Error).message.split("\n")[0]})`);
    }
  }
  if (missing.length > 0) {
    throw new Error(`the notebooks cannot run here: missing ${missing.join("; ")}.\nRun: ${SETUP_COMMAND}`);
  }
}

/**
 * Executes a notebook top to bottom with the tslab kernel, writing the executed copy to `outDir`.
 *
 * @param path the notebook
 * @param outDir where the executed copy goes
 * @param env the kernel's environment
 * @returns the executed notebook, or the failing cell's source and error text
 */
export async function executeNotebook(path: string, outDir: string, env: NodeJS.ProcessEnv): Promise<Execution> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const args = [
    "nbconvert", "--to", "notebook", "--execute",
    "--ExecutePreprocessor.kernel_name=tslab", "--ExecutePreprocessor.timeout=300",
    "--output-dir", outDir, path,
  ];
  try {
    await run(JUPYTER, args, { env: quietEnv(env), maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, notebook: readNotebook(join(outDir, basename(path))), seconds: seconds() };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message);
    return { ok: false, error: await explainFailure(path, outDir, env, stderr), seconds: seconds() };
  }
}

/** The failing cell's source (from nbconvert's report) and what the cell printed on stderr (from a rerun). */
async function explainFailure(path: string, outDir: string, env: NodeJS.ProcessEnv, stderr: string): Promise<string> {
  const failed = /An error occurred while executing the following cell:\n-+\n([\s\S]*?)\n-+\n/.exec(stderr);
  if (!failed) return `nbconvert failed before any cell reported an error:\n${stderr.split("\n").slice(-25).join("\n")}`;
  const source = failed[1];
  const rerunDir = join(outDir, "with-errors");
  try {
    await run(JUPYTER, [
      "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
      "--ExecutePreprocessor.kernel_name=tslab", "--ExecutePreprocessor.timeout=300",
      "--output-dir", rerunDir, path,
    ], { env: quietEnv(env), maxBuffer: 64 * 1024 * 1024 });
    const cells = readNotebook(join(rerunDir, basename(path))).cells;
    const index = cells.findIndex((cell) => joined(cell.source).trim() === source.trim());
    const printed = index >= 0 ? cellStream(cells[index], "stderr").trim() : "(cell not found in the rerun)";
    return `cell ${index} failed:\n${source}\n--- its error ---\n${printed || "(no stderr)"}`;
  } catch (rerunError) {
    return `a cell failed:\n${source}\n(the rerun to read its error failed too: ${(rerunError as Error).message.split("\n")[0]})`;
  }
}

/** Python's debugger warns about frozen modules on every Jupyter start; that noise would bury real errors. */
function quietEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PYDEVD_DISABLE_FILE_VALIDATION: "1" };
}
