#!/usr/bin/env bash
# Compiles the TypeScript that notebooks import (src/notebook, and the engine, store and API server with everything
# they reach) to JavaScript with type declarations in notebooks/ticklens/ (git-ignored). The tslab kernel checks
# cells with its own TypeScript 5.0, which cannot follow the sources' `.ts` import specifiers; `.js` + `.d.ts` it
# can, and Node runs them as the ES modules they are. Skipped when nothing under src/ changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=notebooks/ticklens
STAMP=$OUT/.built
CONFIG=scripts/notebooks/tsconfig.build.json

if [[ ! -x node_modules/.bin/tsc ]]; then
  echo "notebooks build: node_modules/.bin/tsc is missing; run \`npm ci\` first" >&2
  exit 1
fi
if [[ -f $STAMP && -z $(find src "$CONFIG" tsconfig.json package-lock.json -newer "$STAMP" -print -quit) ]]; then
  exit 0
fi
started=$(date +%s%N)
# Stamped with the time the build started, so a source saved during the build is seen as changed next time.
stamp=$(mktemp)
rm -rf "$OUT"
node_modules/.bin/tsc -p "$CONFIG" || { rm -f "$stamp"; exit 1; }
mv "$stamp" "$STAMP"
echo "notebooks build: src/ compiled to $OUT/ in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
