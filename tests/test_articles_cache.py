"""The articles cache (site.load_articles): a correction writes the entries changed since the
cache was last written whole beside it, not the whole cache again; read back, both give the
articles the content files hold, and a damaged or stale file of changes is no change."""

from __future__ import annotations

import os

import pytest

from dateline import site as site_module
from dateline import snapshot
from dateline.config import load_settings
from dateline.content import content_files
from dateline.report import Report
from dateline.site import CACHE_CHANGES, CACHE_FILE, load_articles
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, seeds


@pytest.fixture(autouse=True)
def _model_made_each_build(monkeypatch):
    """The cache is read where the model is made: a body edit alone takes the model the last
    build kept (snapshot.py) and reads no cache, so these builds make it each time."""
    monkeypatch.setattr(snapshot, "recalled", lambda *args: (None, None))


def _bodies(root) -> dict[str, str]:
    settings = load_settings(root / "site.toml")
    return {a.path: a.body for a in load_articles(settings, Report(quiet=True))}


def _stamp(path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns


def test_a_correction_writes_only_the_changed_entries_and_reads_back_the_new_text(tmp_path):
    root = write_project(tmp_path / "a", seeds(30), extra_toml=TOML)
    build_project(root)
    cache = root / ".dateline-cache"
    whole = _stamp(cache / CACHE_FILE)
    first, second = content_files(root / "content")[3:5]
    for target in (first, second):
        target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
        build_project(root)
        assert _stamp(cache / CACHE_FILE) == whole and (cache / CACHE_CHANGES).is_file()
    bodies = _bodies(root)
    rel = lambda p: p.relative_to(root / "content").as_posix()  # noqa: E731
    assert all(bodies[rel(p)].endswith("Talks went on.\n") for p in (first, second))
    (cache / CACHE_FILE).unlink()  # what the cache gives is what the files give
    (cache / CACHE_CHANGES).unlink()
    assert _bodies(root) == bodies


def test_past_its_share_of_changes_the_cache_is_written_whole_again(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(30), extra_toml=TOML)
    build_project(root)
    cache = root / ".dateline-cache"
    whole = _stamp(cache / CACHE_FILE)
    monkeypatch.setattr(site_module, "CHANGES_MAX", 0.0)
    monkeypatch.setattr(site_module, "CHANGES_MIN", 0)
    target = content_files(root / "content")[3]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
    build_project(root)
    assert _stamp(cache / CACHE_FILE) != whole and not (cache / CACHE_CHANGES).exists()


def test_a_damaged_or_stale_file_of_changes_is_no_change(tmp_path):
    root = write_project(tmp_path / "a", seeds(30), extra_toml=TOML)
    build_project(root)
    cache = root / ".dateline-cache"
    target = content_files(root / "content")[3]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
    build_project(root)
    right = _bodies(root)
    changes = (cache / CACHE_CHANGES).read_bytes()
    for damage in (changes[:30], b"garbage", changes.replace(b"token", b"tokex")):
        (cache / CACHE_CHANGES).write_bytes(damage)
        assert _bodies(root) == right  # the edited file is read again, as the whole file's entry is old
