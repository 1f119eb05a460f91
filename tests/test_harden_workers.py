"""A build killed with SIGKILL during extraction or rendering takes its forked workers with it
(as it already took Pagefind): none lives on holding the build lock, and the next build runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, as_from_a_terminal, build_project, write_project
from tests.test_robust_orphans import running

# Runs a real build whose workers report their pid and then hang, as a slow render would.
DRIVER = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from dateline import ingest, render
render.PAGES_PER_WORKER = 1

def hang(*args):
    os.write(1, f"{{os.getpid()}}\\n".encode())  # one write: two workers print at once
    time.sleep(120)

if {stage!r} == "render":
    render._render_share = hang
else:
    ingest._parse_one = hang
from tests.conftest import build_project
build_project(Path({root!r}))
"""
SEEDS = 420  # ingest forks its workers from 200 seeds each


def seeds() -> dict[str, str]:
    return {f"s{n:03d}_{n:016x}.txt": f" date 2016-12-{1 + n % 28:02d} GENEVA -- Story number "
            f"{n} about talks in Geneva.\n\nMore text {n}.\n" for n in range(SEEDS)}


def worker_pids(parent: subprocess.Popen, count: int) -> list[int]:
    pids: list[int] = []
    assert parent.stdout is not None and parent.stderr is not None
    while len(pids) < count:
        line = parent.stdout.readline()
        if not line:
            pytest.fail(f"the build ended before its workers started: {parent.stderr.read()}")
        pids.append(int(line))
    return pids


@pytest.mark.parametrize("stage", ["ingest", "render"])
def test_workers_die_with_a_killed_build_and_the_next_build_is_not_locked(tmp_path, stage):
    root = write_project(tmp_path / "archive", seeds())
    if stage == "render":
        build_project(root)
        (root / "seeds" / "new_ffffffffffffffff.txt").write_text(
            " date 2016-12-30 BERN -- A new story arrives in Bern.\n\nIt changes every list.\n")
    parent = subprocess.Popen(
        [sys.executable, "-c", DRIVER.format(repo=str(REPO), root=str(root), stage=stage)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    workers = worker_pids(parent, 2)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 3
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.02)
    alive = [pid for pid in workers if running(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert alive == []
    _, report = build_project(Path(root))  # no "another Dateline build is running"
    assert report.counts["articles"] == SEEDS + (stage == "render")


def test_ctrl_c_stops_the_build_with_one_line_and_its_workers(tmp_path):
    root = write_project(tmp_path / "archive", seeds())
    build_project(root)
    live = sorted(p.relative_to(root).as_posix() for p in (root / "_site").rglob("*"))
    (root / "seeds" / "new_ffffffffffffffff.txt").write_text(
        " date 2016-12-30 BERN -- A new story arrives in Bern.\n\nIt changes every list.\n")
    driver = DRIVER.format(repo=str(REPO), root=str(root), stage="render").replace(
        "build_project(Path(", "sys.exit(main(['--config', str(Path(").replace(
        "))\n", ") / 'site.toml'), '--quiet']))\n").replace(
        "from tests.conftest import build_project", "from dateline.cli import main")
    parent = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=REPO, start_new_session=True,
                              preexec_fn=as_from_a_terminal)
    workers = worker_pids(parent, 2)
    os.killpg(parent.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    _, err = parent.communicate(timeout=30)
    assert parent.returncode == 130, err
    assert "Traceback" not in err and err.strip().startswith("interrupted;")
    deadline = time.monotonic() + 3
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(running(pid) for pid in workers)
    assert sorted(p.relative_to(root).as_posix() for p in (root / "_site").rglob("*")) == live
