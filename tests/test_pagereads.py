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
    an article in the build's largest process); the digest is the one of the whole text,
    kept with the model (site.digests) and joined to the settings, templates and code."""
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    settings = load_settings(root / "site.toml")
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    outlines = hashlib.blake2b(repr(pagereads.outlines(site.articles)).encode(), digest_size=16).digest()
    assert len(site.articles) == 12
    assert pagereads.links_digest(site, b"common") == hashlib.blake2b(b"common" + outlines,
                                                                      digest_size=16).digest()
    assert site.digests is not None and site.digests.outlines == outlines
    assert pagereads.links_digest(site, b"other") != pagereads.links_digest(site, b"common")


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


def _packed(pages: list[tuple[str, bytes | None, tuple[str, ...]]],
            stories: list[tuple[str, bytes]]) -> pagereads.Remembered:
    remembered = pagereads.Remembered()
    for story, digest in stories:
        remembered.add_story(story, digest)
    for number, (rel, reads, held) in enumerate(pages):
        remembered.add(rel, reads, bytes([number]) * 16, held)
    return remembered


def test_packed_pages_give_back_each_page_s_digests_and_held_stories():
    known = _packed([("a/index.html", b"r" * 16, ("s1",)), ("feed.xml", None, ()),
                     ("day/index.html", b"d" * 16, ("s1", "s2", "s3")), ("tag/x/index.html", b"t" * 16, ())],
                    [("s1", b"1" * 16), ("s2", b"2" * 16), ("s3", b"3" * 16)])
    day = known.position("day/index.html")
    assert day == 2 and known.position("gone.html") is None
    assert known.reads_of(day) == b"d" * 16 and known.reads_of(1) is None
    assert known.context_of(day) == bytes([2]) * 16
    assert known.held_by(0) == ["s1"] and known.held_by(1) == [] and known.held_by(day) == ["s1", "s2", "s3"]
    # the pages holding a changed story whole, and only those (not the ones holding none)
    assert known.stale({"s2"}) == {"day/index.html"}
    assert known.stale({"s1"}) == {"a/index.html", "day/index.html"}
    assert known.stale({"s9"}) == set() and known.stale(set()) == set()


def test_changed_stories_in_the_same_order_or_not():
    known = _packed([], [("s1", b"1" * 16), ("s2", b"2" * 16), ("s3", b"3" * 16)])
    assert known.changed(_packed([], [("s1", b"1" * 16), ("s2", b"2" * 16), ("s3", b"3" * 16)])) == set()
    assert known.changed(_packed([], [("s1", b"1" * 16), ("s2", b"X" * 16), ("s3", b"3" * 16)])) == {"s2"}
    # one story gone, one new, the rest reordered: the new and the gone are changed
    moved = _packed([], [("s3", b"3" * 16), ("s4", b"4" * 16), ("s1", b"1" * 16)])
    assert known.changed(moved) == {"s2", "s4"}


def test_packed_remembered_pages_survive_the_cache_and_compare_equal(tmp_path):
    found = _packed([("a/index.html", b"r" * 16, ("s1",)), ("feed.xml", None, ())], [("s1", b"1" * 16)])
    cache = tmp_path / pagereads.CACHE_FILE
    pagereads.save(cache, b"links", found)
    again = pagereads.load(cache, b"links")
    assert again.position("feed.xml") == 1  # a look-up indexes it, which no comparison sees
    assert again == found and pagereads.load(cache, b"other") == pagereads.Remembered()
