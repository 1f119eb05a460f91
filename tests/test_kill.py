"""A build killed at any moment (SIGKILL) loses nothing: content files stay whole, the live site
is the old complete site or the new one, and the next run finishes cleanly from the leftovers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.content import content_files, is_hand_edited, read_article
from tests.conftest import REPO, write_project

KILLS = 6  # each costs a partial build plus a full recovery build: a few seconds
WORDS = ("market", "bank", "rates", "oil", "talks", "city", "council", "minister", "rebels", "shares",
         "rose", "fell", "said", "traders")


def synthetic_seeds(count: int, variant: int = 0) -> dict[str, str]:
    """Articles spread over four years (four search shards); ``variant`` changes their words."""
    rnd = random.Random(variant)
    seeds = {}
    for i in range(count):
        paragraphs = [" ".join(rnd.choice(WORDS) for _ in range(40)).capitalize() + "."
                      for _ in range(4)]
        date = f"{2010 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        seeds[f"s{i:04d}_{i:016x}.txt"] = f" date {date} CITY{i % 7} -- " + "\n\n".join(paragraphs) + "\n"
    return seeds


def change_seeds(root: Path) -> None:
    """The edit between the old and the new site: changed, removed and new articles, a new year."""
    seeds = root / "seeds"
    for name, text in list(synthetic_seeds(120, variant=1).items())[:15]:
        (seeds / name).write_text(text)
    for path in sorted(seeds.iterdir())[-5:]:
        path.unlink()
    for i in range(20):
        (seeds / f"new{i:02d}.txt").write_text(f" date 2014-03-{1 + i:02d} LIMA -- New story {i} here.\n")


def run_build(root: Path) -> subprocess.Popen:
    # A session of its own, so the kill takes the render workers and Pagefind down with it,
    # as a cancelled CI job or a reboot would.
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml"),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def manifest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*") if p.is_file()}


def pages(files: dict[str, str]) -> dict[str, str]:
    """Everything but the search bundles, whose bytes Pagefind does not reproduce exactly."""
    return {k: v for k, v in files.items() if not k.startswith("pagefind/")}


def mix(now: dict[str, str], before: dict[str, str], after: dict[str, str]) -> str:
    """Which pages are neither the old site's nor the new one's, for the failure message."""
    odd = sorted(k for k in set(pages(now)) | set(pages(after)) if now.get(k) != after.get(k))
    return ", ".join(f"{k} ({'old' if now.get(k) == before.get(k) else 'neither'})" for k in odd[:12])


def assert_search_complete(site: Path, files: dict[str, str]) -> None:
    """Each year's bundle is whole: its entry file, its metadata, one fragment per article."""
    for year in sorted({k.split("/")[0] for k in files if k[:4].isdigit() and k.count("/") == 3}):
        bundle = site / "pagefind" / year
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        [language] = entry["languages"].values()
        articles = [k for k in files if k.startswith(year + "/") and k.count("/") == 3
                    and not k.split("/")[2].isdigit()]  # YYYY/MM/DD/ is the day's page
        assert (bundle / f"pagefind.{language['hash']}.pf_meta").is_file()
        assert language["page_count"] == len(articles) == len(list((bundle / "fragment").iterdir()))


def assert_content_whole(root: Path) -> None:
    for path in content_files(root / "content"):
        text = path.read_text(encoding="utf-8")
        read_article(path, root / "content")
        assert not is_hand_edited(text), f"{path} is cut short"  # its checksum still matches


def wait_for_swap(site: Path, build: subprocess.Popen) -> None:
    """Returns once ``site`` is another folder (the staging one swapped in)."""
    inode = site.stat().st_ino
    while build.poll() is None and site.stat().st_ino == inode:
        time.sleep(0.002)  # on a loaded machine the build may even finish first: also fine


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict, float]:
    """A project built once (the old site), and the manifest and build time of the new one."""
    base = tmp_path_factory.mktemp("kill")
    old = write_project(base / "old", synthetic_seeds(120))
    assert run_build(old).wait(timeout=120) == 0
    reference = base / "reference"
    shutil.copytree(old, reference, symlinks=True)
    change_seeds(reference)
    started = time.perf_counter()
    assert run_build(reference).wait(timeout=120) == 0
    seconds = time.perf_counter() - started
    return old, manifest(old / "_site"), manifest(reference / "_site"), seconds


def test_a_killed_build_leaves_the_old_or_the_new_site_and_the_next_run_completes(
        tmp_path, old_and_new):
    old, before, after, seconds = old_and_new
    assert pages(before) != pages(after)
    rnd = random.Random(6)
    outcomes = set()
    for kill in range(KILLS):
        work = tmp_path / f"run{kill}"
        shutil.copytree(old, work, symlinks=True)
        change_seeds(work)
        build = run_build(work)
        if kill < KILLS - 1:
            time.sleep(seconds * (kill + rnd.random()) / KILLS)  # spread over the whole build
        else:  # the last one lands just after the swap, however slow the machine is today
            wait_for_swap(work / "_site", build)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        assert_content_whole(work)
        now = manifest(work / "_site")
        if now == before:
            outcomes.add("old")
        else:
            assert pages(now) == pages(after), \
                f"kill {kill}: a mix of the old and the new site: {mix(now, before, after)}"
            assert_search_complete(work / "_site", now)
            outcomes.add("new")
        recovery = subprocess.run([sys.executable, str(REPO / "build.py"), "--config",
                                   str(work / "site.toml"), "--quiet"], capture_output=True,
                                  text=True, timeout=120, check=False)
        assert recovery.returncode == 0, recovery.stderr
        finished = manifest(work / "_site")
        assert pages(finished) == pages(after)
        assert_search_complete(work / "_site", finished)
        assert not list(work.rglob("*.tmp")) and not (work / "._site.staging").exists()
        assert_content_whole(work)
    assert outcomes == {"old", "new"}  # the kills did land on both sides of the swap


def test_leftovers_of_a_killed_run_neither_break_nor_pollute_the_next(tmp_path):
    root = write_project(tmp_path / "archive", synthetic_seeds(4))
    assert run_build(root).wait(timeout=120) == 0
    before = manifest(root / "_site")
    [first, *_] = content_files(root / "content")
    half_written = first.with_name(f".{first.name}.4242.tmp")
    half_written.write_text("---\nid: 0000\ntitle: half a fi")
    staging = root / "._site.staging"  # a killed render: half a site, and a temp file in it
    staging.mkdir()
    (staging / "junk.html").write_text("<p>half</p>")
    (staging / ".index.html.4242.tmp").write_text("half")
    (root / ".dateline-cache" / "ingest.running").touch()  # the ingest did not finish either
    (root / ".dateline-cache" / "articles.pickle").write_bytes(b"\x80\x05 cut sho")
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr and "skipped" not in done.stderr
    assert not half_written.exists() and not staging.exists()
    assert pages(manifest(root / "_site")) == pages(before)
