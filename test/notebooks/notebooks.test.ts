/**
 * Every notebook in notebooks/ runs top to bottom with the tslab kernel, headless, against the committed real
 * capture, and the key figures it prints equal the engine's own results computed here. The notebooks run in
 * parallel, on a sample database built by this test (TICKLENS_NOTEBOOK_DB), with dist/src/ (what they import)
 * compiled from the current sources.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSampleDb, parseFigures } from "../../src/notebook/index.ts";
import { NOTEBOOKS as NOTEBOOKS_DIR, repoPath, ROOT } from "../helpers/paths.ts";
import { tempDir, type TempDir } from "../helpers/temp-dir.ts";
import { expectedFigures } from "./expected-figures.ts";
import { cellStream, executeNotebook, joined, requireNotebookSetup, type Execution } from "./jupyter.ts";

const NOTEBOOKS = repoPath(NOTEBOOKS_DIR);
const names = readdirSync(NOTEBOOKS).filter((name) => name.endsWith(".ipynb")).sort();

describe("notebooks, executed headless with the tslab kernel", () => {
  const runs = new Map<string, Execution>();
  let tmp: TempDir | null = null;
  /** Why nothing could run (no Jupyter, no kernel, a failed build): every test below fails with it, none skips. */
  let unrunnable: string | null = null;

  beforeAll(async () => {
    try {
      await runAll();
    } catch (error) {
      unrunnable = (error as Error).message;
    }
  }, 600_000);

  async function runAll(): Promise<void> {
    await requireNotebookSetup(ROOT);
    await promisify(execFile)("bash", [join(ROOT, "scripts/build-code.sh")]);
    const scratch = (tmp = tempDir("ticklens-notebooks-"));
    // Built once here, so the notebooks running side by side do not each build it.
    const db = await ensureSampleDb({ path: scratch.path("notebook-sample.duckdb") });
    const env = { ...process.env, TICKLENS_NOTEBOOK_DB: db };
    await Promise.all(
      names.map(async (name) => {
        const execution = await executeNotebook(join(NOTEBOOKS, name), scratch.path("out"), env);
        console.error(`notebooks: ${name} ${execution.ok ? "ran" : "FAILED"} in ${execution.seconds} s`);
        runs.set(name, execution);
      }),
    );
  }

  /** The run of one notebook, or a failure saying why there is none. */
  function runOf(name: string): Execution {
    if (unrunnable !== null) expect.fail(unrunnable);
    const execution = runs.get(name);
    if (!execution) expect.fail(`${name} was not run`);
    return execution;
  }

  afterAll(() => {
    tmp?.cleanup();
  });

  it("finds the three notebooks and can run them", () => {
    if (unrunnable !== null) expect.fail(unrunnable);
    expect(names).toEqual(["01-getting-started.ipynb", "02-pairs-research.ipynb", "03-alerts-what-if.ipynb"]);
  });

  for (const name of names) {
    it(`${name} runs top to bottom without an error`, () => {
      const execution = runOf(name);
      if (!execution.ok) expect.fail(`${name}: ${execution.error}`);
      // nbconvert exits non-zero on the first cell whose reply is an error; the last cell printing is the end reached.
      const last = execution.notebook.cells.filter((cell) => cell.cell_type === "code").at(-1)!;
      expect(last.outputs?.length ?? 0, `${name}: the last cell printed`).toBeGreaterThan(0);
    });
  }

  const expected = expectedFigures();
  for (const [name, figures] of expected) {
    it(`${name} prints the engine's figures`, () => {
      const execution = runOf(name);
      if (!execution.ok) expect.fail(`${name} did not run: ${execution.error}`);
      const printer = execution.notebook.cells.find((cell) => joined(cell.source).includes("printFigures("));
      expect(printer, `${name} has a printFigures cell`).toBeDefined();
      const printed = parseFigures(cellStream(printer!, "stdout"));
      expect([...printed.keys()].sort()).toEqual([...figures.keys()].sort());
      for (const [figure, value] of figures) {
        const text = printed.get(figure)!;
        if (typeof value === "string" || Number.isInteger(value)) {
          expect(text, figure).toBe(String(value));
        } else {
          const got = Number(text);
          expect(Math.abs(got - value), `${figure}: printed ${text}, engine ${value}`).toBeLessThanOrEqual(1e-12 * Math.abs(value));
        }
      }
    });
  }
});
