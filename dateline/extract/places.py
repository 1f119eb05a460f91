"""Places: gazetteer look-ups, the dateline city, and one written form per place."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import lexicon as lx

DATELINE_SPLIT_RE = re.compile(r"\s*,\s*")
SMALL_WORDS = {"Of", "The", "And", "De", "Du", "La", "Le", "Al", "El", "Upon", "On", "Am"}


def lookup(name: str) -> str | None:
    """The canonical name of a known place ("U.S." -> "United States"), else None."""
    found = lx.gazetteer().lookup(name)
    return found[0] if found else None


def country_of(place: str) -> str:
    """The country a place is in (a country is its own); "" for regions and unknown places.

    "Cambridge, Massachusetts" is in the country of its qualifier."""
    found = lx.gazetteer().lookup(place)
    if not found and ", " in place:
        found = lx.gazetteer().lookup(place.rsplit(", ", 1)[1])
    return found[1] if found else ""


def place_in_run(tokens: list[str]) -> str | None:
    """A run that is a known place, maybe after a direction word ("Old Aleppo" -> Aleppo)."""
    if not tokens:
        return None
    name = " ".join(tokens)
    found = lookup(name)
    if found:
        return found
    if len(tokens) > 1 and tokens[0] in lx.PLACE_MODIFIERS:
        return lookup(" ".join(tokens[1:]))
    if tokens[0] in ("The", "the"):
        return lookup(" ".join(tokens[1:])) if len(tokens) > 1 else None
    return None


# Words before a name that put it where something is or happens: "died in Kyoto", "near Kikwit".
WHERE = r"(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]cross|[Tt]hroughout|[Aa]round)"
# ...and where someone goes or comes from: "returned to Budapest", "the road from Kikwit" (also a
# person's place: "a header from Nakamura", so these count only beside a body's name, see below).
TOWARDS = r"(?:[Tt]o|[Ff]rom)"
# A kind of place before "of" ("the town of Kikwit") or in lower case after the name ("Shanxi province").
PLACE_NOUN = r"(?:town|city|village|port|capital|province|state|region|county|district|island)"
# The text just before a name, read backwards from it (patterns end at the name: "$").
_LEAD_RE = re.compile(rf"(?:\b(?:{WHERE}|{TOWARDS})\s+(?:the\s+)?|\b{PLACE_NOUN}\s+of\s+)$")
_WHERE_RE = re.compile(rf"(?:\b{WHERE}\s+(?:the\s+)?|\b{PLACE_NOUN}\s+of\s+)$")
_TOWN_COMMA_RE = re.compile(r"\b([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2}),\s+$")
# The text just after a name: not more of a longer name, an owner's "'s", a hyphen...
_ALONE_RE = re.compile(r"(?![\w'’-]|\s+[A-Z&(])")
# ...or, stricter, the end of the place's phrase: punctuation, the end, or a word of grammar ("in
# Baltimore and", "in London said"), not a noun the name qualifies ("the Oslo accords").
_ENDS_RE = re.compile(r"\s*(?:[.,;:)!?\"”]|$|\s(?:and|or|but|when|where|which|who|after|before|on|in|at|"
                      r"for|to|with|since|until|as|said|says|is|was|has|had|have|are|were)\b)")
_KIND_AFTER_RE = re.compile(rf"\s+{PLACE_NOUN}\b")
_SPAN = 40  # characters either side of a mention that the patterns read


def written_as_place(name: str, text: str, ends: bool = False) -> bool:
    """The text writes ``name`` alone where a place stands: after a word of place ("in Kyoto",
    "the town of Kikwit", "returned to Budapest"), before a kind of place ("Shanxi province"), or
    after a known town and a comma ("Newark, Ohio"); never as the opening of a longer name ("in
    Kyoto University") nor as an owner ("in Kyoto's"). ``ends``: only where the place ends its
    phrase ("in Baltimore."), not after "to" or "from", which also lead to people, nor before a
    kind of place ("a Pacific island side").

    A town that opens a body's name here is read as that body unless the text says otherwise.
    Each mention is found with str.find and read with fixed patterns: names are many, and a
    pattern per name would be compiled anew each time."""
    lead = _WHERE_RE if ends else _LEAD_RE
    tail = _ENDS_RE if ends else _ALONE_RE
    at = text.find(name)
    while at >= 0:
        stop = at + len(name)
        before, after = text[max(0, at - _SPAN):at], text[stop:stop + _SPAN]
        if not (before[-1:].isalnum() or after[:1].isalnum()):
            if tail.match(after) and (lead.search(before) or _known_town(_TOWN_COMMA_RE.search(before))):
                return True
            if not ends and _KIND_AFTER_RE.match(after):
                return True
        at = text.find(name, stop)
    return False


def _known_town(found: re.Match[str] | None) -> bool:
    return bool(found and lookup(found.group(1)))


# Kin before a name ("survived by his wife, Salina") or "family" after it ("the Tamura family"):
# the name is a person's, whatever town shares it.
KIN = (r"(?:wife|husband|widow|widower|son|sons|daughter|daughters|brother|brothers|sister|sisters|"
       r"mother|father|grandson|granddaughter|children|partner|fiancee|fiance)")
_KIN_RE = re.compile(rf"\b{KIN},?\s+([A-Z][\w'’-]*)|\b([A-Z][\w'’-]*)\s+family\b")
_CAPITALISED_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*\s$")


def kin_names(text: str) -> dict[str, int]:
    """The capitalised words the text writes as a relative or a family ("his wife, Ngozi",
    "the Tamura family"), each with how often."""
    counts: dict[str, int] = {}
    for a, b in _KIN_RE.findall(text):
        counts[a or b] = counts.get(a or b, 0) + 1
    return counts


def only_kin(name: str, text: str, kin: dict[str, int]) -> bool:
    """Every time the text writes ``name`` alone, it names a relative or a family (``kin``, from
    ``kin_names``: "his wife, Ngozi,", "the Tamura family"): a person's name, not the town."""
    return 0 < _alone_count(name, text) <= kin.get(name, 0)


def _alone_count(name: str, text: str) -> int:
    """How often the text writes ``name`` as a word of its own, in no longer capitalised run."""
    total, at = 0, text.find(name)
    while at >= 0:
        stop = at + len(name)
        before, after = text[max(0, at - _SPAN):at], text[stop:stop + 2]
        if not (before[-1:].isalnum() or before[-1:] in "'’-" or after[:1].isalnum() or after[:1] in "'’-"
                or (after[:1] == " " and after[1:2].isupper()) or _CAPITALISED_BEFORE_RE.search(before)):
            total += 1
        at = text.find(name, stop)
    return total


def before_title(run: str, person: str, role: str) -> str | None:
    """The known place a titled name opens ("Alberta" of "Alberta Premier Don Getty", "Chicago"
    of "Chicago Mayor Richard Daley"), whose officer the person is; else None (a nationality,
    "Thai Prime Minister ...", names no place)."""
    at = run.find(f" {role} {person}") if role and person and run.endswith(f" {role} {person}") else -1
    head = run[:at] if at > 0 else ""
    # "Thai Prime Minister ...": a nationality, though a town in Vietnam has the name.
    return lookup(head) if head and head not in lx.demonyms() else None


def written_alone(read_as_place: list[str], named: set[str], text: str) -> list[str]:
    """The known places the rules read that the model named nothing, where the text writes them
    alone as a place: "Baltimore" of "the Space Telescope Science Institute in Baltimore", a run
    the model took for no name at all, when the article also has "... in Baltimore." on its own.
    A name the model gave a kind (a person, a body) keeps it; so does one the text never writes
    so."""
    out = []
    for name in dict.fromkeys(read_as_place):
        place = lookup(name)
        if place and name not in named and place not in named and written_as_place(name, text, ends=True):
            out.append(place)
    return out


def one_form_each(places: list[str]) -> list[str]:
    """The article's places, one written form each: "Hague" (read out of "in The Hague", whose "The"
    opened a run) joins "The Hague" of the dateline. The first form of each stays, in order.

    A dateline's qualified town ("Valencia, Spain") and the town alone stay apart: the labels
    name the town as the text writes it."""
    keys = {_form_key(p): p for p in reversed(places)}  # the first place of each key
    return list(dict.fromkeys(keys[_form_key(p)] for p in places))


def _form_key(place: str) -> str:
    words = place.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def dateline_places(dateline: str) -> list[str]:
    """'BOCA RATON, Fla.' -> ['Boca Raton', 'Florida'] (cached: datelines repeat)."""
    return list(_dateline_places(dateline))


@lru_cache(maxsize=1 << 14)
def _dateline_places(dateline: str) -> Sequence[str]:
    """'BOCA RATON, Fla.' -> ['Boca Raton', 'Florida']; the city first, always kept.

    When the gazetteer puts the city in another country than the dateline says ("CAMBRIDGE,
    Mass." is not Cambridge, England) the city is written with its qualifier: "Cambridge, Massachusetts".
    """
    parts = [p.strip().rstrip(".") for p in DATELINE_SPLIT_RE.split(dateline.strip()) if p.strip()]
    if not parts:
        return []
    city = _dateline_name(parts[0])
    out = [city]
    for part in parts[1:]:
        abbr = part.replace(". ", ".").rstrip(".")
        state = lx.US_STATE_ABBR.get(abbr) or lx.US_STATE_ABBR.get(_title(abbr).replace(". ", "."))
        named = state or lookup(_title(part)) or lookup(part)
        if not named or named in out:
            continue
        city_country, named_country = country_of(city), country_of(named)
        if out[0] == city and city_country and named_country and city_country != named_country:
            out[0] = f"{city}, {named}"
        out.append(named)
    return tuple(out)


def _dateline_name(part: str) -> str:
    """An all-caps dateline city in its gazetteer spelling, else title-cased."""
    letters = [c for c in part if c.isalpha()]
    if sum(c.islower() for c in letters) > len(letters) // 5:  # written in ordinary case
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
