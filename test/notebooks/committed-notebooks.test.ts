/**
 * The committed notebooks are sources, not reports: no outputs and no execution counts (a rerun would otherwise
 * show as a diff of charts and numbers), and each names the tslab kernel so `jupyter nbconvert --execute` and
 * Jupyter pick it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOTEBOOKS as NOTEBOOKS_DIR, repoPath } from "../helpers/paths.ts";
import { readNotebook } from "./jupyter.ts";

const NOTEBOOKS = repoPath(NOTEBOOKS_DIR);
const names = readdirSync(NOTEBOOKS).filter((name) => name.endsWith(".ipynb"));

describe("committed notebooks", () => {
  it("exist", () => expect(names.length).toBeGreaterThan(0));

  for (const name of names) {
    it(`${name} has no outputs and runs on the tslab kernel`, () => {
      const notebook = readNotebook(join(NOTEBOOKS, name));
      expect(notebook.nbformat).toBe(4);
      expect(notebook.metadata.kernelspec?.name).toBe("tslab");
      notebook.cells.forEach((cell, i) => {
        if (cell.cell_type !== "code") return;
        expect(cell.outputs ?? [], `${name} cell ${i} outputs`).toEqual([]);
        expect(cell.execution_count ?? null, `${name} cell ${i} execution_count`).toBeNull();
      });
    });
  }
});
