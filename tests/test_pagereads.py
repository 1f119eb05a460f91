"""An edit to a story's text reuses what every other page read from the model; an edit to what
those reads follow from (a name, a headline) works them out again. Either way the site is the
one a cold build makes."""

from __future__ import annotations

import hashlib
import pickle

from dateline import pagereads, render
from dateline.config import load_settings
from dateline.content import content_files
from dateline.report import Report
from dateline.site import build_site, load_articles
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


def test_a_body_edit_digests_again_only_the_contexts_holding_that_story(tmp_path, monkeypatch):
    """The contexts' digests are remembered with the stories each holds whole: a correction to
    one story digests its own page's context and the lists showing it, not every page's; the
    site is still the one a cold build makes."""
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    _, cold = build_project(root)
    target = content_files(root / "content")[0]
    digested: list[object] = []
    real = render._Digest.held

    def held(self, value):
        found = real(self, value)
        digested.append(found[1])
        return found

    monkeypatch.setattr(render._Digest, "held", held)
    head, body = target.read_text().rsplit("---\n", 1)
    target.write_text(f"{head}---\n{body.replace('would go on', 'would go on after a recess')}")
    _, report = build_project(root)
    assert report.counts["pages changed"] >= 1
    story = next(a for a in _articles(root) if a.path == target.relative_to(root / "content").as_posix())
    assert digested and all(story.id in held for held in digested)
    # Each context digested again holds the story, so its page renders; most pages do not.
    assert len(digested) <= report.counts["pages rendered"] < cold.counts["pages rendered"] / 2
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def _articles(root):
    return load_articles(load_settings(root / "site.toml"), Report(quiet=True))


def test_the_links_digest_taken_story_by_story_is_that_of_all_outlines_at_once(tmp_path):
    """links_digest feeds the outlines' repr one story at a time (whole, the text was ~0.6 KB
    an article in the build's largest process); the digest is the one of the whole text."""
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    settings = load_settings(root / "site.toml")
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    whole = hashlib.blake2b(b"common", digest_size=16)
    whole.update(repr(pagereads.outlines(site.articles)).encode())
    assert len(site.articles) == 12
    assert pagereads.links_digest(site, b"common") == whole.digest()


def test_remembered_contexts_are_digests_not_the_bytes_digested(tmp_path):
    """What the reads cache keeps per page is a 16-byte digest of its context (a term page's
    bytes are ~50 stories' digests, and are held for every page during the plan)."""
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    saved = pickle.loads((root / ".dateline-cache" / pagereads.CACHE_FILE).read_bytes())
    remembered = saved["remembered"]
    assert len(remembered.files) > 12 and len(remembered.contexts) == 16 * len(remembered.files)
    assert len(set(remembered.files)) == len(remembered.files)


def test_a_body_edit_digests_no_term_or_month_again_and_only_the_edited_story(tmp_path, monkeypatch):
    """The digests of terms and months (their stories without bodies) and of the stories not
    edited are remembered (Remembered.models): a correction to a story on a big term's first
    page digests that story alone, not the term's every story; the site is a cold build's."""
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    target = content_files(root / "content")[0]
    models: list[str] = []
    real_fields, real_bodies = render._fields, render._Digest._without_bodies
    monkeypatch.setattr(render, "_fields", lambda value: models.append(value.id)
                        or real_fields(value) if hasattr(value, "body") else real_fields(value))
    monkeypatch.setattr(render._Digest, "_without_bodies",
                        lambda self, value: models.append(value.url_path) or real_bodies(self, value))
    head, body = target.read_text().rsplit("---\n", 1)
    target.write_text(f"{head}---\n{body.replace('would go on', 'would go on after a recess')}")
    _, report = build_project(root)
    assert report.counts["pages changed"] >= 1
    story = next(a for a in _articles(root) if a.path == target.relative_to(root / "content").as_posix())
    assert models == [story.id]
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_an_older_reads_cache_without_model_digests_is_read_as_nothing_remembered(tmp_path):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    cache = root / ".dateline-cache" / pagereads.CACHE_FILE
    saved = pickle.loads(cache.read_bytes())
    del saved["format"]  # as an older Dateline wrote it
    cache.write_bytes(pickle.dumps(saved))
    assert pagereads.load(cache, saved["links"]) == pagereads.Remembered()
    target = content_files(root / "content")[0]
    target.write_text(target.read_text().replace("would go on", "would go on after a recess"))
    build_project(root)
    assert_same_site(root, cold_twin(root, tmp_path / "b"))
