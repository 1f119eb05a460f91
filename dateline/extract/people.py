"""People: a name apart from its title, and one fullest name per person within an article."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from . import lexicon as lx
from .lexicon import words

INITIAL_RE = re.compile(r"^[A-Z]\.$")
INITIALS_RE = re.compile(r"^(?:[A-Z]\.){2,3}$")
# Capitals after the first letter, except Mc/Mac/O'/De names ("McDonald", "O'Neill", "DeConcini").
MIXED_CASE_RE = re.compile(r"^(?!Mc|Mac|O'|De|La|Le|Di|Van|Von|Du)[A-Z][a-z]*[A-Z]")
# Title words that also open ordinary phrases ("General Agreement", "Chief Executive").
WEAK_TITLES = words("""General Chief Executive Senior Field Major Minority Majority Leader Father Sister
Count Lady Lord Officer Partner Founder Managing Director Economist Analyst Under Assistant Deputy Vice
Crown Justice Speaker Whip Chair Treasurer Controller Administrator Coordinator Manager Managers Editor
Publisher""")
COMPOUND_PARTS = words("to based owned led run made style type and of the in on up out serve backed born")
GEO_FEATURES = words("""Lake Lakes River Bay Island Islands Mountain Mountains Creek Valley Basin Hills Hill
Canyon Gulf Strait Peninsula Harbour Harbor Reef Falls Springs Point Cape Sound Desert Forest""")
HALF_TITLES = frozenset({"Prime"})
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})


def is_title(token: str) -> bool:
    return token in lx.titles()


@lru_cache(maxsize=1 << 16)
def name_like(token: str, last: bool) -> bool:
    """Could this token be part of a person's name? A common word only as a surname ("Baker")."""
    if token in lx.CONNECTORS or token in lx.FUNCTION_WORDS or is_title(token):
        return token in lx.NAME_PARTICLES and not last
    if token in lx.MONTHS or token in lx.WEEKDAYS or token in lx.demonyms():
        return False
    if (token in lx.DEPARTMENT_WORDS or token in lx.org_words()[0]) and token not in lx.given_names():
        return False
    if INITIAL_RE.match(token) or token in SUFFIXES:
        return not last or token in SUFFIXES
    if INITIALS_RE.match(token):
        return not last and not lx.gazetteer().lookup(token)  # "W.A. Kistler", never "U.S."
    if token.isupper() and len(token) > 1:
        return False  # acronyms are organizations or places
    if token in lx.known_organizations():
        return False  # "told Reuters Kampelman": an agency is no part of a name
    if MIXED_CASE_RE.match(token):
        return False  # "BAe", "BSi": a company's styling, not a name
    if "-" in token and any(part in COMPOUND_PARTS for part in token.split("-")[1:]):
        return False  # "Ready-to-Serve", "Milwaukee-based"; "Lho Shin-yong" stays a name
    if last and token.endswith("s") and token.lower() in lx.common_words():
        return False  # "Cookies", "Banks": a plural noun ends a product or a group, not a name
    if token.lower() in lx.common_words() and token not in lx.given_names():
        return last
    return True


def without_title(name: str, sentence_start: bool = False,
                  lowercase: Container[str] = frozenset()) -> tuple[str, str]:
    """'Sen Mark Hatfield' -> ('Sen', 'Mark Hatfield'): title words, with or without their period,
    "-elect" titles and honorifics are no part of a person's name. At a sentence start, so is a
    capitalised role before a given name ("Promoter Frank Warren", "Defenceman Denis Zubarev").
    ``lowercase``: the words the article writes in lower case; an opening word among them is a rank
    or a position the article uses as a common noun ("Yokozuna Akebono" beside "the first yokozuna")."""
    words = name.split()
    head = 0
    while head < len(words) - 1 and (is_title(words[head]) or is_title(words[head] + ".")
                                     or words[head] in lx.HONORIFICS or words[head].endswith("-elect")
                                     or _common_noun(words[head], lowercase)):
        head += 1
    if (sentence_start and head == 0 and len(words) >= 3 and not _given(words[0])
            and words[1][:1].isupper()  # "Hennie le Roux": a particle is no given name ("Le" is one)
            and (_given(words[1]) or INITIAL_RE.match(words[1]) or INITIALS_RE.match(words[1]))):
        head = 1
    return " ".join(words[:head]), " ".join(words[head:])


def _common_noun(word: str, lowercase: Container[str]) -> bool:
    """A capitalised word the article also writes in lower case, and no given name nor common
    surname ("Park", "Young" open names and are words too)."""
    if word.lower() not in lowercase or _given(word):
        return False
    rank = lx.census_surnames().get(word.upper())
    return rank is None or rank > 5000


def _given(word: str) -> bool:
    return word in lx.given_names() or word.upper() in lx.census_first_names()


def name_tail(tokens: list[str]) -> list[str]:
    """The longest run of name-like tokens ending the run, at most four words."""
    tail: list[str] = []
    for token in reversed(tokens):
        is_last = all(t in SUFFIXES for t in tail)
        if len(tail) == 4 or not name_like(token, last=is_last):
            break
        tail.insert(0, token)
    # "Denis Bra Kanon": a common word inside a name, when a given name opens it.
    start = len(tokens) - len(tail)
    for i in range(start - 1, max(start - 3, -1), -1):
        if (tokens[i] in lx.given_names() or INITIAL_RE.match(tokens[i])) and all(
                t.lower() in lx.common_words() and t[0].isupper() and not is_title(t)
                and t not in lx.DEPARTMENT_WORDS for t in tokens[i + 1:start]):
            tail = tokens[i:]
            break
    while tail and tail[0] in lx.NAME_PARTICLES and tail[0] != "Abu":
        tail.pop(0)
    return tail[-5:]


def split_title(tokens: list[str]) -> tuple[str, list[str]] | None:
    """'U.S. Secretary of State John Kerry' -> ('Secretary of State', ['John', 'Kerry'])."""
    tail = name_tail(tokens)
    head = tokens[: len(tokens) - len(tail)]
    if not tail or not head or not any(is_title(t) for t in head):
        return None
    # "World Bank President Barber Conable": right after a title, a capitalised common word
    # ("Barber", "Rich") is a given name.
    while len(tail) < 4 and len(head) > 1 and not is_title(head[-1]) and is_title(head[-2]) \
            and head[-1].lower() in lx.common_words() and head[-1] not in lx.DEPARTMENT_WORDS \
            and head[-1] not in lx.org_words()[0] and head[-1] not in lx.FUNCTION_WORDS \
            and head[-1][0].isupper():
        tail = [head.pop(), *tail]
    if any(t in ("in", "at", "and", "on", "to") and not department_and(head, i) for i, t in enumerate(head)):
        return None  # a title never spans "in"/"and": two names were run together
    if head[-1] in lx.CONNECTORS:
        return None  # "Comptroller of the Currency": a title's complement, not a name
    if head[-1] in HALF_TITLES:
        return None  # "Prime Medical" is a company; "Prime" is a title only in "Prime Minister"
    last_title = max(i for i, t in enumerate(head) if is_title(t))
    if len(tail) == 1 and "of" in head[last_title:] and tail[0].lower() in lx.common_words():
        return None  # "Professor of Political Science"
    if len(tail) == 1 and all(t in WEAK_TITLES or not is_title(t) for t in head):
        return None  # "General Agreement", "General Agreeeement": a weak title needs a full name
    if len(tail) == 1 and lx.gazetteer().lookup(tail[0]) and not all(t in lx.HONORIFICS for t in head):
        # "Governor of the Bank of England": a place is no surname; after "Ms." or "Mr." alone it
        # is ("Ms. Clinton", "Mr. Washington"): nobody writes a courtesy title before a place
        return None
    if len(tail) == 1 and tail[0].lower() in lx.common_words() and all(
            t in WEAK_TITLES or not is_title(t) for t in head):
        return None  # "General Agreement": a weak title before a common word is no name
    role = _role(head)
    return role, tail


def department_and(head: list[str], i: int) -> bool:
    """'Secretary of Trade and Industry': an "and" between two department words after "of"."""
    return (head[i] == "and" and 1 < i < len(head) - 1 and "of" in head[:i]
            and head[i - 1] in lx.DEPARTMENT_WORDS and head[i + 1] in lx.DEPARTMENT_WORDS)


def _role(head: list[str]) -> str:
    """The title words, without a leading country or nationality and without Mr./Mrs."""
    demonyms = lx.demonyms()
    words = [t for t in head if t not in lx.HONORIFICS]
    while words and (words[0] in demonyms or words[0] in ("U.S.", "The") or lx.gazetteer().lookup(words[0])):
        words.pop(0)
    while words and words[-1] in lx.CONNECTORS:
        words.pop()
    return " ".join(words)


def looks_like_person(tokens: list[str]) -> bool:
    """A run that reads as a name without any cue: a known given name or an initial first."""
    if not 2 <= len(tokens) <= 4:
        return False
    last_core = len(tokens) - 2 if tokens[-1] in SUFFIXES else len(tokens) - 1
    if not all(name_like(t, last=i >= last_core) for i, t in enumerate(tokens)):
        return False
    if tokens[0] in lx.given_names():
        return True  # "James Baker"
    if len(tokens) == 3 and INITIAL_RE.match(tokens[1]):
        return True  # "Laurence A. Tisch": first name, middle initial, surname
    # "A. William Reynolds": an initial beside a given name. ("L.M. Ericsson" and "A.H. Robins" are
    # companies as often as people: initials alone need a cue.)
    return any(INITIAL_RE.match(t) for t in tokens[:-1]) and any(t in lx.given_names() for t in tokens)


def plausible_name(tokens: list[str], relaxed: bool = False) -> bool:
    """A run that can be a name when the context says it is one ("said X", a title).

    ``relaxed``: right after a lowercase role ("spokesman Rich Hall") a capitalised common word
    may be a given name."""
    if not 1 <= len(tokens) <= 4:
        return False
    if relaxed and len(tokens) > 1 and tokens[0].lower() in lx.common_words() and tokens[0][:1].isupper() \
            and tokens[0] not in lx.FUNCTION_WORDS and tokens[0] not in lx.DEPARTMENT_WORDS \
            and tokens[0] not in lx.org_words()[0] and not is_title(tokens[0]):
        tokens = tokens[1:]
    return all(name_like(t, last=i == len(tokens) - 1) for i, t in enumerate(tokens))


def core(name: str) -> list[str]:
    """The words of a name without "Jr."/"III"."""
    return [w for w in name.split() if w not in SUFFIXES]


def surname(name: str) -> str:
    """The last word, without "Jr." nor an Arabic article ("Ali al-Naimi" and "Naimi" are one man)."""
    words = [w for w in name.split() if w not in SUFFIXES]
    last = words[-1] if words else name
    # ARTICLE_RE needs its hyphen third or fourth: most surnames are told without running it.
    return ARTICLE_RE.sub("", last) if len(words) > 1 and "-" in last[2:4] else last


ARTICLE_RE = re.compile(r"^(?:al|el|ad|an|as|ash|at|ar|az)-(?=[A-Z])")


def unify(names: list[str]) -> dict[str, str]:
    """Map each person mention to the fullest name the article uses for that person.

    "Assad" joins "Bashar Assad"; "Paul Volcker" joins "Paul A. Volcker"; a surname shared by two
    full names ("James Baker", "Howard Baker") stays unresolved and maps to "" (dropped).
    """
    by_surname: dict[str, list[str]] = {}
    for name in names:
        by_surname.setdefault(surname(name), []).append(name)
    mapping: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}
    for name in names:
        if len(name.split()) > 1:
            firsts.setdefault(name.split()[0], set()).add(name)
    for name in names:
        # "Loh" after "Loh Hoon Sun": a surname written first, when no full name ends with it.
        if by_surname.get(name) == [name] and len(firsts.get(name, ())) == 1:
            by_surname.pop(name)
            mapping[name] = next(iter(firsts[name]))
    for group in by_surname.values():
        full = sorted({n for n in group if len(core(n)) > 1}, key=lambda n: (-len(n.split()), -len(n)))
        people: list[str] = []
        for name in full:
            if not any(_same_person(name, other) for other in people):
                people.append(name)
        for name in group:
            if len(core(name)) == 1:
                # "Noland III" joins the one full name with the same suffix; "Baker" the one Baker.
                suffix = set(name.split()) & SUFFIXES
                fits = [p for p in people if suffix <= set(p.split())]
                mapping[name] = fits[0] if len(fits) == 1 else ("" if people else name)
            else:
                mapping[name] = next((p for p in people if _same_person(name, p)), name)
    for name, longer in _particle_halves(names).items():
        mapping[name] = mapping.get(longer) or longer
    return mapping


def _particle_halves(names: list[str]) -> dict[str, str]:
    """'Von Wartenberg' opening a sentence after 'Ludolf Georg von Wartenberg', 'De Mel' after
    'Rodney De Mel': a surname led by its particle is the half of the one longer name it ends
    (case aside, since a sentence capitalises the particle); two such names leave it alone."""
    out: dict[str, str] = {}
    for name in names:
        words = name.split()
        if len(words) < 2 or words[0].lower() not in lx.NAME_PARTICLES:
            continue
        tail = " " + name.casefold()
        fits = [n for n in names if len(n.split()) > len(words) and n.casefold().endswith(tail)]
        if len(fits) == 1:
            out[name] = fits[0]
    return out


def _same_person(short: str, full: str) -> bool:
    """'Paul Volcker' and 'Paul A. Volcker': same first and last words."""
    a, b = short.split(), full.split()
    if (set(a) & SUFFIXES) and (set(b) & SUFFIXES) and (set(a) & SUFFIXES) != (set(b) & SUFFIXES):
        return False  # "Lloyd U. Noland Jr." and "Lloyd U. Noland III" are father and son
    return (a[0] == b[0] and surname(short) == surname(full)) or short == full
