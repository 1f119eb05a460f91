#!/usr/bin/env bash
# Set up (dependencies, Chromium, checkers), then lint, type-check and run the whole test suite on both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest -n 2 -q tests "$@"
