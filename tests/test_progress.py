"""A long build's progress line: stage, count, rate and time left, redrawn on one line when
stderr is a terminal (a pty here), erased before any report line and at the stage's end, and
nothing at all in a log; the site built is the same either way."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dateline import progress
from dateline.article import Article
from dateline.content import write_article
from dateline.report import Report
from tests.conftest import REPO, write_project

ARTICLES = 2400  # ~7,000 pages: a render well past SHOW_AFTER on two fast workers (800 was not, once)


def test_the_line_says_stage_count_rate_and_time_left():
    assert progress.line("render", 4210, 10_000, "pages", 5.18) == \
        "render: 4,210/10,000 pages, 813/s, 7 s left"
    assert progress.line("reading seeds", 0, 64, "seeds", 0.6) == "reading seeds: 0/64 seeds"
    assert progress.line("search index", 3, 12, "shards", 4.0) == \
        "search index: 3/12 shards, 0.8/s, 12 s left"
    assert progress.line("render", 100, 10_100, "pages", 10.0).endswith("10/s, 16 min 40 s left")
    assert progress.line("render", 100, 100_100, "pages", 10.0).endswith("2 h 46 min left")
    assert progress.line("render", 10, 10, "pages", 1.0) == "render: 10/10 pages, 10/s"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def drawn(screen: Terminal, shows: Callable[[str], bool]) -> None:
    deadline = time.monotonic() + 10
    while not shows(screen.getvalue()):
        assert time.monotonic() < deadline, screen.getvalue()
        time.sleep(0.01)


def test_a_report_line_goes_above_the_progress_line_which_is_erased_at_the_end(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(progress, "REDRAW_EVERY", 0.01)
    screen = Terminal()
    report = Report(progress=progress.Progress(screen))
    monkeypatch.setattr(sys, "stderr", screen)
    with report.progress.stage("reading seeds", 4, "seeds"):
        progress.advance(3)
        drawn(screen, lambda text: "3/4 seeds" in text)
        report.warn("seeds/x.txt", "not UTF-8; read as Windows-1252")
        drawn(screen, lambda text: "3/4 seeds" in text.rsplit("\n", 1)[-1])  # redrawn below it
    text = screen.getvalue()
    assert "\r\x1b[Kreading seeds: 3/4 seeds, " in text
    # The warning starts on an erased line and ends its own; the stage ends erased.
    assert "\r\x1b[Kwarning: seeds/x.txt: not UTF-8; read as Windows-1252\n" in text
    assert text.endswith("\r\x1b[K")
    assert not Report(quiet=True, progress=progress.Progress(Terminal())).progress.enabled


def many_articles(root: Path) -> None:
    for n in range(ARTICLES):
        day = dt.date(2001, 1, 1) + dt.timedelta(days=n)
        write_article(Article(
            id=f"p{n:015d}", slug=f"story-{n}", title=f"Story number {n} of the progress test",
            date=day, dateline="OSLO", summary=f"Story {n}.", body=f"Text of story {n}.\n",
            people=[f"Person {n % 40}"], places=["Oslo"], tags=["testing"],
            path=f"{day:%Y/%m}/story-{n}.md"), root / "content")


# Where the machine has no pty device (a chroot without /dev/pts): the build's stderr is a pipe
# that says it is a terminal, so the same drawing is read back.
AS_IF_A_TERMINAL = """import io, runpy, sys
class Terminal(io.TextIOWrapper):
    def isatty(self):
        return True
sys.stderr = Terminal(open(2, "wb", buffering=0, closefd=False), write_through=True)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def on_a_terminal(root: Path) -> tuple[int, str]:
    """Build with stderr on a pty, as in a terminal; the exit status and all the pty showed."""
    try:
        reader, writer = os.openpty()
    except OSError:  # no pty device here
        done = subprocess.run([sys.executable, "-c", AS_IF_A_TERMINAL, str(REPO / "build.py"), "--config",
                               str(root / "site.toml")], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=600, check=False)
        return done.returncode, done.stderr.decode().replace("\n", "\r\n")  # as a pty shows it
    build = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml")],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=writer)
    os.close(writer)
    screen = b""
    while True:  # read as it comes, so a full pty never holds the build up
        try:
            chunk = os.read(reader, 65536)
        except OSError:  # EIO: the build has closed its end
            break
        if not chunk:
            break
        screen += chunk
    os.close(reader)
    return build.wait(timeout=600), screen.decode()


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind")}


def test_a_build_on_a_terminal_shows_progress_and_in_a_log_says_nothing_more(tmp_path):
    terminal = write_project(tmp_path / "terminal", {}, extra_toml="[search]\nenabled = false\n")
    many_articles(terminal)
    logged = tmp_path / "logged"
    shutil.copytree(terminal, logged)

    status, text = on_a_terminal(terminal)
    assert status == 0
    drawn = re.findall(r"\r\x1b\[Krender: ([\d,]+)/([\d,]+) pages, [\d,.]+/s(, [^\r]* left)?", text)
    assert drawn, text[-2000:]
    total = int(drawn[0][1].replace(",", ""))
    assert total > 2 * ARTICLES
    counts = [int(done.replace(",", "")) for done, _, _ in drawn]
    assert counts == sorted(counts) and any(0 < c < total for c in counts)  # counted as workers go
    assert any(left for _, _, left in drawn)
    # Every drawing is erased before the report goes on: no line of it holds a progress line.
    lines = text.replace("\r\n", "\n").split("\n")
    assert all(not re.search(r"pages, [\d,.]+/s", line.rsplit("\r\x1b[K", 1)[-1]) for line in lines)
    assert any(line.endswith("files at " + str(terminal / "_site")) for line in lines)

    piped = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(logged / "site.toml")],
                           check=False, capture_output=True, text=True, timeout=600)
    assert piped.returncode == 0
    assert "\r" not in piped.stderr and "\x1b" not in piped.stderr and "pages, " not in piped.stderr
    assert site_files(logged / "_site") == site_files(terminal / "_site")
