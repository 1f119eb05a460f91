"""The site model's archive-wide names remembered between builds (memo.py): reused after a body
edit, worked out again when a name changes, and a damaged memo file is named and replaced,
never a traceback."""

import dataclasses
import datetime as dt

from dateline.article import Article
from dateline.config import load_settings
from dateline.report import Report
from dateline.site import NAMES_FILE, build_site
from tests.conftest import calls_to, write_project


def story(n: int, **fields) -> Article:
    day = dt.date(2016, 12, 1 + n)
    base = Article(id=f"{n:016x}", slug=f"story-{n}", title=f"Story {n}", date=day,
                   dateline="BRASILIA", body="Text.\n", path=f"{day:%Y/%m}/story-{n}.md")
    return dataclasses.replace(base, **fields)


def banks() -> list[Article]:
    """Central Bank named from three countries: one page per country's bank."""
    return [story(1, organizations=["Central Bank"], places=["Brazil"]),
            story(2, organizations=["Central Bank"], places=["Philippines"]),
            story(3, organizations=["Central Bank"], places=["Kenya"], people=["Jose Sarney"]),
            story(4, places=["Brazil"], people=["Sarney"])]


def counted(monkeypatch):
    from dateline import site as site_module

    return calls_to(monkeypatch, site_module, "local_bodies")


def test_a_body_edit_reuses_the_names_and_a_name_change_works_them_out_again(tmp_path, monkeypatch):
    calls = counted(monkeypatch)
    settings = load_settings(write_project(tmp_path / "archive", {}) / "site.toml")
    first = build_site(banks(), settings)
    assert sorted(first.terms["organizations"]) == [
        "central-bank-brazil", "central-bank-kenya", "central-bank-philippines"]
    assert sorted(first.terms["people"]) == ["jose-sarney"]
    edited = [dataclasses.replace(banks()[0], body="Text, corrected.\n"), *banks()[1:]]
    again = build_site(edited, settings)
    assert len(calls) == 1
    assert sorted(again.terms["organizations"]) == sorted(first.terms["organizations"])
    assert [a.id for a in again.terms["people"]["jose-sarney"].articles] == [story(4).id, story(3).id]
    moved = [banks()[0], *(dataclasses.replace(a, places=["Brazil"]) for a in banks()[1:])]
    assert sorted(build_site(moved, settings).terms["organizations"]) == ["central-bank"]
    assert len(calls) == 2


def test_a_damaged_or_foreign_memo_is_worked_out_again_and_a_damaged_one_named(tmp_path, monkeypatch):
    calls = counted(monkeypatch)
    settings = load_settings(write_project(tmp_path / "archive", {}) / "site.toml")
    expected = sorted(build_site(banks(), settings).terms["organizations"])
    memo_file = settings.path("cache") / NAMES_FILE
    memo_file.write_bytes(memo_file.read_bytes()[:20])  # cut short, as by a full disk
    report = Report(quiet=True)
    assert sorted(build_site(banks(), settings, report).terms["organizations"]) == expected
    assert len(calls) == 2
    assert report.notices == [f"{memo_file}: the memo file is damaged; worked out again"]
    assert report.lines == []  # mended by this run: a no-op that repeats its lines says nothing of it
    # rewritten whole: the next build reuses it without a word
    report = Report(quiet=True)
    build_site(banks(), settings, report)
    assert len(calls) == 2 and report.lines == []
    # an older Dateline's memo (another shape) is stale, not damaged: no message
    import pickle
    memo_file.write_bytes(pickle.dumps({"key": b"old", "names": {}}))
    report = Report(quiet=True)
    assert sorted(build_site(banks(), settings, report).terms["organizations"]) == expected
    assert len(calls) == 3 and report.lines == []
