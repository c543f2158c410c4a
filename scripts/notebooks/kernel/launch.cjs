/**
 * Starts the tslab kernel of the Ticklens checkout that holds the notebook. Jupyter starts kernels in the
 * notebook's directory, so walking up from there finds the checkout; the registered kernel therefore serves
 * every checkout on the machine, not only the one that registered it.
 */
"use strict";
const { existsSync } = require("node:fs");
const { dirname, join } = require("node:path");

const TSLAB_MAIN = join("scripts", "notebooks", "kernel", "node_modules", "tslab", "dist", "main.js");

function findTslab(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, TSLAB_MAIN);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

const main = findTslab(process.cwd());
if (main === null) {
  console.error(`ticklens kernel: no ${TSLAB_MAIN} above ${process.cwd()}; run \`npm run notebooks:setup\` in the checkout`);
  process.exit(1);
}
require(main).main();
