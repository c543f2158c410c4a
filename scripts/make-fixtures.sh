#!/usr/bin/env bash
# Regenerates every reference fixture in test/fixtures/engine from statsmodels / pandas / scipy.
# The references must come from Debian's packages run by /usr/bin/python3, the interpreter they install into.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
if ! "$PY" -c 'import statsmodels, pandas, scipy, mpmath' 2>/dev/null; then
  echo "statsmodels/pandas/scipy/mpmath are missing for $PY. Install them with:" >&2
  echo "  apt-get update && apt-get install -y python3-statsmodels python3-pandas python3-scipy python3-mpmath" >&2
  exit 1
fi
for script in scripts/fixtures/gen_*.py; do
  echo "fixtures: $script" >&2
  "$PY" "$script"
done
