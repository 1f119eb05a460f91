"""Across the archive: one name per person (and per organization), whatever each article wrote.

Pure functions over the lists ``extract()`` returned; the site model calls them once per build
and rewrites each article's names through the returned mapping.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from ..config import ExtractSettings
from . import lexicon as lx
from .organizations import initials, is_acronym, known
from .people import SUFFIXES, surname
from .places import country_of
from .slips import slip_index, slipped


def _person_key(name: str) -> tuple[str, str]:
    """First and last word, a short given name read as its formal one ("Jim Baker" is "James Baker")."""
    words = [w for w in name.split() if w not in SUFFIXES]
    if len(words) < 2:
        return ("", words[0] if words else "")
    return lx.formal_given_names().get(words[0], words[0]), words[-1]


def _is_full(name: str) -> bool:
    """Two words at least besides "Jr." and the like: "Nicholas Jr." is a surname alone."""
    return sum(w not in SUFFIXES for w in name.split()) > 1


def canonical_people(articles_people: Iterable[list[str]],
                     settings: ExtractSettings | None = None,
                     articles_orgs: Iterable[list[str]] = (),
                     articles_roles: Iterable[dict[str, str]] = (),
                     articles_places: Iterable[list[str]] = ()) -> dict[str, str]:
    """Map every person name found in the archive to the one name its person page uses.

    Contract:
    - Input: each article's ``Extraction.people`` (already the fullest name within that article).
    - Output: ``{raw name: canonical name}`` with an entry for every distinct input name
      (a name that joins nobody maps to itself).
    - Editors' ``settings.aliases`` win first ("Assad" -> "Bashar Assad"); ``not_people`` names map
      to "" (drop them).
    - Full names with the same first and last word are one person ("Paul Volcker",
      "Paul A. Volcker", and "Jim Baker" with "James Baker": a short given name reads as its formal
      one); the form used in most articles is canonical (ties: the longer one).
    - A surname-only name ("Volcker") joins the one full name with that surname. When two
      different people share it ("James Baker", "Howard Baker") the bare surname is ambiguous and
      stays as it is, so neither person's page absorbs the other's mentions.
    - A name the archive reads as an organization at least as often as a person is no person: it
      maps to "". Organization evidence is every article naming it as a body, by any of its forms
      ("Merrill Lynch and Co Inc", "Hoare Govett Ltd") or as the opening words of a longer body's
      name ("L.F. Rothschild" of "L.F. Rothschild Unterberg Towbin"); person evidence is every article
      naming it as a person, twice where the article gives its role (``articles_roles``: a title or
      "chairman" is what a person has, never a firm). The closing words of a body's name after a
      joining word count as it too ("Banques Populaires" of "Caisse Centrale des Banques Populaires").
    - A name the archive reads as a place (``articles_places``) at least as often as a person, its
      roles counted twice, is no person ("Washington" in one story, the city in thirty).
    - A one-word name that joins no full name is no person where the archive opens a body's name
      with it at least as often ("Kidder" of "Kidder Peabody and Co"); one that joins a full
      name ("Ford" beside "Gerald Ford") stays that person's, whatever "Ford Motor Co" says, and a
      given name ("Prince Charles") is never a firm for opening "Charles Schwab and Co".
    - A name ending in a company suffix in any case is no person ("Porsche Ag"); nor is a full
      name whose first word is no given name and opens bodies' names in at least two stories and
      as many as name the person ("Deutsche Girozentrale").
    - A double surname alone ("Paz Estenssoro", its first word no given name) is the one full
      name it closes ("Victor Paz Estenssoro").
    - A place's or a body's name one slip of the keyboard away is evidence as the name itself is
      ("Saudia Arabia" beside Saudi Arabia, named as a place in 14 stories).
    Deterministic: the same input gives the same mapping, whatever the article order.
    """
    settings = settings or ExtractSettings()
    counts: Counter[str] = Counter()
    closed_beside: set[str] = set()
    for people in articles_people:
        counts.update(set(people))
        closed_beside.update(_closed_beside(people))
    articles_orgs = list(articles_orgs)
    as_org = _organization_evidence(articles_orgs)
    # A given name opening a firm's name is its founder's ("Charles Schwab and Co"), no evidence
    # that "Prince Charles" is a firm.
    opens: Counter[str] = Counter()
    for orgs in articles_orgs:
        opens.update({o.split()[0] for o in orgs if len(o.split()) > 1} - lx.given_names())
    as_place: Counter[str] = Counter()
    for places in articles_places:
        as_place.update(set(places))
    roled: Counter[str] = Counter()
    for roles in articles_roles:
        roled.update(set(roles))
    aliased = {name: settings.aliases.get(name, name) for name in counts}
    blocked = set(settings.not_people)
    # Full names, grouped by first + last word.
    groups: dict[tuple[str, str], Counter[str]] = {}
    for name, count in counts.items():
        target = aliased[name]
        if _is_full(target):
            groups.setdefault(_person_key(target), Counter())[target] += count
    full: dict[tuple[str, str], str] = {
        key: min(forms, key=lambda f: (-forms[f], -len(f), f)) for key, forms in groups.items()}
    full = _double_surnames_joined(full, closed_beside)
    by_surname: dict[str, set[str]] = {}
    for key, name in full.items():
        by_surname.setdefault(key[1], set()).add(name)
    place_slips, org_slips = slip_index(as_place), slip_index(as_org)

    def elsewhere(target: str) -> int:
        """The stories naming it, or a name one slip from it, as a place or a body."""
        key = _org_key(target)
        return max([as_org[key], as_place[target], _opened(target, opens)]
                   + [as_place[p] for p in slipped(target, place_slips)]
                   + [as_org[o] for o in slipped(key, org_slips)])

    mapping: dict[str, str] = {}
    for name in counts:
        target = aliased[name]
        if name in blocked or target in blocked or _ends_in_suffix(target) or (
                name not in settings.aliases and elsewhere(target) >= counts[name] + roled[name]):
            mapping[name] = ""
        elif _is_full(target):
            mapping[name] = full[_person_key(target)]
        else:
            candidates = by_surname.get(surname(target), set())
            if len(candidates) == 1:
                mapping[name] = next(iter(candidates))
            else:
                mapping[name] = "" if opens[target] >= counts[name] + roled[name] else target
    return mapping


def _closed_beside(people: list[str]) -> set[str]:
    """An article's two-word names that close a longer name it writes too ("Paz Estenssoro"
    beside "Victor Paz Estenssoro"): the article's own evidence of a double surname."""
    longer = {" ".join(p.split()[-2:]) for p in people if len(p.split()) > 2}
    return {p for p in people if len(p.split()) == 2 and p in longer}


def _double_surnames_joined(full: dict[tuple[str, str], str],
                            closed_beside: AbstractSet[str]) -> dict[tuple[str, str], str]:
    """Each two-word name that is a double surname mapped to the one longer name it closes
    ("Paz Estenssoro" to "Victor Paz Estenssoro"): its first word is no given name, or an article
    writes it beside the longer name. Two such longer names ("Victor Paz Estenssoro", "Jaime Paz
    Estenssoro") leave it its own page."""
    closing: dict[str, set[str]] = {}
    for name in full.values():
        words = [w for w in name.split() if w not in SUFFIXES]
        if len(words) > 2:
            closing.setdefault(" ".join(words[-2:]), set()).add(name)
    given = lx.census_first_names()
    out = dict(full)
    for key, name in full.items():
        longer = closing.get(name, set())
        no_given = key[0].upper() not in given and key[0] not in lx.given_names()
        if len(name.split()) == 2 and len(longer) == 1 and (no_given or name in closed_beside):
            out[key] = next(iter(longer))
    return out


def _ends_in_suffix(name: str) -> bool:
    """A company's suffix, in any case, after a name ("Porsche Ag")."""
    words = name.split()
    return len(words) > 1 and words[-1].rstrip(".,").lower() in _FOLDED_SUFFIXES


def _opened(name: str, opens: Counter[str]) -> int:
    """The stories whose bodies' names open with a full name's first word, where that word is no
    given name nor an initial and opens bodies in two stories at least ("Deutsche Girozentrale":
    Deutsche Bank, Deutsche Bundesbank, ...); 0 otherwise."""
    first = name.split()[0]
    if not _is_full(name) or "." in first or first.upper() in lx.census_first_names() or opens[first] < 2:
        return 0
    return opens[first]


def _organization_evidence(articles_orgs: Iterable[list[str]]) -> Counter[str]:
    """Per organization key, the articles naming that body, or a longer one its words open
    ("L.F. Rothschild" of "L.F. Rothschild Unterberg Towbin") or close after a joining word
    ("Banques Populaires" of "Caisse Centrale des Banques Populaires"); two words at least, so a
    surname alone is not a firm for opening "Ford Motor Co"."""
    evidence: Counter[str] = Counter()
    for orgs in articles_orgs:
        keys = set()
        for o in orgs:
            keys.add(_org_key(o))
            words = _unsuffixed(o)
            keys.update(_org_key(" ".join(words[:n])) for n in range(2, len(words)))
            keys.update(_org_key(" ".join(words[n + 1:])) for n in range(1, len(words) - 2)
                        if words[n] in _JOINING and words[n + 1] not in _JOINING)
        evidence.update(keys)
    return evidence


# The words that join a body's name to what it is of ("Bank of Japan", "Caisse Centrale des Banques
# Populaires"): the name's connectors and French "des", which a person's name never has.
_JOINING = lx.CONNECTORS | {"des"}


# Words the wire abbreviates inside a body's name, and "&" for "and": "Shearson Lehman Bros Inc"
# and "Shearson Lehman Brothers Inc" are one firm.
_SPELLED_OUT = {"bros": "brothers", "intl": "international", "int'l": "international", "natl": "national",
                "mfg": "manufacturing", "assn": "association", "dept": "department", "&": "and"}


def _org_key(name: str) -> str:
    """One key for the written forms of one body: case, "The", a trailing company suffix and
    "and Co" aside ("Merrill Lynch and Co Inc" is "Merrill Lynch"), abbreviations spelled out, an
    "and" inside aside."""
    words = _unsuffixed(name)
    if len(words) > 1 and words[0] == "The":
        words.pop(0)
    words = [_SPELLED_OUT.get(w.lower(), w.lower()) for w in words]
    # "Smith Barney Harris and Upham" and "Smith Barney, Harris Upham and Co" are one firm: the
    # wire writes the "and" between partners' names or leaves it out, never to tell two bodies apart.
    words = [w for n, w in enumerate(words) if w != "and" or n in (0, len(words) - 1)]
    return re.sub(r"isation\b", "ization", " ".join(words))  # "Organisation" is "Organization"


def _department_keys(keys: set[str]) -> dict[str, str]:
    """'U.S. Treasury' and 'Treasury Department', 'U.S. Commerce' and 'Commerce Department': the
    country's prefix and the American 'Department' name one body when the archive writes the
    department's name; a bare 'Treasury' (Britain's too) stays apart."""
    out: dict[str, str] = {}
    for key in keys:
        head, _, rest = key.partition(" ")
        if head in _US_PREFIXES and rest and " " not in rest.removesuffix(" department"):
            department = rest.removesuffix(" department") + " department"
            if department in keys and department != key:
                out[key] = department
    return out


_US_PREFIXES = frozenset({"u.s", "us"})  # as _org_key writes them (stops stripped)


# A US national bank's "N.A." is a suffix too ("Citibank NA" is Citibank); only here, where forms of
# one name are compared, not where a run is read (the model's evidence stays as trained).
# Compared in lower case: the wire writes "Metallverken Ab" as well as "AB", "Plc" as "PLC".
_SUFFIXES = lx.CORPORATE_SUFFIXES | {"NA", "N.A"}
_FOLDED_SUFFIXES = frozenset(s.lower() for s in _SUFFIXES)


def _unsuffixed(name: str) -> list[str]:
    """A name's words without its trailing company suffix ("General Motors Corp" -> General Motors)."""
    words = [w.rstrip(".,") for w in name.split()]
    while len(words) > 1 and (words[-1].lower() in _FOLDED_SUFFIXES or words[-1] in ("and", "&")):
        words.pop()
    return words


def canonical_organizations(articles_orgs: Iterable[list[str]],
                            settings: ExtractSettings | None = None,
                            people: Iterable[str] = ()) -> dict[str, str]:
    """Map every organization name to one form across the archive.

    - Forms that differ only by case, "The" or a company suffix are one body; the form most
      articles use names it ("Merrill Lynch", "Merrill Lynch and Co", "Merrill Lynch and Co Inc").
    - A short company name ("Quaker Oats") joins the one full name it opens ("Quaker Oats Co",
      or a name ending in a body's head noun: "Chesapeake Biological Laboratories"); two candidates
      ("Quaker Oats Co", "Quaker Oats Ltd") leave it alone.
    - An acronym ("SEC") joins the full name whose initials it is ("Securities and Exchange
      Commission") when that name is used in at least two articles and at least three times as
      often as any other name with the same initials, or else when the one such name the
      articles give beside it is that name ("GPU" in a story about General Public Utilities
      Corp); otherwise it stays its own page.
    - A form one slip of the keyboard from another in one word of five letters or more
      ("Chrsyler Corp", "Kaneb Servies Inc", "Organiaation of Petroleum Exporting Countries") is
      that body, named by the form more articles use; never a changed first letter ("Barnes
      Group" is not "Karnes Group").
    - A body's name run on into a person's that the archive names (``people``), with or without
      the title between, is that body ("Securities and Exchange Commission Chairman John Shad"),
      where the archive names the body alone.
    - A parent's possessive before its unit's name is the unit ("BellSouth Corp's BellSouth
      Mobility Inc" is BellSouth Mobility Inc) where the parent is a firm by its suffix or a body
      the archive names; "McDonald's Corp" stays whole.
    - Forms that differ by an "and" between partners' names are one firm ("Smith Barney Harris and
      Upham Inc", "Smith Barney, Harris Upham and Co Inc"), so their short form joins them.
    Editors' aliases win; ``not_organizations`` map to "". Every input name has an entry.
    """
    settings = settings or ExtractSettings()
    articles = [list(orgs) for orgs in articles_orgs]
    counts: Counter[str] = Counter()
    for orgs in articles:
        counts.update(set(orgs))
    targets = {raw: settings.aliases.get(raw, raw) for raw in counts}
    parents = {_org_key(t) for t in targets.values()}
    targets = {raw: target if raw in settings.aliases else _unit_of(target, parents)
               for raw, target in targets.items()}
    departments = _department_keys({_org_key(t) for t in targets.values()})
    written: Counter[str] = Counter()
    for raw, target in targets.items():
        written[_org_key(target)] += counts[raw]
    capitals = {w.lower() for t in targets.values() for w in t.split() if w.isupper()}
    misspelt = _misspelt_keys(written, capitals)

    def key_of(name: str) -> str:
        key = _org_key(name)
        key = misspelt.get(key, key)
        return departments.get(key, key)

    forms: dict[str, Counter[str]] = {}
    for raw, target in targets.items():
        forms.setdefault(key_of(target), Counter())[target] += counts[raw]
    best = {key: min(c, key=lambda f: (-c[f], -len(f), f)) for key, c in forms.items()}
    usage = {key: sum(c.values()) for key, c in forms.items()}
    full = {t for t in targets.values() if t.split()[-1] in lx.CORPORATE_SUFFIXES}
    kinds = lx.org_words()[0]
    by_prefix: dict[str, set[str]] = {}
    for name in full:
        words = name.split()
        for n in range(1, len(words)):
            if not _qualified_from(words, n, kinds):
                by_prefix.setdefault(" ".join(words[:n]), set()).add(best[key_of(name)])
    # A short name that is a firm's own name less its suffix ("IBM Nederland" of "IBM Nederland NV")
    # is that firm, not a longer one it also opens ("IBM Nederland Financieringen BV", its subsidiary).
    suffixed = {key_of(name) for name in full}
    # "Chesapeake Biological" opens "Chesapeake Biological Laboratories": a body's name ends in its
    # head noun as a firm's in its suffix; a short name that has its own head noun ("Irving Trust")
    # or is a well-known body ("European Community", not its Commission) is complete already.
    headed = {t for t in targets.values() if t not in full and t.split()[-1] in kinds}
    for name in headed:
        words = name.split()
        for n in range(2, len(words)):
            if words[n - 1] not in kinds and not known(" ".join(words[:n])):
                by_prefix.setdefault(" ".join(words[:n]), set()).add(best[key_of(name)])
    by_initials: dict[str, list[str]] = {}
    for key, name in best.items():
        for letters in _initials_of(name):
            if len(name.split()) > 1 and len(letters) >= 2:
                by_initials.setdefault(letters, []).append(key)
    beside_names = _spelled_out_beside(articles)
    persons = {p for p in people if _is_full(p)}
    blocked = set(settings.not_organizations)
    mapping: dict[str, str] = {}
    for raw, target in targets.items():
        body = _body_before_person(target, persons)
        joined = best[key_of(target)] if key_of(body) not in forms else best[key_of(body)]
        own_firm = target in full or key_of(target) in suffixed
        candidates = set() if own_firm else by_prefix.get(target, set()) - {joined}
        if len(candidates) == 1 and len(target.split()) > 1:
            joined = next(iter(candidates))
        elif is_acronym(target) and target in by_initials:
            ranked = sorted(by_initials[target], key=lambda k: -usage[k])
            top = usage[ranked[0]]
            beside = {key_of(targets[n]) for n in beside_names.get(raw, ())}
            if top >= 2 and (len(ranked) == 1 or top >= 3 * usage[ranked[1]]):
                joined = best[ranked[0]]
            elif len(beside) == 1:
                joined = best[beside.pop()]
        mapping[raw] = "" if raw in blocked or target in blocked else joined
    return mapping


def _unit_of(name: str, bodies: AbstractSet[str]) -> str:
    """The unit a parent's possessive opens ("BellSouth Mobility Inc" of "BellSouth Corp's
    BellSouth Mobility Inc"), where the parent is a firm by its suffix or a body the archive names
    by itself (organization keys, ``bodies``) and the unit is a name of its own, not a suffix
    ("McDonald's Corp" stays whole), and of a parent known by name only, a unit not in common
    words alone ("Moody's Investors Service" stays whole); the name itself otherwise."""
    owner, mark, unit = name.partition("'s ")
    if not mark or not unit[:1].isupper() or not _unsuffixed(unit) or \
            _unsuffixed(unit)[0].lower() in _FOLDED_SUFFIXES:
        return name
    unit = unit.removeprefix("The ")
    if len(owner.split()) > 1 and owner.split()[-1].rstrip(".,").lower() in _FOLDED_SUFFIXES:
        return unit
    # A parent known only by its name needs a unit with a name of its own: "Moody" is named by
    # itself too, but "Investors Service" is no body without it.
    common = lx.common_words()
    named = any(w.lower() not in common for w in _unsuffixed(unit))
    return unit if named and _org_key(owner) in bodies else name


def _body_before_person(name: str, persons: AbstractSet[str]) -> str:
    """The words before a person's name that closes this one, less the titles between
    ("Senate Budget Committee" of "Senate Budget Committee Chairman Lawton Chiles"); the name
    itself where no person closes it."""
    words = name.split()
    for n in range(1, len(words) - 1):
        if " ".join(words[n:]) in persons:
            head = words[:n]
            while len(head) > 1 and head[-1] in lx.titles():
                head.pop()
            return " ".join(head)
    return name


def _misspelt_keys(written: Counter[str], capitals: AbstractSet[str]) -> dict[str, str]:
    """Each organization key one slip from a key the archive writes more often, mapped to it; on a
    tie the one with more dictionary words wins ("Coordination", not "Coodination"), then the
    longer. Keys are compared word by word, one word differing; a word the archive writes in
    capitals is an acronym, where one letter is another body ("NYMEX" is not Nynex)."""
    common = lx.common_words()
    index = slip_index(written)
    out: dict[str, str] = {}
    for key in sorted(written, key=lambda k: (-written[k], -sum(w in common for w in k.split()), -len(k), k)):
        if key in out:
            continue
        for other in slipped(key, index, capitals):
            out.setdefault(other, key)
    return out


def _spelled_out_beside(articles: list[list[str]]) -> dict[str, set[str]]:
    """Per acronym, the names whose initials it is that a story names beside it: a story's own
    evidence of what its acronym stands for, where the article did not join them itself."""
    out: dict[str, set[str]] = {}
    for orgs in articles:
        for acronym in (o for o in orgs if is_acronym(o)):
            out.setdefault(acronym, set()).update(
                o for o in orgs if len(o.split()) > 1 and acronym in _initials_of(o))
    return out


def _initials_of(name: str) -> set[str]:
    """A name's initials with and without its suffix: "GM" is General Motors Corp's, "AMC" American
    Motors Corp's."""
    return {initials(name), initials(" ".join(_unsuffixed(name)))}


def _qualified_from(words: list[str], n: int, kinds: frozenset[str]) -> bool:
    """Whether a firm's first n words end in a body's head noun that the rest qualifies ("National
    Bank" of "National Bank of Brunei Bhd"): then they are a complete name of their own, that many
    countries' banks share, not this firm's short form ("Irving Trust" of "Irving Trust Co" is)."""
    return words[n - 1] in kinds and words[n] not in _SUFFIXES and words[n] not in ("and", "&")


def local_bodies(articles_orgs: list[list[str]], articles_places: list[list[str]]) -> list[dict[str, str]]:
    """Per article, its bodies that every country has, written with the article's country: the
    "Central Bank" of Brazil and of the Philippines are two bodies, never one page.

    Such a name is no well-known body, is written in common words only ("Central Bank", "Finance
    Ministry", "Supreme Court"), and is shared out across countries: the articles naming it have
    two countries at least and none of them in half or more of those articles ("General Motors",
    common words too, is named mostly from one country and stays one page). An article's country is
    the first its places give (the dateline's first). Returns ``{name: "Central Bank (Brazil)"}``
    per article, empty for most."""
    countries = [_first_country(places) for places in articles_places]
    spread: dict[str, Counter[str]] = {}
    for orgs, country in zip(articles_orgs, countries, strict=True):
        for name in set(orgs):
            if country and _common_words_only(name):
                spread.setdefault(name, Counter())[country] += 1
    shared = {name for name, by in spread.items()
              if len(by) >= 2 and 2 * by.most_common(1)[0][1] < sum(by.values())}
    return [{name: f"{name} ({country})" for name in orgs if name in shared} if country else {}
            for orgs, country in zip(articles_orgs, countries, strict=True)]


def _first_country(places: list[str]) -> str:
    return next((c for c in map(country_of, places) if c), "")


def _common_words_only(name: str) -> bool:
    """Written in common words only, none of them a country's name: "Bank of China" is common
    words ("china") but names its country already, so it is that country's one body."""
    words = name.split()
    common = lx.common_words()
    return not known(name) and all(w.lower() in common or w in lx.CONNECTORS for w in words) \
        and words[-1].lower() in common and not any(country_of(w) == w for w in words)
