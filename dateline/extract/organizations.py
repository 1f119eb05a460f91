"""Organizations: what makes a run one, and one name per organization within an article."""

from __future__ import annotations

import re

from . import lexicon as lx
from .lexicon import words

# Country abbreviations written before a body's name as a modifier ("U.S. Interstate Commerce Commission").
COUNTRY_PREFIXES = frozenset({"U.S.", "U.K.", "UK", "US"})
# Words that open a company's name in French, Italian, Spanish or German usage.
COMPANY_PREFIXES = words("Cie Compagnie Societe Banque Banco Banca Credito Compania Cia")
ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&-]{1,7}$")
# Small words skipped when an acronym is formed from a name's initials.
_SKIP = words("of for the and & in on at to de du la le des")


def known(name: str) -> str | None:
    """A well-known organization by any of its written forms; "Opec" is OPEC."""
    table = lx.known_organizations()
    found = table.get(name)
    if found is None and name.isalpha() and name[1:].islower() and 2 < len(name) <= 6:
        found = table.get(name.upper())
    return found


def org_in_run(tokens: list[str], after: str) -> str | None:
    """The organization a run names ("Syrian Observatory for Human Rights"), else None."""
    name = " ".join(tokens)
    found = known(name) or (known(" ".join(tokens[1:])) if tokens[0] == "The" and len(tokens) > 1 else None)
    if found:
        return found
    kinds, heads = lx.org_words()
    if tokens[0] == "The":
        tokens = tokens[1:]
        if not tokens:
            return None
    last = tokens[-1]
    if len(tokens) == 2 and last.endswith("s") and last.lower() in lx.common_words() and (
            tokens[0] in lx.demonyms() or lx.gazetteer().lookup(tokens[0])):
        return None  # "U.S. Banks", "Japanese Banks": a plural noun, not a name
    if len(tokens) > 1 and tokens[0] in COMPANY_PREFIXES:
        return " ".join(tokens)  # "Cie de Saint-Gobain", "Banque Paribas"
    if len(tokens) > 1 and (last in lx.CORPORATE_SUFFIXES or last in kinds):
        return clean(" ".join(tokens))
    if len(tokens) > 1 and tokens[0] in heads and any(t in ("of", "for") for t in tokens):
        return " ".join(tokens)
    if len(tokens) > 1 and any(t in kinds for t in tokens[1:-1]) and tokens[-1] not in lx.CONNECTORS:
        return clean(" ".join(tokens))
    cue = after.lstrip(" ,").split(" ", 1)[0].lower().rstrip(".,;:")
    if cue in lx.ORG_CUES and tokens[-1] not in lx.demonyms():
        return " ".join(tokens)
    return None


def clean(name: str) -> str:
    """One written form per name: 'U.S. Interstate Commerce Commission' -> 'Interstate Commerce
    Commission' (the country abbreviation is a modifier), 'Swiss Bank Corp.' -> 'Swiss Bank Corp'."""
    name = name.removesuffix("'s")  # "Chiyoda Fire and Marine Insurance Co Ltd's"
    if "(" in name:  # "Arabian Investment Banking Corp (Investcorp) EC": the name before its short form
        name = name.split("(", 1)[0].strip() or name
    if name.endswith(".") and name.rsplit(" ", 1)[-1][:-1] in lx.CORPORATE_SUFFIXES:
        name = name[:-1]  # "Swiss Bank Corp." and "Swiss Bank Corp" are one name
    head = name.split(" ", 1)[0]
    return name[len(head) + 1:] if head in COUNTRY_PREFIXES and len(name.split()) > 2 else name


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _SKIP and w[0].isupper())


# Words that close a company's name and that its acronym leaves out: "GM" is General Motors Corp's,
# "M&S" Marks & Spencer Group Plc's.
_ACRONYM_TAILS = lx.CORPORATE_SUFFIXES | words("Group Holdings Holding")


def initials_forms(name: str) -> set[str]:
    """The acronyms a name can be written as: its initials, and those of the name without its
    closing suffixes ("Trans World Airlines Inc" is "TWA", "British Airways Plc" "BA")."""
    forms = {initials(name)}
    tokens = name.removesuffix("'s").split()
    while len(tokens) > 1 and tokens[-1] in _ACRONYM_TAILS:
        tokens.pop()
        forms.add(initials(" ".join(tokens)))
    return {f for f in forms if len(f) >= 2}


def acronym_letters(acronym: str) -> str:
    """An acronym's capitals alone, as a name's initials are compared with it ("M&S" is "MS")."""
    return "".join(ch for ch in acronym if ch.isalnum())


def is_acronym(token: str) -> bool:
    return bool(ACRONYM_RE.match(token))


def _key(name: str) -> list[str]:
    """Words compared when one name is the short form of another ("for" and "of" read alike)."""
    return [("of" if w == "for" else w) for w in name.split() if w not in ("the", "The")]


def unify(names: list[str], acronyms: dict[str, str]) -> dict[str, str]:
    """Map each organization name to the fullest form in the article.

    A name that ends another, longer one ("Red Cross" / "International Committee of the Red
    Cross"), or opens a company's full name ("Quaker Oats" / "Quaker Oats Co"), joins it when
    exactly one longer name fits; ``acronyms`` (acronym -> full name,
    from "Full Name (ACR)" or matching initials) ties acronyms to their full names.
    """
    mapping: dict[str, str] = {}
    keys = {name: _key(name) for name in names}
    for name in names:
        if name in acronyms:
            mapping[name] = acronyms[name]
            continue
        key = keys[name]
        longer = [other for other, k in keys.items() if len(k) > len(key)
                  and (k[-len(key):] == key
                       or (k[:len(key)] == key and other.split()[-1] in lx.CORPORATE_SUFFIXES))]
        fullest = {mapping.get(o, o) for o in longer}
        mapping[name] = fullest.pop() if len(fullest) == 1 else name
    # Spelling variants of a known name ("International Committee for the Red Cross").
    return {k: known(v) or v for k, v in mapping.items()}


def acronym_ties(names: list[str], acronym_mentions: set[str]) -> dict[str, str]:
    """Acronyms the article spells out: 'International Coffee Organization, ICO' -> ICO; a firm's
    acronym leaves its suffix out ("Trans World Airlines Inc" and "TWA") and its "&" counts for
    no letter ("M&S" of Marks & Spencer Group Plc)."""
    ties: dict[str, str] = {}
    by_letters: dict[str, list[str]] = {}
    for acronym in sorted(acronym_mentions):
        by_letters.setdefault(acronym_letters(acronym), []).append(acronym)
    for name in names:
        for letters in sorted(initials_forms(name), key=len, reverse=True):
            for acronym in by_letters.get(letters, ()):
                ties.setdefault(acronym, _stands_for(acronym, name))
    return ties


def _stands_for(acronym: str, name: str) -> str:
    """What an acronym beside a name with its initials means: that name ("ICC" beside the
    International Criminal Court), unless the acronym is a well-known body and the name is another
    one ("EC" beside the European Commission, the EC's executive, is the Community) or the same
    body misspelt or reordered ("General Agreement on Trade and Tariffs" is GATT's)."""
    own = known(acronym)
    if not own or own == name:
        return name
    return own if known(name) or _same_words_but_one(own, name) else name


def _same_words_but_one(a: str, b: str) -> bool:
    """Of three words or more, all but one shared ("Organiaation of Petroleum Exporting
    Countries"); a shorter name must have the same words ("European Commission" is no
    "European Community")."""
    words_a, words_b = a.lower().split(), b.lower().split()
    if len(words_a) != len(words_b):
        return False
    unmatched = list(words_b)
    for word in words_a:
        if word in unmatched:
            unmatched.remove(word)
    return len(unmatched) <= (1 if len(words_a) >= 3 else 0)
