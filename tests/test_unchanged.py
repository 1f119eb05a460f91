"""A run with nothing new ends early, touching no file and saying what the last run said; any
change to what a build reads still makes a real build, equal to a cold one."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from dateline.content import content_files
from dateline.pipeline import build
from dateline.report import Report
from dateline.unchanged import RECORD_FILE
from tests.conftest import REPO, build_project, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, edit, seed_text, seeds


def stamps(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder of the project with its inode, size and mtime."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            out[os.path.relpath(path, root)] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return out


def archive(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    return write_project(tmp_path / "a", {**seeds(8), **(extra or {})}, extra_toml=TOML)


def test_a_run_with_nothing_new_touches_no_file_and_repeats_the_report(tmp_path):
    # A duplicate seed (a warning) and an empty one (a skip): both must be said again.
    root = archive(tmp_path, {"dup.txt": seed_text(3, month=4), "empty.txt": ""})
    build_project(root)
    _, real = build_project(root)  # nothing new, the long way round: what a no-op reports
    before = stamps(root)
    _, quick = build_project(root)
    assert stamps(root) == before
    assert quick.warnings == real.warnings and any("same article as" in w for w in quick.warnings)
    assert quick.skipped == real.skipped and quick.skip_kinds == real.skip_kinds
    assert quick.counts == real.counts
    assert quick.lines == real.lines


def test_an_edited_or_deleted_content_file_is_built_after_a_run_with_nothing_new(tmp_path):
    root = archive(tmp_path)
    build_project(root)
    build_project(root)
    first, second = content_files(root / "content")[:2]
    edit(first, "\ntitle: ", "\ntitle: Amended ")
    build_project(root)
    assert "Amended" in (root / "_site" / "index.html").read_text()
    assert_same_site(root, cold_twin(root, tmp_path / "b"))
    source = re.search(r"^source: (.+)$", second.read_text(), re.M).group(1)
    (root / "seeds" / source).unlink()
    second.unlink()
    build_project(root)
    assert_same_site(root, cold_twin(root, tmp_path / "c"))


def test_a_new_seed_is_built_after_a_run_with_nothing_new(tmp_path):
    root = archive(tmp_path)
    build_project(root)
    build_project(root)
    (root / "seeds" / "900.txt").write_text(seed_text(900, month=5))
    _, report = build_project(root)
    assert report.counts["articles written"] == 1
    assert (root / "_site" / "2017" / "05" / "index.html").is_file()
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_changed_templates_and_settings_are_built_after_a_run_with_nothing_new(tmp_path):
    root = archive(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    toml = root / "site.toml"
    toml.write_text(re.sub(r'templates = "[^"]*"', f'templates = "{templates}"', toml.read_text()))
    build_project(root)
    build_project(root)
    edit(templates / "macros.html", "Skip to content", "Skip to the story")
    build_project(root)
    assert "Skip to the story" in (root / "_site" / "index.html").read_text()
    build_project(root)
    edit(toml, 'title = "Test Archive"', 'title = "Wire Desk"')
    build_project(root)
    assert "Wire Desk" in (root / "_site" / "index.html").read_text()


def test_a_deleted_site_is_built_again_after_a_run_with_nothing_new(tmp_path):
    root = archive(tmp_path)
    build_project(root)
    build_project(root)
    shutil.rmtree(root / "_site")
    build_project(root)
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_seed_refused_for_a_future_date_is_read_again_on_another_day(tmp_path):
    root = archive(tmp_path, {"late.txt": " date 2999-01-01 PARIS -- Not yet.\n"})
    _, report = build_project(root)
    assert any("in the future" in problem for _, problem in report.skipped)
    record_path = root / ".dateline-cache" / RECORD_FILE
    record = json.loads(record_path.read_text())
    assert record["today"]
    record_path.write_text(json.dumps({**record, "today": "2000-01-01"}))  # as if written then
    build_project(root)
    assert json.loads(record_path.read_text())["today"] != "2000-01-01"  # a real run wrote it


def test_a_refresh_is_never_cut_short(tmp_path):
    root = archive(tmp_path)
    settings, _ = build_project(root)
    record_path = root / ".dateline-cache" / RECORD_FILE
    record_path.write_text(json.dumps({**json.loads(record_path.read_text()), "mark": 1}))
    build(settings, Report(quiet=True), refresh=True)
    assert "mark" not in json.loads(record_path.read_text())  # written anew by a real run
