"""A whole archive of bad seeds, built through ``python build.py`` as a newsroom runs it: each bad
file gets one line naming it and its problem, the rest is published, and the exit status and
summary say what was skipped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.content import content_files, read_article
from tests.conftest import REPO, write_project

LEAD = " date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday to discuss Aleppo.\n\n"
GOOD = LEAD + "More text.\n"
SAME_HEADLINE = LEAD + "Other.\n"
KYIV = "\u041a\u0438\u0457\u0432 said yes. \U0001F600"
CAIRO = "\u0645\u062d\u0645\u062f said no."
BIG = " date 2016-12-13 OSLO -- The long report.\n\n" + ("Word " * 200 + "\n\n") * 10_500  # ~10 MB

SEEDS: dict[str, str | bytes] = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  ",
    "line\nbreak.txt": b"",
    "junk.bin": bytes(range(256)) * 8,
    "no date.txt": "Diplomats met in Geneva.\n\nMore.\n",
    "impossible.txt": " date 2016-02-30 GENEVA -- A leap too far.\n",
    "future.txt": " date 2999-01-01 GENEVA -- Tomorrow's news.\n",
    "ancient.txt": " date 1700-01-01 GENEVA -- Old news.\n",
    "no body.txt": " date 2016-12-09 BEIRUT -- \n\n",
    "geneva_1111111111111111.txt": GOOD,
    "z copy of geneva.txt": GOOD,  # same text, later file name: one article, the copy reported
    "geneva_2222222222222222.txt": SAME_HEADLINE,  # same headline, different story
    "cp1252.txt": " date 2016-12-11 PARIS -- \u201cCaf\u00e9\u201d owners protest.\n".encode("cp1252"),
    "latin1.txt": " date 2016-12-11 M\u00dcNCHEN -- Se\u00f1or M\u00fcller \u00fcbt.\n".encode("latin-1"),
    "bom.txt": b"\xef\xbb\xbf date 2016-12-12 ROME -- Rome opened a bridge.\n",
    "us date.txt": " date 12/09/2016 BERLIN -- Berlin voted.\n",
    "words date.txt": " date Dec. 9, 2016 MADRID -- Madrid voted.\n",
    "one line.txt": " date 2016-12-14 LIMA -- Lima. No breaks at all in this one, just a run of text.\n",
    "big.txt": BIG,
    "Story #1 (final) \u2014 copy's.txt": f" date 2016-12-14 KYIV -- {KYIV}\n",
    "-dash & semi;colon.txt": f" date 2016-12-14 CAIRO -- {CAIRO}\n",
}
SKIPS = {  # file -> the line the user sees
    "empty.txt": "file is empty",
    "blank.txt": "file holds only whitespace",
    "line?break.txt": "file is empty",
    "junk.bin": "file is binary, not text",
    "no date.txt": "first line is not ' date YYYY-MM-DD DATELINE -- text'",
    "impossible.txt": "date '2016-02-30' does not exist",
    "future.txt": "date 2999-01-01 is in the future",
    "ancient.txt": "date 1700-01-01 is before 1800",
    "no body.txt": "no article text after the date line",
}
WARNINGS = {
    "z copy of geneva.txt": "same article as seeds/geneva_1111111111111111.txt; published once",
    "cp1252.txt": "not UTF-8; read as Windows-1252",
    "latin1.txt": "not UTF-8; read as Windows-1252",
    "us date.txt": "date '12/09/2016' is not YYYY-MM-DD; read as 2016-12-09",
    "words date.txt": "date 'Dec. 9, 2016' is not YYYY-MM-DD; read as 2016-12-09",
    "big.txt": "file is 10.0 MB; published its first 1,024 KB (limit: max_article_kb in site.toml)",
}


def run_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml"),
                           "--no-search", *args], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def bad_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    root = write_project(tmp_path_factory.mktemp("bad") / "archive", SEEDS)
    latin_name = os.path.join(os.fsencode(root / "seeds"), b"caf\xe9 menu.txt")  # not UTF-8
    with open(latin_name, "wb") as handle:
        handle.write(b" date 2016-12-15 ALGIERS -- Menus changed.\n")
    return root, run_build(root)


def test_each_bad_seed_gets_one_line_naming_the_file_and_the_problem(bad_archive):
    _, done = bad_archive
    lines = done.stderr.splitlines()
    for name, problem in SKIPS.items():
        assert f"skipped: seeds/{name}: {problem}" in lines
    for name, problem in WARNINGS.items():
        assert f"warning: seeds/{name}: {problem}" in lines
    named = [line for line in lines if line.startswith(("skipped:", "warning:"))]
    assert len(named) == len(SKIPS) + len(WARNINGS)  # one line each, nothing about good files


def test_the_summary_and_exit_status_say_what_was_skipped_and_why(bad_archive):
    _, done = bad_archive
    assert done.returncode == 4
    assert ("9 file(s) skipped, not published: 3 bad date, 3 empty file, 1 binary file, "
            "1 no date line, 1 no text") in done.stdout
    assert f"{len(WARNINGS)} warning(s)" in done.stdout


def test_the_rest_of_the_archive_is_published(bad_archive):
    root, _ = bad_archive
    articles = [read_article(p, root / "content") for p in content_files(root / "content")]
    published = len(SEEDS) - len(SKIPS) - 1 + 1  # minus the duplicate, plus the Latin-1 file name
    assert len(articles) == published
    pages = [p for p in (root / "_site").glob("2016/12/*/index.html")
             if not p.parent.name.isdigit()]  # 2016/12/DD/ are the days' pages
    assert len(pages) == published
    by_source = {a.source: a for a in articles}
    assert by_source["caf? menu.txt"].body == "Menus changed.\n"
    assert by_source["cp1252.txt"].body == "\u201cCaf\u00e9\u201d owners protest.\n"
    assert by_source["latin1.txt"].dateline == "M\u00dcNCHEN"
    assert by_source["bom.txt"].body == "Rome opened a bridge.\n"
    assert by_source["us date.txt"].date.isoformat() == "2016-12-09"


def test_two_stories_with_one_headline_both_publish_at_distinct_urls(bad_archive):
    root, _ = bad_archive
    articles = [read_article(p, root / "content") for p in content_files(root / "content")]
    geneva = [a for a in articles if a.source.startswith("geneva_")]
    assert len(geneva) == 2 and geneva[0].url_path != geneva[1].url_path
    for article in geneva:
        assert (root / "_site" / article.url_path / "index.html").is_file()


def test_non_latin_names_get_ascii_urls_and_pages_show_the_original(bad_archive):
    root, _ = bad_archive
    articles = [read_article(p, root / "content") for p in content_files(root / "content")]
    for source, original in [("Story #1 (final) \u2014 copy's.txt", KYIV), ("-dash & semi;colon.txt", CAIRO)]:
        [article] = [a for a in articles if a.source == source]
        assert article.slug.isascii() and article.slug.replace("-", "").isalnum()
        html = (root / "_site" / article.url_path / "index.html").read_text(encoding="utf-8")
        assert original in html


def test_strict_fails_on_warnings_and_skips_and_a_clean_archive_exits_zero(tmp_path, bad_archive):
    root, _ = bad_archive
    strict = run_build(root, "--strict")
    assert strict.returncode == 1
    assert "--strict: failing" in strict.stderr
    clean = write_project(tmp_path / "clean", {"a_1111111111111111.txt": GOOD})
    assert run_build(clean).returncode == 0
    assert run_build(clean, "--strict").returncode == 0
    warned = write_project(tmp_path / "warned", {"a.txt": SEEDS["us date.txt"]})
    assert run_build(warned).returncode == 0
    assert run_build(warned, "--strict", "--refresh").returncode == 1


def test_a_rerun_says_the_same_again(bad_archive):
    root, first = bad_archive
    again = run_build(root)  # nothing changed: no seed is even re-read, yet the same is said

    def problems(done: subprocess.CompletedProcess) -> list[str]:
        return sorted(line for line in done.stderr.splitlines() if line.startswith(("skipped:", "warning:")))

    assert problems(again) == problems(first)
    assert again.returncode == 4
