"""Valid HTML (and CSS and SVG) by the Nu HTML Checker, the W3C's validator, run from the npm
package vnu-jar on the installed Java, over a sample of every kind of page the site has."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TERM_KINDS = ("people", "places", "organizations", "tags")
SAMPLE_ARTICLES = 60  # real wire text: odd characters, long datelines, <Reuters tickers>


def every_page_type(site: Path) -> list[Path]:
    """One or two of each template: home, 404, archive, year, month (and its page 2), day, on
    this day, article,
    each term index, each term page (and its page 2), search; plus the stylesheet and icon."""
    picks = ["index.html", "404.html", "archive/index.html", "search/index.html",
             "static/style.css", "static/favicon.svg"]
    patterns = ["[0-9]*/index.html", "[0-9]*/[0-9]*/index.html", "[0-9]*/[0-9]*/page/2/index.html",
                "[0-9]*/[0-9]*/[0-9][0-9]/index.html", "on-this-day/*/index.html"]
    for kind in TERM_KINDS:
        picks.append(f"{kind}/index.html")
        patterns += [f"{kind}/*/index.html", f"{kind}/*/page/2/index.html"]
    for pattern in patterns:
        picks += [p.relative_to(site).as_posix() for p in sorted(site.glob(pattern))[:1]]
    return [site / rel for rel in dict.fromkeys(picks) if (site / rel).is_file()]


def articles(site: Path, count: int) -> list[Path]:
    pages = sorted(site.glob("[0-9]*/[0-9]*/*/index.html"))
    return [p for p in pages if p.parent.parent.name != "page"][:: max(1, len(pages) // count)][:count]


def vnu_errors(files: list[Path]) -> list[str]:
    """The checker's errors as 'file:line: message' (warnings are left to people)."""
    if not VNU.is_file() or not shutil.which("java"):
        pytest.fail("vnu.jar or Java is missing: run `bash scripts/setup.sh dev` (npm ci installs vnu-jar)")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                           "--also-check-css", "--also-check-svg", *map(str, files)],
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode not in (0, 1):  # 1 means "found errors"; anything else, it did not run
        pytest.fail(f"the Nu HTML Checker failed: {done.stderr[-2000:]}")
    report = json.loads(done.stderr or done.stdout)
    return [f"{m.get('url', '').split('_site/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
            for m in report["messages"]]


def test_every_page_type_is_valid_html(entity_site, sample_site):
    entity_pages = every_page_type(entity_site / "_site")
    sample_pages = every_page_type(sample_site / "_site") + articles(sample_site / "_site", SAMPLE_ARTICLES)
    names = {p.relative_to(entity_site / "_site").as_posix() for p in entity_pages}
    for kind in TERM_KINDS:  # the hand-written archive has a page of every kind
        assert f"{kind}/index.html" in names and any(n.startswith(f"{kind}/") and "/page/2/" in n
                                                     for n in names)
    assert len(sample_pages) >= 40
    assert vnu_errors(entity_pages + sample_pages) == []


def test_the_checker_does_find_errors(tmp_path):
    """The check above can fail: a page with the mistakes templates tend to make is reported."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><head><title>x</title>'
                      '<meta data-pagefind-meta="date:2016"></head><body><h1>a</h1><h3>b</h3>'
                      '<img src="a.png"></body></html>', encoding="utf-8")
    errors = vnu_errors([broken])
    assert any("meta" in e for e in errors) and any("alt" in e for e in errors)
