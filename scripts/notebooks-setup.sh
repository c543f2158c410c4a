#!/usr/bin/env bash
# Everything the notebooks need, idempotent and non-interactive (`npm run notebooks:setup`; the test command runs it
# too): Debian's Jupyter packages, the tslab kernel (its own small npm package) registered with Debian's Jupyter,
# and the project's TypeScript compiled (npm run build:code). Exits 1 with the command to run when it cannot install.
set -euo pipefail
cd "$(dirname "$0")/.."

# Jupyter as Debian packages it, run by /usr/bin/python3 (a pyenv or venv python3 earlier on PATH is not used).
PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook)
JUPYTER=/usr/bin/jupyter
KERNEL_DIR=scripts/notebooks/kernel

log() { echo "notebooks-setup: $*" >&2; }

missing_packages() {
  local package
  for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then echo "$package"; fi
  done
}

# 1. Debian's Jupyter.
mapfile -t missing < <(missing_packages)
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt_install() { apt-get -o DPkg::Lock::Timeout=600 install -y "${PACKAGES[@]}"; }
    # A fresh machine may have no package lists yet.
    apt_install || { apt-get -o DPkg::Lock::Timeout=600 update && apt_install; }
  else
    log "Debian's Jupyter packages are missing (${missing[*]}); install them with:"
    echo "sudo apt-get install -y ${PACKAGES[*]}" >&2
    exit 1
  fi
fi

# 2. tslab, in its own package: as a dependency of the project its bundled TypeScript 5.0 would take
#    node_modules/.bin/tsc. Reinstalled only when its lock file changed.
lock_sum=$(sha256sum "$KERNEL_DIR/package-lock.json" | cut -d' ' -f1)
stamp="$KERNEL_DIR/node_modules/.installed-lock-sha256"
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_sum" ]]; then
  log "installing tslab into $KERNEL_DIR"
  npm ci --prefix "$KERNEL_DIR" --no-audit --no-fund --loglevel=error >&2
  echo "$lock_sum" >"$stamp"
fi

# 3. The kernel spec, for this user (a user's kernel spec shadows a system one of the same name). Its launcher finds
#    the tslab of whichever checkout holds the notebook, so one registration serves every checkout.
spec=$(mktemp -d)
trap 'rm -rf "$spec"' EXIT
cp "$KERNEL_DIR/launch.cjs" "$spec/launch.cjs"
cat >"$spec/kernel.json" <<JSON
{
  "argv": ["$(command -v node)", "{resource_dir}/launch.cjs", "kernel", "--config-path", "{connection_file}"],
  "display_name": "TypeScript",
  "language": "typescript"
}
JSON
installed=$("$JUPYTER" kernelspec list --json 2>/dev/null | /usr/bin/python3 -c \
  'import json, sys; print(json.load(sys.stdin)["kernelspecs"].get("tslab", {}).get("resource_dir", ""))')
if [[ -z $installed ]] || ! diff -q "$spec/kernel.json" "$installed/kernel.json" >/dev/null 2>&1 ||
  ! diff -q "$spec/launch.cjs" "$installed/launch.cjs" >/dev/null 2>&1; then
  "$JUPYTER" kernelspec install --user --replace --name tslab "$spec" 2>&1 | grep -v -i debug >&2 || true
  installed=$("$JUPYTER" kernelspec list --json 2>/dev/null | /usr/bin/python3 -c \
    'import json, sys; print(json.load(sys.stdin)["kernelspecs"].get("tslab", {}).get("resource_dir", ""))')
  if ! diff -q "$spec/kernel.json" "$installed/kernel.json" >/dev/null 2>&1; then
    log "registered the tslab kernel, but Jupyter resolves 'tslab' to ${installed:-nothing} (JUPYTER_PATH?)"
    exit 1
  fi
  log "registered the tslab kernel in $installed"
fi

# 4. The project's TypeScript, compiled (dist/src, the same build the ticklens command runs), which the notebooks import.
bash scripts/build-code.sh
