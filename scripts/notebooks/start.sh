#!/usr/bin/env bash
# `npm run notebooks` (`ticklens notebooks`): Jupyter on notebooks/ with the tslab kernel, on 127.0.0.1. While it runs,
# a TypeScript watcher keeps dist/src/ (what the notebooks import) compiled from src/ (restart a notebook's kernel to
# pick up a change). Extra arguments go to `jupyter notebook`, e.g. `npm run notebooks -- --no-browser --port 8890`.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/notebooks-setup.sh
node_modules/.bin/tsc -p tsconfig.build.json --watch --preserveWatchOutput >&2 &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT

# New notebooks default to the TypeScript kernel rather than Python.
args=(--notebook-dir=notebooks --ip=127.0.0.1 --MultiKernelManager.default_kernel_name=tslab)
# Jupyter refuses to run as root unless told to; containers and CI machines often are root.
if [[ $(id -u) -eq 0 ]]; then args+=(--allow-root); fi
/usr/bin/jupyter notebook "${args[@]}" "$@"
