"""The quick plan (render._quick_plan): under one links digest (a correction to a story's text)
only the pages holding a changed story are digested again; its fingerprints and to-do are the
full plan's, and any other change (a name, a headline, a removed story) takes the full plan."""

from __future__ import annotations

import re

from dateline import pagereads, render
from dateline.config import Settings
from dateline.content import content_files
from dateline.pipeline import RENDER_STATE, read_state
from dateline.report import Report
from dateline.site import build_site, load_articles
from tests.conftest import build_project, calls_to, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, edit_name_tag_and_headline, seeds


def _plan(settings: Settings, reads_cache: bool = True) -> render.Plan:
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    state = read_state(settings.path("cache") / RENDER_STATE)
    cache = settings.path("cache") / pagereads.CACHE_FILE
    return render.plan(site, settings.path("output"), settings.path("templates"), settings.path("static"),
                       state["pages"], cache if reads_cache else None)


def _full_plans(monkeypatch) -> list[int]:
    return calls_to(monkeypatch, render, "_full_plan")


def test_a_body_edit_plans_as_the_full_plan_does_without_digesting_every_page(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    settings, _ = build_project(root)
    target = content_files(root / "content")[5]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
    calls = _full_plans(monkeypatch)
    quick = _plan(settings)
    assert calls == []
    full = _plan(settings, reads_cache=False)  # every page digested from nothing
    assert calls == [1]
    assert dict(quick.fingerprints) == dict(full.fingerprints)
    assert list(quick.todo) == list(full.todo) and 0 < len(quick.todo) < 30
    assert quick.few is not None and len(quick.few) == len(quick.todo)


def test_a_body_edit_renders_again_a_page_whose_file_went_missing(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    (root / "_site" / "archive" / "index.html").unlink()
    target = content_files(root / "content")[3]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
    calls = _full_plans(monkeypatch)
    build_project(root)
    assert calls == [] and (root / "_site" / "archive" / "index.html").is_file()
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_name_or_headline_edit_takes_the_full_plan_and_reaches_every_page_showing_it(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    edit_name_tag_and_headline(*content_files(root / "content")[:2])
    calls = _full_plans(monkeypatch)
    build_project(root)
    assert calls == [1]
    assert (root / "_site" / "people" / "jane-roe" / "index.html").is_file()
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_removed_story_vanishes_from_every_page(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    gone = content_files(root / "content")[4]
    url = "/" + re.sub(r"\.md$", "/", gone.relative_to(root / "content").as_posix())
    title = re.search(r"^title: (.+)$", gone.read_text(), re.M).group(1)
    (root / "seeds" / re.search(r"^source: (.+)$", gone.read_text(), re.M).group(1)).unlink()
    gone.unlink()
    calls = _full_plans(monkeypatch)
    build_project(root)
    assert calls == [1]
    for page in (root / "_site").rglob("*"):
        if page.is_file() and "pagefind" not in page.parts:
            text = page.read_text(errors="replace")
            assert url not in text and title not in text, page
    assert_same_site(root, cold_twin(root, tmp_path / "b"))
