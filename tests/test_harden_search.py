"""Every value the search page's UI shows, filters and meta included, is inert text: markup in a
dateline, a place or a tag an editor typed shows as the characters it is (headless Chromium,
typing into the real search box and opening every filter list)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from dateline.serve import make_server
from tests.conftest import SUBPATH, assert_no_script_ran, build_project, write_project

pytestmark = pytest.mark.browser

DATELINE = "<img src=x onerror=alert(document.domain)>"
HOSTILE_TAG = "<img src=x onerror=window.__pwned=21>"
HOSTILE_PLACE = "<svg onload=window.__pwned=22>"
AMPERSAND = "AT&T <b>bold</b>"
SEEDS = {
    "xss_aaaaaaaaaaaaaaaa.txt": f" date 2016-12-09 {DATELINE} -- Zebrafish were seen in the harbour.\n\n"
                                "Fishermen said the zebrafish came back.\n",
    "ok_bbbbbbbbbbbbbbbb.txt": " date 2016-12-10 GENEVA -- Zebrafish talks opened in Geneva.\n\n"
                               "Envoys spoke about zebrafish.\n",
    # Text that shows on its page as the characters '&lt;img ...&gt;', which Pagefind's
    # second decoding turns into '<img ...>'.
    "amp_cccccccccccccccc.txt": " date 2016-12-11 ROME -- Zebrafish and &lt;img src=x "
                                "onerror=window.__pwned=24&gt; and &amp;lt;b&amp;gt;.\n\n"
                                "More zebrafish.\n",
}


def add_editor_terms(root: Path) -> None:
    """An editor adds a tag and a place with markup in them to one article's front matter."""
    path = next((root / "content").rglob("*.md"))
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith("tags:"):
            line = f'tags: ["{HOSTILE_TAG}", "{AMPERSAND}", zebrafish]'
        if line.startswith("places:"):
            line = f'places: ["{HOSTILE_PLACE}", Geneva]'
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_search(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = write_project(tmp_path_factory.mktemp("xss") / "archive", SEEDS,
                         base_url=f"https://example.org{SUBPATH}")
    build_project(root)
    add_editor_terms(root)
    build_project(root)
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


def open_filters(page: Page) -> list[str]:
    """Search for the shared word, open every filter group, return the filter values shown."""
    box = page.locator(".search-input")
    box.wait_for()
    box.type("zebrafish", delay=20)
    page.locator(".search-result").nth(len(SEEDS) - 1).wait_for()
    groups = page.locator(".search-filter:not([hidden])")
    groups.first.wait_for()
    for n in range(groups.count()):
        summary = groups.nth(n).locator("summary")
        if groups.nth(n).get_attribute("open") is None:
            summary.click()
    page.wait_for_timeout(300)
    labels = page.locator(".filter-label").all_inner_texts()
    return [label.rsplit(" (", 1)[0] for label in labels]


def test_filter_values_with_markup_show_as_text_and_run_nothing(hostile_search, watched):
    watched.goto(hostile_search + "search/")
    shown = open_filters(watched)
    assert {DATELINE, HOSTILE_TAG, HOSTILE_PLACE, AMPERSAND, "Geneva"} <= set(shown)
    assert watched.locator(".search-filters img, .search-filters svg[onload], "
                           ".search-filters b").count() == 0
    assert_no_script_ran(watched, "#search img[onerror], #search [onload]")


def test_choosing_a_hostile_filter_still_finds_its_article(hostile_search, watched):
    watched.goto(hostile_search + "search/")
    open_filters(watched)
    watched.locator(".filter-value", has_text=HOSTILE_TAG).locator("input").check()
    watched.wait_for_timeout(500)
    assert watched.locator(".search-result").count() == 1
    assert_no_script_ran(watched, "#search img[onerror], #search [onload]")


def test_a_query_with_markup_in_the_address_runs_nothing(hostile_search, watched):
    watched.goto(hostile_search + "search/?q=" + quote("<img src=x onerror=window.__pwned=23>"))
    watched.locator(".search-status").wait_for()
    assert_no_script_ran(watched, "#search img[onerror], #search [onload]")


def test_the_dateline_and_titles_in_results_are_text(hostile_search, watched):
    watched.goto(hostile_search + "search/")
    open_filters(watched)
    titles = watched.locator(".search-result-link").all_inner_texts()
    assert len(titles) == len(SEEDS)
    excerpts = " ".join(watched.locator(".search-excerpt").all_inner_texts())
    # Shown as text (Pagefind decodes the page's '&lt;' to '<' in its excerpt, but escapes it)
    assert "img src=x onerror=window.__pwned=24" in excerpts
    assert_no_script_ran(watched, "#search img[onerror], #search [onload]")


@pytest.mark.parametrize("tag", [AMPERSAND, HOSTILE_TAG])
def test_a_filter_named_in_the_address_finds_its_article_and_runs_nothing(hostile_search, watched, tag):
    # As a hub's "search within these stories" link names it: the value as typed, URL-encoded.
    watched.goto(hostile_search + "search/?tag=" + quote(tag))
    watched.wait_for_function("document.getElementById('search').dataset.done === location.search")
    assert watched.locator(".search-result").count() == 1
    values = watched.locator(".search-filter[data-filter=tag] .filter-value")
    chosen = values.filter(has=watched.locator("input:checked"))
    assert chosen.count() == 1 and chosen.locator(".filter-label").inner_text() == tag
    assert_no_script_ran(watched, "#search img[onerror], #search [onload]")
