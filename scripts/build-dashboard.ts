/**
 * `npm run build`: the dashboard. esbuild bundles the TypeScript behind the pages (src/dashboard/lib/pages/*.ts:
 * the engine, the live client, the charts; lightweight-charts and Plot included, so nothing is fetched from a CDN)
 * into src/dashboard/components/, then Observable Framework builds the pages into dist/dashboard, which the API
 * serves at `/`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const root = "src/dashboard";
const pages = readdirSync(join(root, "lib/pages")).filter((f) => f.endsWith(".ts"));
const started = performance.now();
rmSync(join(root, "components"), { recursive: true, force: true });
await build({
  entryPoints: pages.map((f) => join(root, "lib/pages", f)),
  outdir: join(root, "components"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  chunkNames: "shared-[hash]",
  logLevel: "warning",
  // Builds made for the browser only; "production" keeps lightweight-charts' small build.
  conditions: ["production"],
});
process.stderr.write(`build: bundled ${pages.length} page module(s) in ${Math.round(performance.now() - started)} ms\n`);

const framework = spawnSync(join("node_modules", ".bin", "observable"), ["build"], { stdio: ["ignore", "inherit", "inherit"] });
if (framework.status !== 0) {
  process.stderr.write(`build: observable build failed (exit ${framework.status})\n`);
  process.exit(framework.status ?? 1);
}
process.stderr.write(`build: dashboard in dist/dashboard (${Math.round(performance.now() - started)} ms)\n`);
