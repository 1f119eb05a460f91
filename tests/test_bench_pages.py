"""The benchmark's Hugo site is Dateline's page set: the names Hugo gives pages are exactly the
names Dateline gives pages (unified as Dateline unifies them), so "X times Hugo" compares the
same work."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from dateline.config import load_settings
from dateline.content import write_article
from dateline.report import Report
from dateline.site import KINDS, build_site, load_articles
from tests.conftest import REPO, build_project, entity_articles, write_project

BENCH = REPO / "bench" / "run.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _front(path: Path) -> dict:
    head = path.read_text(encoding="utf-8").split("---\n")[1]
    return {key: json.loads(value) for key, value in
            (line.split(": ", 1) for line in head.splitlines())}


def test_hugo_content_names_exactly_the_terms_dateline_gives_pages(tmp_path: Path) -> None:
    # An organization on one story and a tag on one get no page at this threshold.
    root = write_project(tmp_path / "archive", {}, extra_toml="min_tag_archive = 1\n")
    stories = entity_articles()
    stories[0].organizations.append("Geneva Chamber of Commerce")
    stories[0].tags.append("weather")
    for article in stories:
        write_article(article, root / "content")
    build_project(root)
    settings = load_settings(root / "site.toml")
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    _bench().write_hugo_content(root, tmp_path / "posts")
    fronts = [_front(p) for p in sorted((tmp_path / "posts").rglob("*.md"))]
    assert len(fronts) == len(site.articles)
    for kind in KINDS:
        named = {name for front in fronts for name in front[kind]}
        assert named == {term.name for term in site.terms[kind].values()}, kind
    assert "Geneva Chamber of Commerce" in site.articles[-1].organizations
    assert not any("Geneva Chamber of Commerce" in f["organizations"] or "weather" in f["tags"]
                   for f in fronts)
    first = min(site.articles, key=lambda a: a.date)
    mine = next(f for f in fronts if f["slug"] == first.slug)
    assert mine["days"] == [first.date.strftime("%Y/%m/%d")] and mine["years"] == [str(first.date.year)]
