"""A built sample archive: the pages a reader and a crawler expect, and links that resolve."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from tests.conftest import SUBPATH

SEED_ID = "6536ac6bf97a6d7c"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.urls


def seed_page(site: Path) -> Path:
    [page] = [p for p in site.rglob("index.html") if f"{SEED_ID}" in p.read_text() and "/2016/12/" in str(p)]
    return page


def test_every_kind_of_page_exists(sample_site):
    site = sample_site / "_site"
    for rel in ["index.html", "archive/index.html", "2016/index.html", "2016/12/index.html",
                "tags/index.html", "people/index.html", "places/index.html",
                "organizations/index.html", "search/index.html", "404.html", "feed.xml",
                "sitemap.xml", "robots.txt", "static/style.css"]:
        assert (site / rel).is_file(), rel


def test_the_seed_article_page_has_headline_date_dateline_and_body(sample_site):
    html = next(p for p in (sample_site / "_site" / "2016" / "12").glob("*/index.html")
                if not p.parent.name.isdigit()).read_text()  # 2016/12/09/ is the day's page
    assert re.search(r"<h1[^>]*>[^<]*Assad", html)
    assert '<time datetime="2016-12-09">' in html
    assert "BEIRUT" in html
    assert "data-pagefind-body" in html
    assert "Aleppo is finished" in html


def test_every_internal_link_resolves_to_a_file(sample_site):
    site = sample_site / "_site"
    broken = []
    for page in site.rglob("*.html"):
        base = "https://example.org" + SUBPATH + str(page.parent.relative_to(site)).strip(".") + "/"
        for url in links_of(page.read_text()):
            if url.startswith("#"):
                continue
            absolute = urlparse(urljoin(base, url))
            if absolute.netloc != "example.org":
                continue
            assert absolute.path.startswith(SUBPATH), f"{page}: {url} escapes the base path"
            rel = unquote(absolute.path[len(SUBPATH):])
            target = site / rel
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {url}")
    assert broken == []


def test_a_rerun_with_no_changes_touches_no_file(sample_site):
    from tests.conftest import build_project

    site = sample_site / "_site"
    stamps = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    build_project(sample_site)
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == stamps
