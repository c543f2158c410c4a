import { defineConfig } from "vitest/config";
import SummaryLineReporter from "./test/reporters/summary-line.ts";

/**
 * Four projects, one run: `npm test` runs them all, `npm run test:<name>` one of them.
 * - unit: in-process, seconds each: the engine, the store on real DuckDB files, the collector, replay server,
 *   alerts and API over real sockets on 127.0.0.1, and the checks.
 * - integration: whole pipelines and anything that spawns a process; also every test folder not named here, so
 *   a new one (e.g. test/cli/) is never left out of a run.
 * - browser: the dashboard in headless chromium against the whole platform.
 * - notebooks: the committed notebooks run in Jupyter's tslab kernel.
 */
const UNIT = ["engine", "store", "collector", "replay", "alerts", "api", "checks"].map((dir) => `test/${dir}/**/*.test.ts`);
/** Unit folders' files that spawn a process. */
const SPAWNING = ["test/replay/cli.test.ts"];
/** The unit globs with the spawning files cut out (`!(name)` matches any file name but that one). */
const UNIT_NOT_SPAWNING = UNIT.map((glob) => {
  const dir = glob.slice(0, glob.indexOf("/**"));
  const names = SPAWNING.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1, -".test.ts".length));
  return names.length === 0 ? glob : `${dir}/**/!(${names.join("|")}).test.ts`;
});
const BROWSER = ["test/browser/**/*.test.ts"];
const NOTEBOOKS = ["test/notebooks/**/*.test.ts"];

export default defineConfig({
  test: {
    // Bucket labels and dates must not depend on the machine's zone.
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    // Tests wait for what they expect (expect.poll, vi.waitFor), never for a fixed time: a poll gives up after 10 s.
    expect: { poll: { timeout: 10_000, interval: 20 } },
    reporters: ["default", new SummaryLineReporter()],
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, exclude: SPAWNING } },
      { extends: true, test: { name: "integration", include: ["test/**/*.test.ts"], exclude: [...UNIT_NOT_SPAWNING, ...BROWSER, ...NOTEBOOKS] } },
      { extends: true, test: { name: "browser", include: BROWSER } },
      { extends: true, test: { name: "notebooks", include: NOTEBOOKS } },
    ],
  },
});
