"""Across the archive: one name per person (and per organization), whatever each article wrote.

Pure functions over the lists ``extract()`` returned; the site model calls them once per build
and rewrites each article's names through the returned mapping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..config import ExtractSettings
from . import lexicon as lx
from .people import SUFFIXES, surname


def _person_key(name: str) -> tuple[str, str]:
    words = [w for w in name.split() if w not in SUFFIXES]
    return (words[0], words[-1]) if len(words) > 1 else ("", words[0] if words else "")


def canonical_people(articles_people: Iterable[list[str]],
                     settings: ExtractSettings | None = None) -> dict[str, str]:
    """Map every person name found in the archive to the one name its person page uses.

    Contract:
    - Input: each article's ``Extraction.people`` (already the fullest name within that article).
    - Output: ``{raw name: canonical name}`` with an entry for every distinct input name
      (a name that joins nobody maps to itself).
    - Editors' ``settings.aliases`` win first ("Assad" -> "Bashar Assad"); ``not_people`` names map
      to "" (drop them).
    - Full names with the same first and last word are one person ("Paul Volcker",
      "Paul A. Volcker"); the form used in most articles is canonical (ties: the longer one).
    - A surname-only name ("Volcker") joins the one full name with that surname. When two
      different people share it ("James Baker", "Howard Baker") the bare surname is ambiguous and
      stays as it is, so neither person's page absorbs the other's mentions.
    Deterministic: the same input gives the same mapping, whatever the article order.
    """
    settings = settings or ExtractSettings()
    counts: Counter[str] = Counter()
    for people in articles_people:
        counts.update(set(people))
    aliased = {name: settings.aliases.get(name, name) for name in counts}
    blocked = set(settings.not_people)
    # Full names, grouped by first + last word.
    groups: dict[tuple[str, str], Counter[str]] = {}
    for name, count in counts.items():
        target = aliased[name]
        if len(target.split()) > 1:
            groups.setdefault(_person_key(target), Counter())[target] += count
    full: dict[tuple[str, str], str] = {
        key: min(forms, key=lambda f: (-forms[f], -len(f), f)) for key, forms in groups.items()}
    by_surname: dict[str, set[str]] = {}
    for key, name in full.items():
        by_surname.setdefault(key[1], set()).add(name)
    mapping: dict[str, str] = {}
    for name in counts:
        target = aliased[name]
        if name in blocked or target in blocked:
            mapping[name] = ""
        elif len(target.split()) > 1:
            mapping[name] = full[_person_key(target)]
        else:
            candidates = by_surname.get(surname(target), set())
            mapping[name] = next(iter(candidates)) if len(candidates) == 1 else target
    return mapping


def canonical_organizations(articles_orgs: Iterable[list[str]],
                            settings: ExtractSettings | None = None) -> dict[str, str]:
    """Map every organization name to one form across the archive.

    A short company name ("Quaker Oats") joins the one full name it opens ("Quaker Oats Co");
    two candidates ("Quaker Oats Co", "Quaker Oats Ltd") leave it alone. Editors' aliases win;
    ``not_organizations`` map to "". Every input name has an entry.
    """
    settings = settings or ExtractSettings()
    raw_names = {n for orgs in articles_orgs for n in orgs}
    targets = {raw: settings.aliases.get(raw, raw) for raw in raw_names}
    full = {t for t in targets.values() if t.split()[-1] in lx.CORPORATE_SUFFIXES}
    by_prefix: dict[str, set[str]] = {}
    for name in full:
        words = name.split()
        for n in range(1, len(words)):
            by_prefix.setdefault(" ".join(words[:n]), set()).add(name)
    blocked = set(settings.not_organizations)
    mapping: dict[str, str] = {}
    for raw, target in targets.items():
        candidates = by_prefix.get(target, set()) if target not in full else set()
        joined = next(iter(candidates)) if len(candidates) == 1 and len(target.split()) > 1 else target
        mapping[raw] = "" if raw in blocked or target in blocked else joined
    return mapping
