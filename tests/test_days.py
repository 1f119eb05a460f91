"""Day pages (/YYYY/MM/DD/) and "on this day" pages: exactly a day's stories, reached from the
month calendar, from each article and from each other."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from dateline.article import Article
from dateline.content import write_article
from tests.conftest import SUBPATH, build_project, write_project

DATES = [dt.date(2016, 3, 9)] * 3 + [dt.date(2017, 3, 9)] * 2 + [dt.date(2016, 3, 10), dt.date(2016, 4, 1)]


def articles() -> list[Article]:
    out = []
    for n, day in enumerate(DATES):
        out.append(Article(id=f"d{n:015d}", slug=f"day-story-{n}", title=f"Day story {n}", date=day,
                           dateline="GENEVA", summary="A story.", body=f"Story {n} text.\n",
                           tags=["diplomacy"], path=f"{day:%Y/%m}/day-story-{n}.md"))
    # Nine stories on one day: enough for the page to be divided by topic.
    for n in range(9):
        day = dt.date(2016, 4, 2)
        out.append(dataclasses.replace(out[0], id=f"e{n:015d}", slug=f"busy-{n}", title=f"Busy {n}",
                                       date=day, tags=["markets" if n % 3 else "sport"],
                                       path=f"{day:%Y/%m}/busy-{n}.md"))
    return out


@pytest.fixture(scope="module")
def day_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("days"), {}, base_url=f"https://example.org{SUBPATH}")
    for article in articles():
        write_article(article, root / "content")
    build_project(root)
    return root / "_site"


def story_links(html: str, within: str = 'class="days"') -> list[str]:
    part = html[html.index(within):]
    return sorted(set(re.findall(r'href="/repo/(\d{4}/\d{2}/[a-z][\w-]*/)"', part)))


def test_a_day_page_lists_exactly_that_days_stories(day_site):
    for day in [*sorted(set(DATES)), dt.date(2016, 4, 2)]:
        html = (day_site / f"{day:%Y/%m/%d}" / "index.html").read_text()
        expected = sorted(f"{a.date:%Y/%m}/{a.slug}/" for a in articles() if a.date == day)
        assert story_links(html) == expected, day
    assert not (day_site / "2016/03/11").exists()  # no stories, no page


def test_a_busy_day_is_divided_by_topic_biggest_first(day_site):
    html = (day_site / "2016/04/02/index.html").read_text()
    topics = re.findall(r'<h2 id="topic-\d+">(\w+) <span class="count">(\d+)</span>', html)
    assert topics == [("Markets", "6"), ("Sport", "3")]


def test_calendar_articles_and_on_this_day_link_the_day_pages(day_site):
    month = (day_site / "2016/03/index.html").read_text()
    assert 'href="/repo/2016/03/09/"' in month and 'href="/repo/2016/03/10/"' in month
    article = (day_site / "2016/03/day-story-0/index.html").read_text()
    assert 'href="/repo/2016/03/09/"' in article
    day = (day_site / "2016/03/09/index.html").read_text()
    assert 'href="/repo/on-this-day/03-09/"' in day
    assert 'aria-current="date"' in day and 'href="/repo/2016/03/10/"' in day  # the next day
    across = (day_site / "on-this-day/03-09/index.html").read_text()
    years = re.findall(r'<h2 id="y-(\d{4})"><a href="/repo/(\d{4}/03/09/)"', across)
    assert years == [("2017", "2017/03/09/"), ("2016", "2016/03/09/")]
    assert len(story_links(across, 'class="on-this-day"')) == 5
    assert not (day_site / "on-this-day/03-11").exists()


def test_day_pages_are_in_the_sitemap(day_site):
    sitemap = (day_site / "sitemap.xml").read_text()
    assert "https://example.org/repo/2016/03/09/</loc><lastmod>2016-03-09</lastmod>" in sitemap
    assert "https://example.org/repo/on-this-day/03-09/</loc>" in sitemap


@pytest.mark.browser
def test_a_reader_goes_from_an_article_to_its_day_and_the_same_day_a_year_later(day_site, browser):
    import threading

    from dateline.serve import make_server

    server = make_server(day_site, SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        root = f"http://127.0.0.1:{server.server_port}{SUBPATH}"
        page.goto(root + "2016/03/day-story-1/")
        page.locator(".story .kicker").get_by_role("link", name="9", exact=True).click()
        page.wait_for_url(root + "2016/03/09/")
        assert page.locator(".days a").all_inner_texts() == ["Day story 0", "Day story 1", "Day story 2"]
        page.get_by_role("link", name="On this day in other years").click()
        page.wait_for_url(root + "on-this-day/03-09/")
        page.get_by_role("link", name="Thursday 9 March 2017").click()
        page.wait_for_url(root + "2017/03/09/")
        assert sorted(page.locator(".days a").all_inner_texts()) == ["Day story 3", "Day story 4"]
        page.locator(".calendar a[aria-current='date']").click()  # the calendar marks the day
        page.wait_for_url(root + "2017/03/09/")
    finally:
        page.close()
        server.shutdown()


def test_a_page_kind_registered_once_is_rendered_fingerprinted_and_in_the_sitemap(monkeypatch):
    from dateline import pagekinds, render
    from dateline.config import Settings
    from dateline.site import build_site

    site = build_site(articles(), Settings())
    kind = pagekinds.PageKind("day.html", lambda s: [("extra/", {"day": s.days[0], "month": s.months[0]})],
                              lambda s, context: "extra reads", lambda s: [("extra/", None)])
    monkeypatch.setitem(pagekinds.PAGE_KINDS, "extra", kind)
    made = [p for p in render.pages(site) if p.path == "extra/"]
    assert [p.template for p in made] == ["day.html"]
    [sitemap] = [p for p in render.pages(site) if p.path == "sitemap.xml"]
    assert ("extra/", None) in sitemap.context["entries"]
    # What the day template reads is declared through the registry, not left to "everything".
    assert render.TEMPLATE_READS["day.html"](site, made[0]) == pagekinds._day_reads(site, made[0].context)
