"""One bad seed never blocks a deploy: the README's build command (what the Pages workflow runs)
publishes the good articles and succeeds, names each skipped file as a GitHub Actions annotation
and in the job summary, and still fails under --strict."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SEED, write_project

BAD = "bad-date.txt"


def project_with_one_bad_seed(root: Path) -> Path:
    """A copy of the repo's entry points (build.py, scripts/build.sh) around a project whose
    seeds/ holds the good example seed and one with an impossible date."""
    write_project(root, {SEED.name: SEED.read_bytes(), BAD: " date 2016-02-30 GENEVA -- Talks went on.\n"})
    shutil.copy(REPO / "build.py", root / "build.py")
    (root / "dateline").symlink_to(REPO / "dateline")
    (root / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "build.sh", root / "scripts" / "build.sh")
    # The set-up is tested on a fresh machine (test_setup.py); here the suite's own Python builds.
    (root / "scripts" / "setup.sh").write_text("#!/usr/bin/env bash\n")
    (root / ".venv" / "bin").mkdir(parents=True)
    python = root / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    return root


def run_build(root: Path, *args: str, actions: bool) -> tuple[subprocess.CompletedProcess, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    summary = root / "summary.md"
    if actions:
        env.update(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    done = subprocess.run(["bash", "scripts/build.sh", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    return done, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_a_bad_seed_is_skipped_and_the_rest_is_published(tmp_path):
    root = project_with_one_bad_seed(tmp_path / "p")
    done, summary = run_build(root, actions=False)
    assert done.returncode == 0, done.stderr
    assert f"skipped: seeds/{BAD}: date '2016-02-30' does not exist" in done.stderr
    assert "some files were skipped" in done.stderr
    articles = [p for p in (root / "_site" / "2016").rglob("index.html") if p.parent.parent.name == "12"]
    assert articles, "the good article is not on the site"
    assert "::warning" not in done.stdout and summary == ""  # nothing GitHub-specific outside Actions


def test_under_actions_skipped_seeds_are_annotations_and_in_the_job_summary(tmp_path):
    root = project_with_one_bad_seed(tmp_path / "p")
    done, summary = run_build(root, actions=True)
    assert done.returncode == 0, done.stderr
    assert (f"::warning file=seeds/{BAD}::skipped, not published: date '2016-02-30' does not exist"
            in done.stdout.splitlines())
    assert f"| `seeds/{BAD}` | date '2016-02-30' does not exist |" in summary
    assert "the other articles were published" in summary


def test_strict_keeps_a_failing_build(tmp_path):
    root = project_with_one_bad_seed(tmp_path / "p")
    done, summary = run_build(root, "--strict", actions=True)
    assert done.returncode == 1
    assert f"::warning file=seeds/{BAD}::" in done.stdout
    assert "the build fails (--strict)" in summary


def test_annotation_values_are_escaped_as_github_reads_them():
    from dateline import actions
    from dateline.config import Settings
    from dateline.report import Report

    report = Report(quiet=True)
    report.skip("seeds/a,b:c.txt", "50% of it\nis junk")
    settings = Settings(root="/w")
    assert actions.warning_commands(report, settings, Path("/w")) == [
        "::warning file=seeds/a%2Cb%3Ac.txt::skipped, not published: 50%25 of it%0Ais junk"]
