"""The search page in real headless Chromium, over an archive sharded by year: results in date
order across shards, a filter of 100+ values that stays short and has a box to find one, a hub's
link that opens search already filtered to it, and snippets that do not repeat the headline."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page

from dateline.article import Article
from dateline.content import write_article
from tests.conftest import SUBPATH, build_project, script_errors, write_project

pytestmark = pytest.mark.browser

STORIES = 14  # more than a page of results (10), over four years: four shards
PLACES_EACH = 9  # 126 places in all
ADA = {0, 3, 5, 8, 13}  # the stories that name Ada Lovelace, in 2014, 2015, 2016 and 2017


def story_date(n: int) -> dt.date:
    return dt.date(2014, 1, 5) + dt.timedelta(days=97 * n)


def stories() -> list[Article]:
    out = []
    for n in range(STORIES):
        day = story_date(n)
        out.append(Article(
            id=f"z{n:015d}", slug=f"zeppelin-number-{n}", date=day, dateline="LAKEHURST",
            title=f"Zeppelin number {n} lands beside the river",
            summary=f"Airship {n} landed.",
            body=f"The airship landed on the field on day {n}. Crowds watched the zeppelin come "
                 "down slowly.\n\nThe crew said they would fly again next week.\n",
            people=["Ada Lovelace"] if n in ADA else ["Someone Else"],
            places=[f"Town {n * PLACES_EACH + k:03d}" for k in range(PLACES_EACH)],
            organizations=["Airship Company"], tags=["aviation"],
            path=f"{day:%Y/%m}/zeppelin-number-{n}.md"))
    return out


@pytest.fixture(scope="module")
def zeppelins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from dateline.serve import make_server

    root = write_project(tmp_path_factory.mktemp("zeppelins") / "archive", {},
                         base_url=f"https://example.org{SUBPATH}")
    for article in stories():
        write_article(article, root / "content")
    build_project(root)
    assert len(list((root / "_site" / "pagefind").iterdir())) == 4
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


def settled(page: Page) -> None:
    """Wait until the search in the address is shown (the script marks it done)."""
    page.wait_for_function("document.getElementById('search').dataset.done === location.search")


def search_for(page: Page, base: str, word: str) -> None:
    page.goto(base + "search/")
    box = page.locator(".search-input")
    box.wait_for()
    box.fill(word)
    page.wait_for_function(f"new URLSearchParams(location.search).get('q') === {word!r}")
    settled(page)


def shown_dates(page: Page) -> list[str]:
    """Every result's date, after loading them all with "More stories"."""
    more = page.locator(".search-more")
    while more.is_visible():
        before = page.locator(".search-result").count()
        more.click()
        settled(page)
        assert page.locator(".search-result").count() > before
    return page.locator(".search-result time").evaluate_all("ts => ts.map(t => t.dateTime)")


def choose_order(page: Page, value: str) -> None:
    page.select_option(".search-sort", value)
    page.wait_for_function(f"new URLSearchParams(location.search).get('sort') === '{value}'")
    settled(page)


def test_results_sort_newest_and_oldest_first_across_year_shards(zeppelins, page):
    search_for(page, zeppelins, "zeppelin")
    every = sorted(story_date(n).isoformat() for n in range(STORIES))
    assert page.locator(".search-result").count() == 10  # a page of them
    assert sorted(shown_dates(page)) == every  # best match: all of them, in some order
    choose_order(page, "newest")
    assert shown_dates(page) == every[::-1]
    choose_order(page, "oldest")
    assert shown_dates(page) == every
    assert "oldest first" in page.locator(".search-status").inner_text()
    # The order is in the address: reloading it keeps it.
    page.reload()
    settled(page)
    assert page.locator(".search-sort").input_value() == "oldest"
    assert shown_dates(page) == every
    assert script_errors(page) == []


def test_a_filter_of_126_places_stays_short_sorted_by_count_and_its_box_finds_one(zeppelins, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    search_for(page, zeppelins, "zeppelin")
    places = page.locator(".search-filter[data-filter=place]")
    assert places.get_attribute("open") is None  # collapsed until asked for
    closed = page.evaluate("document.documentElement.scrollHeight")
    places.locator("summary").click()
    values = places.locator(".filter-value")
    assert values.count() == 30  # of 126: the rest are a box's search away
    assert "96 more" in places.locator(".filter-more").inner_text()
    # The list scrolls inside its box; the page stays the height of its results.
    assert places.locator(".filter-values").bounding_box()["height"] < 400
    assert page.evaluate("document.documentElement.scrollHeight") - closed < 400
    box = places.locator(".filter-box")
    box.fill("town 11")
    page.wait_for_timeout(100)
    assert sorted(values.locator(".filter-label").all_inner_texts()) == [f"Town {n}" for n in range(110, 120)]
    box.fill("Town 117")
    assert values.locator(".filter-label").all_inner_texts() == ["Town 117"]
    values.locator("input").check()  # story 13 carries towns 117-125
    page.wait_for_function("new URLSearchParams(location.search).get('place') === 'Town 117'")
    settled(page)
    assert page.locator(".search-result").count() == 1
    assert "zeppelin-number-13" in page.locator(".search-result-link").get_attribute("href")
    assert parse_qs(urlparse(page.url).query)["place"] == ["Town 117"]
    # With every filter open, the page of one result is still a screenful or two.
    box.fill("")
    for group in page.locator(".search-filter:not([hidden])").all():
        if group.get_attribute("open") is None:
            group.locator("summary").click()
    assert page.locator(".search-filter[open]").count() == 5
    assert page.evaluate("document.documentElement.scrollHeight") < 2000
    # The people filter lists its values by how many stories have them, most first.
    people = page.locator(".search-filter[data-filter=person]")
    page.locator(".search-clear button").click()
    page.wait_for_function("!location.search.includes('place=')")
    settled(page)
    labels = people.locator(".filter-value").all_inner_texts()
    assert [re.sub(r"\s+", " ", label).strip() for label in labels] == ["Someone Else 9", "Ada Lovelace 5"]
    assert script_errors(page) == []


def test_a_hubs_search_link_opens_search_filtered_to_it(zeppelins, page):
    page.goto(zeppelins + "people/ada-lovelace/")
    page.locator("a.hub-search").click()
    page.wait_for_url(re.compile(r"/repo/search/\?person=Ada"))
    settled(page)
    hrefs = page.locator(".search-result-link").evaluate_all("ls => ls.map(a => a.getAttribute('href'))")
    newest_first = sorted(ADA, reverse=True)
    assert hrefs == [f"{SUBPATH}{story_date(n):%Y/%m}/zeppelin-number-{n}/" for n in newest_first]
    person = page.locator(".search-filter[data-filter=person]")
    assert person.get_attribute("open") is not None
    assert person.locator(".filter-value", has_text="Ada Lovelace").locator("input").is_checked()
    assert "5 stories, newest first" in page.locator(".search-status").inner_text()
    # A word narrows the filtered stories further; the filter stays.
    page.locator(".search-input").fill("zeppelin")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'zeppelin'")
    settled(page)
    assert page.locator(".search-result").count() == len(ADA)
    assert script_errors(page) == []


def search_state(page: Page) -> dict[str, object]:
    """What the reader sees of the search: the box, the order, the people chosen, the results."""
    return page.evaluate("""() => ({
        address: location.search, q: document.querySelector('.search-input').value,
        sort: document.querySelector('.search-sort').value,
        people: [...document.querySelectorAll('.search-filter[data-filter=person] input:checked')]
          .map((i) => i.value),
        results: document.querySelectorAll('.search-result').length,
        status: document.querySelector('.search-status').textContent})""")


def test_back_and_forward_return_to_each_committed_search(zeppelins, page):
    page.goto(zeppelins + "search/")
    settled(page)  # the index is loaded: what is typed now is a search of its own
    page.locator(".search-input").fill("zeppelin")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'zeppelin'")
    settled(page)
    steps = [search_state(page)]
    choose_order(page, "oldest")
    steps.append(search_state(page))
    person = page.locator(".search-filter[data-filter=person]")
    person.locator("summary").click()
    person.locator(".filter-value", has_text="Ada Lovelace").locator("input").check()
    page.wait_for_function("new URLSearchParams(location.search).get('person') === 'Ada Lovelace'")
    settled(page)
    steps.append(search_state(page))
    # One run of typing, with a pause in it that searches, is one step back, not two.
    box = page.locator(".search-input")
    box.fill("air")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'air'")
    settled(page)
    box.fill("airship")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'airship'")
    settled(page)
    steps.append(search_state(page))
    assert [(s["q"], s["sort"], s["people"], s["results"]) for s in steps] == [
        ("zeppelin", "", [], 10), ("zeppelin", "oldest", [], 10),
        ("zeppelin", "oldest", ["Ada Lovelace"], len(ADA)), ("airship", "oldest", ["Ada Lovelace"], len(ADA))]
    for expected in reversed(steps[:-1]):
        page.go_back()
        settled(page)
        assert search_state(page) == expected
    page.go_back()  # to the empty search page the reader opened
    page.wait_for_function("location.search === ''")
    settled(page)
    assert search_state(page)["results"] == 0 and search_state(page)["q"] == ""
    for expected in steps:
        page.go_forward()
        settled(page)
        assert search_state(page) == expected
    # Going back wrote no step of its own: a new search after it is one step from there.
    page.go_back()
    settled(page)
    choose_order(page, "newest")
    page.go_back()
    settled(page)
    assert search_state(page) == steps[2]
    assert script_errors(page) == []


def test_a_snippet_does_not_repeat_the_headline(zeppelins, page):
    search_for(page, zeppelins, "river")  # a word only the headlines have
    excerpts = page.locator(".search-excerpt").all_inner_texts()
    assert len(excerpts) == 10
    for text in excerpts:
        assert "lands beside the river" not in text and "Zeppelin number" not in text
        assert "The airship landed on the field" in text  # the story itself, from its start
    search_for(page, zeppelins, "crowds")
    first = page.locator(".search-excerpt").first
    assert first.locator("mark").inner_text() == "Crowds"
    assert "beside the river" not in first.inner_text()
    assert script_errors(page) == []


def test_search_without_javascript_says_what_to_do_instead(zeppelins, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(zeppelins + "search/?q=zeppelin")
        assert "needs JavaScript" in tab.locator(".search-status").inner_text()
        assert tab.locator(".search-input").is_visible()
    finally:
        context.close()


def test_the_search_script_never_writes_markup():
    # What Pagefind returns goes in as text; the markup is the template's <template> elements.
    root = Path(__file__).resolve().parent.parent
    script = (root / "static" / "search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


def test_filters_work_from_the_keyboard(zeppelins, page):
    search_for(page, zeppelins, "zeppelin")
    page.locator(".search-sort").focus()
    page.keyboard.press("Tab")  # the search button, then the first filter shown
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.search-filter').dataset.filter") == "person"
    page.keyboard.press("Enter")  # opens it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('filter-box')")
    page.keyboard.type("ada")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "Ada Lovelace"
    page.keyboard.press("Space")
    page.wait_for_function("new URLSearchParams(location.search).get('person') === 'Ada Lovelace'")
    settled(page)
    assert page.locator(".search-result").count() == len(ADA)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_page_with_its_filters_open_passes_axe(zeppelins, browser, scheme):
    from tests.test_a11y import blocking_violations

    context = browser.new_context(color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(zeppelins + "search/?q=zeppelin&place=Town+117")
        settled(tab)
        for group in tab.locator(".search-filter:not([hidden])").all():
            if group.get_attribute("open") is None:
                group.locator("summary").click()
        assert blocking_violations(tab) == []
    finally:
        context.close()


def test_date_order_is_exact_across_shards_whose_dates_overlap(tmp_path, page):
    # One month split by slug letter (two stories a shard): every shard holds early and late days.
    from dateline.serve import make_server

    days = {"alpha": 1, "bravo": 5, "charlie": 2, "delta": 6, "echo": 3, "foxtrot": 4}
    root = write_project(tmp_path / "letters", {}, base_url=f"https://example.org{SUBPATH}",
                         extra_toml="\n[search]\nshard_max_pages = 2\n")
    for n, (word, day) in enumerate(days.items()):
        date = dt.date(2017, 3, day)
        write_article(Article(id=f"l{n:015d}", slug=f"{word}-zeppelin", date=date, dateline="ROME",
                              title=f"{word.title()} zeppelin seen", summary="Seen.",
                              body="A zeppelin was seen over the city.\n",
                              path=f"{date:%Y/%m}/{word}-zeppelin.md"), root / "content")
    build_project(root)
    assert len(list((root / "_site" / "pagefind").iterdir())) == 3
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}{SUBPATH}"
        search_for(page, base, "zeppelin")
        choose_order(page, "newest")
        assert shown_dates(page) == [f"2017-03-0{d}" for d in (6, 5, 4, 3, 2, 1)]
        choose_order(page, "oldest")
        assert shown_dates(page) == [f"2017-03-0{d}" for d in (1, 2, 3, 4, 5, 6)]
        assert script_errors(page) == []
    finally:
        server.shutdown()
