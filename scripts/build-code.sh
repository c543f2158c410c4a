#!/usr/bin/env bash
# `npm run build:code`: compiles the TypeScript to JavaScript with type declarations in dist/src/ (tsconfig.build.json):
# what `ticklens` runs with plain node (bin/ticklens.cjs loads dist/src/cli/ticklens.js), and what the notebooks import (the tslab kernel
# checks cells with its own TypeScript 5.0, which cannot follow the sources' `.ts` import specifiers; `.js` + `.d.ts`
# it can). Skipped when nothing it is built from changed since the last build; builds running at the same time (test
# files, the notebook setup) take turns on a lock, and the later ones then find the build done.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=dist/src
STAMP=dist/.code-built
CONFIG=tsconfig.build.json

if [[ ! -x node_modules/.bin/tsc ]]; then
  echo "build: node_modules/.bin/tsc is missing; run \`npm ci\` first" >&2
  exit 1
fi
mkdir -p dist
exec 9>dist/.code-build.lock
flock 9
if [[ -f $STAMP && -z $(find src "$CONFIG" tsconfig.json package-lock.json -newer "$STAMP" -print -quit) ]]; then
  exit 0
fi
started=$(date +%s%N)
# Stamped with the time the build started, so a source saved during the build is seen as changed next time.
stamp=$(mktemp)
rm -rf "$OUT" "$STAMP"
node_modules/.bin/tsc -p "$CONFIG" || { rm -f "$stamp"; exit 1; }
chmod +x "$OUT/cli/ticklens.js"
mv "$stamp" "$STAMP"
echo "build: src/ compiled to $OUT/ in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
