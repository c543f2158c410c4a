/**
 * The import boundaries of .dependency-cruiser.cjs (`npm run check:boundaries`) fire: a small tree written here
 * with one deliberately wrong import per rule is cruised with the very same configuration, and each violation is
 * reported under its rule's name; the imports the rules allow (type-only ones, zod in the engine) are not. And the
 * real src/ has none.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";
import { repoPath, ROOT } from "../helpers/paths.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const CONFIG = repoPath(".dependency-cruiser.cjs");

/** Cruises `src` under `baseDir` with the project's configuration; returns the result. */
async function cruiseSrc(baseDir: string): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfig = extractTSConfig(repoPath("tsconfig.json"));
  const { output } = await cruise(["src"], { ...options, baseDir }, {}, { tsConfig });
  if (typeof output === "string") throw new Error("dependency-cruiser answered with text, not a cruise result");
  return output;
}

/** `rule: from → to` for each violation, sorted. */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

/** Files of the wrong tree: path → source. Every rule is broken once; the allowed imports sit beside them. */
const TREE: Record<string, string> = {
  "src/api/routes.ts": `export const route = "/api/x";\nexport interface Answer { readonly ok: boolean }\n`,
  "src/alerts/service.ts": `export const service = 1;\nexport interface Notice { readonly id: number }\n`,
  "src/collector/feed.ts": `import { route } from "../api/routes.ts";\nexport const feed = route;\n`,
  "src/store/db.ts": [
    `import { feed } from "../collector/feed.ts";`,
    `import { route } from "../api/routes.ts";`,
    `import { service } from "../alerts/service.ts";`,
    `export const db = [feed, route, service];`,
  ].join("\n"),
  "src/engine/pure.ts": `import { z } from "zod";\nexport const schema = z.number();\n`,
  "src/engine/reads-files.ts": `import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n`,
  "src/engine/bare-builtin.ts": `import { join } from "path";\nexport const j = join;\n`,
  "src/engine/uses-a-server-package.ts": `import { Hono } from "hono";\nexport const app = Hono;\n`,
  "src/engine/reaches-the-store.ts": `import { db } from "../store/db.ts";\nexport const d = db;\n`,
  "src/engine/types-from-the-api.ts": `import type { Answer } from "../api/routes.ts";\nexport type A = Answer;\n`,
  "src/engine/imports-nothing-real.ts": `import { x } from "./no-such-file.ts";\nexport const y = x;\n`,
  "src/dashboard/page.ts": [
    `import type { Answer } from "../api/routes.ts";`,
    `import type { Notice } from "../alerts/service.ts";`,
    `import { schema } from "../engine/pure.ts";`,
    `export const page = (a: Answer, n: Notice) => [a, n, schema];`,
  ].join("\n"),
  "src/dashboard/calls-the-api.ts": `import { route } from "../api/routes.ts";\nexport const r = route;\n`,
  "src/dashboard/calls-the-alerts.ts": `import { service } from "../alerts/service.ts";\nexport const s = service;\n`,
  "src/cli/main.ts": `import { service } from "../alerts/service.ts";\nexport const main = service;\n`,
  "src/runtime/log.ts": `import { service } from "../alerts/service.ts";\nexport const log = service;\n`,
  "src/alerts/starts-a-process.ts": `import { main } from "../cli/main.ts";\nexport const m = main;\n`,
};

describe("import boundaries (.dependency-cruiser.cjs)", () => {
  const tmp = useTempDir("ticklens-boundaries-");
  let wrong: string[];

  beforeAll(async () => {
    for (const [path, source] of Object.entries(TREE)) {
      mkdirSync(dirname(tmp.path(path)), { recursive: true });
      writeFileSync(tmp.path(path), source);
    }
    // The project's packages, so that zod and hono resolve as they do in src/.
    symlinkSync(repoPath("node_modules"), tmp.path("node_modules"), "dir");
    wrong = violations(await cruiseSrc(tmp.dir));
  }, 60_000);

  it("keeps the engine free of Node built-ins, with or without node:", () => {
    expect(wrong).toContain("engine-no-node-builtins: src/engine/reads-files.ts → fs"); // reported without node:
    expect(wrong).toContain("engine-no-node-builtins: src/engine/bare-builtin.ts → path");
  });

  it("lets the engine import only the pure packages (zod), not a server one", () => {
    expect(wrong.filter((v) => v.startsWith("engine-only-pure-packages:"))).toEqual([
      expect.stringMatching(/^engine-only-pure-packages: src\/engine\/uses-a-server-package\.ts → .*node_modules\/hono\//),
    ]);
    expect(wrong.filter((v) => v.includes("src/engine/pure.ts"))).toEqual([]);
  });

  it("keeps the engine inside src/engine, types included", () => {
    expect(wrong.filter((v) => v.startsWith("engine-stays-in-engine:"))).toEqual([
      "engine-stays-in-engine: src/engine/reaches-the-store.ts → src/store/db.ts",
      "engine-stays-in-engine: src/engine/types-from-the-api.ts → src/api/routes.ts",
    ]);
  });

  it("refuses an engine import it cannot resolve", () => {
    expect(wrong).toContain("engine-no-unresolvable: src/engine/imports-nothing-real.ts → ./no-such-file.ts");
  });

  it("lets the dashboard take types from the API and the alerts, never values", () => {
    expect(wrong.filter((v) => v.startsWith("dashboard-"))).toEqual([
      "dashboard-no-api-values: src/dashboard/calls-the-api.ts → src/api/routes.ts",
      "dashboard-no-server-values: src/dashboard/calls-the-alerts.ts → src/alerts/service.ts",
    ]);
    expect(wrong.filter((v) => v.includes("src/dashboard/page.ts"))).toEqual([]);
  });

  it("keeps the collector off the API", () => {
    expect(wrong).toContain("collector-no-api: src/collector/feed.ts → src/api/routes.ts");
  });

  it("keeps the store below the collector, the API and the alerts", () => {
    expect(wrong.filter((v) => v.startsWith("store-no-upstream:"))).toEqual([
      "store-no-upstream: src/store/db.ts → src/alerts/service.ts",
      "store-no-upstream: src/store/db.ts → src/api/routes.ts",
      "store-no-upstream: src/store/db.ts → src/collector/feed.ts",
    ]);
  });

  it("keeps the runtime free of the project, and the CLI imported by nothing", () => {
    expect(wrong).toContain("runtime-imports-nothing: src/runtime/log.ts → src/alerts/service.ts");
    expect(wrong).toContain("nothing-imports-cli: src/alerts/starts-a-process.ts → src/cli/main.ts");
    expect(wrong.filter((v) => v.includes(": src/cli/main.ts →"))).toEqual([]); // the CLI may import any part
  });

  it("reports nothing else", () => {
    expect(wrong).toHaveLength(14);
  });

  it("finds no violation in the real src/", async () => {
    const real = await cruiseSrc(ROOT);
    expect(real.summary.totalCruised).toBeGreaterThan(100);
    expect(violations(real)).toEqual([]);
  }, 60_000);
});
