"""The site model across articles: one person, one page; editors' levers in site.toml apply
on the next build; headlines stay unique."""

import dataclasses
import datetime as dt

from dateline.article import Article
from dateline.config import load_settings
from dateline.content import write_article
from dateline.site import build_site
from tests.conftest import build_project, calls_to, write_project


def story(n: int, **fields) -> Article:
    day = dt.date(2016, 12, 1 + n)
    base = Article(id=f"{n:016x}", slug=f"story-{n}", title=f"Story {n}", date=day,
                   dateline="BEIRUT", body="Text.\n", path=f"{day:%Y/%m}/story-{n}.md")
    return dataclasses.replace(base, **fields)


def site_of(tmp_path, articles, extra_toml=""):
    root = write_project(tmp_path / "archive", {}, extra_toml=extra_toml)
    for article in articles:
        write_article(article, root / "content")
    return root, build_site(articles, load_settings(root / "site.toml"))


def test_a_surname_mention_in_another_story_joins_the_full_name(tmp_path):
    _, site = site_of(tmp_path, [story(1, people=["Bashar Assad"]), story(2, people=["Assad"]),
                                 story(3, people=["John Kerry"])])
    assert sorted(site.terms["people"]) == ["bashar-assad", "john-kerry"]
    assert [a.id for a in site.terms["people"]["bashar-assad"].articles] == [story(2).id, story(1).id]


def test_two_people_with_one_surname_stay_apart_and_the_bare_surname_joins_neither(tmp_path):
    _, site = site_of(tmp_path, [story(1, people=["James Baker"]), story(2, people=["Howard Baker"]),
                                 story(3, people=["Baker"])])
    assert len(site.terms["people"]["james-baker"].articles) == 1
    assert len(site.terms["people"]["howard-baker"].articles) == 1


def test_site_toml_levers_apply_on_the_next_build(tmp_path):
    articles = [story(1, people=["Bashar Assad", "Old City"], places=["U.S."]),
                story(2, people=["President Assad"], places=["United States"])]
    levers = ('\n[extract]\naliases = { "President Assad" = "Bashar Assad", "U.S." = "United States" }\n'
              'not_people = ["Old City"]\n')
    root, _ = site_of(tmp_path, articles, extra_toml=levers)
    build_project(root)
    people = root / "_site" / "people"
    page = (people / "bashar-assad" / "index.html").read_text()
    assert ">Story 1<" in page and ">Story 2<" in page
    assert not (people / "old-city").exists() and not (people / "president-assad").exists()
    assert sorted(p.name for p in (root / "_site" / "places").iterdir() if p.is_dir()) == ["united-states"]


def test_repeated_headlines_are_told_apart_and_the_earlier_keeps_its_own(tmp_path):
    _, site = site_of(tmp_path, [story(1, title="Talks resume"), story(2, title="Talks resume",
                                                                        dateline="GENEVA")])
    titles = {a.id: a.title for a in site.articles}
    assert titles[story(1).id] == "Talks resume"
    assert titles[story(2).id] == "Talks resume (Geneva)"


def test_a_repeat_is_told_apart_by_its_company_and_an_editors_headline_is_never_changed(tmp_path):
    articles = [story(1, title="Talks resume"), story(2, title="Talks resume", organizations=["Acme Corp"]),
                story(3, title="Talks resume")]
    root, _ = site_of(tmp_path, articles)
    edited = root / "content" / articles[2].path  # an editor touches story 3's file
    edited.write_text(edited.read_text().replace("Text.", "Text, checked."))
    site = build_site(articles, load_settings(root / "site.toml"))
    titles = {a.id: a.title for a in site.articles}
    assert titles[story(3).id] == "Talks resume"  # the editor's, though a generated one came first
    assert titles[story(1).id] == "Talks resume (Beirut)"
    assert titles[story(2).id] == "Talks resume (Acme Corp)"


def test_the_archive_wide_names_are_kept_until_a_name_list_or_lever_changes(tmp_path, monkeypatch):
    from dateline import site as site_module

    calls = calls_to(monkeypatch, site_module, "canonical_people")
    articles = [story(1, people=["Bashar Assad"]), story(2, people=["Assad"])]
    root, site = site_of(tmp_path, articles)
    settings = load_settings(root / "site.toml")
    corrected = [dataclasses.replace(articles[0], body="Text, corrected.\n"), articles[1]]
    again = build_site(corrected, settings)
    assert len(calls) == 1  # a body edit: the names are the last build's
    assert sorted(again.terms["people"]) == sorted(site.terms["people"]) == ["bashar-assad"]
    renamed = [articles[0], dataclasses.replace(articles[1], people=["Hafez Assad"])]
    assert sorted(build_site(renamed, settings).terms["people"]) == ["bashar-assad", "hafez-assad"]
    (root / "site.toml").write_text((root / "site.toml").read_text()
                                    + '\n[extract]\nnot_people = ["Hafez Assad"]\n')
    levered = build_site(renamed, load_settings(root / "site.toml"))
    assert len(calls) == 3 and sorted(levered.terms["people"]) == ["bashar-assad"]


def test_told_apart_headlines_are_kept_until_a_headline_or_an_editors_file_changes(tmp_path, monkeypatch):
    from dateline.extract import headline

    calls = calls_to(monkeypatch, headline, "distinct_titles")
    articles = [story(1, title="Talks resume"), story(2, title="Talks resume"), story(3)]
    root, site = site_of(tmp_path, articles)
    settings = load_settings(root / "site.toml")
    corrected = [articles[0], articles[1], dataclasses.replace(articles[2], body="Text, corrected.\n")]
    again = build_site(corrected, settings)
    assert len(calls) == 1  # a body edit: the headlines are the last build's
    assert [a.title for a in again.articles] == [a.title for a in site.articles]
    assert {a.title for a in again.articles} == {"Talks resume", "Talks resume (Beirut)", "Story 3"}
    retitled = [articles[0], articles[1], dataclasses.replace(articles[2], title="Talks resume")]
    assert sorted(a.title for a in build_site(retitled, settings).articles) == [
        "Talks resume", "Talks resume (Beirut)", "Talks resume (December 4)"]
    edited = root / "content" / articles[1].path  # an editor's hand on story 2: its headline stays
    edited.write_text(edited.read_text().replace("Text.", "Text, checked."))
    titles = {a.id: a.title for a in build_site(articles, settings).articles}
    assert len(calls) == 3 and titles[story(2).id] == "Talks resume"
    assert titles[story(1).id] == "Talks resume (Beirut)"


def test_a_headline_a_repeat_was_told_apart_into_is_told_apart_by_its_own_day(tmp_path):
    """Story 3's headline is no other's, but story 2 was told apart into it: story 3 is told apart
    by its own day, and a new day for it is a new headline (its fields count toward the memo)."""
    articles = [story(1, title="Talks resume"), story(2, title="Talks resume"),
                story(3, title="Talks resume (Beirut)")]
    root, site = site_of(tmp_path, articles)
    assert {a.id: a.title for a in site.articles}[story(3).id] == "Talks resume (Beirut) (December 4)"
    moved = [articles[0], articles[1], dataclasses.replace(articles[2], date=dt.date(2016, 12, 9))]
    titles = {a.id: a.title for a in build_site(moved, load_settings(root / "site.toml")).articles}
    assert titles[story(3).id] == "Talks resume (Beirut) (December 9)"
