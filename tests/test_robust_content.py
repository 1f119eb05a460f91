"""Editors' work in content/ survives everything Dateline does later, and a content file that
stops parsing is named by file and line while its last good version stays on the site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline import ingest as ingest_module
from dateline.content import content_files, is_hand_edited, read_article
from tests.conftest import build_project

STORY = (" date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday to discuss Aleppo.\n\n"
         "The talks ran late.\n")
SEED_NAME = "a_1111111111111111.txt"


def only_file(root: Path) -> Path:
    [path] = content_files(root / "content")
    return path


def page_of(root: Path, path: Path) -> str:
    article = read_article(path, root / "content")
    return (root / "_site" / article.url_path / "index.html").read_text(encoding="utf-8")


def hand_edit(path: Path) -> str:
    """An editor fixes the headline, adds a person and rewrites a paragraph."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    lines = [line for line in head.splitlines() if not line.startswith(("title:", "people:"))]
    lines += ["title: Talks on Aleppo run late in Geneva", "people: [Staffan de Mistura, Zoë Ångström]"]
    edited = "\n".join(lines) + "\n---\n" + body.replace("The talks ran late.", "Talks ran past midnight.")
    path.write_text(edited, encoding="utf-8")
    return edited


@pytest.mark.parametrize("later", ["rerun", "changed seed", "better extractor", "refresh"])
def test_a_hand_edit_survives_and_is_what_the_site_shows(project, monkeypatch, later):
    root = project({SEED_NAME: STORY})
    build_project(root, base_url=None)
    path = only_file(root)
    edited = hand_edit(path)
    assert is_hand_edited(edited)
    if later == "changed seed":
        (root / "seeds" / SEED_NAME).write_text(STORY.replace("ran late", "ended at dawn"))
    if later == "better extractor":
        monkeypatch.setattr(ingest_module, "generator_fingerprint", lambda settings: "a-newer-one")
    settings, report = build_project(root)
    if later == "refresh":
        ingest_module.ingest(settings, report, refresh=True)
        settings, report = build_project(root)
    assert only_file(root) == path and path.read_text(encoding="utf-8") == edited
    html = page_of(root, path)
    assert "Talks on Aleppo run late in Geneva" in html and "Talks ran past midnight." in html
    person = (root / "_site" / "people" / "zoe-angstrom" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Zoë Ångström</h1>" in person  # an ASCII URL, the name as written
    if later == "changed seed":
        assert any("edited by hand; kept as is" in w for w in report.warnings)


def break_yaml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", "\ntitle: [An unfinished edit ", 1), encoding="utf-8")


def test_broken_yaml_is_named_by_file_and_line_and_the_last_good_page_stays(project):
    root = project({SEED_NAME: STORY})
    build_project(root)
    path = only_file(root)
    good_page = page_of(root, path)
    rel = path.relative_to(root / "content").as_posix()
    title_line = path.read_text().splitlines().index(next(
        line for line in path.read_text().splitlines() if line.startswith("title:"))) + 1
    break_yaml(path)
    for _ in range(2):  # said again on every run until it is fixed, never silently
        _, report = build_project(root)
        [warning] = report.warnings
        assert warning.startswith(f"content/{rel}: line {title_line + 1}: front matter is not valid YAML")
        assert f"starts on line {title_line})" in warning
        assert warning.endswith("; the site keeps the last good version of this page")
        assert report.counts["articles"] == 1
        assert (root / "_site" / f"{rel[:-3]}" / "index.html").read_text() == good_page
    broken = path.read_text()
    (root / "seeds" / SEED_NAME).write_text(STORY + "\nA late paragraph.\n")
    build_project(root)
    assert path.read_text() == broken  # the editor's half-done work is never overwritten
    path.write_text(broken.replace("[An unfinished edit ", "Fixed, "))
    _, report = build_project(root)
    assert report.warnings == [] and "Fixed, Diplomats" in page_of(root, path)


def test_broken_yaml_without_a_last_good_version_is_skipped_by_name(project):
    root = project({SEED_NAME: STORY, "b_2222222222222222.txt": STORY.replace("Geneva", "Vienna")})
    build_project(root)
    path = next(p for p in content_files(root / "content") if "vienna" in p.name)
    break_yaml(path)
    shutil.rmtree(root / ".dateline-cache")  # a cold start: nothing remembered
    _, report = build_project(root)
    rel = path.relative_to(root / "content").as_posix()
    [(where, problem)] = report.skipped
    assert where == f"content/{rel}" and problem.startswith("line ") and "not valid YAML" in problem
    assert report.counts["articles"] == 1 and report.skip_kinds == {"unreadable content file": 1}


def test_a_content_file_that_is_not_utf8_is_named(project):
    root = project({SEED_NAME: STORY})
    build_project(root)
    path = only_file(root)
    path.write_bytes(path.read_bytes().replace(b"Geneva", "Gen\u00e8ve".encode("latin-1")))
    _, report = build_project(root)
    [warning] = report.warnings
    assert "not UTF-8 text" in warning and "save it as UTF-8" in warning


def test_a_swap_cut_between_its_two_renames_gets_the_old_site_back(tmp_path):
    from dateline.output import link_tree

    live, staging = tmp_path / "_site", tmp_path / "._site.staging"
    (tmp_path / "._site.old").mkdir()
    (tmp_path / "._site.old" / "index.html").write_text("old site")
    link_tree(live, staging)
    assert (live / "index.html").read_text() == "old site"
    assert (staging / "index.html").read_text() == "old site"


def test_a_file_too_broken_to_show_its_id_is_never_overwritten(project):
    root = project({SEED_NAME: STORY})
    build_project(root)
    path = only_file(root)
    mangled = path.read_text().replace("---\nid:", "--\nid :", 1)  # not even front matter now
    path.write_text(mangled)
    settings, report = build_project(root)
    ingest_module.ingest(settings, report, refresh=True)  # re-reads the seed of that very file
    assert path.read_text() == mangled
    rel = path.relative_to(root / "content").as_posix()
    assert f"content/{rel}: no front matter (the file must start with a '---' line); the site " \
           "keeps the last good version of this page" in report.warnings
