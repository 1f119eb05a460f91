"""Nothing an editor writes or links puts a file outside the site or a file from outside the
project on it: slugs are one URL-safe path segment, and symbolic links in seeds/, content/ or
static/ that point outside the project are named and left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.content import ContentError, content_files, parse_article, read_article
from tests.conftest import REPO, build_project

STORY = (" date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday to discuss Aleppo.\n\n"
         "The talks ran late.\n")
SECRET = "root:x:0:0:the secret of this machine"


def own_project(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a_1111111111111111.txt").write_text(STORY)
    shutil.copytree(REPO / "static", root / "static")
    (root / "site.toml").write_text(f'[paths]\ntemplates = "{REPO / "templates"}"\n'
                                    '[build]\nworkers = 1\n[search]\nenabled = false\n')
    return root


def set_slug(path: Path, slug: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(f"slug: {slug}" if line.startswith("slug:") else line
                              for line in lines) + "\n", encoding="utf-8")


def everything_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.mark.parametrize("slug", ["../../../somewhere", "'../escape'", "a/b", "..", ".hidden",
                                  "with space", "'%2e%2e'", "'back\\\\slash'", "'-x'", "'x?y=1'",
                                  "'x#frag'", "'<b>x</b>'", "'ünïcode'", "index.html", "a.b"])
def test_an_editors_slug_that_is_not_one_url_segment_is_refused_by_name(tmp_path, slug):
    root = own_project(tmp_path / "project" / "archive")
    build_project(root)
    [path] = content_files(root / "content")
    good_url = read_article(path, root / "content").url_path
    before = everything_under(tmp_path)
    set_slug(path, slug)
    _, report = build_project(root)
    rel = path.relative_to(root / "content").as_posix()
    [warning] = [w for w in report.warnings if "slug" in w]
    assert warning.startswith(f"content/{rel}: slug ") and "not one URL path segment" in warning
    assert warning.endswith("the site keeps the last good version of this page")
    after = everything_under(tmp_path)
    assert {p for p in after - before if not p.startswith("project/archive/.dateline-cache")} == set()
    assert (root / "_site" / good_url / "index.html").is_file()


def test_a_slug_with_no_last_good_version_is_skipped_not_written_outside(tmp_path):
    root = own_project(tmp_path / "archive")
    (root / "content" / "2016" / "12").mkdir(parents=True)
    (root / "content" / "2016" / "12" / "x.md").write_text(
        "---\nid: abcdef0123456789\nslug: ../../../../outside\ntitle: T\ndate: 2016-12-01\n---\n\nBody.\n")
    _, report = build_project(root)
    assert any(where == "content/2016/12/x.md" and "slug" in why for where, why in report.skipped)
    assert not (tmp_path / "outside").exists() and not (root / "outside").exists()


@pytest.mark.parametrize("slug", ["assad-says-victory", "2016", "A_b-c~d", "x" * 200])
def test_ordinary_slugs_are_accepted(slug):
    text = f"---\nid: abcdef0123456789\nslug: {slug}\ntitle: T\ndate: 2016-12-01\n---\n\nBody.\n"
    assert parse_article(text, "x.md").slug == slug


def test_an_overlong_slug_is_refused():
    with pytest.raises(ContentError, match="slug"):
        parse_article(f"---\nid: a\nslug: {'x' * 201}\ntitle: T\ndate: 2016-12-01\n---\n", "x.md")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    target = tmp_path / "elsewhere" / "passwd"
    target.parent.mkdir()
    target.write_text(SECRET)
    return target


def published_text(root: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in (root / "_site").rglob("*") if p.is_file())


def test_a_link_in_static_to_a_file_outside_the_project_is_not_published(tmp_path, secret):
    root = own_project(tmp_path / "archive")
    (root / "site.toml").write_text((root / "site.toml").read_text().replace(
        "[paths]\n", '[paths]\nstatic = "static"\n'))
    (root / "static" / "passwd.txt").symlink_to(secret)
    (root / "static" / "style-copy.css").symlink_to(root / "static" / "style.css")  # inside: fine
    _, report = build_project(root)
    assert not (root / "_site" / "static" / "passwd.txt").exists()
    assert (root / "_site" / "static" / "style-copy.css").is_file()
    assert SECRET not in published_text(root)
    [warning] = [w for w in report.warnings if "symbolic link" in w]
    assert "passwd.txt" in warning and str(secret) in warning and "not published" in warning


def test_a_link_in_seeds_to_a_file_outside_the_project_is_not_read(tmp_path, secret):
    root = own_project(tmp_path / "archive")
    secret.write_text(" date 2016-12-11 NOWHERE -- " + SECRET + "\n")  # even a valid seed
    (root / "seeds" / "b_2222222222222222.txt").symlink_to(secret)
    _, report = build_project(root)
    assert len(content_files(root / "content")) == 1
    assert SECRET not in published_text(root)
    assert any(w.startswith("seeds/b_2222222222222222.txt: a symbolic link") for w in report.warnings)


def test_a_link_in_content_to_a_file_outside_the_project_is_not_published(tmp_path, secret):
    root = own_project(tmp_path / "archive")
    build_project(root)
    secret.write_text(f"---\nid: abcdef0123456789\ntitle: Leak\ndate: 2016-12-01\n---\n\n{SECRET}\n")
    (root / "content" / "2016" / "12" / "leak.md").symlink_to(secret)
    _, report = build_project(root)
    assert SECRET not in published_text(root)
    assert any(w.startswith("content/2016/12/leak.md: a symbolic link") for w in report.warnings)
    assert report.counts["articles"] == 1


@pytest.mark.parametrize("folder", ["static", "content"])
def test_a_linked_folder_leading_outside_the_project_is_named_and_not_published(tmp_path, secret, folder):
    root = own_project(tmp_path / "archive")
    (root / "site.toml").write_text((root / "site.toml").read_text().replace(
        "[paths]\n", '[paths]\nstatic = "static"\n'))
    build_project(root)
    (secret.parent / "leak.md").write_text(
        f"---\nid: abcdef0123456789\ntitle: Leak\ndate: 2016-12-01\n---\n\n{SECRET}\n")
    (root / folder / "linked").symlink_to(secret.parent)
    _, report = build_project(root)
    assert SECRET not in published_text(root)
    assert any(f"{folder}/linked: a symbolic link" in w for w in report.warnings)
