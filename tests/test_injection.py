"""Seed text is data: markup, script, template and front-matter syntax in a seed are shown as
written and never run, on the article pages, the lists and in search results (headless Chromium)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.content import content_files, read_article
from dateline.serve import make_server
from tests.conftest import SUBPATH, assert_no_script_ran, build_project, write_project

pytestmark = pytest.mark.browser

PAYLOADS = {  # seed file -> (dateline, paragraphs): every paragraph should show exactly as written
    "script_aaaaaaaaaaaaaaaa.txt": ("<script>window.__pwned=1</script>", [
        "<script>window.__pwned=1;alert(1)</script> Rebels said zebrafish were seen.",
        "<img src=x onerror=\"window.__pwned=2;alert(2)\"> came next, then <svg onload=alert(3)>.",
    ]),
    "title_bbbbbbbbbbbbbbbb.txt": ("</title><script>alert(4)</script>", [
        "</title></head><body><script>window.__pwned=4</script> Headline break for zebrafish.",
        "\" onmouseover=\"window.__pwned=5\" x=\" and ' onfocus='window.__pwned=6' quoted.",
    ]),
    "links_cccccccccccccccc.txt": ("GENEVA", [
        "[click me](javascript:window.__pwned=7) and <a href=\"javascript:window.__pwned=8\">x</a>.",
        "<javascript:alert(9)> and [ref][1] then ![img](javascript:alert(10)) zebrafish.",
        "[1]: javascript:alert(11)",
    ]),
    "jinja_dddddddddddddddd.txt": ("{{ 7*7 }}", [
        "{{ 7*7 }} and {% if true %}yes{% endif %} and {# comment #} zebrafish Jinja.",
        "{{ ''.__class__.__mro__ }} {% raw %}raw{% endraw %}",
    ]),
    "front_eeeeeeeeeeeeeeee.txt": ("ROME", [
        "Front matter zebrafish story begins.",
        "---",
        "title: hacked",
        "checksum: 0000",
        "---",
        "# Not a heading *not bold* _not it_ `not code` > not quote &amp; &lt;b&gt; AT&T",
        "1. not a list - and + not either",
    ]),
}


# An editor's headline and names, set in the content file (whatever the extractor makes of seeds).
EDITED_TITLE = "</title><script>window.__pwned=12</script>{{ 7*7 }} [x](javascript:alert(13)) zebrafish"
EDITED_PEOPLE = ["<img src=x onerror=window.__pwned=14>", "{% if 1 %}Jinja{% endif %}"]


def seed_text(dateline: str, paragraphs: list[str]) -> str:
    return f" date 2016-12-09 {dateline} -- " + "\n\n".join(paragraphs) + "\n"


def edit_by_hand(root: Path) -> None:
    [path] = [p for p in content_files(root / "content")
              if read_article(p, root / "content").source.startswith("title_")]
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith(("title:", "people:"))]
    lines.insert(2, f"title: {json.dumps(EDITED_TITLE)}")
    lines.insert(3, f"people: {json.dumps(EDITED_PEOPLE)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = write_project(tmp_path_factory.mktemp("hostile") / "archive",
                         {name: seed_text(*value) for name, value in PAYLOADS.items()},
                         base_url=f"https://example.org{SUBPATH}")
    build_project(root)
    edit_by_hand(root)
    build_project(root)
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}", root
    server.shutdown()


def test_article_pages_show_the_seed_text_and_run_nothing(hostile_site, watched):
    base, root = hostile_site
    articles = {a.source: a for a in (read_article(p, root / "content")
                                      for p in content_files(root / "content"))}
    assert set(articles) == set(PAYLOADS)
    for name, (dateline, paragraphs) in PAYLOADS.items():
        article = articles[name]
        watched.goto(base + article.url_path)
        assert watched.locator(".story .body p").all_inner_texts() == paragraphs
        assert watched.locator("h1").inner_text() == article.title
        assert watched.locator(".story .dateline").text_content() == dateline  # CSS upper-cases it
        assert watched.title().startswith(article.title)
        assert watched.locator(".story .body a[href^='javascript'], .story img, .story script").count() == 0
        assert_no_script_ran(watched)
    assert EDITED_TITLE in {a.title for a in articles.values()}


def test_names_an_editor_typed_show_as_text_on_their_pages(hostile_site, watched):
    base, _ = hostile_site
    watched.goto(base + "people/")
    links = watched.locator("main .term-index a")
    assert set(EDITED_PEOPLE) <= set(links.all_inner_texts())
    for name in EDITED_PEOPLE:
        watched.goto(base + "people/")
        watched.locator("main .term-index a", has_text=name).click()
        assert watched.locator("h1").inner_text() == name
        assert_no_script_ran(watched)


def test_list_pages_and_the_feed_show_headlines_as_text(hostile_site, watched):
    base, root = hostile_site
    titles = {read_article(p, root / "content").title for p in content_files(root / "content")}
    for path in ["", "2016/12/", "2016/"]:
        watched.goto(base + path)
        shown = set(watched.locator("main a").all_inner_texts())
        if path != "2016/":
            assert titles <= shown
        assert_no_script_ran(watched)
    watched.goto(base + "feed.xml")
    assert_no_script_ran(watched)


def test_search_results_show_the_text_and_run_nothing(hostile_site, watched):
    base, root = hostile_site
    titles = {read_article(p, root / "content").title for p in content_files(root / "content")}
    watched.goto(base + "search/")
    box = watched.locator(".search-input")
    box.wait_for()
    box.type("zebrafish", delay=20)
    results = watched.locator(".search-result")
    results.nth(len(PAYLOADS) - 1).wait_for()
    watched.wait_for_timeout(500)
    assert results.count() == len(PAYLOADS)
    shown = set(watched.locator(".search-result-link").all_inner_texts())
    assert shown == titles
    excerpts = " ".join(watched.locator(".search-excerpt").all_inner_texts())
    for paragraph in PAYLOADS["script_aaaaaaaaaaaaaaaa.txt"][1]:
        assert paragraph in excerpts  # the markup shown as the characters it is
    assert watched.locator(".search-results img[onerror], .search-results script").count() == 0
    assert_no_script_ran(watched)
