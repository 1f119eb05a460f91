"""Hub pages (person, place, organization, tag): the timeline's bars lead to that month's
stories, "often with" prefers telling names to ubiquitous ones, key stories come first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from dateline.article import Article
from dateline.config import Settings
from dateline.content import write_article
from dateline.serve import make_server
from dateline.site import build_site
from tests.conftest import SUBPATH, build_project, write_project


def story(n: int, day: dt.date, **fields: Any) -> Article:
    base = Article(id=f"{n:016x}", slug=f"story-{n}", title=f"Story {n}", date=day,
                   dateline="BEIRUT", body="Text.\n", path=f"{day:%Y/%m}/story-{n}.md")
    return dataclasses.replace(base, **fields)


def model(articles: list[Article], **settings: Any):
    return build_site(articles, Settings(**settings))


def test_often_with_ranks_a_telling_name_above_one_on_every_story():
    # "United States" is on all 40 stories; "Geneva" on five, four of them with Kerry;
    # "Paris" on twenty, four of them with Kerry: as often with him as Geneva, but common.
    articles = []
    for n in range(40):
        people = ["John Kerry"] if n < 6 else ["Someone Else"]
        places = ["United States"] + (["Geneva"] if n in (0, 1, 2, 3, 30) else []) + \
            (["Paris"] if n in (2, 3, 4, 5) or n >= 24 else [])
        articles.append(story(n, dt.date(2016, 1, 1) + dt.timedelta(days=n), people=people, places=places))
    site = model(articles)
    often = site.links.often_with(site.terms["people"]["john-kerry"])
    names = [t.name for t in often["places"]]
    assert names[0] == "Geneva"
    assert "United States" not in names  # as common with him as without: no information
    assert names.index("Geneva") < names.index("Paris")


def test_key_stories_put_the_story_about_the_person_first():
    articles = [story(n, dt.date(2016, 1, 1 + n), people=["Bashar Assad"],
                      body="Officials met.\n\nLater, Assad was mentioned once.\n") for n in range(10)]
    articles[3] = dataclasses.replace(articles[3], title="Assad speaks",
                                      body="Assad said the war would go on. Assad added more.\n")
    site = model(articles)
    hub = site.links.hub(site.terms["people"]["bashar-assad"])
    assert hub.key[0].id == articles[3].id
    assert len(hub.key) == 5


def test_hubs_are_remembered_for_the_last_terms_only_and_remade_alike(monkeypatch):
    # A render worker asked for every term's hub and kept them all (a timeline and anchors for
    # each month a term spans): only the last few are kept, and a hub made again is the same.
    from dateline import hubs

    monkeypatch.setattr(hubs, "HUBS_REMEMBERED", 3)
    articles = [story(n, dt.date(2016, 1 + n % 12, 1), people=[f"Person {n % 6}"],
                      places=["Geneva"]) for n in range(36)]
    site = model(articles)
    terms = [site.terms["people"][f"person-{n}"] for n in range(6)]
    first = site.links.hub(terms[0])
    assert site.links.hub(terms[0]) is first  # asked again at once: remembered
    for term in terms[1:]:
        site.links.hub(term)
    assert len(site.links._hubs) == 3
    again = site.links.hub(terms[0])
    assert again is not first and again == first


def test_the_timeline_has_a_bar_a_month_scaled_to_the_busiest():
    days = [dt.date(2016, 1, 5)] * 4 + [dt.date(2016, 3, 9)] * 2 + [dt.date(2016, 7, 1)]
    site = model([story(n, d, places=["Geneva"]) for n, d in enumerate(days)], per_page=3)
    hub = site.links.hub(site.terms["places"]["geneva"])
    bars = hub.timeline.bars
    assert [(b.month, b.count) for b in bars][:7] == [(1, 4), (2, 0), (3, 2), (4, 0), (5, 0), (6, 0), (7, 1)]
    assert len(bars) == 7  # the archive itself spans January to July: no month outside it
    tallest = max(bars, key=lambda b: b.height)
    assert tallest.month == 1 and bars[2].height == tallest.height / 2
    # Newest first, three a page: July and March on page 1, January from page 2.
    assert bars[6].path == "places/geneva/#m-2016-07"
    assert bars[0].path == "places/geneva/page/2/#m-2016-01"
    assert hub.peak_month == ("January 2016", "places/geneva/page/2/#m-2016-01", 4)


BAR_RE = re.compile(r'<a href="([^"]+)" aria-label="(\w+ \d{4}): (\d+) stor(?:y|ies)">')


def test_every_timeline_bar_links_to_its_months_stories_on_a_page_that_exists(entity_site):
    site = entity_site / "_site"
    checked = 0
    for kind in ("people", "places", "organizations", "tags"):
        for hub in sorted((site / kind).glob("*/index.html")):
            html = hub.read_text()
            chart = html[html.index('<svg class="timeline-chart"'): html.index("</svg>")]
            bars = BAR_RE.findall(chart)
            assert bars, hub
            total = 0
            for href, month, count in bars:
                url = urlparse(href)
                assert url.path.startswith(SUBPATH)
                target = site / unquote(url.path[len(SUBPATH):]) / "index.html"
                page = target.read_text()
                assert f'id="{url.fragment}"' in page, (hub, href)
                listed = _stories_under(page, url.fragment)
                # The month may continue on the next page: the bar's page holds its newest.
                assert 1 <= len(listed) <= int(count)
                assert all(month.split()[1] in d and _month_of(d) == month.split()[0] for d in listed)
                total += int(count)
                checked += 1
            assert total == int(re.search(r"<dt>Stories</dt><dd>(\d+)</dd>", html).group(1))
    assert checked >= 4


def _stories_under(page: str, anchor: str) -> list[str]:
    """The dates of the stories listed under a month heading, up to the next heading."""
    start = page.index(f'id="{anchor}"')
    end = re.compile(r"<h[34] ").search(page, start + 1)
    chunk = page[start: end.start() if end else len(page)]
    return re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', chunk)


def _month_of(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%B")


def hub_articles() -> list[Article]:
    """Thirty stories over half a year: Kerry on twelve, Lavrov on six of those, the United
    States on every one."""
    out = []
    for n in range(30):
        day = dt.date(2016, 1, 4) + dt.timedelta(days=6 * n)
        people = (["John Kerry"] if n % 5 < 2 or n > 23 else []) + (["Sergey Lavrov"] if n % 5 == 0 else [])
        out.append(story(n, day, title=f"Talks round {n}", people=people or ["Ban Ki-moon"],
                         places=["United States"] + (["Geneva"] if "Sergey Lavrov" in people else ["Paris"]),
                         organizations=["United Nations"] if n % 3 == 0 else [],
                         tags=["diplomacy"], summary=f"Round {n} of talks.",
                         body=f"Envoys met for round {n}.\n"))
    return out


@pytest.fixture(scope="module")
def hub_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The stories above built under /repo/ and served; yields the root URL."""
    root = write_project(tmp_path_factory.mktemp("hubs"), {}, base_url=f"https://example.org{SUBPATH}",
                         extra_toml="per_page = 5\n")
    for article in hub_articles():
        write_article(article, root / "content")
    build_project(root)
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_hub_page_in_chromium_draws_its_timeline_and_often_with(hub_site, browser, scheme, tmp_path):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1200, "height": 1000})
    page = context.new_page()
    page.goto(hub_site + "people/john-kerry/")
    bars = page.locator(".timeline-chart rect.bar")
    assert bars.count() >= 5
    box = bars.first.bounding_box()
    assert box and box["height"] > 5 and box["width"] > 10  # drawn, not collapsed
    fill = bars.first.evaluate("el => getComputedStyle(el).fill")
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert fill not in ("none", paper)
    often = page.locator(".often-with a").all_inner_texts()
    assert often[:1] == ["Sergey Lavrov"] and "Geneva" in often and "United States" not in often
    page.screenshot(path=str(tmp_path / f"hub-{scheme}.png"))
    assert (tmp_path / f"hub-{scheme}.png").stat().st_size > 10_000
    page.locator(".timeline-chart a").first.click()
    page.wait_for_url(re.compile(r"/repo/people/john-kerry/page/\d+/#m-2016-01$"))
    assert page.locator("#m-2016-01").is_visible()
    context.close()


def test_related_stories_are_never_newer_and_do_not_change_as_the_archive_grows():
    articles = hub_articles()
    grown = model(articles)
    early = model(articles[:18])  # the same archive before its twelve newest stories
    assert sum(1 for a in grown.articles if grown.links.related(a)) >= 10
    for article in grown.articles:
        related = grown.links.related(article)
        assert len(related) <= 5
        assert all(r.article.date <= article.date and r.article.id != article.id for r in related)
    for article in early.articles:
        assert [r.article.id for r in early.links.related(article)] == \
            [r.article.id for r in grown.links.related(article)], article.title


def test_a_story_sharing_a_rare_person_is_related_and_one_sharing_only_a_common_place_is_not():
    common = [story(n, dt.date(2016, 1, 1 + n), places=["United States"], people=[f"Person {n}"])
              for n in range(20)]
    older = story(30, dt.date(2016, 2, 1), people=["Sergey Lavrov"], places=["United States"])
    newest = story(31, dt.date(2016, 2, 3), people=["Sergey Lavrov"], places=["United States"])
    site = model([*common, older, newest])
    assert [r.article.id for r in site.links.related(site.articles[0])] == [older.id]
    assert site.links.related(next(a for a in site.articles if a.id == common[-1].id)) == []


def test_related_stories_naming_the_same_names_share_one_record_of_them():
    """Kept for every article of a build, related stories hold no score and one tuple per set
    of shared names (at 10^5 articles the lists and floats were ~0.3 KB an article)."""
    stories = [story(n, dt.date(2016, 3, 1 + n), people=["Sergey Lavrov"], places=[f"Town {n}"])
               for n in range(12)]
    site = model(stories + [story(40 + n, dt.date(2015, 1, 1 + n), people=[f"Person {n}"])
                            for n in range(20)])
    found = [r for a in site.articles for r in site.links.related(a)]
    assert len(found) >= 10 and {r.shared for r in found} == {("Sergey Lavrov",)}
    assert len({id(r.shared) for r in found}) == 1
    assert not hasattr(found[0], "__dict__") and not hasattr(found[0], "score")


def test_related_stories_are_kept_as_one_flat_tuple_per_article_and_asked_for_alike():
    """Kept for the build and inherited by every render worker, an article's related stories
    are one tuple (story, shared names, ...), not a list of records; the records made from it
    again are the ones first worked out, every time."""
    site = model(hub_articles())
    first = {a.id: site.links.related(a) for a in site.articles}
    kept = site.links._related
    assert any(first.values()) and all(type(v) is tuple for v in kept.values())
    for article in site.articles:
        again = site.links.related(article)
        assert again == first[article.id] and again is not first[article.id]
        assert list(kept[article.id]) == [part for r in again for part in (r.article, r.shared)]


def test_forgetting_the_article_names_changes_no_related_story_nor_often_with():
    """The plan drops the per-article name lists once every page's reads are taken; what is
    asked for after that is worked out again, the same."""
    site = model(hub_articles())
    first = [site.links.related(a) for a in site.articles[len(site.articles) // 2:]]
    site.links.forget_article_names()
    assert not site.links._names and not site.links._entities
    fresh = model(hub_articles()).links
    for term in [t for terms in site.terms.values() for t in terms.values()]:
        kind_terms = fresh.site.terms[term.kind]
        assert [[t.slug for t in ts] for ts in site.links.often_with(term).values()] == \
            [[t.slug for t in ts] for ts in fresh.often_with(kind_terms[term.slug]).values()]
    assert [[r.article.id for r in rs] for rs in first] == \
        [[r.article.id for r in fresh.related(a)] for a in fresh.site.articles[len(site.articles) // 2:]]
    assert any(first) and site.links._entities  # often_with made them again


def test_an_article_page_links_its_related_stories(hub_site):
    import urllib.request

    html = urllib.request.urlopen(hub_site + "2016/06/story-25/").read().decode()
    section = html[html.index('class="related"'): html.index("</section>", html.index('class="related"'))]
    dates = re.findall(r'<time datetime="([\d-]+)">', section)
    assert 3 <= len(dates) <= 5 and all(d <= "2016-06-06" for d in dates)
    assert "/repo/2016/" in section


def test_a_hub_over_decades_is_drawn_a_bar_a_year_linking_to_the_years_heading():
    days = [dt.date(1990, 5, 1), dt.date(1990, 6, 1), dt.date(2001, 3, 3), dt.date(2016, 12, 9)]
    site = model([story(n, d, places=["Geneva"]) for n, d in enumerate(days)], per_page=2)
    timeline = site.links.hub(site.terms["places"]["geneva"]).timeline
    assert timeline.unit == "year" and len(timeline.bars) == 2016 - 1990 + 1
    counted = {b.year: (b.count, b.path) for b in timeline.bars if b.count}
    assert counted == {2016: (1, "places/geneva/#y-2016"), 2001: (1, "places/geneva/#y-2001"),
                       1990: (2, "places/geneva/page/2/#y-1990")}
    xs = [x for x, _ in timeline.ticks]
    assert len(xs) >= 5 and all(b - a >= 40 for a, b in itertools.pairwise(xs))  # never overlapping


@pytest.mark.browser
def test_a_hub_prints_black_on_white_even_from_the_dark_scheme(hub_site, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(hub_site + "people/john-kerry/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    bar = page.locator(".timeline-chart rect.bar").first
    assert bar.evaluate("el => getComputedStyle(el).fill") == "rgb(0, 0, 0)"
    context.close()
