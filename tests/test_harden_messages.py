"""A mistake in a content file, in site.toml, in a template or on the disk ends in one message
naming the file, setting or template and the problem, never a traceback; the live site and the
last good version of every page stay."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from dateline import render
from dateline.cli import main
from dateline.content import ContentError, content_files, parse_article, read_article
from dateline.pipeline import StageError
from tests.conftest import REPO, build_project, write_project

STORY = (" date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday to discuss Aleppo.\n\n"
         "The talks ran late.\n")


def own_project(root: Path, toml: str = "") -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a_1111111111111111.txt").write_text(STORY)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "site.toml").write_text("[build]\nworkers = 1\n[search]\nenabled = false\n" + toml)
    return root


def run(root: Path, *args: str) -> int:
    return main(["--config", str(root / "site.toml"), *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def set_line(path: Path, key: str, line: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line if x.startswith(f"{key}:") else x for x in lines) + "\n",
                    encoding="utf-8")


# --- front matter of the wrong type ------------------------------------------------------

@pytest.mark.parametrize("key, line, problem", [
    ("date", "date: [2016, 12, 9]", "not a date written YYYY-MM-DD"),
    ("date", "date: 20161209", "not a date written YYYY-MM-DD"),
    ("date", "date: 2016-13-45", "not a real day"),
    ("date", "date: 2016-02-30", "not a real day"),
    ("date", "date: {y: 2016}", "not a date written YYYY-MM-DD"),
    ("date", "date: yesterday", "not a date written YYYY-MM-DD"),
    ("date", "date: 99999-01-01", "not a date written YYYY-MM-DD"),
    ("date", "date:", "lacks date"),
    ("title", "title: [a, b]", "title must be text, not a list"),
    ("title", "title: {a: b}", "title must be text"),
    ("title", "title: yes", "title must be text"),
    ("title", "title:", "lacks title"),
    ("id", "id: [1, 2]", "id must be one word"),
    ("dateline", "dateline: [BEIRUT]", "dateline must be text"),
    ("summary", "summary: {a: 1}", "summary must be text"),
    ("slug", "slug: [a]", "slug must be text"),
    ("people", "people: [[Bashar Assad, x]]", "people must be a list of names"),
    ("people", "people: {a: b}", "people must be a list"),
    ("tags", "tags: 5", "tags must be a list"),
    ("roles", "roles: [President]", "roles must be 'name: role' pairs"),
    ("roles", "roles: {Bashar Assad: [President]}", "roles must be 'name: role' pairs"),
    ("title", "title: '   '", "lacks title"),
    ("date", "date: 0001-01-01", "before 1800"),
    ("date", "date: '1799-12-31'", "before 1800"),
    ("id", "id: ../../x", "id '../../x' must be letters, digits and hyphens only"),
    ("id", "id: a/b", "must be letters, digits and hyphens only"),
    ("date", "date: !!timestamp 2016-13-45", "YAML cannot read"),
    ("date", "date: !!int twelve", "YAML cannot read"),
    ("title", "title: !!binary aGVsbG8=", "title must be text"),
    ("title", "title: " + "[" * 5000 + "]" * 5000, "title must be text"),  # deep, no crash
])
def test_front_matter_of_the_wrong_type_names_the_file_and_keeps_the_last_good_page(
        tmp_path, key, line, problem):
    root = own_project(tmp_path / "archive")
    build_project(root)
    [path] = content_files(root / "content")
    url = read_article(path, root / "content").url_path
    good = (root / "_site" / url / "index.html").read_bytes()
    set_line(path, key, line)
    _, report = build_project(root)  # no traceback
    rel = path.relative_to(root / "content").as_posix()
    [warning] = report.warnings
    assert warning.startswith(f"content/{rel}: ") and problem in warning
    assert warning.endswith("the site keeps the last good version of this page")
    assert (root / "_site" / url / "index.html").read_bytes() == good
    assert run(root) == 0  # published, with the warning


def test_a_wrong_date_without_a_last_good_version_is_skipped_by_name(tmp_path, capsys):
    root = own_project(tmp_path / "archive")
    (root / "content" / "2016").mkdir(parents=True)
    (root / "content" / "2016" / "x.md").write_text("---\nid: abc\ntitle: T\ndate: 2016-13-45\n---\nB\n")
    assert run(root) == 4
    err = capsys.readouterr().err
    assert "skipped: content/2016/x.md: date '2016-13-45' is not a real day" in err


@pytest.mark.parametrize("written, kept", [
    ("0000000000000000", "0000000000000000"), ("0123", "0123"), ("'0123'", "0123"),
    ("1234567812345678", "1234567812345678"), ("1e5", "1e5"), ("abc", "abc"),
])
def test_an_id_that_yaml_reads_as_a_number_is_kept_as_written(written, kept):
    text = f"---\nid: {written}\ntitle: T\ndate: 2016-12-01\n---\n\nBody.\n"
    assert parse_article(text, "x.md").id == kept


def test_an_editors_list_title_is_never_published_as_python_text(tmp_path):
    root = own_project(tmp_path / "archive")
    build_project(root)
    [path] = content_files(root / "content")
    set_line(path, "title", "title: [a, b]")
    build_project(root)
    html = "".join(p.read_text(encoding="utf-8") for p in (root / "_site").rglob("*.html"))
    assert "[&#39;a&#39;, &#39;b&#39;]" not in html and "['a', 'b']" not in html
    with pytest.raises(ContentError, match="title must be text, not a list"):
        read_article(path, root / "content")


def test_a_file_saved_with_windows_line_ends_is_read(tmp_path):
    root = own_project(tmp_path / "archive")
    build_project(root)
    [path] = content_files(root / "content")
    set_line(path, "title", "title: Edited on Windows")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _, report = build_project(root)
    assert report.warnings == [] and report.skipped == []
    url = read_article(path, root / "content").url_path
    assert "Edited on Windows" in (root / "_site" / url / "index.html").read_text(encoding="utf-8")
    assert path.read_bytes().count(b"\r\n") > 3  # an edited file: never rewritten


def test_an_unreadable_content_file_is_named_and_the_rest_published(tmp_path, monkeypatch):
    root = own_project(tmp_path / "archive")
    build_project(root)
    [path] = content_files(root / "content")
    path.touch()  # changed since the last run: read again, and the read fails
    real = Path.read_text

    def refused(self: Path, *args: object, **kwargs: object) -> str:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refused)
    _, report = build_project(root)
    rel = path.relative_to(root / "content").as_posix()
    assert f"content/{rel}: cannot read: Permission denied; the site keeps the last good " \
           "version of this page" in report.warnings


def test_a_dated_time_is_read_as_its_day():
    text = "---\nid: a\ntitle: T\ndate: 2016-12-01 10:30:00\n---\n"
    assert parse_article(text).date.isoformat() == "2016-12-01"


# --- site.toml ---------------------------------------------------------------------------

BAD_SETTINGS = [
    ('[build]\nper_page = "50"', "[build] per_page", "whole number"),
    ("[build]\nper_page = 0", "[build] per_page", "at least 1"),
    ("[build]\nper_page = 2.5", "[build] per_page", "whole number"),
    ("[build]\nper_page = -1", "[build] per_page", "at least 1"),
    ('[build]\nworkers = "four"', "[build] workers", "whole number"),
    ("[build]\nworkers = -2", "[build] workers", "at least 0"),
    ("[build]\nworkers = true", "[build] workers", "whole number"),
    ("[build]\nhome_articles = 0", "[build] home_articles", "at least 1"),  # "No articles yet"
    ("[build]\nfeed_entries = 0", "[build] feed_entries", "at least 1"),
    ("[build]\nmax_article_kb = 0", "[build] max_article_kb", "at least 1"),
    ("[build]\nmin_tag_articles = 0", "[build] min_tag_articles", "at least 1"),
    ("[build]\nsize_warning_mb = [800]", "[build] size_warning_mb", "whole number"),
    ("[build]\nper_pages = 5", "[build] per_pages", "did you mean per_page"),
    ("[extract]\naliases = [1]", "[extract] aliases", "table"),
    ('[extract]\naliases = { "Assad" = 1 }', "[extract] aliases", "table"),
    ('[extract]\nmax_tags = "8"', "[extract] max_tags", "whole number"),
    ("[extract]\nmax_tags = 0", "[extract] max_tags", "at least 1"),
    ('[extract]\nnot_people = "Old City"', "[extract] not_people", "list"),
    ("[extract]\nnot_tags = [1, 2]", "[extract] not_tags", "list"),
    ("[extract]\nnot_tag = []", "[extract] not_tag", "did you mean not_tags"),
    ('[sitee]\ntitle = "x"', "[sitee]", "did you mean site"),
    ('title = "x"', "'title'", "outside any section"),
    ("site = 3", "[site]", "must be a section"),
    ('[search]\nenabled = "no"', "[search] enabled", "true or false"),
    ("[search]\nenabled = 1", "[search] enabled", "true or false"),
    ('[search]\nshard_by = "month"', "[search] shard_by", 'one of "", "year"'),
    ("[search]\nshard_max_pages = -5", "[search] shard_max_pages", "at least 0"),
    ("[search]\nsearch = true", "[search] search", "unknown setting"),
    ('[site]\ntimezone = "Europe/Paris"', "[site] timezone", "offset from UTC"),
    ('[site]\ntimezone = "+25:00"', "[site] timezone", "offset from UTC"),
    ('[site]\ntimezone = "0"', "[site] timezone", "offset from UTC"),
    ('[site]\nlanguage = "en<script>"', "[site] language", "language tag"),
    ('[site]\nlanguage = ""', "[site] language", "language tag"),
    ('[site]\nlocale = "en-US"', "[site] locale", "language and territory"),
    ('[site]\nlocale = "English"', "[site] locale", "language and territory"),
    ('[site]\nbase_url = "https://example.org/repo/?a=1"', "[site] base_url", "no query"),
    ('[site]\nbase_url = "https://example.org/repo/#top"', "[site] base_url", "no query"),
    ('[site]\nbase_url = "example.org/repo/"', "[site] base_url", "https://"),
    ('[site]\nbase_url = "javascript:alert(1)//"', "[site] base_url", "https://"),
    ('[site]\nbase_url = "ftp://example.org/"', "[site] base_url", "https://"),
    ('[site]\nbase_url = "https:///repo/"', "[site] base_url", "https://"),
    ('[site]\nbase_url = "https://example.org/a b/"', "[site] base_url", "plain address"),
    ('[site]\nbase_url = "https://example.org/\\"><script>/"', "[site] base_url", "plain address"),
    ("[site]\ntitle = 5", "[site] title", "text in quotes"),
    ('[site]\ntitle = "a\\u0001b"', "[site] title", "one line of text"),
    ('[site]\npublisher = "a\\nb"', "[site] publisher", "one line of text"),
    ('[paths]\noutput = ""', "[paths] output", "must name a folder"),
    ("[paths]\nseeds = 1", "[paths] seeds", "text in quotes"),
    ("[site\n", "not valid TOML", "line 1"),
    ('[site]\nbase_url = "https://example.org:99999/"', "[site] base_url", "port"),
    ('[site]\nbase_url = "https://example.org//repo/"', "[site] base_url", "plain path"),
    ('[site]\nbase_url = "https://example.org/a/../repo/"', "[site] base_url", "plain path"),
    ('[site]\ntitle = "  "', "[site] title", "must not be empty"),
    ('[site]\npublisher = ""', "[site] publisher", "must not be empty"),
    ("[site]\ntitle = 1979-05-27", "[site] title", "text in quotes"),
]


@pytest.mark.parametrize("toml, key, problem", BAD_SETTINGS)
def test_every_setting_is_checked_and_a_bad_one_is_named_with_exit_2(tmp_path, capsys, toml, key, problem):
    root = own_project(tmp_path / "archive")
    (root / "site.toml").write_text(toml + "\n", encoding="utf-8")
    assert run(root) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {root / 'site.toml'}: ") and key in err and problem in err
    assert err.count("\n") == 1  # one line, no traceback
    assert not (root / "_site").exists() and not (root / "content").exists()


def test_a_bad_command_line_value_is_named_by_its_flag(tmp_path, capsys):
    root = own_project(tmp_path / "archive")
    assert run(root, "--base-url", "javascript:alert(1)") == 2
    assert capsys.readouterr().err.startswith('error: --base-url = "javascript:alert(1)": must')


def test_a_settings_file_saved_with_a_bom_is_read(tmp_path):
    root = own_project(tmp_path / "archive")
    (root / "site.toml").write_text("\ufeff[site]\ntitle = \"BOM\"\n[search]\nenabled = false\n",
                                    encoding="utf-8")
    assert run(root) == 0
    assert "BOM" in (root / "_site" / "index.html").read_text(encoding="utf-8")


def test_good_settings_still_load(tmp_path):
    root = own_project(tmp_path / "archive", '[site]\ntimezone = "-05:00"\nlanguage = "pt-BR"\n'
                       'base_url = "https://owner.github.io/my.site"\ndescription = """Two\nlines"""\n'
                       '[extract]\naliases = { "Assad" = "Bashar Assad", "Nobody" = "" }\n'
                       'not_people = ["Old City"]\nmax_tags = 3\n')
    assert run(root, "--no-search") == 0


def test_a_config_file_that_does_not_exist_is_refused_and_nothing_is_created(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "sitee.toml"), "--quiet"]) == 2
    assert "sitee.toml: no such settings file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_static_folder_is_reported(tmp_path):
    """A static folder the settings name but that is not there: the site would lose its stylesheet."""
    root = own_project(tmp_path / "archive", '[paths]\nstatic = "house-style"\n')
    _, report = build_project(root)
    assert any("no static folder" in w and "stylesheet" in w for w in report.warnings)


def test_without_its_own_static_or_templates_a_project_gets_the_default_look(tmp_path):
    """A project that has neither folder under its default name (an installed dateline) is built
    with the shipped ones: it keeps its stylesheet and says nothing is wrong."""
    root = own_project(tmp_path / "archive")
    shutil.rmtree(root / "static")
    shutil.rmtree(root / "templates")
    assert run(root) == 0
    assert (root / "_site" / "static" / "style.css").is_file()
    assert "<html" in next((root / "_site").rglob("index.html")).read_text(encoding="utf-8")


# --- templates ---------------------------------------------------------------------------

@pytest.mark.parametrize("template, mistake, problem", [
    ("article.html", "{% if %}", "line"),
    ("article.html", "{{ no_such_variable }}", "'no_such_variable' is undefined"),
    ("article.html", "{{ a.no_such_field }}", "no_such_field"),
    ("base.html", "{% for x in %}", "line"),
    ("macros.html", "{% endif %}", "line"),
    ("home.html", "{% include 'no-such.html' %}", "no-such.html"),
    ("feed.xml", "{{ 1 / 0 }}", "ZeroDivisionError"),
])
def test_a_template_mistake_names_template_and_line_exits_1_and_leaves_the_site(
        tmp_path, capsys, template, mistake, problem):
    root = own_project(tmp_path / "archive")
    assert run(root) == 0
    live = snapshot(root / "_site")
    path = root / "templates" / template
    lines = path.read_text(encoding="utf-8").splitlines()
    # Inside the content block where there is one: a child template shows nothing outside it.
    at = next((n + 1 for n, x in enumerate(lines) if "{% block content %}" in x), min(3, len(lines)))
    lines.insert(at, mistake)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(root) == 1
    err = capsys.readouterr().err
    [line] = [x for x in err.splitlines() if x.startswith("error:")]
    assert f"templates/{template}" in line and problem in line and "Traceback" not in err
    if problem == "line" or "undefined" in problem:
        assert f"templates/{template}: line {at + 1}:" in line
    assert snapshot(root / "_site") == live
    assert not (root / "._site.staging").exists()


def test_a_missing_templates_folder_is_named(tmp_path, capsys):
    root = own_project(tmp_path / "archive", '[paths]\ntemplates = "house-templates"\n')
    assert run(root) == 2
    assert "templates folder" in capsys.readouterr().err


# --- a full disk -------------------------------------------------------------------------

def test_a_full_disk_names_the_stage_and_path_and_leaves_no_staging_folder(tmp_path, monkeypatch):
    root = own_project(tmp_path / "archive")
    build_project(root)
    live = snapshot(root / "_site")
    (root / "seeds" / "b_2222222222222222.txt").write_text(STORY.replace("Geneva", "Bern"))
    real = render.write_if_changed
    calls = []

    def fills_up(path: Path, data: bytes) -> bool:
        calls.append(path)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(render, "write_if_changed", fills_up)
    with pytest.raises(StageError) as failed:
        build_project(root)
    message = str(failed.value)
    assert message.startswith("render failed: ") and "No space left on device" in message
    assert str(calls[-1]) in message and "unchanged" in message
    assert not (root / "._site.staging").exists()
    assert snapshot(root / "_site") == live
    monkeypatch.setattr(render, "write_if_changed", real)
    _, report = build_project(root)  # room again: the next build finishes the job
    assert report.counts["articles"] == 2


@pytest.mark.parametrize("written", ["0x1F", "0123", "1_000", "2016"])
def test_a_slug_that_yaml_reads_as_a_number_is_kept_as_written(written):
    text = f"---\nid: a\nslug: {written}\ntitle: T\ndate: 2016-12-01\n---\n"
    assert parse_article(text, "x.md").slug == written


def test_a_full_disk_while_writing_content_names_the_stage_and_file(tmp_path, monkeypatch):
    import builtins

    from dateline import output

    root = own_project(tmp_path / "archive")
    real_open = builtins.open

    class Full:
        def __init__(self, handle: IO[bytes]) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")  # as write(2) says: no name

    def full_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        handle = real_open(file, mode, *args, **kwargs)
        return Full(handle) if "w" in mode and str(file).endswith(".tmp") and "content" in str(file) \
            else handle

    monkeypatch.setattr(output, "open", full_open, raising=False)
    with pytest.raises(StageError) as failed:
        build_project(root)
    message = str(failed.value)
    assert message.startswith(f"ingest failed: {root / 'content'}/2016/12/") and ".md: No space" in message
    assert not list((root / "content").rglob("*.tmp"))


def test_control_characters_an_editor_escapes_into_yaml_never_reach_a_page_or_feed(tmp_path):
    root = own_project(tmp_path / "archive")
    build_project(root)
    [path] = content_files(root / "content")
    set_line(path, "title", 'title: "Bell\\x07 and\\x01 escape\\x1b"')
    set_line(path, "tags", 'tags: ["ta\\x00g"]')
    _, report = build_project(root)
    assert report.warnings == []
    for page in (root / "_site").rglob("*"):
        if page.suffix in (".html", ".xml"):
            assert not any(c in page.read_text(encoding="utf-8") for c in "\x07\x01\x1b\x00")
    assert "Bell and escape" in (root / "_site" / "feed.xml").read_text(encoding="utf-8")


def test_a_missing_template_is_named_before_anything_is_written(tmp_path, capsys):
    root = own_project(tmp_path / "archive")
    assert run(root) == 0
    live = snapshot(root / "_site")
    (root / "templates" / "404.html").unlink()
    assert run(root) == 1
    err = capsys.readouterr().err
    assert "templates/404.html: template '404.html' not found" in err and "Traceback" not in err
    assert snapshot(root / "_site") == live and not (root / "._site.staging").exists()


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_reader_that_stops_early_ends_the_run_without_a_traceback(tmp_path, unbuffered):
    # `build.py extract seeds/* | head -1`: the pipe closes before Dateline writes its first line.
    seeds = {f"{n}.txt": f" date 2016-12-09 BEIRUT -- Talks went on for day {n}.\n\nMore text.\n"
             for n in range(3)}
    root = write_project(tmp_path / "archive", seeds)
    run = subprocess.Popen([sys.executable, str(REPO / "build.py"), "extract",
                            *(f"seeds/{name}" for name in sorted(seeds))], cwd=root,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "PYTHONUNBUFFERED": unbuffered})
    assert run.stdout is not None and run.stderr is not None
    run.stdout.close()
    errors = run.stderr.read()
    assert run.wait() == 1
    assert "Traceback" not in errors and "Exception ignored" not in errors, errors
