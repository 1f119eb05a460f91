"""The README's four screenshots (home, an article, a person's page, search results) are of the
example archive a newcomer builds, taken here by the test suite's Chromium on every run; with
DATELINE_SCREENSHOTS=docs they are written into docs/ for the README. Each stays a small PNG."""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest

from docs.make_screenshot import NAMES, VIEWPORT, example_site, served, shots, take
from tests.conftest import REPO

pytestmark = pytest.mark.browser

MAX_BYTES = 200_000


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_four_screenshots_are_taken_from_the_example_archive(tmp_path, browser):
    folder, site = example_site(tmp_path / "example")
    assert len(site.articles) == len(list((REPO / "seeds").iterdir()))  # the repo's seeds, all
    addresses = shots(site)
    assert addresses["hub"].startswith("people/") and addresses["article"] == site.articles[0].url_path
    out = REPO / "docs" if os.environ.get("DATELINE_SCREENSHOTS") == "docs" else tmp_path
    with served(folder) as base:
        written = take(browser, base, addresses, out)
    assert sorted(written) == sorted(NAMES)
    for path in written.values():
        assert png_size(path) == (VIEWPORT["width"], VIEWPORT["height"])
        assert path.stat().st_size <= MAX_BYTES, path
    assert len({p.read_bytes() for p in written.values()}) == 4  # four different pages


def test_the_readme_shows_every_screenshot_and_each_is_small():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]+\]\((docs/[\w-]+\.png)\)", readme)
    assert sorted(shown) == sorted(f"docs/{name}.png" for name in NAMES)
    for rel in shown:
        path = REPO / rel
        assert png_size(path) == (VIEWPORT["width"], VIEWPORT["height"])
        assert path.stat().st_size <= MAX_BYTES, rel
