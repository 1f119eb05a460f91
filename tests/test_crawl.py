"""The built site as a crawler and a reader's browser meet it over HTTP: served under a GitHub
project subpath (and at a domain root), every page, stylesheet, script, image, feed and sitemap
URL reachable from the home page must answer, and every in-page anchor must exist."""

from __future__ import annotations

import re
import socketserver
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from dateline.serve import make_server
from tests.conftest import SEED, SUBPATH, build_project, entity_articles, script_errors, write_project

LINK_ATTRS = {"href", "src"}
CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)")
SITEMAP_LINE_RE = re.compile(r"^Sitemap:\s*(\S+)", re.M | re.I)


class _PageParser(HTMLParser):
    """Every URL a browser or crawler would follow from a page, and the ids it can jump to."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if anchor := values.get("id"):
            self.ids.add(anchor)
        for name, value in attrs:
            if name in LINK_ATTRS and value:
                self.urls.append(value)
            elif name == "srcset" and value:
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
        content = values.get("content")
        if tag == "meta" and values.get("property") in ("og:url", "og:image") and content:
            self.urls.append(content)


def _xml_urls(body: bytes) -> list[str]:
    """<loc> of sitemaps and <link href> / <id> of Atom feeds."""
    root = ET.fromstring(body)
    urls = [el.text.strip() for el in root.iter() if el.tag.endswith("}loc") and el.text]
    urls += [href for el in root.iter() if el.tag.endswith("}link") and (href := el.get("href"))]
    return urls


@dataclass
class Crawl:
    fetched: dict[str, int] = field(default_factory=dict)  # url -> HTTP status
    broken: list[tuple[str, str, int]] = field(default_factory=list)  # (found on, url, status)
    ids: dict[str, set[str]] = field(default_factory=dict)  # page url -> ids in it
    anchors: list[tuple[str, str, str]] = field(default_factory=list)  # (found on, page, fragment)
    links: int = 0

    @property
    def missing_anchors(self) -> list[tuple[str, str, str]]:
        return [(src, page, frag) for src, page, frag in self.anchors
                if page in self.ids and frag not in self.ids[page]]


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read()


def _found_urls(url: str, kind: str, body: bytes, crawl: Crawl) -> list[str]:
    if kind == "text/html":
        parser = _PageParser()
        parser.feed(body.decode("utf-8"))
        crawl.ids[url] = parser.ids
        return parser.urls
    if kind in ("application/xml", "text/xml", "application/atom+xml"):
        return _xml_urls(body)
    if kind == "text/css":
        return CSS_URL_RE.findall(body.decode("utf-8"))
    if kind == "text/plain":
        return SITEMAP_LINE_RE.findall(body.decode("utf-8"))
    return []


def crawl_site(root: str, base_url: str, start: tuple[str, ...] = ("", "robots.txt")) -> Crawl:
    """Breadth-first over every internal URL; absolute ones under ``base_url`` map onto ``root``."""
    origin = "{0.scheme}://{0.netloc}".format(urlparse(root))
    crawl = Crawl()
    queue = [(root, root + path) for path in start]
    while queue:
        source, url = queue.pop(0)
        if url in crawl.fetched:
            continue
        status, kind, body = _fetch(url)
        crawl.fetched[url] = status
        if status != 200:
            crawl.broken.append((source, url, status))
            continue
        for found in _found_urls(url, kind, body, crawl):
            target = root + found[len(base_url):] if found.startswith(base_url) else urljoin(url, found)
            if not target.startswith(origin + "/"):
                continue  # another site: not ours to check
            crawl.links += 1
            page, fragment = urldefrag(target)
            if fragment:
                crawl.anchors.append((url, page, fragment))
            queue.append((url, page))
    return crawl


@contextmanager
def running(server: socketserver.TCPServer, base_path: str) -> Iterator[str]:
    """Serve in a thread for the block; yields the root URL under ``base_path``."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()


def serving(site: Path, base_path: str) -> AbstractContextManager[str]:
    return running(make_server(site, base_path, 0), base_path)


def built_files(site: Path, suffix: str) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob(f"*{suffix}")
            if not p.relative_to(site).as_posix().startswith("pagefind/")}


def assert_whole_site_reached(site: Path, root: str, crawl: Crawl) -> None:
    assert crawl.broken == [], f"broken internal links (found on, url, status): {crawl.broken[:20]}"
    assert crawl.missing_anchors == [], f"anchors to missing ids: {crawl.missing_anchors[:20]}"
    reached = {url[len(root):] for url, status in crawl.fetched.items() if status == 200}
    pages = {rel.removesuffix("index.html") for rel in built_files(site, ".html")} - {"404.html"}
    assert pages - reached == set(), "pages no link leads to"
    assert built_files(site, ".xml") - reached == set(), "feeds or sitemaps no link leads to"
    assert {"static/style.css", "static/favicon.svg"} <= reached


def test_sample_site_under_a_subpath_has_no_broken_link(sample_site, served):
    crawl = crawl_site(served, "https://example.org" + SUBPATH)
    assert_whole_site_reached(sample_site / "_site", served, crawl)
    assert len(crawl.fetched) > 300 and crawl.links > 3000
    assert any(url.endswith("search.js") for url in crawl.fetched)  # the search page's script


def test_every_kind_of_term_page_and_feed_under_a_subpath(entity_site):
    with serving(entity_site / "_site", SUBPATH) as root:
        crawl = crawl_site(root, "https://example.org" + SUBPATH)
    assert_whole_site_reached(entity_site / "_site", root, crawl)
    for kind in ("people", "places", "organizations", "tags"):
        assert any(f"/{kind}/" in url and url.endswith("/page/2/") for url in crawl.fetched), kind
        assert any(f"/{kind}/" in url and url.endswith("/feed.xml") for url in crawl.fetched), kind


def test_the_same_archive_works_at_a_domain_root(tmp_path):
    root_dir = write_project(tmp_path / "root", [SEED], base_url="https://archive.example/")
    from dateline.content import write_article

    for article in entity_articles():
        write_article(article, root_dir / "content")
    build_project(root_dir)
    with serving(root_dir / "_site", "/") as root:
        crawl = crawl_site(root, "https://archive.example/")
    assert_whole_site_reached(root_dir / "_site", root, crawl)


@pytest.mark.parametrize("missing", ["nothing-here", "no/such/deep/page/", "2016/12/gone/",
                                     "people/x/y.html"])
def test_the_404_page_at_any_depth_loads_its_assets(served, missing):
    status, kind, body = _fetch(served + missing)
    assert (status, kind) == (404, "text/html")
    parser = _PageParser()
    parser.feed(body.decode("utf-8"))
    assets = [u for u in parser.urls if u.endswith((".css", ".js", ".svg"))]
    assert any(u.endswith("style.css") for u in assets) and any(u.endswith("search.js") for u in assets)
    for asset in assets:
        assert asset.startswith(SUBPATH), f"{asset} would not resolve from {missing}"
        assert _fetch(urljoin(served + missing, asset))[0] == 200, asset


@pytest.mark.browser
def test_search_works_from_a_deep_404_and_links_under_the_subpath(served, page):
    response = page.goto(served + "no/such/deep/page/")
    assert response.status == 404
    box = page.locator(".search-input")
    box.wait_for()
    box.type("Aleppo", delay=20)
    link = page.locator(".search-result-link").first
    link.wait_for()
    hrefs = page.locator(".search-result-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(SUBPATH) for h in hrefs), hrefs
    link.click()
    page.wait_for_url(re.compile(r"/repo/\d{4}/\d{2}/"))
    assert script_errors(page) == []
