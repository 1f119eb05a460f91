"""bench/paired_speed.py: two checkouts timed in one process, their outputs compared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "paired_speed.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args, "--corpus", str(ROOT / "no-corpus-here")],
                          check=False, capture_output=True, text=True, timeout=300)


def test_a_checkout_paired_with_itself_gives_the_same_digest():
    """The desk seeds alone (no corpus here), this checkout as both sides: the same output, timed."""
    done = _run(str(ROOT), "--limit", "3", "--rounds", "2")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith("3 articles") and first.endswith("(same)")
    assert "articles per CPU-second" in done.stdout


def test_a_base_without_the_package_is_told_not_traced():
    done = _run(str(ROOT / "no-checkout-here"))
    assert done.returncode == 1
    assert "no dateline package there" in done.stderr and "Traceback" not in done.stderr
