"""Two builds at once: the second refuses with a clear message and nothing is corrupted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dateline.config import load_settings
from dateline.pipeline import build_lock
from tests.conftest import REPO, write_project
from tests.test_kill import manifest, pages, synthetic_seeds


def build_command(root: Path) -> list[str]:
    return [sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml"), "--quiet"]


def test_a_build_refuses_while_another_process_holds_the_lock(tmp_path):
    root = write_project(tmp_path / "archive", synthetic_seeds(3))
    with build_lock(load_settings(root / "site.toml")):
        refused = subprocess.run(build_command(root), capture_output=True, text=True, timeout=60,
                                 check=False)
    assert refused.returncode == 3
    assert refused.stderr.startswith("error: another Dateline build is running on ")
    assert "try again when it ends" in refused.stderr
    assert not (root / "content").exists() and not (root / "_site").exists()  # touched nothing
    assert subprocess.run(build_command(root), capture_output=True, timeout=60, check=False).returncode == 0


def test_two_builds_started_together_one_runs_one_refuses_and_the_site_is_whole(tmp_path):
    root = write_project(tmp_path / "archive", synthetic_seeds(120))
    both = [subprocess.Popen(build_command(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in both]
    assert sorted(code for code, _ in results) == [0, 3]
    assert any("another Dateline build is running" in err for code, err in results if code == 3)
    built = pages(manifest(root / "_site"))
    fresh = write_project(tmp_path / "fresh", synthetic_seeds(120))
    assert subprocess.run(build_command(fresh), timeout=120, check=False).returncode == 0
    assert built == pages(manifest(fresh / "_site"))
