#!/usr/bin/env bash
# Set up, then build the example archive from seeds/ into _site/. Extra arguments go to build.py.
# A seed that cannot be read is skipped and the rest is published (build.py exits 4, which is
# success here, so one bad seed never blocks a deploy); under GitHub Actions the skipped files
# show as annotations and in the job summary. With --strict any warning or skip fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
status=0
.venv/bin/python build.py "$@" || status=$?
if [ "$status" = 4 ]; then
  echo "Built, but some files were skipped and are not on the site (listed above)." >&2
  status=0
fi
[ "$status" = 0 ] || exit "$status"
echo
echo "Built. To read it: .venv/bin/python build.py serve --no-build   then open http://127.0.0.1:8000/"
