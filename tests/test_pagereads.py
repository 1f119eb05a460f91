"""An edit to a story's text reuses what every other page read from the model; an edit to what
those reads follow from (a name, a headline) works them out again. Either way the site is the
one a cold build makes."""

from __future__ import annotations

from dateline import render
from dateline.content import content_files
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, seeds, set_field


def counted_reads(monkeypatch) -> list[str]:
    """The article pages whose reads of the model are worked out."""
    calls: list[str] = []
    real = render.TEMPLATE_READS["article.html"]

    def reads(site, page):
        calls.append(page.path)
        return real(site, page)

    monkeypatch.setitem(render.TEMPLATE_READS, "article.html", reads)
    return calls


def test_a_body_edit_reuses_the_reads_and_a_name_edit_does_not(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    target, other = content_files(root / "content")[:2]
    calls = counted_reads(monkeypatch)
    head, body = target.read_text().rsplit("---\n", 1)  # the body only: the summary quotes it
    target.write_text(f"{head}---\n{body.replace('would go on', 'would go on after a recess')}")
    _, report = build_project(root)
    assert report.counts["pages changed"] >= 1
    assert calls == []
    assert_same_site(root, cold_twin(root, tmp_path / "b"))
    calls.clear()
    set_field(other, "people", "[Jane Roe]")
    build_project(root)
    assert len(calls) == 12  # a name changed: every story's reads are worked out again
    assert_same_site(root, cold_twin(root, tmp_path / "c"))
