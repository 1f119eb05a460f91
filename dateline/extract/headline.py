"""Headline and summary, drawn from the lead paragraph (seeds carry no headline).

The title is the lead's first sentence made to read like a headline: wire brackets and an
opening dateline removed, "X said ... that Y" turned into "X says Y", trailing attribution
("officials said") dropped, wire abbreviations spelled out, then cut at the strongest natural
boundary (a clause, then a phrase) that keeps it within ~90 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..article import Seed

MAX_TITLE = 90
MAX_SUMMARY = 300
# Lookbehinds must be fixed-width, hence one per abbreviation length.
SENTENCE_END_RE = re.compile(r'(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|vs))'
                             r'(?<!\b(?:Mrs|Inc|Ltd|Gen|Sen|Gov|Rep))'
                             r'(?<!\bCorp)[.!?]["\u201d]?(?=\s+["\u201c]?[A-Z0-9])')
LEAD_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z]+\))?\s*(?:--|[-\u2013\u2014])\s+")
# "President Bashar Assad said in comments published Thursday that ..." / "X said it ..."
_WHO = r"^(?P<who>[A-Z<][^,;\"]{1,70}?)(?:,[^,]{1,60},)?\s+said"
SAID_THAT_RE = re.compile(_WHO + r"\b(?P<mid>[^\"]{0,60}?)\s+that\s+(?P<what>.+)$")
SAID_RE = re.compile(_WHO + r"\s+(?P<what>(?:it|he|she|they|the|a|an|[A-Z])\b.+)$")
TRAILING_SAID_RE = re.compile(r",\s+(?:[^,\"]{0,60}?\s+)?(?:said|says|reported|announced|told reporters)"
                              r"(?:\s+(?:on\s+)?(?:today|yesterday|\w+day))?\.?$")
TITLES_RE = re.compile(r"^(?:(?:U\.S\.|[A-Z][a-z]+)\s+)*?"
                       r"(?:President|Prime Minister|Minister|Secretary|Chancellor|"
                       r"Governor|Gov\.|Sen\.|Rep\.|Chairman|Mr\.|Mrs\.|Ms\.|Dr\.|King|Premier)\s+")
# Wire abbreviations and what a reader would write; "57 mln dlr" becomes "$57 million".
WIRE_WORDS = {"mln": "million", "bln": "billion", "dlr": "dollars", "dlrs": "dollars", "pct": "percent",
              "stg": "sterling", "cts": "cents", "shr": "share", "qtly": "quarterly", "qtrly": "quarterly",
              "div": "dividend", "revs": "revenues"}
WIRE_RE = re.compile(r"\b(?:(\d[\d.,/-]*) (mln|bln) dlrs?|(" + "|".join(WIRE_WORDS) + r"))\b", re.IGNORECASE)
# Boundaries to cut at, strongest first, each with the least share of the limit a cut must keep.
BOUNDARIES = [(re.compile(p), keep) for p, keep in (
    (r";\s", 0.45), (r"\s--\s", 0.45), (r",\s+(?:but|while|although|as|after|because)\s", 0.45),
    (r",\s", 0.45),
    (r"\s(?:but|while|although|because|after|before|as|when|which|who|amid|despite|since|until)\s", 0.55),
    (r"\s(?:for|with|in|on|at|from|by|over|under|into|through)\s", 0.7))]
# Words a cut must not leave dangling at the end.
DANGLING_RE = re.compile(r"(?:\s+(?:the|a|an|its|his|her|their|of|and|or|to|said|says))+$")


def sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    return [*out, tail] if tail else out


def headline(seed: Seed) -> str:
    """A headline of at most ~90 characters from the lead's first sentence."""
    return title_and_summary(seed)[0]


def summary(seed: Seed) -> str:
    """The lead's first sentence or two, at most ~300 characters."""
    return title_and_summary(seed)[1]


def title_and_summary(seed: Seed) -> tuple[str, str]:
    """Both at once: the lead is cleaned and split into sentences one time."""
    parts = sentences(_clean(seed.paragraphs[0])) if seed.paragraphs else []
    title = cut(spell_out(as_headline(parts[0])), MAX_TITLE) if parts else ""
    picked = ""
    for sentence in parts:
        if picked and len(picked) + len(sentence) + 1 > MAX_SUMMARY:
            break
        picked = f"{picked} {sentence}".strip()
    return title, shorten(picked, MAX_SUMMARY)


def _clean(text: str) -> str:
    text = re.sub(r"\s*<[A-Z0-9.]{1,10}>", "", text)  # tickers: <SRD>, <AKZO.AS>
    text = re.sub(r"<([^<>]{1,80})>", r"\1", text)  # Reuters' <Company Name>
    return LEAD_DATELINE_RE.sub("", text).strip()


def as_headline(sentence: str) -> str:
    """'X said on Thursday that Y.' -> 'X says Y'; 'Y, officials said.' -> 'Y'."""
    text = sentence.strip().rstrip(".")
    m = SAID_THAT_RE.match(text) or SAID_RE.match(text)
    if m and len(m["what"]) > 20:
        return f"{_speaker(m['who'])} says {m['what']}"
    stripped = TRAILING_SAID_RE.sub("", text)
    return stripped if len(stripped) > 25 else text


def _speaker(who: str) -> str:
    """'U.S. Treasury Secretary James Baker' -> 'Baker'; a company or body is kept whole."""
    who = who.strip()
    rest = TITLES_RE.sub("", who)
    if rest != who and rest and len(rest.split()) <= 4:
        return rest.split()[-1]
    return who


def spell_out(text: str) -> str:
    """Wire abbreviations a reader would not use: mln, dlrs, pct."""
    text = WIRE_RE.sub(_spelled, text)
    return text[:1].upper() + text[1:]


def _spelled(m: re.Match[str]) -> str:
    if m[1]:
        return f"${m[1]} {'million' if m[2].lower() == 'mln' else 'billion'}"
    return WIRE_WORDS[m[3].lower()]


def cut(text: str, limit: int) -> str:
    """Cut at the strongest natural boundary that keeps the text within ``limit``."""
    if len(text) <= limit:
        return text
    for boundary, keep in BOUNDARIES:
        spots = [m.start() for m in boundary.finditer(text, 0, limit + 1) if m.start() >= limit * keep]
        if spots:
            return DANGLING_RE.sub("", text[: spots[-1]]).rstrip(" ,;:-")
    return shorten(text, limit)


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, never mid-word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut_text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut_text + "\u2026"


def unique_titles(items: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Make titles unique across the archive: ``(id, title, dateline)`` -> ``{id: title}``.

    The first article (in the given order) keeps its title; a repeat gets its dateline city
    added, then a running number if that is still taken.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for article_id, title, dateline in items:
        candidate = title
        if candidate.lower() in taken:
            city = dateline.split(",")[0].strip().title()
            candidate = f"{title} ({city})" if city else title
        n = 2
        base = candidate
        while candidate.lower() in taken:
            candidate = f"{base} ({n})"
            n += 1
        taken.add(candidate.lower())
        out[article_id] = candidate
    return out
