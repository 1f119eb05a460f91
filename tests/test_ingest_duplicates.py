"""A seed found to be a copy of another is not extracted again while neither changes, yet it
is still named on every run, and becomes the article when the one it copies goes."""

from __future__ import annotations

from pathlib import Path

from dateline import ingest
from dateline.content import content_files, read_article
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, seed_text, seeds


def reads(monkeypatch) -> list[str]:
    """The seed files each following run reads (parsing runs in this process for few seeds)."""
    seen: list[str] = []
    real = ingest.read_seed

    def counted(path, *args, **kwargs):
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "read_seed", counted)
    return seen


def sources(root: Path) -> set[str]:
    return {read_article(p, root / "content").source for p in content_files(root / "content")}


def test_a_known_copy_is_not_read_again_but_still_named(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", {**seeds(6), "copy.txt": seed_text(2)}, extra_toml=TOML)
    _, first = build_project(root)
    warning = [w for w in first.warnings if w.startswith("seeds/copy.txt")]
    assert warning and "same article as seeds/002.txt" in warning[0]
    seen = reads(monkeypatch)
    (root / "seeds" / "100.txt").write_text(seed_text(100))  # something new: a real run
    _, report = build_project(root)
    assert seen == ["100.txt"]
    assert [w for w in report.warnings if w.startswith("seeds/copy.txt")] == warning
    assert "copy.txt" not in sources(root)


def test_a_copy_is_read_again_when_its_original_changes(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", {**seeds(6), "copy.txt": seed_text(2)}, extra_toml=TOML)
    build_project(root)
    seen = reads(monkeypatch)
    original = root / "seeds" / "002.txt"
    original.write_text(seed_text(2).replace("would go on", "would resume"))
    _, report = build_project(root)
    assert sorted(seen) == ["002.txt", "copy.txt"]
    assert not any(w.startswith("seeds/copy.txt") for w in report.warnings)  # no longer a copy
    assert {"002.txt", "copy.txt"} <= sources(root)


def test_a_copy_becomes_the_article_when_its_original_goes(tmp_path):
    root = write_project(tmp_path / "a", {**seeds(6), "copy.txt": seed_text(2)}, extra_toml=TOML)
    build_project(root)
    [page] = [p for p in content_files(root / "content")
              if read_article(p, root / "content").source == "002.txt"]
    (root / "seeds" / "002.txt").unlink()
    page.unlink()
    _, report = build_project(root)
    assert "copy.txt" in sources(root) and "002.txt" not in sources(root)
    assert not any("same article as" in w for w in report.warnings)
