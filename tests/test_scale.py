"""Search shards at scale: every article page is in exactly one shard, and a big year is split
until each shard is within the page limit (Pagefind's memory and re-index time follow it)."""

from __future__ import annotations

import datetime as dt
import fnmatch
import threading
from dataclasses import replace

from dateline import search
from dateline.article import Article
from dateline.config import Settings
from dateline.serve import make_server
from dateline.site import build_site
from tests.conftest import SUBPATH, build_project, script_errors, write_project

LIMIT = 40


def archive(per_month: dict[tuple[int, int], int]) -> list[Article]:
    out = []
    for (year, month), count in per_month.items():
        for n in range(count):
            initial = "0123456789abcdefghijklmnopqrstuvwxyz-"[(n * 7) % 37]
            slug = f"{initial}story-{n}" if initial != "-" else f"\u00e9t\u00e9-{n}"  # an editor's slug
            out.append(Article(id=f"{year}{month:02d}{n:05d}", slug=slug, title=slug,
                               date=dt.date(year, month, 1 + n % 28)))
    return out


def test_every_article_page_is_in_exactly_one_shard_within_the_limit():
    settings = replace(Settings(), search_shard_max_pages=LIMIT, min_tag_archive=10**9)
    site = build_site(archive({(2015, 1): 30, (2016, 2): 25, (2016, 3): 200, (2017, 5): 10}), settings)
    shards = search.shards(site)
    names = [s.name for s in shards]
    assert names[0] == "2017" and "2015" in names and "2016-02" in names  # newest hosts the UI
    assert len(names) == len(set(names))
    sizes = dict.fromkeys(names, 0)
    for article in site.articles:
        page = article.url_path + "index.html"
        holders = [s for s in shards if s.holds(page)]
        assert len(holders) == 1, page
        # The glob Pagefind gets selects the same page (fnmatch stands in for Pagefind's globs,
        # which agree on '*', '[abc]' and '[!abc]' within one path segment).
        assert fnmatch.fnmatchcase(page, holders[0].glob.replace("**/*.html", "*"))
        sizes[holders[0].name] += 1
    letters = [s for s in shards if s.initials is not None]
    assert letters and all(sizes[s.name] <= LIMIT for s in letters if len(s.initials) > 1)
    assert all(count > 0 for count in sizes.values())


def test_without_a_limit_there_is_one_shard_a_year():
    settings = replace(Settings(), search_shard_max_pages=0, min_tag_archive=10**9)
    site = build_site(archive({(2016, 3): 200, (2017, 5): 10}), settings)
    assert search.shard_names(site) == ["2017", "2016"]


def test_the_search_page_finds_articles_in_every_shard(tmp_path, page):
    """Month and letter shards merged in the browser: a word from each shard's articles is found."""
    words = ["quokka", "narwhal", "axolotl", "pangolin", "okapi", "tapir"]
    seeds = {f"{n:02d}.txt": (f" date 2017-0{3 + n % 2}-{1 + n:02d} GENEVA -- {word.title()} report "
                              f"{n}: officials saw a {word} in the city.\n\nMore text.\n")
             for n, word in enumerate(words)}
    root = write_project(tmp_path / "a", seeds, base_url=f"https://example.org{SUBPATH}",
                         extra_toml="\n[search]\nshard_max_pages = 2\n")
    build_project(root)
    assert len(list((root / "_site" / "pagefind").iterdir())) >= 4
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}{SUBPATH}search/")
        box = page.locator(".search-input")
        box.wait_for()
        for word in words:
            box.fill(word)
            page.locator(".search-result-link", has_text=word.title()).first.wait_for()
        assert script_errors(page) == []
    finally:
        server.shutdown()
