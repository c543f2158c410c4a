#!/usr/bin/env bash
# System packages the test suites need, from Debian: chromium for the browser tests (driven by playwright-core),
# and Jupyter with the tslab kernel for the notebooks (scripts/notebooks-setup.sh). As root with apt, installs
# what is missing; otherwise prints the exact command and fails, so a suite is never skipped silently.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "test-setup: installing ${missing[*]} from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" > /dev/null 2>&1 ||
      { apt-get update > /dev/null && apt-get install -y --no-install-recommends "${missing[@]}" > /dev/null; }
  else
    echo "test-setup: missing ${missing[*]}; install with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

bash scripts/notebooks-setup.sh
