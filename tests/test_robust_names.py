"""Names in any script: URLs are transliterated ASCII, pages show the name as written."""

from __future__ import annotations

import html as html_text
import re

from dateline.content import content_files, read_article
from tests.conftest import build_project

STORY = " date 2016-12-10 GENEVA -- Diplomats met in Geneva on Saturday.\n\nMore.\n"
PEOPLE = {  # as written -> the URL slug
    "Zoë Ångström": "zoe-angstrom",
    "Seán O'Brien": "sean-obrien",
    "Jean-Marie Le Pen": "jean-marie-le-pen",
    "Владимир Путин": "vladimir-putin",
    "محمد مرسي": "mhmd-mrsy",
    "DJ 🎧 Snake": "dj-snake",
}
PLACES = {"Zürich": "zurich", "Київ": "kiyiv", "القاهرة": "lqhr"}
EMOJI_ONLY = "🕊️"


def test_names_in_any_script_get_ascii_urls_and_pages_show_them_as_written(project):
    root = project({"a_1111111111111111.txt": STORY})
    build_project(root)
    [path] = content_files(root / "content")
    text = path.read_text(encoding="utf-8")
    people = ", ".join(f'"{name}"' for name in [*PEOPLE, EMOJI_ONLY])
    places = ", ".join(f'"{name}"' for name in PLACES)
    text = re.sub(r"\npeople: .*\n", f"\npeople: [{people}]\n", text)
    path.write_text(re.sub(r"\nplaces: .*\n", f"\nplaces: [{places}]\n", text), encoding="utf-8")
    build_project(root)
    site = root / "_site"
    for kind, names in (("people", PEOPLE), ("places", PLACES)):
        for name, slug in names.items():
            page = html_text.unescape((site / kind / slug / "index.html").read_text(encoding="utf-8"))
            assert f"<h1>{name}</h1>" in page
    [emoji_page] = [p for p in (site / "people").glob("x*/index.html")]
    assert re.fullmatch(r"x[0-9a-f]{8}", emoji_page.parent.name)  # nothing to transliterate
    assert EMOJI_ONLY in emoji_page.read_text(encoding="utf-8")
    article = read_article(path, root / "content")
    html = html_text.unescape((site / article.url_path / "index.html").read_text(encoding="utf-8"))
    for name in [*PEOPLE, *PLACES]:
        assert f">{name}</a>" in html
    assert all(p.relative_to(site).as_posix().isascii() for p in site.rglob("*"))
