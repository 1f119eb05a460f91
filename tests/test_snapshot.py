"""The site model kept between builds (snapshot.py): a build whose content changed only in
stories' bodies takes the last build's model with the new bodies put in, and that model, its
digests and the site are what making them from the content gives; any other change, a story
sharing its headline, a damaged file, or a model whose making said something, makes it again."""

from __future__ import annotations

import re
from pathlib import Path

from dateline import pagereads, pipeline, snapshot
from dateline.config import Settings, load_settings
from dateline.content import content_files
from dateline.report import Report
from dateline.site import CACHE_CHANGES, Site, build_site, load_articles
from tests.conftest import build_project, calls_to, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, edit_name_tag_and_headline, seeds


def _model(site: Site) -> object:
    """Everything the model holds, as plain values (stories whole, the rest by id and slug)."""
    return ([repr(a) for a in site.articles],
            {kind: {slug: (t.name, [a.id for a in t.articles], t.roles) for slug, t in terms.items()}
             for kind, terms in site.terms.items()},
            {key: term.slug for key, term in site.term_of.items()},
            [(m.year, m.month, [a.id for a in m.articles]) for m in site.months],
            {key: a.id for key, a in site.newer.items()}, {key: a.id for key, a in site.older.items()})


def _digests(site: Site) -> tuple:
    found = pagereads.story_digests(site)
    return found.outlines, found.ids, bytes(found.unread)


def _made(settings: Settings) -> Site:
    """The model made from the content as it is, with nothing kept."""
    return build_site(load_articles(settings, Report(quiet=True)), settings)


def _built(root: Path) -> tuple[Site, Report]:
    settings = load_settings(root / "site.toml")
    report = Report(quiet=True)
    built = pipeline.build(settings, report)
    assert built is not None
    return built.site, report


def _models_made(monkeypatch) -> list[int]:
    return calls_to(monkeypatch, pipeline, "_site_model")


def _add_text(path: Path, text: str = " Talks went on.") -> None:
    path.write_text(path.read_text().rstrip("\n") + text + "\n")


def test_body_edits_take_the_kept_model_and_give_the_model_and_site_made_from_content(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    settings = load_settings(root / "site.toml")
    monkeypatch.setattr(snapshot, "CHANGES_MIN", 1)  # two bodies put in: the cache written whole
    made = _models_made(monkeypatch)
    files = content_files(root / "content")
    for number, target in enumerate([files[5], files[2], files[5]]):
        _add_text(target, f" Talks went on, day {number}.")
        site, report = _built(root)
        assert made == [], number
        assert report.warnings == []
        assert _model(site) == _model(_made(settings))
        assert _digests(site) == _digests(_made(settings))
        assert any(f"day {number}." in a.body for a in site.articles)
        # The new bodies go to the articles cache's file of changes, until they are many.
        assert (root / ".dateline-cache" / CACHE_CHANGES).exists() == (number != 1)
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_body_edit_reaches_every_page_showing_the_story(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    made = _models_made(monkeypatch)
    target = content_files(root / "content")[3]
    _add_text(target, " Zanzibar quartz.")
    site, _ = _built(root)
    assert made == []
    story = next(a for a in site.articles if a.path == target.relative_to(root / "content").as_posix())
    assert "Zanzibar quartz." in story.body
    assert "Zanzibar quartz." in (root / "_site" / story.url_path / "index.html").read_text()
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_name_or_headline_edit_makes_the_model_again(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    made = _models_made(monkeypatch)
    files = content_files(root / "content")
    # A body edit read first, then a name: the model is made from the cache as read.
    _add_text(files[0], " Zanzibar quartz.")
    edit_name_tag_and_headline(*files[2:4])
    site, _ = _built(root)
    assert made == [1]
    assert _model(site) == _model(_made(load_settings(root / "site.toml")))
    assert any("Zanzibar quartz." in a.body for a in site.articles)
    _add_text(content_files(root / "content")[4])  # and the model made then is kept
    _built(root)
    assert made == [1]
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_story_sharing_its_headline_makes_the_model_again(tmp_path, monkeypatch):
    twins = {name: text.replace(text.split(" -- ")[1].split(".")[0], "Ministers meet on the budget")
             for name, text in list(seeds(12).items())[:2]}
    root = write_project(tmp_path / "a", {**seeds(12), **twins}, extra_toml=TOML)
    build_project(root)
    settings = load_settings(root / "site.toml")
    # The later twin is told apart from the earlier; once an editor has touched its file, its
    # headline is the editor's and stays, and the earlier twin is told apart instead.
    retitled = [a for a in _made(settings).articles if a.title.startswith("Ministers meet on budget (")]
    assert len(retitled) == 1
    made = _models_made(monkeypatch)
    _add_text(root / "content" / retitled[0].path)
    site, _ = _built(root)
    assert made == [1]
    assert _model(site) == _model(_made(settings))
    assert [a.title for a in site.articles if a.id == retitled[0].id] == ["Ministers meet on budget"]
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_model_whose_making_warned_is_not_kept_and_the_warning_is_said_again(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    first, second = [p for p in content_files(root / "content") if "/2017/03/" in p.as_posix()][:2]
    slug = re.search(r"^slug: (.+)$", first.read_text(), re.M).group(1)
    second.write_text(re.sub(r"^slug: .+$", f"slug: {slug}", second.read_text(), count=1, flags=re.M))
    _, report = _built(root)
    clash = [w for w in report.warnings if "is already the URL of" in w]
    assert clash
    assert not (root / ".dateline-cache" / snapshot.MODEL_FILE).exists()
    made = _models_made(monkeypatch)
    _add_text(content_files(root / "content")[6])
    _, again = _built(root)
    assert made == [1] and [w for w in again.warnings if "is already the URL of" in w] == clash


def test_a_damaged_kept_model_is_made_again_without_a_word(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    kept = root / ".dateline-cache" / snapshot.MODEL_FILE
    for damage in (kept.read_bytes()[: kept.stat().st_size // 2], b"not a pickle"):
        kept.write_bytes(damage)
        made = _models_made(monkeypatch)
        _add_text(content_files(root / "content")[1])
        _, report = _built(root)
        assert made == [1] and report.warnings == []
        assert kept.stat().st_size > len(damage)  # kept whole again
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_another_setting_or_a_new_content_file_makes_the_model_again(tmp_path, monkeypatch):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    made = _models_made(monkeypatch)
    toml = root / "site.toml"
    toml.write_text(toml.read_text().replace("per_page = 3", "per_page = 4"))
    _built(root)
    assert made == [1]
    copy = content_files(root / "content")[2]
    text = copy.read_text()
    (copy.parent / "copy-by-hand.md").write_text(
        re.sub(r"^id: .+$", "id: 00000000deadbeef", text, count=1, flags=re.M).replace("slug: ", "slug: x-"))
    _built(root)
    assert made == [1, 1]
    assert_same_site(root, cold_twin(root, tmp_path / "b", TOML.replace("per_page = 3", "per_page = 4")))
