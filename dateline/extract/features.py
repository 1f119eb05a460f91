"""Evidence about one candidate name, as the features the entity model weighs.

A feature is a template and its value, ``("p1", "said")``: the word before the run is "said"; a
flag's value is ``""``. The model keeps one weight table per template (``entity_model.json``). A
template is defined in one place, the function below that computes its value, by what it depends on,
and each function takes only the values its features are made of, so that the entity decision can
remember the score of each combination (``Perceptron.memo``) instead of making the features of
every candidate (training reads the same functions, through ``context_features``):

- ``name_features``: the name's words alone (shape, the word lists, the gazetteer, the census name
  lists), once per distinct name;
- ``run_features``: the text either side of the run (words, punctuation, shape, a pronoun after
  it, a bracket) and its sentence start, shared by every reading of one run, in three parts:
  ``before_features``, ``after_features`` and ``across_features`` (a few thousand values each over
  an archive, against one per run);
- ``reading_parts``: the rules' reading with the gazetteer class, where the run stands (prose, a
  table row, a list of names) and the desk: a few dozen combinations;
- ``reading_features``: the rest of this reading: the rules' reading beside the word either side
  (``side_features``), and what the article says about the same name (named again, its surname
  speaks, it opens an organization's name), read as plain values by ``reading_evidence`` and made
  into features by ``evidence_features``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from . import lexicon as lx
from . import organizations as orgs
from .people import is_title, surname

# The lookahead, which asks nothing the words do not, lets the engine skip most positions at once.
_PRONOUN_RE = re.compile(r"(?=[hsit])\b(he|she|his|her|him|it|its|they|their)\b", re.IGNORECASE)
# "(Norway)", "(U.S.)": what a results line puts after a competitor's name.
PAREN_RE = re.compile(r"^\s*\(([A-Z][A-Za-z. -]{1,30})\)")
Feature = tuple[str, str]  # (template, value)


# Score lines ("3-1", "6-4 7-5") and the vocabulary of match reports: in such copy a city's name
# is usually its club ("Barcelona beat Valencia"), which the model learns from the labelled desk copy.
# A digit first, so the engine skips ahead to digits; the lookbehind then checks the one before it.
SCORE_RE = re.compile(r"\d(?<![\d.:/-]\d)\d{0,2}-\d{1,3}(?![\d.:/-])")
# SCORE_RE counted from its hyphen: the same lines (one to three digits either side, no digit, stop,
# colon, slash or hyphen beyond them), found by the engine's fast search for a literal first character
# instead of trying every digit of a business story's figures.
_SCORE_DASH_RE = re.compile(r"-(?:(?<=(?<![\d.:/-])\d-)|(?<=(?<![\d.:/-])\d\d-)|(?<=(?<![\d.:/-])\d\d\d-))"
                            r"\d{1,3}(?![\d.:/-])")
SPORTS_WORDS = lx.words("""scored goal goals match matches league innings wickets striker midfielder
goalkeeper defender tournament seeded semifinal semi-final semifinals quarter-final quarter-finals halftime
half-time referee stadium squad scorers golf tennis soccer football rugby cricket basketball hockey
baseball athletics skiing cycling marathon olympic olympics medal medals tabulated fixtures tries
conversions rebounds assists bowled batting bowling pitcher inning homer slalom downhill podium
qualifier qualifiers kickoff kick-off substitute substitutes coach laps rider riders sprint standings
championship championships champions cup""")
# Words sports copy uses often but other copy too ("results", "points", "won"): they only add up.
SPORTS_WEAK_WORDS = lx.words("""beat beats score scores scoring season seasons race races lap final
finals draw drew drawn points played won lost victory defeat title results scorer minute minutes stage
overall leaders leading rank ranked seed wins losses pct player players team teams club clubs game games
par driver drivers division try captain opener penalty penalties round""")


# What a firm is said to have or do, right after its name ("Uber's shares", "VW's value", "Amazon
# said it"), and what is said of one just before it ("shares of Tesla", "a stake in Hoare Govett"):
# read on every mention, counted for the name, so one firm-like mention speaks for all of them.
FIRM_AFTER_RE = re.compile(r"^(?:'s|\u2019s)?\s+(?:shares?|stock|stake|units?|subsidiar(?:y|ies)|board|"
                           r"shareholders|stockholders|customers|products?|brands?|plants?|factor(?:y|ies)|"
                           r"stores?|outlets|profits?|earnings|revenues?|sales|market value|value|"
                           r"chief executive|ceo|founder|executives|employees|"
                           r"(?:said|says|announced|reported|posted|expects?) (?:it|its)\b)\b")
FIRM_BEFORE_RE = re.compile(r"\b(?:shares (?:of|in)|stake in|stock of|takeover of|acquisition of|bid for|"
                            r"merger with|owned by|rivals?|maker|giant|companies such as|firms such as)\s+$")


# What is said of a body rather than a person, a place or a market: its people and its officers
# ("a spokesman for Kestrava", "Hitachi's president", "Lufthansa officials"). A country has a
# president too, so this is weighed with the name's gazetteer class, never decided on.
BODY_AFTER_RE = re.compile(r"^(?:'s|\u2019s)?\s+(?:spokes(?:man|woman|person)|chairman|chairwoman|president|"
                           r"chief executive|managing director|directors?|board|management|officials?|"
                           r"executives?|members|headquarters|shareholders)\b")
BODY_BEFORE_RE = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|executives?|chairman|chairwoman|"
                            r"president|chief executive|director|head|members?|employees|workers|staff|"
                            r"leader|shareholders) (?:for|of|at|with)\s+(?:the\s+)?$")
# "Kestrava, the Dutch airline,": an appositive whose head is a kind of organization.
KIND_APPOSITIVE_RE = re.compile(r"^,\s+(?:the|a|an)\s+(?:[\w'-]+\s+){0,3}?(?:airline|carrier|company|firm|"
                                r"group|bank|maker|manufacturer|producer|agency|party|union|insurer|"
                                r"retailer|broker|brokerage|conglomerate|utility|operator|newspaper|daily|"
                                r"club|federation|association|organi[sz]ation|exchange|automaker|carmaker|"
                                r"giant|chain|concern|subsidiary|unit|parent|movement|alliance|council|"
                                r"committee|ministry|institute|foundation)s?\b")


@dataclass(slots=True)
class Candidate:
    """A name the rules read out of a run, with the context the model weighs."""

    kind: str  # the rules' reading: person, place, org, acronym, single, candidate or none
    name: str
    where: str  # prose, table, list
    before: str
    after: str
    sentence_start: bool
    role: str = ""
    cue: bool = False
    speaks: bool = False
    titled: bool = False
    part_of: int = -1  # index of the whole-run candidate this reading is a part of, if any
    parts: str = ""  # for a whole run: the kinds the rules read in it ("org+person")
    run: int = -1  # which run of the article it was read in: the readings of one run share its context


class LowercaseWords:
    r"""The words an article writes in lower case, as ``(?<![\w'.-])[a-z][a-z]+`` finds them, asked
    for one word at a time: an article asks about a few of its names, so each is sought in the text
    (str.find, in C) instead of every word of the text being collected first."""

    __slots__ = ("_known", "_text")

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = self._written(word)
        return found

    def _written(self, word: str) -> bool:
        """``word`` stands alone in the text: no word character, apostrophe, stop or hyphen before
        it, no lowercase letter after it."""
        if len(word) < 2 or not (word.isascii() and word.isalpha() and word.islower()):
            return False
        text, n = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + n:at + n + 1]
            if not (before.isalnum() or before in "_'.-") and not ("a" <= after <= "z" and after):
                return True
            at = text.find(word, at + 1)
        return False


@dataclass
class ArticleEvidence:
    """What the whole article says about its names, for every candidate in it."""

    counts: dict[str, int] = field(default_factory=dict)
    person_surnames: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    org_words: set[str] = field(default_factory=set)
    dateline: set[str] = field(default_factory=set)
    lowercase: LowercaseWords = field(default_factory=LowercaseWords)
    desk: str = "news"  # "sports" when the copy reads as results and match reports
    singles: set[str] = field(default_factory=set)  # one-word names: "Berg" after "Henning Berg"
    initials: set[str] = field(default_factory=set)  # of its longer names: "ICC" is spelled out
    tails: set[str] = field(default_factory=set)  # its longer names' last words: "Larsen" of "Henrik Larsen"
    firm_said: dict[str, int] = field(default_factory=dict)  # name -> its mentions in a firm's context
    org_openers: set[str] = field(default_factory=set)  # "Hoare Govett" of "Hoare Govett Ltd"
    listed: dict[str, set[str]] = field(default_factory=dict)  # name -> its list neighbours' readings
    body_said: dict[str, int] = field(default_factory=dict)  # name -> its mentions with a body's officers
    kind_said: set[str] = field(default_factory=set)  # names an appositive calls a kind of body
    determined: set[str] = field(default_factory=set)  # names "the" stands before on some mention


def article_evidence(candidates: list[Candidate], dateline: list[str], text: str) -> ArticleEvidence:
    ev = ArticleEvidence(dateline=set(dateline))
    counts, openers = ev.counts, ev.org_openers
    for c in candidates:
        counts[c.name] = counts.get(c.name, 0) + 1
        if c.kind == "segment":  # a segment is weighed, not evidence about the article's other names
            continue
        words = c.name.split()
        if c.kind == "person" and len(words) > 1:
            # "Rashidi" after "Omar al-Rashidi": the surname without its Arabic article too
            ev.person_surnames.update({words[-1], surname(c.name)})
        elif c.kind == "single" and c.speaks:
            ev.speakers.add(c.name)
        elif c.kind == "org" and len(words) > 1:
            ev.org_words.update(words)
        if len(words) == 1:
            ev.singles.add(c.name)
        else:
            ev.initials.add(orgs.initials(c.name))
            ev.tails.add(words[-1])
            if c.kind == "org" or words[-1] in lx.CORPORATE_SUFFIXES:
                name, at = c.name, c.name.find(" ")
                while at > 0:  # every opening of the name's words, cut at its spaces
                    openers.add(name[:at])
                    at = name.find(" ", at + 1)
        if _firm_context(c.before, c.after):
            ev.firm_said[c.name] = ev.firm_said.get(c.name, 0) + 1
        if _body_context(c.before, c.after):
            ev.body_said[c.name] = ev.body_said.get(c.name, 0) + 1
        if c.after[:1] == "," and KIND_APPOSITIVE_RE.match(c.after):
            ev.kind_said.add(c.name)
        if c.before[-4:] in _DETERMINED:
            ev.determined.add(c.name)
    ev.listed = _list_neighbours(candidates)
    ev.lowercase = LowercaseWords(text)
    ev.desk = desk(text)
    return ev


_LIST_JOINERS = (", ", " and ", ", and ", " or ", " & ")


def _list_neighbours(candidates: list[Candidate]) -> dict[str, set[str]]:
    """For each name written in a list ("NEC, Hitachi and Fujitsu", "Lufthansa and British Airways"),
    the rules' readings of the names beside it: the names of one list are mostly of one kind, so a
    lone word with no cue of its own takes evidence from a neighbour the rules could read."""
    listed: dict[str, set[str]] = {}
    previous: Candidate | None = None
    for c in candidates:
        if c.kind in ("whole", "segment"):
            continue
        if previous is not None and _listed_together(previous, c, candidates):
            listed.setdefault(previous.name, set()).add(c.kind)
            listed.setdefault(c.name, set()).add(previous.kind)
        previous = c
    return listed


def _listed_together(a: Candidate, b: Candidate, candidates: list[Candidate]) -> bool:
    """``b`` follows ``a`` in a list: across runs, a comma or a joining word between them; inside
    one run the rules split at "and", the run's text has them side by side."""
    if a.run == b.run and a.run >= 0:
        if a.part_of < 0 or a.part_of != b.part_of:
            return False
        whole = candidates[a.part_of].name
        return f"{a.name} and {b.name}" in whole or f"{a.name} & {b.name}" in whole
    after = a.after
    if after[:1] not in (",", " ") or after[1:2] not in (" ", "a", "o", "&"):
        return False  # most names: no list goes on after them (told before any joiner is tried)
    first = b.name.split(" ", 1)[0]
    return any(after.startswith(j) and after[len(j):].startswith(first) for j in _LIST_JOINERS)


def desk(text: str) -> str:
    """"sports" when the copy reads as results and match reports: two of the strong words, or one
    of them or two score lines with three of the weak words; else "news". Each count is taken only
    when the verdict needs it (most copy has no strong word, and then no two score lines)."""
    vocabulary = set(_VOCABULARY_RE.findall(text.lower()))
    strong = len(vocabulary & SPORTS_WORDS)
    if strong >= 2:
        return "sports"
    if not strong and len(_SCORE_DASH_RE.findall(text)) < 2:
        return "news"
    return "sports" if len(vocabulary & SPORTS_WEAK_WORDS) >= 3 else "news"


_VOCABULARY_RE = re.compile(r"[a-z][a-z-]+")


def _firm_context(before: str, after: str) -> bool:
    """A firm's context either side of a mention (``FIRM_AFTER_RE``, ``FIRM_BEFORE_RE``). Most
    mentions are told by the one word either side, looked up before either expression runs."""
    start = 3 if after[:2] in ("'s", "\u2019s") else 1
    if after[start - 1:start] == " ":
        word = _LOWER_WORD_RE.match(after, start)
        if word and word.group() in _FIRM_NEXT and FIRM_AFTER_RE.match(after):
            return True
    if before[-1:] != " ":
        return False
    last = before[before.rfind(" ", 0, len(before) - 1) + 1:-1].rsplit("-", 1)[-1]  # "glass-maker"
    return last in _FIRM_LAST and bool(FIRM_BEFORE_RE.search(before))


def _body_context(before: str, after: str) -> bool:
    """A body's officers either side of a mention (``BODY_AFTER_RE``, ``BODY_BEFORE_RE``), told
    first by the one word either side, as ``_firm_context`` is."""
    start = 3 if after[:2] in ("'s", "\u2019s") else 1
    if after[start - 1:start] == " ":
        word = _LOWER_WORD_RE.match(after, start)
        if word and word.group() in _BODY_NEXT and BODY_AFTER_RE.match(after):
            return True
    if before[-1:] != " ":
        return False
    last = before[before.rfind(" ", 0, len(before) - 1) + 1:-1]
    return last in _BODY_LAST and bool(BODY_BEFORE_RE.search(before[-60:]))


_BODY_NEXT = lx.words("""spokesman spokeswoman spokesperson chairman chairwoman president chief managing
director directors board management official officials executive executives members headquarters
shareholders""")
_BODY_LAST = frozenset({"for", "of", "at", "with", "the"})


# The words either side that can open FIRM_AFTER_RE or close FIRM_BEFORE_RE.
_FIRM_NEXT = lx.words("""share shares stock stake unit units subsidiary subsidiaries board shareholders
stockholders customers product products brand brands plant plants factory factories store stores outlets
profit profits earnings revenue revenues sales market value chief ceo founder executives employees said
says announced reported posted expect expects""")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_FIRM_LAST = frozenset({"of", "in", "for", "with", "by", "rival", "rivals", "maker", "giant", "as"})


def _bucket(rank: int | None, cuts: tuple[int, ...]) -> str:
    if rank is None:
        return "no"
    for cut in cuts:
        if rank <= cut:
            return str(cut)
    return "rare"


_SHAPE = str.maketrans({**dict.fromkeys(string.ascii_uppercase, "X"),
                        **dict.fromkeys(string.ascii_lowercase, "x"), **dict.fromkeys(string.digits, "d")})
_REPEAT_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 15)  # names share their words: each word's shape is worked out once
def _shape(token: str) -> str:
    """'McDonald' -> 'XxXx', 'U.S.' -> 'X.X.', '1996' -> 'dd': letters and digits by class, runs
    of one class shortened to two."""
    return _REPEAT_RE.sub(_first_two, token.translate(_SHAPE))


def _first_two(run: re.Match[str]) -> str:
    """A run of one character as two of it: a function, since a template (r"\1\1") is expanded in
    Python for every match."""
    return run.group()[:2]


# "the BBC", "the Greens", "the Treasury": a person's name takes no article, a body's often does.
_DETERMINED = frozenset({"the ", "The "})


@lru_cache(maxsize=1 << 16)
def gazetteer_class(name: str) -> str:
    found = lx.gazetteer().lookup(name)
    if not found:
        return "no"
    canonical, country = found
    if canonical in lx.gazetteer().countries:
        return "country"
    return "region" if not country else "city"


def name_features(name: str) -> list[Feature]:
    """What the name's own words say (computed once per distinct name: the model remembers their
    score, see ``Perceptron.memo``)."""
    tokens = name.split()
    first, last = tokens[0], tokens[-1]
    n = len(tokens)
    cf0 = _bucket(lx.census_first_names().get(first.upper()), (200, 1000, 3000))
    f = [("n", str(min(n, 4))), ("shape0", _shape(first)), ("shapeL", _shape(last)),
         ("w0", first.lower()), ("wL", last.lower()), ("suf", last[-3:].lower()),
         ("gaz", gazetteer_class(name)), ("gaz0", gazetteer_class(first))]
    if n > 1:
        f.append(("gazL", gazetteer_class(last)))
        f.extend(("w", t.lower()) for t in tokens[1:-1])
    if orgs.known(name):
        f.append(("known_org", ""))
    if first in lx.given_names():
        f.append(("given0", ""))
    family = _bucket(lx.census_surnames().get(last.upper()), (500, 5000, 30000))
    f.append(("cf0", cf0))
    f.append(("csL", family))
    if n == 1:
        # A lone word by every list at once: a surname and no place ("Larsen"), a place, or a word no
        # list knows and no dictionary writes in lower case ("Uber", "Citicorp": a firm's coinage).
        common = name.lower() in lx.common_words()
        f.append(("single_lists", f"{cf0}|{family}|{gazetteer_class(name)}|{common}"))
    if n > 1:
        # "Merrill Lynch", "Morgan Stanley": a firm named for two surnames opens with a surname
        cs0 = _bucket(lx.census_surnames().get(first.upper()), (500, 5000, 30000))
        f.append(("cs0", cs0))
        f.append(("cf0|cs0", f"{cf0}|{cs0}"))
        surnames = lx.census_surnames()
        if all(t.upper() in surnames for t in tokens):
            f.append(("all_surnames", ""))  # "Smith Barney", "Dean Witter": a firm named for its founders
    if last.lower() in lx.common_words():
        f.append(("commonL", ""))
    if first.lower() in lx.common_words():
        f.append(("common0", ""))
    if last in lx.CORPORATE_SUFFIXES:
        f.append(("corp_suffix", ""))
    elif any(t in lx.CORPORATE_SUFFIXES for t in tokens[1:-1]):
        f.append(("suffix_inside", ""))  # "Iowa Beef Processors Inc Dakota City": a company, then more
    kinds, heads = lx.org_words()
    if any(t in kinds for t in tokens):
        f.append(("org_kind_word", ""))
    if first in heads:
        f.append(("org_head0", ""))
    if n > 1:
        # Where the head noun stands: last in English ("Finance Ministry", "Queen Elizabeth
        # College"), first in French or German word order ("Banque Paribas", "Bank Hapoalim").
        if last in kinds:
            f.append(("kindL", ""))
        elif first in kinds:
            f.append(("kind0", ""))
        # A two-word name's given-name and surname ranks with its gazetteer class: a person's
        # name needs no cue when its words are a given name and a surname and no place.
        if n == 2:
            f.append(("cf0|csL|gaz", f"{cf0}|{family}|{gazetteer_class(name)}"))
    if any(is_title(t) for t in tokens):
        f.append(("title_inside", ""))
    if first in lx.demonyms():
        f.append(("demonym0", ""))
    # A joining word ("Kerry and Lavrov", "Bank of Japan") is not a name particle ("Hennie le Roux",
    # "Ludwig van Beethoven"): one feature for both let runs joined by "and" teach that particles
    # mean no person.
    inside = tokens[1:-1]
    if any(t in lx.CONNECTORS and t not in lx.NAME_PARTICLES for t in inside):
        f.append(("connector_inside", ""))
        if "and" in inside or "&" in inside:
            f.append(("and_tail", _and_tail(tokens)))
    if any(t in lx.NAME_PARTICLES for t in inside):
        f.append(("particle_inside", ""))
    if orgs.is_acronym(name):
        f.append(("acronym", ""))
    if first in lx.MONTHS or first in lx.WEEKDAYS:
        f.append(("calendar0", ""))
    if n == 1 and len(name) <= 3:
        f.append(("short_single", ""))
    if any(t.endswith(("'s", "\u2019s")) for t in tokens[:-1]):
        f.append(("possessive_inside", ""))  # "Britain's Tate": two names, never one person
    if n > 1 and gazetteer_class(last) == "country":
        f.append(("ends_in_country", ""))
    return f


def _and_tail(tokens: list[str]) -> str:
    """What follows a name's last "and": only suffixes ("Carden Hobbs and Co Inc", a firm named for
    its partners), or so many words ending in a suffix or not ("Procter and Gamble Co", "Kerry and
    Lavrov"). One "and" feature for all taught the model that a partnership's name is no name
    when the pool's "X and Y" were mostly two bodies."""
    last = max(i for i, t in enumerate(tokens) if t in ("and", "&"))
    tail = tokens[last + 1:]
    if all(t in lx.CORPORATE_SUFFIXES for t in tail):
        return "suffixes"
    return f"{min(len(tail), 3)}|{tail[-1] in lx.CORPORATE_SUFFIXES}"


class _Symbols(dict[str, str]):
    """A token's shape symbol by its first character (digit "#", capital "N", letter "w", else the
    character itself), worked out the first time a character is met: a dict lookup after that."""

    def __missing__(self, c: str) -> str:
        symbol = self[c] = "#" if c.isdigit() else "N" if c.isupper() else "w" if c.isalpha() else c
        return symbol


_SYMBOLS = _Symbols()


class _Words(dict[str, str]):
    """A context word as a feature (numbers and capitalised words by kind, others as written),
    remembered per token: words repeat around runs. Cleared when it grows past ``_WORDS_MAX``."""

    def __missing__(self, token: str) -> str:
        if len(self) > _WORDS_MAX:
            self.clear()
        c = token[0]
        word = self[token] = "<num>" if c.isdigit() else token.lower() if c.islower() else "<Cap>"
        return word


_WORDS_MAX = 1 << 15
_WORD_OF = _Words()


# Most runs' text either side is their own (two in three before a run, four in five after it), so
# these keep only the common ones ("", "'s", " said."): a bigger cache costs more than it saves.
@lru_cache(maxsize=1 << 12)
def before_context(text: str) -> tuple[str, str, str, str]:
    """The two words nearest a run before it (numbers and capitalised words by kind), the
    punctuation touching it, and the shape of the two tokens before it ('2 (Etxeberria' -> '#(':
    a score line, a standings row, a line-up)."""
    tokens = _SYMBOL_RE.findall(text)
    stripped = text.rstrip()
    touching = stripped[-1] if stripped and not stripped[-1].isalnum() else ""
    shape = "".join([_SYMBOLS[t[0]] for t in tokens[-2:]])
    first, second = _nearest_words(reversed(tokens), "<start>")
    return first, second, touching, shape


def _nearest_words(tokens: Iterable[str], edge: str) -> tuple[str, str]:
    """The first two words of ``tokens`` as the model reads them (``edge`` for each missing),
    without looking at the rest."""
    first = second = edge
    for t in tokens:
        if t[0].isalnum():
            if first == edge:
                first = _WORD_OF[t]
            else:
                second = _WORD_OF[t]
                break
    return first, second


@lru_cache(maxsize=1 << 12)
def after_context(text: str) -> tuple[str, str, str, str, str, str]:
    """As ``before_context``, after a run (the shape of the three tokens after it, '34,' -> '#,'), with the
    pronoun that follows it (people are "he"/"she", companies "it") and the gazetteer class of a
    bracket after it ("(Norway)": a competitor's country)."""
    tokens = _SYMBOL_RE.findall(text)
    stripped = text.lstrip()
    touching = stripped[0] if stripped and not stripped[0].isalnum() else ""
    shape = "".join([_SYMBOLS[t[0]] for t in tokens[:3]])
    first, second = _nearest_words(tokens, "<end>")
    pronoun = _PRONOUN_RE.search(text)
    paren = PAREN_RE.match(text) if "(" in text else None  # most contexts have no bracket
    return (first, second, touching, shape, pronoun.group(1).lower() if pronoun else "",
            gazetteer_class(paren.group(1).strip()) if paren else "")


class RunContext(NamedTuple):
    """What the text around one run says, the same for every reading of it (``before_context``,
    ``after_context``): what training reads (``context_features``)."""

    p1: str
    p2: str
    pp: str
    before: str
    n1: str
    n2: str
    np: str
    after: str
    pronoun: str
    paren: str
    sentence_start: bool


def run_context(c: Candidate) -> RunContext:
    """The run ``c`` is a reading of (every reading of a run shares its text either side and its
    sentence start), worked out once per run."""
    return RunContext(*before_context(c.before), *after_context(c.after), c.sentence_start)


def before_features(p1: str, p2: str, pp: str, before: str) -> list[Feature]:
    """What the text before a run says: the two words nearest it, the punctuation touching it, the
    shape of the nearest tokens. Its own function so that the model can remember the score of each
    combination (``Perceptron.memo``): a few thousand over an archive, against one per run."""
    return [("p1", p1), ("pp", pp), ("p21", f"{p2}|{p1}"), ("before", before)]


def after_features(n1: str, n2: str, np: str, after: str, pronoun: str, paren: str) -> list[Feature]:
    """What the text after a run says, as ``before_features``: the two words nearest it, the
    punctuation touching it, the shape, a pronoun or a bracket after it."""
    f = [("n1", n1), ("np", np), ("n12", f"{n1}|{n2}"), ("after", after)]
    if pronoun:
        f.append(("pron", pronoun))
    if paren:
        f.append(("paren", paren))
    return f


def across_features(pp: str, n1: str, sentence_start: bool) -> list[Feature]:
    """What spans both sides of a run: the punctuation before it with the word after, its sentence start."""
    f = [("pp|n1", f"{pp}|{n1}")]
    if sentence_start:
        f.append(("sent0", ""))
    return f


def run_features(run: RunContext) -> list[Feature]:
    """What the text around a run says: the words nearest it, the punctuation touching it, the
    shape either side, a pronoun or a bracket after it, its sentence start."""
    return [*before_features(run.p1, run.p2, run.pp, run.before),
            *after_features(run.n1, run.n2, run.np, run.after, run.pronoun, run.paren),
            *across_features(run.pp, run.n1, run.sentence_start)]


def reading_key(c: Candidate, ev: ArticleEvidence) -> tuple[str, str, str, str, bool]:
    """What ``reading_parts`` reads of a candidate: a few dozen combinations over an archive."""
    return c.kind, gazetteer_class(c.name), c.where, ev.desk, " " not in c.name


def reading_parts(kind: str, gaz: str, where: str, desk: str, single: bool) -> list[Feature]:
    """The rules' reading and the name's gazetteer class, by where the run stands and the desk
    (the model remembers the score of each combination, see ``Perceptron.memo``)."""
    return [("rule", kind), ("where", where), ("rule|where", f"{kind}|{where}"),
            ("gaz|where", f"{gaz}|{where}"), ("single|where", f"{single}|{where}"),
            ("desk|gaz", f"{desk}|{gaz}"), ("desk|rule|where", f"{desk}|{kind}|{where}"),
            ("desk|gaz|where", f"{desk}|{gaz}|{where}")]


def side_features(side: str, kind: str, word: str, sports_gaz: str | None) -> list[Feature]:
    """The rules' reading beside the word nearest the run on one side (``side`` "p1" or "n1"), and in
    sports copy (``sports_gaz`` not None) the name's gazetteer class beside it (see ``team_features``):
    remembered per combination, as ``before_features``."""
    f = [(f"rule|{side}", f"{kind}|{word}")]
    if sports_gaz is not None:
        f.append((f"sports|gaz|{side}", f"{sports_gaz}|{word}"))
    return f


class ReadingEvidence(NamedTuple):
    """What one reading's features are made of, but the words either side (``side_features``): the
    cues the rules saw and what the article says about the same name, as plain values. Over an
    archive few combinations recur, so the model remembers the score of each (``Perceptron.memo``
    over ``evidence_features``) instead of making a dozen features a candidate."""

    kind: str
    where: str
    gaz: str
    cue: bool
    speaks: bool
    titled: bool
    role: bool
    part: bool
    parts: str
    mentions: int  # of the name in the article, 3 for three or more
    single: bool
    alone: bool  # a single word that no person's name ends in and that never speaks
    surname_of_person: bool
    speaker: bool
    in_org_name: bool
    lowercase_elsewhere: bool
    last_alone_elsewhere: bool
    first_alone_elsewhere: bool
    dateline: bool
    listed_with: tuple[str, ...]  # the rules' readings of its list neighbours, sorted
    firm_context: int  # mentions in a firm's context, 2 for two or more
    opens_org: bool
    body_context: int  # mentions beside a body's officers, 2 for two or more
    kind_appositive: bool
    determined: str  # "" or the name's shape ("acronym", "True", "False") when "the" stands before it
    spelled_out: bool
    paren_initials: bool
    sports: bool
    bracketed: bool
    row_head: bool
    tail_of_longer: bool


def reading_evidence(c: Candidate, ev: ArticleEvidence) -> tuple[Any, ...]:
    """The values ``evidence_features`` turns into features, read off the candidate and the article:
    the fields of ``ReadingEvidence`` in order, as a plain tuple (a NamedTuple is made in Python, at
    some twenty times the cost; it is made only where the features are)."""
    kind, name = c.kind, c.name
    single = " " not in name
    surname_of = speaker = in_org = lowercase = last_alone = first_alone = False
    if single:
        surname_of, speaker = name in ev.person_surnames, name in ev.speakers
        in_org, lowercase = name in ev.org_words, name.lower() in ev.lowercase
    else:
        words = name.split()
        last_alone, first_alone = words[-1] in ev.singles, words[0] in ev.singles
    listed = ev.listed.get(name)
    determined = ""
    if name in ev.determined:
        determined = "acronym" if single and orgs.is_acronym(name) else str(single)
    spelled_out = single and name in ev.initials and orgs.is_acronym(name)
    paren_initials = False
    if not single and c.after[:2] == " (":
        paren = PAREN_RE.match(c.after)
        paren_initials = bool(paren and paren.group(1).replace(".", "") == orgs.initials(name))
    sports = ev.desk == "sports"
    return (
        kind, c.where, gazetteer_class(name), c.cue, c.speaks, c.titled, bool(c.role), c.part_of >= 0,
        c.parts, min(ev.counts.get(name, 0), 3), single, single and not surname_of and not speaker,
        surname_of, speaker, in_org, lowercase, last_alone, first_alone, name in ev.dateline,
        tuple(sorted(listed)) if listed else (), min(ev.firm_said.get(name, 0), 2), name in ev.org_openers,
        min(ev.body_said.get(name, 0), 2), name in ev.kind_said, determined, spelled_out, paren_initials,
        sports, sports and c.before.rstrip().endswith("("),
        sports and c.where != "prose" and not any(ch.isalpha() for ch in c.before),
        sports and single and name in ev.tails)


def evidence_features(values: tuple[Any, ...]) -> list[Feature]:
    """A reading's own features but the words either side (``values``: ``reading_evidence``): the
    cues the rules saw, and what the rest of the article says about the same name (named again, its
    surname speaks, it opens an organization's name), with sports copy's evidence (``team_features``)."""
    r = ReadingEvidence._make(values)
    kind, where, single = r.kind, r.where, r.single
    f: list[Feature] = []
    if r.cue:
        f.append(("cue", ""))
    if r.speaks:
        f.append(("speaks", ""))
    if r.titled:
        f.append(("titled", ""))
    if r.role:
        f.append(("role", ""))
    if r.part:
        f.append(("part", ""))
    if r.parts:
        f.append(("parts", r.parts))
    f.append(("count", str(r.mentions)))
    if single:
        f.append(("lone|where", f"{r.alone}|{where}"))  # a surname with no full name nor speech
        if r.surname_of_person:
            f.append(("surname_of_person", ""))
        if r.speaker:
            f.append(("speaker", ""))
        if r.in_org_name:
            f.append(("in_org_name", ""))
        if r.lowercase_elsewhere:
            f.append(("lowercase_elsewhere", ""))
    else:
        if r.last_alone_elsewhere:
            f.append(("last_alone_elsewhere", ""))
        if r.first_alone_elsewhere:
            f.append(("first_alone_elsewhere", ""))
    if r.dateline:
        f.append(("dateline", ""))
    f.extend(("listed_with", f"{kind}|{k}") for k in r.listed_with)
    # What the article says of the same name elsewhere: a firm's context, or a longer firm's name
    # it opens ("Hoare Govett" beside "Hoare Govett Ltd"), each weighed by the reading it meets.
    if r.firm_context:
        f.append(("firm_context", f"{kind}|{r.firm_context}"))
    if r.opens_org:
        f.append(("opens_org", f"{kind}|{single}"))
    # A body's officers or an appositive's kind of body on any mention, weighed against the
    # gazetteer's reading ("Hitachi's president" beside the city of Hitachi).
    if r.body_context:
        f.append(("body_context", f"{kind}|{r.body_context}"))
        f.append(("body_context|gaz", f"{r.gaz}|{single}"))
    if r.kind_appositive:
        f.append(("kind_appositive", kind))
        f.append(("kind_appositive|gaz", r.gaz))
    if r.determined:
        # On any mention, weighed with the name's shape and gazetteer class: "the Netherlands" is
        # a place, "the ECB" and "the Greens" bodies; one mention's "p1" alone cannot say so of all.
        f.append(("determined", f"{r.determined}|{r.gaz}"))
    if r.spelled_out:
        f.append(("spelled_out", ""))  # "ICC" beside "International Criminal Court": a body's short form
    elif r.paren_initials:
        f.append(("paren_initials", ""))  # "Farm Credit Administration (FCA)": a body gives its short form
    if r.sports:
        f.extend(team_features(r))
    return f


def team_features(r: ReadingEvidence) -> list[Feature]:
    """Sports copy's evidence, weighed with the name's gazetteer class: a city beside a score or after
    "beat" is its club in a sports story and the place in a news one ("Valencia beat Sevilla 2-1",
    the words either side: ``side_features``); a name in brackets after another is a competitor's
    country or club ("(Norway)", "(VfB Stuttgart)"); a name that opens its table row or line-up
    stands where that row puts its competitor; a surname alone that ends a longer name of the
    article is that name's ("Larsen 22, 51" beside "Henrik Larsen"), whatever the rules read the
    longer name as. Only in sports copy: in other copy these, fired for every name, cost more than
    they told (cross-validated, dev organizations F1 0.912 -> 0.867 and train-1987 0.840 -> 0.831
    with them in every desk)."""
    f = []
    if r.bracketed:
        f.append(("sports|bracketed|gaz", r.gaz))
    if r.row_head:
        f.append(("sports|row_head|where|gaz", f"{r.where}|{r.gaz}"))
    if r.tail_of_longer:
        f.append(("sports|tail_of_longer|gaz", r.gaz))
    return f


def sports_gaz(c: Candidate, ev: ArticleEvidence) -> str | None:
    """The name's gazetteer class in sports copy, None in other copy (``side_features``)."""
    return gazetteer_class(c.name) if ev.desk == "sports" else None


def reading_features(c: Candidate, run: RunContext, ev: ArticleEvidence) -> list[Feature]:
    """This reading's own features: the rules' reading beside the words around the run, the cues
    the rules saw, and what the rest of the article says about the same name."""
    gaz = sports_gaz(c, ev)
    return [*side_features("n1", c.kind, run.n1, gaz), *side_features("p1", c.kind, run.p1, gaz),
            *evidence_features(reading_evidence(c, ev))]


def context_features(c: Candidate, ev: ArticleEvidence) -> list[Feature]:
    """Every feature of a candidate but its name's: what training reads (the entity decision weighs
    the same parts, each remembered or computed once per run)."""
    run = run_context(c)
    return [*run_features(run),
            *reading_parts(*reading_key(c, ev)), *reading_features(c, run, ev)]


_SYMBOL_RE = re.compile(r"\d[\d.,:/-]*|[A-Z\u00c0-\u00de][\w'.-]*|[a-z][\w'-]*|[^\s\w]")


