"""No build loses anyone's files: an output folder that is (or holds, or sits in) one of the
project's folders, or a folder Dateline did not build, is refused; two articles never share a
URL; the ingest cache never decides which articles exist; an editor's file keeps its article
and its URL whatever happens to its id: line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dateline import ingest as ingest_module
from dateline.cli import main
from dateline.content import content_files, read_article
from dateline.safety import MARK
from tests.conftest import REPO, build_project

STORY = (" date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday to discuss Aleppo.\n\n"
         "The talks ran late.\n")
OTHER = (" date 2016-12-11 VIENNA -- Ministers met in Vienna on Sunday to discuss oil output.\n\n"
         "No deal was made.\n")
SEEDS = {"a_1111111111111111.txt": STORY, "b_2222222222222222.txt": OTHER}


def article_pages(site: Path) -> list[Path]:
    """Article pages of December 2016; the two-digit folders beside them are day pages."""
    return [p for p in site.glob("2016/12/*/index.html") if not p.parent.name.isdigit()]


def own_project(root: Path, seeds: dict[str, str] = SEEDS) -> Path:
    """A project with its own copies of templates/ and static/, so no run can harm the repo's."""
    (root / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "site.toml").write_text('[site]\nbase_url = "http://127.0.0.1/"\n[build]\nworkers = 1\n')
    return root


def run(root: Path, *args: str) -> int:
    return main(["--config", str(root / "site.toml"), "--quiet", "--no-search", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("output, clash", [
    ("content", "content folder"), ("seeds", "seeds folder"), ("templates", "templates folder"),
    ("static", "static folder"), (".dateline-cache", "cache folder"), (".", "project folder"),
    ("..", "project folder"), ("content/2016", "inside the content folder"),
    ("static/site", "inside the static folder"), (".dateline-cache/site", "inside the cache folder"),
])
def test_an_output_folder_that_overlaps_the_project_is_refused_naming_the_clash(
        tmp_path, capsys, output, clash):
    root = own_project(tmp_path / "archive")
    assert run(root) == 0
    before = {name: snapshot(root / name) for name in ("seeds", "content", "templates", "static")}
    for _ in range(2):  # the second such run is the one that deleted files for good
        assert run(root, "--output", str(root / output)) == 2
        assert clash in capsys.readouterr().err
    assert {name: snapshot(root / name) for name in before} == before


def test_an_output_folder_holding_the_content_folder_is_refused(tmp_path, capsys):
    root = own_project(tmp_path / "archive")
    (root / "site.toml").write_text('[paths]\ncontent = "data/content"\n', encoding="utf-8")
    assert run(root, "ingest") == 0
    assert run(root, "--output", str(root / "data")) == 2
    assert "holds the content folder" in capsys.readouterr().err
    assert content_files(root / "data" / "content")


@pytest.mark.parametrize("paths, clash", [
    ('content = "seeds"', "the content folder"), ('content = "seeds/content"', "is inside the seeds"),
    ('seeds = "content/raw"', "holds the seeds"), ('cache = "content"', "the cache folder"),
    ('cache = "content/.cache"', "is inside the content"), ('content = "templates"', "templates"),
    ('content = "."', "holds the seeds"),
])
@pytest.mark.parametrize("command", ["ingest", "build"])
def test_folders_a_build_writes_never_overlap_the_ones_it_reads(tmp_path, capsys, paths, clash, command):
    root = own_project(tmp_path / "archive")
    (root / "site.toml").write_text(f"[paths]\n{paths}\n")
    before = {name: snapshot(root / name) for name in ("seeds", "templates", "static")}
    assert run(root, command) == 2
    assert clash in capsys.readouterr().err
    assert {name: snapshot(root / name) for name in before} == before


def test_a_folder_dateline_did_not_build_is_never_replaced(tmp_path, capsys):
    root = own_project(tmp_path / "archive")
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "thesis.txt").write_text("years of work")
    assert run(root, "--output", str(documents)) == 2
    err = capsys.readouterr().err
    assert str(documents) in err and "did not build" in err
    assert snapshot(documents) == {"thesis.txt": b"years of work"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(root, "--output", str(empty)) == 0  # an empty folder is fine, and is marked
    assert (empty / MARK).is_file() and (empty / "index.html").is_file()
    assert run(root, "--output", str(empty)) == 0
    (empty / MARK).unlink()
    shutil.rmtree(root / ".dateline-cache")
    assert run(root, "--output", str(empty)) == 2  # unmarked and unknown: someone else's now


def test_a_site_built_before_the_mark_existed_is_still_rebuilt(tmp_path):
    root = own_project(tmp_path / "archive")
    assert run(root) == 0
    (root / "_site" / MARK).unlink()  # as an older Dateline left it; the cache knows the folder
    (root / "seeds" / "c_3333333333333333.txt").write_text(STORY.replace("Geneva", "Bern"))
    assert run(root) == 0
    assert (root / "_site" / MARK).is_file()


def article_files(root: Path) -> dict[str, Path]:
    return {read_article(p, root / "content").id: p for p in content_files(root / "content")}


def headline(page: Path) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    assert found, f"{page} has no <h1>"
    return found.group(1)


def test_two_articles_with_one_slug_in_a_month_both_publish_and_the_clash_is_reported(tmp_path):
    root = own_project(tmp_path / "archive")
    build_project(root)
    files = article_files(root)
    first = read_article(files["1111111111111111"], root / "content")
    second = files["2222222222222222"]
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("\nslug: ", f"\nslug: {first.slug}\nold_slug: ", 1))
    _, report = build_project(root)
    clash = [w for w in report.warnings if "is already the URL of" in w]
    assert len(clash) == 1 and second.name in clash[0] and files["1111111111111111"].name in clash[0]
    site = root / "_site"
    pages = {p.parent.relative_to(site).as_posix() for p in article_pages(site)}
    assert len(pages) == 2 and f"2016/12/{first.slug}" in pages
    assert "Geneva" in headline(site / first.url_path / "index.html")
    [other] = pages - {f"2016/12/{first.slug}"}
    assert "Vienna" in headline(site / other / "index.html")
    month = (site / "2016/12/index.html").read_text(encoding="utf-8")
    assert f'/{other}/"' in month and f'/2016/12/{first.slug}/"' in month


@pytest.mark.parametrize("slug", ["10", "page"])
def test_a_slug_that_is_a_month_folders_own_page_moves_and_both_pages_publish(tmp_path, slug):
    root = own_project(tmp_path / "archive")
    build_project(root)
    path = article_files(root)["2222222222222222"]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nslug: ", f"\nslug: '{slug}'\nold_slug: ", 1))
    _, report = build_project(root)
    [clash] = [w for w in report.warnings if "is already the URL of" in w]
    assert path.name in clash and "month's own page" in clash
    site = root / "_site"
    pages = {p.parent.relative_to(site).as_posix() for p in article_pages(site)}
    assert len(pages) == 2 and f"2016/12/{slug}" not in pages
    assert any(p.startswith(f"2016/12/{slug}-") for p in pages)
    if slug == "10":  # the day page of the Geneva story is still that day page
        assert "Vienna" not in headline(site / "2016/12/10/index.html")


def test_a_deleted_content_file_is_written_again_on_the_next_build(tmp_path):
    root = own_project(tmp_path / "archive")
    build_project(root)
    path = article_files(root)["2222222222222222"]
    text = path.read_text(encoding="utf-8")
    path.unlink()
    _, report = build_project(root)
    assert path.read_text(encoding="utf-8") == text
    assert report.counts["articles"] == 2


@pytest.mark.parametrize("lost", ["content", "content and output"])
def test_a_warm_cache_never_decides_which_articles_exist(tmp_path, lost):
    root = own_project(tmp_path / "archive")
    build_project(root)
    shutil.rmtree(root / "content")
    overrides = {"content": str(tmp_path / "fresh-content")}
    if lost == "content and output":
        overrides["output"] = str(tmp_path / "fresh-site")
    settings, report = build_project(root, **overrides)
    assert len(content_files(Path(overrides["content"]))) == 2
    assert report.counts["articles"] == 2
    site = settings.path("output")
    assert len(article_pages(site)) == 2


def hand_edit_title(path: Path, new_title: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"title: {new_title}" if line.startswith("title:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("id_line", ["lost", "changed", "zeros"])
@pytest.mark.parametrize("later", ["rerun", "refresh", "better extractor", "changed seed"])
def test_an_edited_file_whose_id_line_changes_keeps_its_article_and_url(
        tmp_path, monkeypatch, id_line, later):
    root = own_project(tmp_path / "archive")
    build_project(root)
    path = article_files(root)["1111111111111111"]
    url = read_article(path, root / "content").url_path
    hand_edit_title(path, "Talks on Aleppo run late in Geneva")
    text = path.read_text(encoding="utf-8")
    new_id = {"lost": None, "changed": "id: 9999999999999999", "zeros": "id: 0000000000000000"}[id_line]
    text = "\n".join(line if not line.startswith("id:") else new_id
                     for line in text.splitlines() if new_id or not line.startswith("id:")) + "\n"
    path.write_text(text, encoding="utf-8")
    if later == "better extractor":
        monkeypatch.setattr(ingest_module, "generator_fingerprint", lambda settings: "a-newer-one")
    if later == "changed seed":
        (root / "seeds" / "a_1111111111111111.txt").write_text(STORY + "\nA late paragraph.\n")
    settings, report = build_project(root)
    if later == "refresh":
        ingest_module.ingest(settings, report, refresh=True)
        settings, report = build_project(root)
    assert path.read_text(encoding="utf-8") == text  # never overwritten
    assert len(content_files(root / "content")) == 2  # and no machine-written twin beside it
    assert report.counts["articles"] == 2
    page = (root / "_site" / url / "index.html").read_text(encoding="utf-8")
    assert "Talks on Aleppo run late in Geneva" in page
    assert not any("lacks id" in w for w in report.warnings + [p for _, p in report.skipped])
    assert len(article_pages(root / "_site")) == 2


def test_a_file_too_broken_for_yaml_is_matched_to_its_seed_and_gets_no_twin(tmp_path):
    root = own_project(tmp_path / "archive")
    build_project(root)
    path = article_files(root)["1111111111111111"]
    mangled = path.read_text().replace("---\nid:", "--\nid :", 1)  # not even front matter now
    path.write_text(mangled)
    settings, report = build_project(root)
    ingest_module.ingest(settings, report, refresh=True)
    assert path.read_text() == mangled
    assert len(content_files(root / "content")) == 2


@pytest.mark.parametrize("backup", ["backup/copy.md", "2016/12/zz-copy.md", "0000/copy.md"])
def test_an_unedited_copy_of_a_file_never_gets_it_overwritten(tmp_path, backup):
    root = own_project(tmp_path / "archive")
    build_project(root)
    path = article_files(root)["1111111111111111"]
    copy = root / "content" / backup
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, copy)  # the editor keeps the original, then edits the file
    hand_edit_title(path, "Talks on Aleppo run late in Geneva")
    edited = path.read_text(encoding="utf-8")
    settings, report = build_project(root)
    assert path.read_text(encoding="utf-8") == edited
    ingest_module.ingest(settings, report, refresh=True)  # the seed is read again
    assert path.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("backup", ["0000/copy.md", "2016/12/a-copy.md", "backup/copy.md"])
def test_of_a_file_and_its_unedited_copy_the_site_shows_the_edited_one(tmp_path, backup):
    root = own_project(tmp_path / "archive")
    build_project(root)
    path = article_files(root)["1111111111111111"]
    url = read_article(path, root / "content").url_path
    copy = root / "content" / backup
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, copy)
    hand_edit_title(path, "Talks on Aleppo run late in Geneva")
    _, report = build_project(root)
    assert "Talks on Aleppo run late in Geneva" in headline(root / "_site" / url / "index.html")
    assert f"content/{backup}: same id as content/{path.relative_to(root / 'content').as_posix()}; " \
           "left out" in report.warnings
