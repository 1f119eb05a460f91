"""Accessibility by axe-core (npm), injected into the real pages in headless Chromium, in the
light and the dark colour scheme: no serious or critical violation on any page a reader uses."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from dateline.serve import make_server
from tests.conftest import REPO, SUBPATH

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
# Pages of the hand-written archive (it has a page of every kind) and what to wait for on each.
PAGES = {
    "home": ("", ".article-list"),
    "article": ("2016/01/envoys-meet-in-geneva-round-2/", "#citation"),
    "person": ("people/john-kerry/", ".article-list"),
    "tag": ("tags/diplomacy/", ".article-list"),
    "place": ("places/geneva/page/2/", ".pager"),
    "people index": ("people/", ".term-index"),
    "year": ("2016/", ".calendar"),
    "month": ("2016/01/", ".calendar"),
    "dates": ("archive/", ".year-row"),
    "day": ("2016/01/19/", ".days"),
    "on this day": ("on-this-day/01-19/", ".on-this-day"),
    "search results": ("search/?q=Geneva", ".search-result-link"),
    "404": ("no/such/page/", ".search-input"),
}


@pytest.fixture(scope="module")
def entity_served(entity_site) -> Iterator[str]:
    server = make_server(entity_site / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


def blocking_violations(page: Page) -> list[str]:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `bash scripts/setup.sh dev` (npm ci installs it)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_on_any_page(entity_served, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(15_000)
    found = {}
    for name, (path, ready) in PAGES.items():
        page.goto(entity_served + path)
        page.locator(ready).first.wait_for()
        found[name] = blocking_violations(page)
    context.close()
    failing = {name: problems for name, problems in found.items() if problems}
    assert failing == {}, "\n".join(f"{name}: {p}" for name, problems in failing.items() for p in problems)


def test_sample_site_front_page_and_a_real_article_pass_too(served, browser):
    page = browser.new_page()
    page.goto(served)
    assert blocking_violations(page) == []
    page.locator(".article-list a").first.click()
    page.locator("#citation").wait_for()
    assert blocking_violations(page) == []
    page.close()


def test_axe_does_report_a_serious_violation(browser):
    """The checks above can fail: low contrast and an unlabelled field are reported."""
    page = browser.new_page()
    page.set_content('<!doctype html><html lang="en"><title>t</title><main>'
                     '<p style="color:#ccc;background:#fff">faint</p><input type="text"></main></html>')
    found = " ".join(blocking_violations(page))
    page.close()
    assert "color-contrast" in found and "label" in found
