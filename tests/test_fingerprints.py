"""Settings that change no page's bytes re-render no page."""

from __future__ import annotations

from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, seeds


def test_changing_workers_or_the_size_warning_renders_nothing_again(tmp_path):
    root = write_project(tmp_path / "a", seeds(8), extra_toml=TOML)
    build_project(root)
    toml = root / "site.toml"
    toml.write_text(toml.read_text().replace("workers = 2", "workers = 1\nsize_warning_mb = 500"))
    _, report = build_project(root)
    assert report.counts["articles"] == 8
    assert report.counts["pages rendered"] == 0 and report.counts["pages changed"] == 0
