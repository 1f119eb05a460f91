"""Agate: the rows of figures in wire copy (results, standings, earnings, prices) as tables.

A seed sets a table as one paragraph per row ("Miami 37 13 .740 -", "Shr 34 cts vs 1.19 dlrs").
Read as prose they become a column of ragged serif paragraphs under a drop cap; here runs of
such rows become an HTML table with the label in the first column and the figures aligned
right. Only bodies that are plain paragraphs (what ingest writes) are read this way; a body an
editor wrote in Markdown is rendered exactly as before. Every cell is escaped text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .markup import ESCAPED_ENTITY_RE, UNESCAPE_RE, markdown_to_html, text_to_markdown

NUMBER_RE = re.compile(r"^(?:[-+]?\(?[$£€]?\d[\d,.:/-]*%?\)?|[-+]?\.\d+|-{1,2})$")
FRACTION_RE = re.compile(r"^\d+/\d+$")
UNITS = {"cts", "ct", "dlrs", "dlr", "mln", "billion", "bln", "million", "pct", "pts", "stg",
         "yen", "marks", "francs", "tonnes", "lbs", "shrs", "pence", "p", "cents", "dollars"}
VALUE_WORDS = {"loss", "profit", "nil", "gain", "up", "down"}
MAX_ROW = 90  # characters: a longer line is prose
MIN_ROWS = 3  # of figure rows; two "a vs b" rows already make an earnings table
MIN_VS_ROWS = 2
MAX_LABEL_WORDS = 6
DROP_CAP_WORDS = 60  # a shorter body is a notice: no drop cap
DROP_CAP_LEAD_WORDS = 15  # nor when the first paragraph is a line or two


@dataclass(frozen=True)
class Body:
    html: str
    drop_cap: bool
    tables: int


def body(markdown: str) -> Body:
    """An article body as HTML with its tables, and whether it opens with a drop cap."""
    blocks = markdown.strip("\n").split("\n\n")
    plain = [_plain(b) for b in blocks]
    words = len(markdown.split())
    if any(p is None for p in plain):  # an editor's Markdown: as before, no tables
        lead = len(blocks[0].split()) if blocks else 0
        return Body(markdown_to_html(markdown), words >= DROP_CAP_WORDS and lead >= DROP_CAP_LEAD_WORDS, 0)
    texts = [p for p in plain if p is not None]
    rows = [_row(t) for t in texts]
    out, tables, i = [], 0, 0
    while i < len(texts):
        run = _run(rows, i)
        if run:
            out.append(_table(texts, rows, i, run))
            tables += 1
            i = run
        else:
            out.append(f"<p>{html.escape(texts[i], quote=False)}</p>")
            i += 1
    lead = len(texts[0].split()) if texts else 0
    drop_cap = not tables and words >= DROP_CAP_WORDS and lead >= DROP_CAP_LEAD_WORDS
    return Body("\n".join(out), drop_cap, tables)


def _plain(block: str) -> str | None:
    """A block's text when it is an escaped plain paragraph (see markup), else None."""
    text = ESCAPED_ENTITY_RE.sub("&", UNESCAPE_RE.sub(r"\1", block))
    if not block or "\n" in block or block != block.strip() or text_to_markdown(text) != block:
        return None
    return text


@dataclass(frozen=True)
class Row:
    kind: str  # "figures", "vs" or "header"
    cells: list[str]  # label first (empty for a header), then the figures


def _row(text: str) -> Row | None:
    if len(text) > MAX_ROW:
        return None
    words = text.split()
    if len(words) >= 2 and all(w.isupper() and w.isalpha() and len(w) <= 4 for w in words):
        return Row("header", ["", *words])  # "W L PCT GB"
    if " vs " in f" {text} ":
        left, _, right = text.partition(" vs ")
        split = next((k for k, w in enumerate(left.split()) if _is_value_word(w)), None)
        if split and right.strip() and (_is_value_word(right.split()[0])):
            label = left.split()[:split]
            if len(label) <= MAX_LABEL_WORDS:
                return Row("vs", [" ".join(label), " ".join(left.split()[split:]), right.strip()])
        return None
    cells: list[str] = []
    i = len(words)
    while i > 0:  # figures from the end of the line
        word = words[i - 1]
        if NUMBER_RE.match(word):
            if cells and FRACTION_RE.match(cells[0]) and word.isdigit():
                cells[0] = f"{word} {cells[0]}"  # "1 1/2" games behind is one figure
            else:
                cells.insert(0, word)
        elif word.lower().rstrip(".") in UNITS and i >= 2 and NUMBER_RE.match(words[i - 2]):
            cells.insert(0, f"{words[i - 2]} {word}")  # "12.3 mln"
            i -= 1
        else:
            break
        i -= 1
    label = words[:i]
    if len(cells) < 2 or not label or len(label) > MAX_LABEL_WORDS \
            or not any(ch.isalpha() for ch in "".join(label)):
        return None
    return Row("figures", [" ".join(label), *cells])


def _is_value_word(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or word.lower() in VALUE_WORDS


def _run(rows: list[Row | None], start: int) -> int:
    """The end of a table starting at ``start`` (an optional header, then rows of one kind),
    or 0 when there is none."""
    def kind_at(k: int) -> str | None:
        row = rows[k] if k < len(rows) else None
        return row.kind if row is not None else None

    i = start + (kind_at(start) == "header")
    kind = kind_at(i)
    if kind is None or kind == "header":
        return 0
    end = i
    while kind_at(end) == kind:
        end += 1
    return end if end - i >= (MIN_VS_ROWS if kind == "vs" else MIN_ROWS) else 0


def _table(texts: list[str], rows: list[Row | None], start: int, end: int) -> str:
    body_rows = [r for r in rows[start:end] if r is not None and r.kind != "header"]
    first = rows[start]
    header = first if first is not None and first.kind == "header" else None
    width = max(len(r.cells) for r in body_rows)
    lines = ['<div class="table-wrap" tabindex="0" role="region" aria-label="Table of figures">',
             '<table class="agate">']
    if header is not None and len(header.cells) <= width:
        names = ["", *[""] * (width - len(header.cells)), *header.cells[1:]]
        cells = "".join(f'<th scope="col" class="num">{html.escape(n)}</th>' if n else "<td></td>"
                        for n in names)
        lines.append(f"<thead><tr>{cells}</tr></thead>")
    lines.append("<tbody>")
    for row in body_rows:
        figures = [""] * (width - len(row.cells)) + row.cells[1:]  # short rows align right
        cells = "".join(f'<td class="num">{html.escape(c)}</td>' for c in figures)
        lines.append(f'<tr><th scope="row">{html.escape(row.cells[0])}</th>{cells}</tr>')
    lines.append("</tbody></table></div>")
    return "\n".join(lines)
