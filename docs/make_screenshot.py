"""Rebuild docs/screenshot.png, the front page of a sample archive (the example seed plus every
40th Reuters seed of the shared corpus, when it is beside the repo), and docs/hub.png, its
busiest person's page, in headless Chromium.

    .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dateline.config import load_settings  # noqa: E402 (after the path is set)
from dateline.pipeline import build  # noqa: E402
from dateline.report import Report  # noqa: E402
from dateline.serve import make_server  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "reuters21578" / "seeds"
VIEWPORT = {"width": 1280, "height": 860}
OUT = REPO / "docs" / "screenshot.png"
HUB = REPO / "docs" / "hub.png"


def sample_project(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    seeds += sorted(CORPUS.iterdir())[::40][:300] if CORPUS.is_dir() else []
    for seed in seeds:
        shutil.copyfile(seed, root / "seeds" / seed.name)
    (root / "site.toml").write_text(
        f'[site]\nbase_url = "http://127.0.0.1/"\n[paths]\ntemplates = "{REPO / "templates"}"\n'
        f'static = "{REPO / "static"}"\n', encoding="utf-8")
    return root


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = sample_project(Path(tmp) / "sample")
        built = build(load_settings(root / "site.toml"), Report(quiet=True))
        [busiest] = built.site.top_terms("people", 1)
        server = make_server(root / "_site", "/", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            page.screenshot(path=str(OUT))
            page.goto(f"http://127.0.0.1:{server.server_port}/{busiest.url_path}")
            page.screenshot(path=str(HUB))
            browser.close()
        server.shutdown()
    for out in (OUT, HUB):
        print(f"{out}: {out.stat().st_size / 1000:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
