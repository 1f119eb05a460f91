"""The code type-checks: the test command runs mypy (configured in pyproject.toml) and it is
clean, so a wrong type is found before a reader meets it as a traceback."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_test_command_runs_the_type_checker():
    lines = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8").splitlines()
    assert ".venv/bin/mypy" in lines
    assert lines.index(".venv/bin/mypy") < next(i for i, line in enumerate(lines) if "pytest" in line)


def test_mypy_finds_no_error_in_dateline():
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Success: no issues found" in done.stdout
