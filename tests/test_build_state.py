"""The build state (what the last build left in the live site) is one pickle: the plan's
packed fingerprints as they are, read back as the mapping they stand for; a state file that
cannot be read is no state, never a traceback."""

from __future__ import annotations

import hashlib

from dateline import render
from dateline.pipeline import RENDER_STATE, read_state
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, seeds


def test_plan_fingerprints_read_as_the_dict_they_replace():
    """The plan keeps every page's digest as 16 bytes in one array beside the file names
    (render.Fingerprints); read back, it is the file -> hex digest mapping in page order."""
    prints = render.Fingerprints()
    made = {f"p{n}/index.html": hashlib.blake2b(str(n).encode(), digest_size=16).hexdigest()
            for n in range(9)}
    for rel, digest in made.items():
        prints.add(rel, digest)
    assert list(prints) == list(made) and dict(prints) == made
    assert prints["p4/index.html"] == made["p4/index.html"]
    assert list(prints.items()) == list(made.items()) and len(prints) == 9
    assert len(prints._digests) == 16 * 9  # the bytes, not 32-character strings


def test_the_saved_state_gives_back_every_page_s_fingerprint_and_file(tmp_path):
    root = write_project(tmp_path / "a", seeds(6), extra_toml=TOML)
    build_project(root)
    state = read_state(root / ".dateline-cache" / RENDER_STATE)
    pages = dict(state["pages"])
    assert "index.html" in pages and all(len(digest) == 32 for digest in pages.values())
    assert set(pages) <= set(state["files"])
    _, report = build_project(root)  # read back, it renders nothing again
    assert report.counts["pages rendered"] == 0


def test_a_damaged_or_foreign_state_file_is_no_state_and_the_build_renders_every_page(tmp_path):
    root = write_project(tmp_path / "a", seeds(6), extra_toml=TOML)
    _, first = build_project(root)
    path = root / ".dateline-cache" / RENDER_STATE
    for damage in (path.read_bytes()[:40], b"not a pickle", b"\x80\x05K\x01."):  # cut, garbage, an int
        path.write_bytes(damage)
        assert read_state(path) == {}
        (root / ".dateline-cache" / "unchanged.json").unlink()  # else the run ends at once
        _, report = build_project(root)
        assert report.counts["pages rendered"] == first.counts["pages rendered"]
        assert read_state(path)["pages"]
    path.write_bytes(b"\x80\x05}\x94(\x8c\x06format\x94K\x63u.")  # {"format": 99}: another shape
    assert read_state(path) == {}
