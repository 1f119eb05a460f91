"""The README's screenshots, docs/home.png, article.png, hub.png and search.png: the example
archive a newcomer builds with ``bash scripts/build.sh`` (the repository's own seeds/), or any
folder of seeds, as headless Chromium shows it. tests/test_screenshots.py takes the same four
with the test suite's browser on every run and checks them; either writes them into docs/:

    .venv/bin/python docs/make_screenshot.py [--seeds FOLDER]
    DATELINE_SCREENSHOTS=docs .venv/bin/python -m pytest -q tests/test_screenshots.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dateline.config import load_settings  # noqa: E402 (after the path is set)
from dateline.pipeline import build  # noqa: E402
from dateline.report import Report  # noqa: E402
from dateline.serve import make_server  # noqa: E402
from dateline.site import Site  # noqa: E402

VIEWPORT = {"width": 1200, "height": 800}  # a laptop's window; small enough to stay < 200 KB
SEARCH_WORD = "Aleppo"  # a word of the example seed
NAMES = ("home", "article", "hub", "search")


def example_site(root: Path, seeds: Path = REPO / "seeds") -> tuple[Path, Site]:
    """Build the archive of ``seeds`` (by default the example one) in ``root``; its site folder
    and model."""
    shutil.copytree(seeds, root / "seeds")
    (root / "site.toml").write_text(
        f'[site]\nbase_url = "http://127.0.0.1/"\n[paths]\ntemplates = "{REPO / "templates"}"\n'
        f'static = "{REPO / "static"}"\n', encoding="utf-8")
    built = build(load_settings(root / "site.toml"), Report(quiet=True))
    assert built is not None
    return root / "_site", built.site


def shots(site: Site) -> dict[str, str]:
    """Each screenshot's site-relative address: the front page, the newest story, the most
    covered person (first by name among equals) and a search."""
    [person] = site.top_terms("people", 1)
    return {"home": "", "article": site.articles[0].url_path, "hub": person.url_path,
            "search": f"search/?q={SEARCH_WORD}"}


@contextmanager
def served(folder: Path) -> Iterator[str]:
    server = make_server(folder, "/", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def take(browser: Any, base: str, addresses: dict[str, str], out: Path) -> dict[str, Path]:
    """Screenshot each address (light scheme, the viewport's height) into ``out``/NAME.png;
    a search is taken once its results are shown."""
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
    page = context.new_page()
    written = {}
    try:
        for name, address in addresses.items():
            page.goto(base + address)
            if name == "search":
                page.wait_for_function("document.getElementById('search').dataset.done === location.search")
            written[name] = out / f"{name}.png"
            page.screenshot(path=str(written[name]))
    finally:
        context.close()
    return written


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds", help="a folder of seeds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder, site = example_site(Path(tmp), args.seeds.resolve())
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        with served(folder) as base:
            written = take(browser, base, shots(site), REPO / "docs")
        browser.close()
    for path in written.values():
        print(f"{path}: {path.stat().st_size / 1000:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
