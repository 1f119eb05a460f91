"""Headline and summary, drawn from the lead paragraph (seeds carry no headline)."""

from __future__ import annotations

import re

from ..article import Seed

MAX_TITLE = 90
MAX_SUMMARY = 300
SENTENCE_END_RE = re.compile(
    r'(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|vs))(?<!Mrs)[.!?]["\u201d]?(?=\s+["\u201c]?[A-Z0-9])')


def sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    return [*out, tail] if tail else out


def headline(seed: Seed) -> str:
    first = sentences(seed.paragraphs[0])[0] if seed.paragraphs else ""
    return shorten(first.rstrip("."), MAX_TITLE)


def summary(seed: Seed) -> str:
    picked = ""
    for sentence in sentences(seed.paragraphs[0]):
        if picked and len(picked) + len(sentence) + 1 > MAX_SUMMARY:
            break
        picked = f"{picked} {sentence}".strip()
    return shorten(picked, MAX_SUMMARY)


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, never mid-word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "\u2026"
