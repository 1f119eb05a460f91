"""Text <-> Markdown: seed text goes in as literal text, Markdown comes out as safe HTML.

Seed text is data. Escaping it on the way into Markdown keeps ``*``, ``_``, ``#``, ``[x](y)``
visible as written; rendering with raw HTML switched off keeps ``<Bank of Nova Scotia>`` (a
Reuters convention) and anything an editor pastes from turning into markup or script.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

INLINE_SPECIALS_RE = re.compile(r"([\\`*_\[\]])")
LINE_START_RE = re.compile(r"^(\s*)(?:([#>+\-])|\d+(?=\.))")
ENTITY_RE = re.compile(r"&(?=#?\w+;)")
UNESCAPE_RE = re.compile(r"\\([\\`*_\[\]#>+\-.])")
ESCAPED_ENTITY_RE = re.compile(r"&amp;(?=#?\w+;)")
SAFE_SCHEMES = ("http:", "https:", "mailto:", "/", "#", "./", "../")


def text_to_markdown(paragraph: str) -> str:
    """One paragraph of plain text as Markdown that renders to exactly that text."""
    text = ENTITY_RE.sub("&amp;", paragraph)
    text = INLINE_SPECIALS_RE.sub(r"\\\1", text)
    match = LINE_START_RE.match(text)
    if match:  # a heading, quote, list or rule marker at the start would become structure
        at = match.start(2) if match[2] else match.end()
        text = text[:at] + "\\" + text[at:]
    return text


def paragraphs_to_markdown(paragraphs: list[str] | tuple[str, ...]) -> str:
    return "\n\n".join(text_to_markdown(p) for p in paragraphs) + "\n"


class _DropUnsafeLinks(Treeprocessor):
    """Editors may write Markdown links; a ``javascript:`` one must not survive."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is not None and not _is_safe_url(value):
                    del element.attrib[attr]


def _is_safe_url(url: str) -> bool:
    squashed = re.sub(r"[\s\x00-\x1f]", "", url).lower()
    return squashed.startswith(SAFE_SCHEMES) or ":" not in squashed.split("/", 1)[0]


class SafeMarkdown(Extension):
    """Markdown without raw HTML and without unsafe link schemes."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        for pattern in ("html", "autolink", "automail"):
            md.inlinePatterns.deregister(pattern)
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)


_MD = markdown.Markdown(extensions=[SafeMarkdown()])


def markdown_to_html(text: str) -> str:
    """Body Markdown as HTML; raw HTML in the source is shown as text, never run."""
    plain = _plain_paragraphs_html(text)
    return plain if plain is not None else _MD.reset().convert(text)


def _plain_paragraphs_html(text: str) -> str | None:
    """The HTML of a body that is only escaped plain paragraphs (what ingest writes from a seed),
    made without the Markdown parser, which is most of a cold render's time. The same bytes the
    parser gives; None when any paragraph holds Markdown an editor wrote."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        plain = ESCAPED_ENTITY_RE.sub("&", UNESCAPE_RE.sub(r"\1", block))
        if not block or "\n" in block or block != block.strip() or text_to_markdown(plain) != block:
            return None
        out.append(f"<p>{html.escape(plain, quote=False)}</p>")
    return "\n".join(out)
