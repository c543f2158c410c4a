/**
 * Import boundaries of src/, checked by `npm run check:boundaries` (part of `npm test`) and proved to fire by
 * test/checks/boundaries.test.ts. Paths are relative to the repository root.
 *
 * - The engine is a pure library that runs in Node, the browser and notebooks: no Node built-in, no package but
 *   the pure ones listed below, nothing outside src/engine.
 * - The dashboard runs in the browser: it may take types from the server side (the API's answers), never values.
 * - The data path runs one way: the collector does not reach into the API, the store into the collector, the
 *   API or the alerts.
 *
 * @type {import("dependency-cruiser").IConfiguration}
 */

/** Packages the engine may import: pure computation, no I/O. */
const ENGINE_PACKAGES = ["zod", "simple-statistics", "ml-regression"];

/** Server-side folders whose values would drag Node, DuckDB or sockets into the browser bundle. */
const SERVER = ["api", "alerts", "store", "collector", "cli", "runtime", "replay", "notebook"];

module.exports = {
  forbidden: [
    {
      name: "engine-no-node-builtins",
      comment: "src/engine is pure: no Node built-in module (fs, net, child_process, node:…), so it runs in the browser and notebooks too.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "engine-only-pure-packages",
      comment: `src/engine may import only these packages: ${ENGINE_PACKAGES.join(", ")}.`,
      severity: "error",
      from: { path: "^src/engine/" },
      to: { dependencyTypesNot: ["core", "local"], couldNotResolve: false, pathNot: `(^|/)node_modules/(${ENGINE_PACKAGES.join("|")})/` },
    },
    {
      name: "engine-stays-in-engine",
      comment: "src/engine imports nothing of the project outside src/engine (no store, API, collector, … and no I/O through them).",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { dependencyTypes: ["local"], pathNot: "^src/engine/" },
    },
    {
      name: "engine-no-unresolvable",
      comment: "An import of src/engine that cannot be resolved cannot be checked against the rules above.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { couldNotResolve: true },
    },
    {
      name: "dashboard-no-api-values",
      comment: "src/dashboard may import types from src/api (`import type`), never values: the API runs on the server.",
      severity: "error",
      from: { path: "^src/dashboard/" },
      to: { path: "^src/api/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "dashboard-no-server-values",
      comment: `src/dashboard may import types from the server side (${SERVER.filter((d) => d !== "api").join(", ")}), never values.`,
      severity: "error",
      from: { path: "^src/dashboard/" },
      to: { path: `^src/(${SERVER.filter((d) => d !== "api").join("|")})/`, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "collector-no-api",
      comment: "src/collector feeds the store; it does not import src/api (the API reads the collector, not the reverse).",
      severity: "error",
      from: { path: "^src/collector/" },
      to: { path: "^src/api/" },
    },
    {
      name: "store-no-upstream",
      comment: "src/store is below the collector, the API and the alerts: it imports none of them.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(collector|api|alerts)/" },
    },
    {
      name: "runtime-imports-nothing",
      comment: "src/runtime (logger, retry, options, shutdown) sits under every service part: it imports none of the project.",
      severity: "error",
      from: { path: "^src/runtime/" },
      to: { dependencyTypes: ["local"], pathNot: "^src/runtime/" },
    },
    {
      name: "nothing-imports-cli",
      comment: "src/cli is the composition root: it wires the parts into processes, and no part depends on it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
  ],
  options: {
    // Type-only imports are seen (and told apart) only before TypeScript compiles them away.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "^dist/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".mts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
