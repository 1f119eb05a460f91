#!/usr/bin/env bash
# Set up Dateline in .venv with locked dependencies (requirements.lock, requirements-dev.lock).
#   scripts/setup.sh        what a build needs
#   scripts/setup.sh dev    also what the tests need: pytest & co, Dask (the cluster tests), Debian's Chromium,
#                           Java and Node for the HTML checker
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
  # Debian ships venv/ensurepip separately: install it on first use.
  if ! "$PYTHON" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    apt_install python3-venv
    "$PYTHON" -m venv .venv
  fi
fi
# The lock files pin every package, transitive ones too, with their hashes: a build today and one
# next year install the same bytes. requirements*.txt say what is wanted and why; to update a
# pin, edit it there and run scripts/lock.sh.
if [ "${1:-}" = dev ]; then lock=requirements-dev.lock; else lock=requirements.lock; fi
.venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$lock"
# Dask only for building on a cluster (README: Building on a Dask cluster), which the tests do; a
# build on one machine needs none of it. Its lock agrees with the dev lock on shared packages.
if [ "${1:-}" = dev ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-dask.lock
fi

if [ "${1:-}" = dev ]; then
  need=()
  # Shared libraries that binaries shipped in pip packages link to and a minimal Debian lacks
  # (Playwright's Node driver needs libatomic.so.1); tests/test_setup.py keeps this list whole.
  LIBRARIES=(libatomic1)
  for package in "${LIBRARIES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || need+=("$package")
  done
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v java >/dev/null || need+=(default-jre-headless)
  command -v npm >/dev/null || need+=(npm)
  command -v ss >/dev/null || need+=(iproute2)  # the preview server's listen backlog is read with ss
  if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
  # The checkers ship in their npm packages (vnu.jar, axe.min.js, pa11y); install scripts are
  # skipped because vnu-jar's would download a Java runtime and puppeteer's a Chrome, and
  # Debian's are already here.
  if [ -f package.json ]; then npm ci --ignore-scripts --silent --no-audit --no-fund >/dev/null; fi
fi
