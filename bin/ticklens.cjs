#!/usr/bin/env node
// The `ticklens` command (package.json `bin`): sizes libuv's thread pool, then runs the compiled CLI.
// Every running DuckDB statement holds one of libuv's threads (4 by default); the writer, the SQL and export
// connections and the pooled readers need more, or a chart's read waits behind a slow query. libuv reads the size
// once, when its pool first starts, and loading an ES module already starts it: so this file is CommonJS, and
// sets the size before it loads anything.
"use strict";
process.env.UV_THREADPOOL_SIZE ??= "16";
import("../dist/src/cli/ticklens.js").catch((error) => {
  process.stderr.write(`ticklens: cannot load dist/src/cli/ticklens.js (run npm run build:code first): ${error.message}\n`);
  process.exit(1);
});
