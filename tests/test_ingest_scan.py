"""Ingest remembers what it wrote as a scan of content/ would read it, so the run after a cold
build parses no content file's front matter."""

from __future__ import annotations

from pathlib import Path

from dateline import ingest, journal
from dateline.config import load_settings
from dateline.content import read_article
from dateline.report import Report
from tests.conftest import SEED, build_project, corpus_seeds, write_project
from tests.test_incremental import TOML, seed_text, seeds


def test_the_scan_cache_after_a_cold_build_is_what_a_scan_finds(tmp_path):
    root = write_project(tmp_path / "a", {**seeds(6), "copy.txt": seed_text(2)}, extra_toml=TOML)
    build_project(root)
    cache = root / ".dateline-cache"
    scan, _ = journal.load(cache / ingest.SCAN_FILE, cache / ingest.SCAN_CHANGES, ingest.SCAN_FORMAT)
    content = root / "content"
    files = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    assert sorted(scan) == files
    for rel in files:
        key, entry = scan[rel]
        assert key == ingest._stat_key(content / rel)
        assert entry == ingest._scan_one(content / rel, rel)


def test_the_run_after_a_cold_build_parses_no_content_file(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(6), extra_toml=TOML)
    build_project(root)
    parsed = []
    real = ingest._scan_one
    monkeypatch.setattr(ingest, "_scan_one", lambda path, rel: parsed.append(rel) or real(path, rel))
    (root / "seeds" / "100.txt").write_text(seed_text(100))
    _, report = build_project(root)
    assert report.counts["articles written"] == 1 and parsed == []


FIXTURES = Path(__file__).parent / "fixtures"


def test_the_articles_ingest_hands_on_are_what_their_files_read_back_as(tmp_path):
    odd = sorted(p for p in FIXTURES.rglob("*.txt") if p.is_file())
    root = write_project(tmp_path / "a", [SEED, *odd, *corpus_seeds(100, step=120)], extra_toml=TOML)
    settings = load_settings(root / "site.toml")
    handed: dict = {}
    ingest.ingest(settings, Report(quiet=True), articles=handed)
    content = root / "content"
    assert handed and sorted(handed) == sorted(p.relative_to(content).as_posix()
                                               for p in content.rglob("*.md"))
    for rel, (key, article) in handed.items():
        stat = (content / rel).stat()
        assert key == (stat.st_mtime_ns, stat.st_size)
        assert article == read_article(content / rel, content)


def test_a_correction_writes_only_its_scan_entry_beside_the_whole_scan(tmp_path):
    """A content file edited by hand moves one entry of the scan: the whole scan (~0.4 KB a
    file) stays as it was and the entry goes beside it; read back, both are what a scan finds."""
    root = write_project(tmp_path / "a", seeds(30), extra_toml=TOML)
    build_project(root)
    cache = root / ".dateline-cache"
    whole = (cache / ingest.SCAN_FILE).stat()
    content = root / "content"
    target = sorted(content.rglob("*.md"))[4]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
    build_project(root)
    after = (cache / ingest.SCAN_FILE).stat()
    assert (after.st_ino, after.st_mtime_ns) == (whole.st_ino, whole.st_mtime_ns)
    assert (cache / ingest.SCAN_CHANGES).is_file()
    scan, _ = journal.load(cache / ingest.SCAN_FILE, cache / ingest.SCAN_CHANGES, ingest.SCAN_FORMAT)
    for path in content.rglob("*.md"):
        rel = path.relative_to(content).as_posix()
        assert scan[rel] == (ingest._stat_key(path), ingest._scan_one(path, rel))
    assert scan[target.relative_to(content).as_posix()][1][1].edited
