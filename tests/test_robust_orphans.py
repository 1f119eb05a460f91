"""A build killed on its own (not its whole process group, as a careless `kill PID` does) must
not leave Pagefind running and writing into the staging folder the next build reuses.
search.py starts Pagefind through ``children.die_with_parent``; this checks that mechanism with a child
that would otherwise outlive its parent by half a minute."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO

PARENT = """
import subprocess, sys, time
sys.path.insert(0, {repo!r})
from dateline.children import die_with_parent
child = subprocess.Popen(["sleep", "30"], preexec_fn={preexec})
print(child.pid, flush=True)
time.sleep(60)
"""


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited and only waits to be reaped


def child_after_parent_is_killed(preexec: str) -> bool:
    parent = subprocess.Popen([sys.executable, "-c", PARENT.format(repo=str(REPO), preexec=preexec)],
                              stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 2
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    alive = running(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    return alive


def test_a_child_started_like_pagefind_dies_with_its_killed_parent():
    assert child_after_parent_is_killed("die_with_parent") is False


def test_without_it_the_child_would_live_on():
    assert child_after_parent_is_killed("None") is True
