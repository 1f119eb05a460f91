"""The stat pass shared by the look at the inputs, ingest and load_articles (listing.py): it
lists what files_below lists, and a build that uses it gives the site a cold build gives."""

from __future__ import annotations

import os
import re
from pathlib import Path

from dateline.content import content_files
from dateline.listing import Listing, files_listed, stat_listed
from dateline.safety import files_below
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, assert_same_site, cold_twin, seeds


def folder_of_files(root: Path) -> Path:
    for rel in ("a.md", "b.txt", ".hidden.md", "2017/03/x.md", "2017/10/y.md", "2017/9/z.md",
                ".git/HEAD", "sub/.dot/inner.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    return root


def test_a_listing_lists_what_files_below_lists_in_its_order(tmp_path):
    folder = folder_of_files(tmp_path / "f")
    listing = Listing(folder)
    for suffix, hidden in (("", False), ("", True), (".md", True), (".md", False)):
        assert listing.files(suffix, hidden) == files_below(folder, tmp_path, suffix, hidden)[0]


def test_a_listing_holds_each_files_mtime_and_size(tmp_path):
    folder = folder_of_files(tmp_path / "f")
    listing = Listing(folder)
    for rel in files_below(folder, tmp_path)[0]:
        st = os.stat(folder / rel)
        assert listing.stats[rel] == (st.st_mtime_ns, st.st_size)
    # A file the listing never saw is statted, not taken as missing.
    (folder / "late.md").write_text("late")
    assert stat_listed(listing, "late.md", str(folder / "late.md"))[1] == 4


def test_a_link_leaves_the_judgement_to_files_below(tmp_path):
    folder = folder_of_files(tmp_path / "f")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("not the project's")
    os.symlink(outside, folder / "link.md")
    listing = Listing(folder)
    assert listing.files(".md") is None
    project = tmp_path / "f"
    assert files_listed(folder, project, listing, ".md") == files_below(folder, project, ".md")
    assert files_listed(folder, project, listing, ".md")[1] == ["link.md"]


def test_a_missing_folder_lists_nothing(tmp_path):
    listing = Listing(tmp_path / "none")
    assert files_listed(tmp_path / "none", tmp_path, listing) == ([], [])


def test_a_seed_rewritten_after_the_look_is_read_as_ingest_wrote_it(tmp_path):
    # Ingest rewrites the content file of a changed seed after the listing was taken: the model
    # must read the new file, not the cache's entry the old listing's stat would match.
    root = write_project(tmp_path / "a", seeds(8), extra_toml=TOML)
    build_project(root)
    seed = root / "seeds" / "003.txt"
    seed.write_text(seed.read_text().replace("would go on", "would end at dawn"))
    _, report = build_project(root)
    assert report.counts["articles written"] == 1
    assert "would end at dawn" in "".join(p.read_text() for p in (root / "_site").rglob("*.html"))
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_seed_moved_to_another_month_leaves_no_page_at_the_old_place(tmp_path):
    root = write_project(tmp_path / "a", seeds(8), extra_toml=TOML)
    build_project(root)
    seed = root / "seeds" / "002.txt"
    seed.write_text(re.sub(r"2017-\d\d-", "2017-09-", seed.read_text(), count=1))
    build_project(root)
    assert any("/2017/09/" in p.as_posix() for p in content_files(root / "content"))
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_hand_edit_of_the_same_size_is_seen(tmp_path):
    # Same size, new mtime: the listing's key moves, so the model reads the file again.
    root = write_project(tmp_path / "a", seeds(8), extra_toml=TOML)
    build_project(root)
    path = content_files(root / "content")[0]
    text = path.read_text()
    path.write_text(text.replace("Officials said", "Officials saiD", 1))
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    build_project(root)
    assert "Officials saiD" in "".join(p.read_text() for p in (root / "_site").rglob("*.html"))
    assert_same_site(root, cold_twin(root, tmp_path / "b"))
