"""Ingest remembers what it wrote as a scan of content/ would read it, so the run after a cold
build parses no content file's front matter."""

from __future__ import annotations

import pickle
from pathlib import Path

from dateline import ingest
from dateline.config import load_settings
from dateline.content import read_article
from dateline.report import Report
from tests.conftest import SEED, build_project, corpus_seeds, write_project
from tests.test_incremental import TOML, seed_text, seeds


def test_the_scan_cache_after_a_cold_build_is_what_a_scan_finds(tmp_path):
    root = write_project(tmp_path / "a", {**seeds(6), "copy.txt": seed_text(2)}, extra_toml=TOML)
    build_project(root)
    scan = pickle.loads((root / ".dateline-cache" / ingest.SCAN_FILE).read_bytes())
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
