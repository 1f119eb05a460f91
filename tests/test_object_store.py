"""An archive too big for GitHub Pages goes to a static object store (S3, R2, GCS), which answers
a request for a file and nothing else: no folder index, no rewrite. With [site]
link_index_files = true the same site works there, under a subpath, search included."""

from __future__ import annotations

import http.server
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path

import pytest

from dateline.content import write_article
from tests.conftest import ENTITY_TOML, SEED, SUBPATH, build_project, entity_articles, write_project
from tests.test_crawl import built_files, crawl_site, running


class _BucketHandler(http.server.SimpleHTTPRequestHandler):
    """Objects by key under the base path; a key that is a folder (or ends in '/') is a 404,
    as on a bucket without website hosting."""

    base_path = SUBPATH

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        target = Path(self.translate_path(path))
        if not path.startswith(self.base_path) or path.endswith("/") or not target.is_file():
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.base_path):])

    def log_message(self, *args: object) -> None:
        pass


def bucket(folder: Path) -> AbstractContextManager[str]:
    handler = partial(_BucketHandler, directory=str(folder))
    return running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler), SUBPATH)


@pytest.fixture(scope="module")
def bucket_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("bucket"), [SEED],
                         base_url=f"https://archive.example{SUBPATH}", extra_toml=ENTITY_TOML)
    toml = root / "site.toml"
    toml.write_text(toml.read_text().replace("[site]\n", "[site]\nlink_index_files = true\n", 1))
    for article in entity_articles():
        write_article(article, root / "content")
    build_project(root)
    return root / "_site"


def test_every_page_feed_and_sitemap_is_reached_on_a_host_without_folder_indexes(bucket_site):
    with bucket(bucket_site) as root:
        crawl = crawl_site(root, "https://archive.example" + SUBPATH, start=("index.html", "robots.txt"))
    assert crawl.broken == [], f"broken links (found on, url, status): {crawl.broken[:20]}"
    assert crawl.missing_anchors == []
    reached = {url[len(root):] for url, status in crawl.fetched.items() if status == 200}
    assert built_files(bucket_site, ".html") - {"404.html"} - reached == set(), "pages no link leads to"
    assert built_files(bucket_site, ".xml") - reached == set()
    assert not [url for url in crawl.fetched if url.endswith("/")], "a link to a folder"


def test_the_same_files_are_written_either_way_and_only_links_differ(bucket_site, tmp_path):
    root = write_project(tmp_path / "pretty", [SEED], base_url=f"https://archive.example{SUBPATH}",
                         extra_toml=ENTITY_TOML)
    for article in entity_articles():
        write_article(article, root / "content")
    build_project(root)
    pretty = root / "_site"
    assert built_files(pretty, "") == built_files(bucket_site, "")
    home = (bucket_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH}people/index.html"' in home
    assert f'href="{SUBPATH}people/"' in (pretty / "index.html").read_text(encoding="utf-8")
    sitemap = (bucket_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://archive.example{SUBPATH}index.html</loc>" in sitemap


@pytest.mark.browser
def test_search_results_open_their_pages_from_a_bucket(bucket_site, page):
    with bucket(bucket_site) as root:
        page.goto(root + "search/index.html")
        box = page.locator(".search-input")
        box.wait_for()
        box.type("Geneva", delay=20)
        link = page.locator(".search-result-link").first
        link.wait_for()
        href = link.get_attribute("href")
        assert href.startswith(SUBPATH) and href.endswith("/index.html"), href
        response = page.goto(root[: -len(SUBPATH)] + href)
        assert response.status == 200
        assert "Geneva" in page.locator("h1").inner_text()
