"""How likely a desk is to keep a phrase of the lead in its headline, learned from the agency's
own lead/title pairs (scripts/train_headline_keep.py writes headline_keep.json).

A phrase is what follows an opener (a preposition, a relative, a comma) up to the next one; its
role is the opener and whether it carries a figure or a name. The trimmer asks this model whether
a trailing phrase is worth its characters, instead of a fixed rule of which phrases are news.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .headline_cuts import PHRASE_STARTS

MODEL = Path(__file__).with_name("headline_keep.json")
# A phrase over the length target stays only when its role's keep rate is this many times the
# rate of phrases in general: chosen on the train split (1.0 kept more long headlines than main,
# 1.5 and 2.0 cut the share over 75 characters from 33% to 28% at the same title overlap).
BAR_OVER_PRIOR = 1.5
RELATIVES = frozenset(["which", "who", "whose", "that", "saying", "citing", "after", "because", "as", "while",
                       "when", "and", "but"])
FIGURE_RE = re.compile(r"\d")
NAME_RE = re.compile(r"(?<!^)\b[A-Z][a-z]")


def phrases(sentence: str) -> list[tuple[str, str]]:
    """The lead's phrases after its first, each starting at its opener, with the words before it."""
    words = sentence.split()
    out: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(words)):
        low = words[i].lower()
        if low in PHRASE_STARTS or low in RELATIVES or words[i - 1].endswith(","):
            if start:
                out.append((" ".join(words[start:i]).rstrip(","), " ".join(words[:start])))
            start = i
    if start:
        out.append((" ".join(words[start:]).rstrip(",."), " ".join(words[:start])))
    return out


def role(phrase: str, before: str) -> str:
    """'in:first-figure:name' for "... rise | in March 1987 at Tokyo": the opener, then what the
    phrase carries: a figure (the first of the sentence when ``before`` has none), a name."""
    opener, _, rest = phrase.partition(" ")
    low = opener.lower()
    head = low if low in PHRASE_STARTS or low in RELATIVES else "other"
    figure = "-"
    if FIGURE_RE.search(rest) or FIGURE_RE.match(opener):
        figure = "figure" if FIGURE_RE.search(before) else "first-figure"
    name = "name" if NAME_RE.search(rest) else "-"
    return f"{head}:{figure}:{name}"


@cache
def _model() -> tuple[float, dict[str, float]]:
    if not MODEL.is_file():
        return 0.5, {}
    data = json.loads(MODEL.read_text())
    return float(data["prior"]), {str(k): float(v) for k, v in data["rates"].items()}


def keep_probability(phrase: str, before: str) -> float:
    """The share of training phrases of this role that the agency's title kept; ``before`` is
    what the headline keeps ahead of the phrase."""
    prior, rates = _model()
    return rates.get(role(phrase.strip(" ,;"), before), prior)


def prior() -> float:
    """The share of all training phrases the agency's titles kept."""
    return _model()[0]
