#!/usr/bin/env bash
# Set up, then build the example archive from seeds/ into _site/. Extra arguments go to build.py.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python build.py "$@"
echo
echo "Built. To read it: .venv/bin/python build.py serve --no-build   then open http://127.0.0.1:8000/"
