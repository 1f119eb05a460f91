"""An editor's ``updated:`` day: read and checked from the front matter, shown on the article
("Updated ..."), and carried into its NewsArticle ``dateModified``, the Atom entry's <updated>
and the sitemap's <lastmod>; an article nobody dated keeps its own day everywhere, build after
build."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dateline.content import ContentError, article_text, content_files, parse_article, write_article
from tests.conftest import SUBPATH, build_project, entity_articles, write_project
from tests.test_content import sample_article
from tests.test_share import head_of
from tests.test_standards import vnu_errors

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = f"https://example.org{SUBPATH}"


def with_front_line(text: str, line: str) -> str:
    """A generated file with one more front-matter line, as an editor adds it."""
    return text.replace("\ndateline:", f"\n{line}\ndateline:", 1)


def test_updated_is_read_and_written_back_and_absent_from_every_generated_file():
    article = sample_article()
    assert "updated" not in article_text(article)  # machine-written files never carry one
    back = parse_article(with_front_line(article_text(article), "updated: 2016-12-12"), article.path)
    assert back.updated == dt.date(2016, 12, 12) and back.modified == dt.date(2016, 12, 12)
    assert parse_article(article_text(back), back.path) == back
    assert parse_article(article_text(article), article.path).modified == article.date


@pytest.mark.parametrize(("line", "problem"), [
    ("updated: 2016-12-08", "updated 2016-12-08 is before the article's date 2016-12-09"),
    ("updated: 2016-13-45", "updated '2016-13-45' is not a real day"),
    ("updated: [2016, 12, 12]", "updated [2016, 12, 12] is not a date written YYYY-MM-DD"),
    ("updated: yesterday", "updated 'yesterday' is not a date written YYYY-MM-DD"),
    ("updated: 2999-01-01", "updated 2999-01-01 is in the future"),
])
def test_a_wrong_updated_day_names_the_file_and_the_problem(line, problem):
    text = with_front_line(article_text(sample_article()), line)
    with pytest.raises(ContentError) as raised:
        parse_article(text, "2016/12/a-title.md")
    assert str(raised.value).startswith("2016/12/a-title.md: ") and problem in str(raised.value)


def dates_of(site: Path, article_path: str) -> dict[str, object]:
    """Every date the site gives one article: page, JSON-LD, feed entry and sitemap."""
    head = head_of(site, article_path + "index.html")
    [ld] = [d for d in head.ld if d["@type"] == "NewsArticle"]
    page = (site / article_path / "index.html").read_text(encoding="utf-8")
    shown = re.search(r'<span class="updated">Updated <time datetime="([^"]+)">([^<]+)</time>', page)
    feed = ET.parse(site / "feed.xml").getroot()
    entry = {e.findtext(ATOM + "id"): e.findtext(ATOM + "updated") for e in feed.iter(ATOM + "entry")}
    lastmod = {u.findtext(SITEMAP + "loc"): u.findtext(SITEMAP + "lastmod")
               for u in ET.parse(site / "sitemap.xml").getroot()}
    return {"shown": shown.groups() if shown else None, "modified": ld["dateModified"],
            "published": ld["datePublished"], "meta": head.meta.get("article:modified_time"),
            "entry": entry.get(BASE + article_path), "feed": feed.findtext(ATOM + "updated"),
            "lastmod": lastmod[BASE + article_path]}


def test_an_editors_updated_day_reaches_page_json_ld_feed_and_sitemap_and_stays(tmp_path):
    root = write_project(tmp_path / "archive", {}, base_url=BASE, extra_toml="feed_entries = 3\n")
    articles = entity_articles()
    for article in articles:
        write_article(article, root / "content")
    build_project(root)
    site = root / "_site"
    newest, oldest = articles[-1], articles[0]
    assert dates_of(site, newest.url_path) == {
        "shown": None, "modified": f"{newest.date}T00:00:00+00:00",
        "published": f"{newest.date}T00:00:00+00:00", "meta": None,
        "entry": f"{newest.date}T00:00:00+00:00", "feed": f"{newest.date}T00:00:00+00:00",
        "lastmod": newest.date.isoformat()}

    # An editor corrects the newest story and says so.
    path = root / "content" / newest.path
    path.write_text(with_front_line(path.read_text(encoding="utf-8"), "updated: 2016-12-01")
                    .replace("a cold morning", "a bitter morning"), encoding="utf-8")
    build_project(root)
    after = dates_of(site, newest.url_path)
    assert after == {
        "shown": ("2016-12-01", "1 December 2016"), "modified": "2016-12-01T00:00:00+00:00",
        "published": f"{newest.date}T00:00:00+00:00", "meta": ["2016-12-01T00:00:00+00:00"],
        "entry": "2016-12-01T00:00:00+00:00", "feed": "2016-12-01T00:00:00+00:00",
        "lastmod": "2016-12-01"}
    assert vnu_errors([site / newest.url_path / "index.html"]) == []  # the "Updated" line too
    untouched = dates_of(site, oldest.url_path)
    assert untouched["modified"] == untouched["published"] and untouched["shown"] is None
    assert untouched["lastmod"] == oldest.date.isoformat()

    # A hand edit without updated: is no update a reader is told of (Dateline stamps nothing),
    # and nothing moves on a rebuild, nor on a cold one after the cache is gone.
    second = root / "content" / articles[-2].path
    second.write_text(second.read_text(encoding="utf-8").replace("cold", "grey"), encoding="utf-8")
    build_project(root)
    pages = {p: (site / p).read_bytes() for p in (newest.url_path + "index.html", "feed.xml",
                                                  "sitemap.xml", articles[-2].url_path + "index.html")}
    assert dates_of(site, articles[-2].url_path)["modified"] == f"{articles[-2].date}T00:00:00+00:00"
    shutil.rmtree(root / ".dateline-cache")
    build_project(root)
    assert {p: (site / p).read_bytes() for p in pages} == pages
    assert len(content_files(root / "content")) == len(articles)
