#!/usr/bin/env bash
# Regenerate requirements.lock, requirements-dev.lock and requirements-dask.lock (in that order:
# the Dask lock is constrained by the dev lock) after a pin in requirements*.txt changed:
# every transitive dependency, for this Python, with the hashes of all its files on the index.
# Pins already in a lock are kept unless requirements*.txt asks otherwise (pass --upgrade to move
# everything to the newest versions the pins allow).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
"${PYTHON:-python3}" -m venv "$tools"
"$tools/bin/python" -m pip install -q --disable-pip-version-check pip-tools==7.6.2
for source in requirements.txt requirements-dev.txt requirements-dask.txt; do
  CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh" "$tools/bin/pip-compile" --quiet --generate-hashes --strip-extras --allow-unsafe \
    --no-emit-index-url --no-emit-find-links \
    --output-file "${source%.txt}.lock" "$@" "$source"
done
