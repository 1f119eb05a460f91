"""Redraw static/share.png, the site-wide image a shared link shows (Open Graph's og:image,
1200 x 630, the size the large preview cards use), in headless Chromium from the stylesheet's
colours. It names no site: an archive with a title of its own sets [site] share_image.

    .venv/bin/python docs/make_share_image.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "static" / "share.png"
CARD = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:90px 100px;background:#fbf9f4;
 color:#1d1c1a;font-family:Georgia,'Times New Roman',serif;border-top:18px solid #8a1c1c">
 <div style="font-size:30px;letter-spacing:.3em;text-transform:uppercase;color:#5b574f">News archive</div>
 <div style="border-top:3px solid #1d1c1a;
 border-bottom:1px solid #1d1c1a;height:6px;margin:36px 0 48px"></div>
 <div style="font-size:104px;line-height:1.05;font-weight:bold">Every story,</div>
 <div style="font-size:104px;line-height:1.15;font-style:italic">by date and name.</div>
</div></body></html>"""


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
