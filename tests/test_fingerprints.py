"""Settings that change no page's bytes re-render no page."""

from __future__ import annotations

import re
from pathlib import Path

from dateline import pagereads, render
from dateline.config import Settings
from dateline.content import content_files
from dateline.pipeline import RENDER_STATE, read_state
from dateline.report import Report
from dateline.site import build_site, load_articles
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, seeds


def test_changing_workers_or_the_size_warning_renders_nothing_again(tmp_path):
    root = write_project(tmp_path / "a", seeds(8), extra_toml=TOML)
    build_project(root)
    toml = root / "site.toml"
    toml.write_text(toml.read_text().replace("workers = 2", "workers = 1\nsize_warning_mb = 500"))
    _, report = build_project(root)
    assert report.counts["articles"] == 8
    assert report.counts["pages rendered"] == 0 and report.counts["pages changed"] == 0


def _pages_to_render(settings: Settings) -> list[str]:
    """The pages the next build of ``settings`` would render again (render.plan's to-do)."""
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    state = read_state(settings.path("cache") / RENDER_STATE)
    work = render.plan(site, settings.path("output"), settings.path("templates"), settings.path("static"),
                       state["pages"], settings.path("cache") / pagereads.CACHE_FILE)
    return sorted(page.path for page in render.pages_at(site, work.todo))


def _after_a_correction(tmp_path: Path, seed_files: dict[str, str]) -> tuple[Path, list[str]]:
    """A built project whose story "Golf report number 6" then had a sentence added to its
    body, and the pages its next build would render."""
    root = write_project(tmp_path / "a", seed_files, extra_toml=TOML)
    settings, _ = build_project(root)
    [target] = [p for p in content_files(root / "content")
                if "\ntitle: Golf report number 6" in p.read_text()]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on.\n")
    return root, _pages_to_render(settings)


def test_a_corrected_story_renders_its_month_page_and_day_page_not_its_whole_month(tmp_path):
    """Month pages show the month's name, count and calendar, never its stories' text: a body
    edit re-renders the one month page listing the story and its own day page, not every page
    of the month nor the other days' pages (whose calendar is the month's)."""
    root, todo = _after_a_correction(tmp_path, seeds(20))
    month_pages = [p for p in todo if re.fullmatch(r"2017/03/(page/\d+/)?", p)]
    day_pages = [p for p in todo if re.fullmatch(r"2017/\d\d/\d\d/", p)]
    assert len(month_pages) == 1 and day_pages == ["2017/03/07/"]
    assert "2017/" not in todo  # the year page lists months with their counts
    site_pages = list((root / "_site").glob("2017/03/page/*/index.html"))
    assert len(site_pages) >= 2  # the month has pages that were left alone


def test_a_corrected_story_renders_the_term_pages_listing_it_and_their_first_pages_only(tmp_path):
    """A term's pages show its name, count, timeline and roles, and list their own stories; only
    the first page also reads its stories' text (key stories). The kinds' indexes read no text."""
    root, todo = _after_a_correction(tmp_path, seeds(40))
    term_pages = [p for p in todo if re.fullmatch(r"(tags|people|places|organizations)/.+/", p)]
    assert term_pages and not [p for p in todo if p in ("tags/", "people/", "places/", "organizations/")]
    site = root / "_site"
    left_alone = [p for p in site.glob("*/*/page/*/index.html")
                  if "Golf report number 6" not in p.read_text()]
    assert left_alone  # later pages of terms that do not list the story (its place's among them)...
    assert not {p.parent.relative_to(site).as_posix() + "/" for p in left_alone} & set(todo)  # ...wait
    for page in term_pages:
        assert "/page/" not in page or "Golf report number 6" in (site / page / "index.html").read_text()


def test_a_story_that_becomes_key_to_its_place_shows_on_the_places_first_page(tmp_path):
    """Key stories are chosen by how often a story's text names the term: naming the place
    more often moves a story among them, as a cold build of the same files has it."""
    from tests.test_incremental import assert_same_site, cold_twin

    root = write_project(tmp_path / "a", seeds(40), extra_toml=TOML)
    build_project(root)
    page = root / "_site" / "places" / "london" / "index.html"
    key = page.read_text().split('class="key-stories"', 1)[1].split("</section>", 1)[0]
    [target] = [p for p in content_files(root / "content") if "\ndateline: LONDON" in p.read_text()
                and p.read_text().split("\ntitle: ", 1)[1].split("\n", 1)[0] not in key][:1]
    title = target.read_text().split("\ntitle: ", 1)[1].split("\n", 1)[0]
    target.write_text(target.read_text().rstrip("\n") + " London, London, London, London.\n")
    build_project(root)
    key = page.read_text().split('class="key-stories"', 1)[1].split("</section>", 1)[0]
    assert title in key
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_the_plan_names_pages_by_position_and_each_share_makes_its_own(tmp_path):
    """The plan keeps no list of pages (~1.6 KB an article at scale): its to-do is positions in
    pages(site), from which each render share makes its own pages. A missing file is the one
    page to do; shares of a full to-do hold every page once."""
    root = write_project(tmp_path / "a", seeds(20), extra_toml=TOML)
    settings, _ = build_project(root)
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    every = [page.path for page in render.pages(site)]
    (root / "_site" / "2017" / "03" / "07" / "index.html").unlink()
    assert _pages_to_render(settings) == ["2017/03/07/"]
    work = render.plan(site, tmp_path / "empty", settings.path("templates"), settings.path("static"))
    assert [page.path for page in render.pages_at(site, work.todo)] == every
    shares = [[page.path for page in render.pages_at(site, work.todo[i::3])] for i in range(3)]
    assert sorted(path for share in shares for path in share) == sorted(every) and all(shares)
    assert shares[1] == every[1::3]
