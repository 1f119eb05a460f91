"""What each page fragment of a search shard holds is remembered per fragment file (search.
_page_ids): read back it is what reading every fragment gives, and a damaged memo is read
again, never a traceback."""

from __future__ import annotations

from dateline import search
from dateline.config import load_settings
from dateline.content import content_files
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, seeds


def test_remembered_fragments_give_what_reading_every_fragment_gives(tmp_path):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    settings = load_settings(root / "site.toml")
    for number, target in enumerate(content_files(root / "content")[2:5]):
        target.write_text(target.read_text().rstrip("\n") + f" Talks went on {number}.\n")
        build_project(root)
    bundles = [b for b in (root / "_site" / "pagefind").iterdir() if (b / "fragment").is_dir()]
    assert bundles
    for bundle in bundles:
        memo = settings.path("cache") / "test-fragments" / f"{bundle.name}.pickle"
        read = search._page_ids(bundle)
        assert read and search._page_ids(bundle, memo) == read  # worked out, then remembered
        assert memo.is_file() and search._page_ids(bundle, memo) == read
        memo.write_bytes(memo.read_bytes()[:20])  # cut short
        assert search._page_ids(bundle, memo) == read


def test_an_edited_story_edited_again_is_hidden_in_its_shard_as_a_cold_build_finds_it(tmp_path):
    root = write_project(tmp_path / "a", seeds(12), extra_toml=TOML)
    build_project(root)
    target = content_files(root / "content")[3]
    for words in (" Talks went on.", " Talks went on again."):
        target.write_text(target.read_text().rstrip("\n") + words + "\n")
        build_project(root)
    assert any((root / ".dateline-cache" / search.FRAGMENTS_CACHE).iterdir())
    assert_same_site(root, cold_twin(root, tmp_path / "b"))  # the search finds the same pages
