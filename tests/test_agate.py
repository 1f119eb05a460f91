"""Rows of figures in wire copy (standings, results, earnings) become aligned tables, and a
story with a table, or a short notice, opens without a drop cap."""

from __future__ import annotations

import re

import pytest

from dateline.agate import body
from dateline.markup import markdown_to_html, paragraphs_to_markdown

NBA = ["National Basketball Association standings after Sunday's games:", "ATLANTIC DIVISION",
       "W L PCT GB", "Miami 37 13 .740 -", "New York 35 14 .714 1 1/2", "Orlando 26 21 .553 9 1/2",
       "Boston 11 38 .224 25 1/2"]
EARNINGS = ["Shr profit 18 cts vs loss 21 cts", "Net profit 766,000 vs loss 510,000",
            "Sales 32.4 mln vs 25.5 mln", "NOTE: Prior year results pro forma for <ALD> & co."]
PROSE = ["The company said on Monday that profits rose 12 percent in the first quarter, helped "
         "by strong sales of its new models in Europe and Asia, and that it expected more growth.",
         "Analysts had expected a rise of 10 percent. Shares rose 2.5 to 41 in early trading.",
         "The results were announced in New York, where the company is based and employs 4,000."]


def cells(html: str) -> list[list[str]]:
    return [re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", html)]


def test_standings_become_a_table_with_its_header_aligned_over_the_figures():
    out = body(paragraphs_to_markdown(NBA))
    assert out.tables == 1 and not out.drop_cap
    rows = cells(out.html)
    assert rows[0] == ["", "W", "L", "PCT", "GB"]
    assert rows[1] == ["Miami", "37", "13", ".740", "-"]
    assert rows[2] == ["New York", "35", "14", ".714", "1 1/2"]  # a fraction stays with its number
    assert len(rows) == 5
    assert "<p>ATLANTIC DIVISION</p>" in out.html and '<th scope="row">Boston</th>' in out.html


def test_earnings_rows_become_label_this_period_last_period_and_text_stays_escaped():
    out = body(paragraphs_to_markdown(EARNINGS))
    assert out.tables == 1
    assert cells(out.html) == [["Shr", "profit 18 cts", "loss 21 cts"],
                               ["Net", "profit 766,000", "loss 510,000"],
                               ["Sales", "32.4 mln", "25.5 mln"]]
    assert "<p>NOTE: Prior year results pro forma for &lt;ALD&gt; &amp; co.</p>" in out.html


def test_prose_with_figures_is_not_a_table_and_keeps_its_drop_cap():
    text = paragraphs_to_markdown(PROSE)
    out = body(text)
    assert out.tables == 0 and out.drop_cap
    assert out.html == markdown_to_html(text)  # the same bytes as before tables existed


def test_a_short_notice_has_no_drop_cap():
    assert not body(paragraphs_to_markdown(["The meeting was postponed to Friday."])).drop_cap


def test_a_body_an_editor_wrote_in_markdown_is_rendered_as_before():
    text = "Rows **edited** by hand:\n\nMiami 37 13 .740 -\n\nBoston 11 38 .224 25\n\nOrlando 26 21 .553 9\n"
    out = body(text)
    assert out.tables == 0 and out.html == markdown_to_html(text)


def test_a_built_results_story_shows_a_table_without_a_drop_cap(project):
    from tests.conftest import build_project

    seed = " date 1997-02-10 NEW YORK -- " + "\n\n".join(NBA) + "\n"
    root = project({"nba.txt": seed})
    build_project(root)
    [page] = [p for p in (root / "_site" / "1997" / "02").glob("*/index.html") if not p.parent.name.isdigit()]
    html = page.read_text()
    assert '<table class="agate">' in html and '<div class="body">' in html
    assert "drop-cap" not in html


@pytest.mark.browser
def test_in_chromium_the_figures_align_right_and_no_letter_drops(project, browser):
    import threading

    from dateline.serve import make_server
    from tests.conftest import SUBPATH, build_project

    seed = " date 1997-02-10 NEW YORK -- " + "\n\n".join(NBA) + "\n"
    prose = " date 1997-02-11 NEW YORK -- " + "\n\n".join(PROSE) + "\n"
    root = project({"nba.txt": seed, "prose.txt": prose}, base_url=f"https://example.org{SUBPATH}")
    build_project(root)
    server = make_server(root / "_site", SUBPATH, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        articles = sorted(p.parent.name for p in (root / "_site" / "1997" / "02").glob("*/index.html")
                          if not p.parent.name.isdigit())
        first_letter = "el => getComputedStyle(el, '::first-letter').float"
        for slug in articles:
            page.goto(f"http://127.0.0.1:{server.server_port}{SUBPATH}1997/02/{slug}/")
            lead = page.locator(".story .body > p").first
            if page.locator("table.agate").count():
                assert lead.evaluate(first_letter) == "none"
                cell = page.locator("table.agate tbody td").first
                assert cell.evaluate("el => getComputedStyle(el).textAlign") == "right"
                boxes = [page.locator("table.agate tbody tr").nth(i).locator("td").last.bounding_box()
                         for i in range(3)]
                assert len({round(b["x"] + b["width"]) for b in boxes}) == 1  # right edges line up
            else:
                assert lead.evaluate(first_letter) == "left"  # the prose story keeps its drop cap
    finally:
        page.close()
        server.shutdown()
    assert len(articles) == 2
