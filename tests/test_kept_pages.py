"""An edit's pages to render are kept from the plan (Plan.few), not made again by a second walk
through every page; past KEPT_PAGES they are made again. Either way the site is a cold build's."""

from dateline import render
from dateline.content import content_files
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, seeds


def counted_walks(monkeypatch) -> list[int]:
    walks: list[int] = []
    real = render.pages_at

    def counted(site, positions):
        walks.append(len(positions))
        return real(site, positions)

    monkeypatch.setattr(render, "pages_at", counted)
    return walks


def edit(root) -> None:
    target = content_files(root / "content")[0]
    head, body = target.read_text().rsplit("---\n", 1)
    target.write_text(f"{head}---\n{body.replace('would go on', 'would go on after a recess')}")


def test_an_edit_renders_the_pages_the_plan_kept(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    walks = counted_walks(monkeypatch)
    edit(root)
    _, report = build_project(root)
    assert report.counts["pages rendered"] >= 1 and report.counts["pages changed"] >= 1
    assert walks == []
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_past_the_kept_pages_they_are_made_again_from_the_model(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "KEPT_PAGES", 2)
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    walks = counted_walks(monkeypatch)
    edit(root)
    _, report = build_project(root)
    assert report.counts["pages rendered"] > 2
    assert sum(walks) == report.counts["pages rendered"]
    assert_same_site(root, cold_twin(root, tmp_path / "b"))
