"""Places: gazetteer look-ups, the dateline city, and one written form per place."""

from __future__ import annotations

import re

from . import lexicon as lx

DATELINE_SPLIT_RE = re.compile(r"\s*,\s*")
SMALL_WORDS = {"Of", "The", "And", "De", "Du", "La", "Le", "Al", "El", "Upon", "On", "Am"}


def lookup(name: str) -> str | None:
    """The canonical name of a known place ("U.S." -> "United States"), else None."""
    found = lx.gazetteer().lookup(name)
    return found[0] if found else None


def country_of(place: str) -> str:
    """The country a place is in (a country is its own); "" for regions and unknown places."""
    found = lx.gazetteer().lookup(place)
    return found[1] if found else ""


def place_in_run(tokens: list[str]) -> str | None:
    """A run that is a known place, maybe after a direction word ("Old Aleppo" -> Aleppo)."""
    name = " ".join(tokens)
    found = lookup(name)
    if found:
        return found
    if len(tokens) > 1 and tokens[0] in lx.PLACE_MODIFIERS:
        return lookup(" ".join(tokens[1:]))
    if tokens[0] == "The":
        return lookup(" ".join(tokens[1:])) if len(tokens) > 1 else None
    return None


def dateline_places(dateline: str) -> list[str]:
    """'BOCA RATON, Fla.' -> ['Boca Raton', 'Florida']; the city first, always kept."""
    parts = [p.strip().rstrip(".") for p in DATELINE_SPLIT_RE.split(dateline.strip()) if p.strip()]
    if not parts:
        return []
    out = [_dateline_name(parts[0])]
    for part in parts[1:]:
        state = lx.US_STATE_ABBR.get(part.replace(". ", ".").rstrip("."))
        named = state or lookup(_title(part)) or lookup(part)
        if named and named not in out:
            out.append(named)
    return out


def _dateline_name(part: str) -> str:
    """An all-caps dateline city in its gazetteer spelling, else title-cased."""
    if not part.isupper():
        return lookup(part) or part
    titled = _title(part)
    return lookup(titled) or titled


def _title(text: str) -> str:
    words = []
    for i, word in enumerate(text.split()):
        w = word.capitalize() if not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word) else word
        w = re.sub(r"(?<=[-'])([a-z])", lambda m: m.group(1).upper(), w)  # WINSTON-SALEM
        if w.startswith("Mc") and len(w) > 2:
            w = "Mc" + w[2:].capitalize()
        words.append(w.lower() if i and w in SMALL_WORDS else w)
    return " ".join(words)


def is_place_word(word: str) -> bool:
    return lx.gazetteer().lookup(word) is not None
