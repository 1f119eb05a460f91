"""The people index files people by surname, particles handled as indexes do; counts shown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from dateline.article import Article
from dateline.content import write_article
from dateline.site import index_name
from tests.conftest import build_project

NAMES = ["Charles de Gaulle", "Bashar al-Assad", "Martin Van Buren", "John Kerry", "Ban Ki-moon",
         "Ludwig van Beethoven", "Martin Luther King Jr.", "Madonna", "Osama bin Laden", "Turgut Özal"]


@pytest.mark.parametrize(("name", "surname", "written"), [
    ("Charles de Gaulle", "Gaulle", "Gaulle, Charles de"),
    ("Miguel de la Madrid", "Madrid", "Madrid, Miguel de la"),
    ("Bashar al-Assad", "Assad", "al-Assad, Bashar"),
    ("Martin Van Buren", "Van Buren", "Van Buren, Martin"),
    ("F.W. De Klerk", "De Klerk", "De Klerk, F.W."),
    ("Osama bin Laden", "bin Laden", "bin Laden, Osama"),
    ("Martin Luther King Jr.", "King", "King, Martin Luther, Jr."),
    ("Ban Ki-moon", "Ban", "Ban, Ki-moon"),
    ("Madonna", "Madonna", "Madonna"),
])
def test_index_names(name, surname, written):
    assert index_name(name)[0] == surname and index_name(name)[2] == written


def test_the_people_index_is_a_to_z_by_surname_with_counts(project):
    root = project({})
    day = dt.date(2016, 5, 2)
    base = Article(id="", slug="", title="", date=day, dateline="PARIS", body="Text.\n")
    for n, name in enumerate(NAMES):
        for k in range(1 + (n == 3)):  # John Kerry twice
            story = dataclasses.replace(base, id=f"{n:08d}{k:08d}", slug=f"s-{n}-{k}", title=f"Story {n} {k}",
                                        people=[name], path=f"2016/05/s-{n}-{k}.md")
            write_article(story, root / "content")
    build_project(root)
    html = (root / "_site" / "people" / "index.html").read_text()
    listed = re.findall(r'<li><a href="[^"]+">([^<]+)</a> <span class="count">(\d+)</span>', html)
    assert [name for name, _ in listed] == [
        "al-Assad, Bashar", "Ban, Ki-moon", "Beethoven, Ludwig van", "bin Laden, Osama",
        "Gaulle, Charles de", "Kerry, John", "King, Martin Luther, Jr.", "Madonna", "Özal, Turgut",
        "Van Buren, Martin"]
    assert dict(listed)["Kerry, John"] == "2"
    letters = re.findall(r'<section class="letter" id="letter-(\w)">', html)
    assert letters == ["A", "B", "G", "K", "M", "O", "V"]


def test_a_one_story_organization_gets_no_page_but_stays_on_its_article_as_text(project):
    root = project({}, extra_toml="min_tag_archive = 3\n")
    day = dt.date(2016, 5, 2)
    base = Article(id="", slug="", title="", date=day, dateline="PARIS", body="Text.\n")
    for n in range(4):
        orgs = ["United Nations"] + (["Acme Widgets"] if n == 0 else [])
        write_article(dataclasses.replace(base, id=f"{n:016d}", slug=f"o-{n}", title=f"Story {n}",
                                          organizations=orgs, people=[f"Person Number{n}"],
                                          roles={f"Person Number{n}": "Envoy"},
                                          path=f"2016/05/o-{n}.md"), root / "content")
    build_project(root)
    site = root / "_site"
    assert (site / "organizations" / "united-nations" / "index.html").is_file()
    assert not (site / "organizations" / "acme-widgets").exists()
    assert (site / "people" / "person-number0" / "index.html").is_file()  # people: one story is enough
    html = (site / "2016" / "05" / "o-0" / "index.html").read_text()
    assert "<li><span>Acme Widgets</span></li>" in html
    assert '<a href="/organizations/united-nations/">United Nations</a>' in html
    assert '<span class="role">Envoy</span>' in html
