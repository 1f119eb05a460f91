"""Tags: browsable topics from a fixed vocabulary of cues, normalised so near-duplicates never coexist."""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from functools import lru_cache

from ..article import Seed
from ..config import ExtractSettings
from . import lexicon as lx
from .headline import table_kind, table_rows

MIN_TAGS = 3




@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], dict[str, str], tuple[int, ...], frozenset[str]]:
    """(word or phrase -> tag, word prefix -> tag, prefix lengths, first words of phrases).

    Words are counted once per distinct word and looked up in dicts; phrases are looked up only
    where their first word occurs. Ten times faster than one big regex, and the whole archive is
    read on every cold build.
    """
    exact: dict[str, str] = {}
    prefix: dict[str, str] = {}
    phrases: list[str] = []
    for line in lx._lines("tags.txt"):
        tag, _, cues = line.partition(":")
        for cue in (c.strip() for c in cues.split(",") if c.strip()):
            if cue.endswith("*") and " " in cue.strip():
                # "stock exchange*": a phrase matches as written and in its plural
                for form in (cue[:-1], cue[:-1] + "s"):
                    exact.setdefault(_phrase_key(form), tag.strip())
                    phrases.append(_phrase_key(form))
            elif cue.endswith("*"):
                prefix.setdefault(cue[:-1], tag.strip())
            elif len(_phrase_key(cue).split()) > 1:
                key = _phrase_key(cue)
                exact.setdefault(key, tag.strip())
                phrases.append(key)
            else:
                exact.setdefault(_phrase_key(cue), tag.strip())
    firsts = frozenset(p.split()[0] for p in phrases)
    return exact, prefix, tuple(sorted({len(p) for p in prefix})), firsts


def _phrase_key(text: str) -> str:
    return " ".join(text.lower().translate(_PUNCT_TO_SPACE).split())


@lru_cache(maxsize=1 << 16)
def _word_tag(word: str) -> str:
    """The tag one word signals, "" for none (cached: the archive's vocabulary repeats)."""
    exact, prefix, lengths, _ = _cues()
    tag = exact.get(word)
    if tag is None:
        for n in lengths:
            if n > len(word):
                break
            tag = prefix.get(word[:n])
            if tag:
                break
    return tag or ""


# Every word met so far -> its tag ("" for none), and the words that have one: the archive's
# vocabulary repeats, so after the first articles a word is looked up in C (set operations), not in
# a Python loop over every distinct word.
_MEMO: dict[str, str] = {}
_TAGGED: set[str] = set()


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, tuple[tuple[str, str], ...]]:
    """First word -> ((" phrase ", tag), ...), for counting phrases in the space-joined words."""
    exact = _cues()[0]
    out: dict[str, list[tuple[str, str]]] = {}
    for phrase, tag in exact.items():
        if " " in phrase:
            out.setdefault(phrase.split()[0], []).append((f" {phrase} ", tag))
    return {k: tuple(v) for k, v in out.items()}


def _count(text: str, scores: dict[str, float], weight: float) -> None:
    words = text.lower().translate(_PUNCT_TO_SPACE).split()
    if len(_MEMO) > 1 << 18:
        _MEMO.clear()
        _TAGGED.clear()
    seen = set(words)
    for word in seen.difference(_MEMO):  # a set minus a dict: only the set is walked
        tag = _MEMO[word] = _word_tag(word)
        if tag:
            _TAGGED.add(word)
    # In order of first use, so that ties rank as the text orders them.
    for word in sorted(seen.intersection(_TAGGED), key=words.index):
        tag = _MEMO[word]
        scores[tag] = scores.get(tag, 0.0) + words.count(word) * weight
    # Phrases: looked for only when one of their first words stands in the text.
    by_first = _phrases_by_first()
    present = seen.intersection(by_first)
    if present:
        joined = f" {' '.join(words)} "
        hits = []
        for first in present:
            for phrase, tag in by_first[first]:
                at = joined.find(phrase)
                if at >= 0:
                    hits.append((at, tag, joined.count(phrase)))
        for _, tag, n in sorted(hits):
            scores[tag] = scores.get(tag, 0.0) + n * weight


# Punctuation becomes a space, so "cease-fire," and "cease fire" split alike.
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in string.punctuation + "\u2019\u201c\u201d"})


@lru_cache(maxsize=4096)
def tag_key(tag: str) -> str:
    """The form two spellings of one tag share: 'cease-fire', 'ceasefire', 'Cease Fire' -> 'ceasefire'."""
    return re.sub(r"[^a-z0-9]", "", tag.lower())


GOVERNMENT_BODIES = frozenset({"Department", "Ministry", "Treasury", "Government", "Senate", "Congress",
                               "Parliament",
                               "Cabinet", "Commission", "Fed", "Reserve", "Bundesbank", "Diet"})
GOVERNMENT_ROLES = ("President", "Minister", "Secretary", "Chancellor", "Premier", "Sen.", "Senator", "Rep.",
                    "Gov.", "Governor", "King", "Ambassador", "Mayor")


def tags(seed: Seed, places: list[str], settings: ExtractSettings,
         organizations: Sequence[str] = (), roles: dict[str, str] | None = None) -> list[str]:
    """3 to ``settings.max_tags`` topics: cue words counted, the lead counting double.

    A thin article (few topic cues) is filled up to three with topics named once, its companies'
    industries, the kind of news (company news, government) and broader topics (grain ->
    commodities). Never with a place name: places are browsed on their own pages. A bare results
    table with no company name may keep fewer than three.
    """
    scores: dict[str, float] = {}
    if seed.paragraphs:
        _count(seed.paragraphs[0], scores, 2.0)
        _count("\n".join(seed.paragraphs[1:]), scores, 1.0)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    table = _table_tags(seed)
    if not table and ranked and ranked[0][0] == "earnings" and ranked[0][1] >= 2:
        table = ["earnings", _results_period(seed)]  # results told in prose, the article's main topic
    picked = _unique_list((*table, *(t for t, s in ranked if s >= 2)))
    if "civil war" in picked:
        country = _main_country(places)
        adjective = next((d for d, c in lx.demonyms().items() if c == country and not d.endswith("s")), "")
        if adjective:
            picked[picked.index("civil war")] = f"{adjective} civil war"
    synonyms, blocked = _levers(settings)
    never = set(places)
    chosen = _normalized(picked, synonyms, blocked, never)
    if len(chosen) < MIN_TAGS:
        # A thin article is filled up with topics named once, the industries of its companies and the
        # kind of news. Never with a place: places have their own pages ("United States" is browsed there).
        kinds = _kinds(organizations, roles or {}, bool(COMPANY_TOPICS & set(scores)))
        sectors = _sectors(organizations)
        umbrellas = _unique_list(UMBRELLA.get(t, "") for t in (*(t for t, _ in ranked), *sectors, *kinds))
        for extra in (*(t for t, _ in ranked), *sectors, *kinds, *umbrellas):
            if len(chosen) >= MIN_TAGS:
                break
            if extra:
                _normalized([extra], synonyms, blocked, never, chosen)
    return list(chosen.values())[: max(settings.max_tags, 0)]


def _table_tags(seed: Seed) -> list[str]:
    """A results table is earnings and its period's results; a dividend table, dividends and
    what happened to the payout. Read from the table's own rows ("Qtr", "Qtly div 17 cts vs 15 cts")."""
    what, kind, change = table_kind(seed)
    if what == "results":
        loss = "losses" if _LOSS_ROW_RE.match(table_rows(seed)[1]) else ""
        return ["earnings", f"{kind} results" if kind else _results_period(seed), loss]
    if what == "dividend":
        payout = (DIVIDEND_CHANGE.get(change) or DIVIDEND_KIND.get(kind)
                  or ("regular dividends" if change else ""))
        return ["dividends", payout]
    return []


# The first row of a table that reports a loss: "Shr loss 12 cts vs profit 20 cts", "Oper net loss ...".
_LOSS_ROW_RE = re.compile(r"(?i)^(?:oper(?:ating)?\s+)?(?:shr|net)\s+(?:loss|net\s+loss)\b")
# "first quarter", "qtr", "1986 year", "full-year": which results an article on earnings reports.
_PERIOD_RE = re.compile(r"(?i)\b(?:(quarter|qtr)|(year|annual|12 mths))\b")


def _results_period(seed: Seed) -> str:
    """'quarterly results' or 'annual results', from the first period the lead (or next paragraph) names."""
    m = _PERIOD_RE.search(" ".join(seed.paragraphs[:2]))
    if m:
        return "quarterly results" if m[1] else "annual results"
    # A table whose first block has no heading, then "Six months" / "Nine mths" / "Year": the first
    # block is a quarter.
    if any(len(p) < 30 and _LATER_BLOCK_RE.match(p) for p in seed.paragraphs[1:12]):
        return "quarterly results"
    return ""


_LATER_BLOCK_RE = re.compile(r"(?i)\s*(?:six|nine|6|9|12)\s+(?:mths|months)\b|\s*year\b")


DIVIDEND_CHANGE = {"raised": "dividend increases", "cut": "dividend cuts"}
DIVIDEND_KIND = {"special": "special dividends", "extra": "special dividends", "initial": "initial dividends"}


# Broader topics a reader browses by, over the narrow ones ("grain" is a commodity).
UMBRELLA = {**dict.fromkeys(("grain", "oil", "natural gas", "metals", "gold", "steel", "coffee", "cocoa",
                             "sugar", "cotton", "rubber", "oilseeds", "livestock", "futures"), "commodities"),
            **dict.fromkeys(("currencies", "bonds", "stock markets", "interest rates", "money supply"),
                            "markets"),
            **dict.fromkeys(("inflation", "jobs", "trade", "budget", "housing", "retail", "investment",
                             "debt"), "economy"),
            **dict.fromkeys(("elections", "diplomacy", "government"), "politics")}


def _unique_list(items) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


# Topics only companies have: results and dividends are company news.
COMPANY_TOPICS = frozenset({"earnings", "dividends", "mergers and acquisitions", "management changes"})
# The last words of a company's name that say its industry ("Pacific Gas and Electric Co" -> utilities).
SECTOR_WORDS = {"Bank": "banking", "Bancorp": "banking", "Bancorporation": "banking", "Bancshares": "banking",
                "Bankshares": "banking", "Banc": "banking", "Savings": "banking", "Petroleum": "oil",
                "Oil": "oil", "Energy": "oil", "Mining": "mining", "Mines": "mining", "Gold": "gold",
                "Resources": "mining", "Airlines": "airlines", "Airways": "airlines", "Air": "airlines",
                "Motors": "automobiles", "Motor": "automobiles", "Insurance": "insurance",
                "Assurance": "insurance", "Foods": "food", "Food": "food",
                "Pharmaceuticals": "pharmaceuticals",
                "Pharmaceutical": "pharmaceuticals", "Laboratories": "pharmaceuticals",
                "Electronics": "technology", "Technologies": "technology", "Technology": "technology",
                "Computer": "technology", "Systems": "technology", "Software": "technology",
                "Semiconductor": "technology", "Data": "technology", "Utilities": "utilities",
                "Electric": "utilities", "Power": "utilities", "Light": "utilities", "Steel": "steel",
                "Chemicals": "chemicals", "Chemical": "chemicals", "Stores": "retail",
                "Communications": "media",
                "Telecommunications": "telecommunications", "Telephone": "telecommunications",
                "Broadcasting": "media", "Publishing": "media", "Realty": "real estate",
                "Properties": "real estate", "Securities": "stock markets", "Shipping": "shipping",
                "Lines": "shipping", "Railroad": "transport", "Railway": "transport", "Trucking": "transport",
                "Brewing": "food", "Tobacco": "tobacco", "Sugar": "sugar", "Coffee": "coffee"}


def _sectors(organizations: Sequence[str]) -> list[str]:
    """The industries a company's name gives, most named first."""
    found: dict[str, int] = {}
    for org in organizations:
        for word in org.split():
            sector = SECTOR_WORDS.get(word)
            if sector:
                found[sector] = found.get(sector, 0) + 1
    return sorted(found, key=lambda s: -found[s])


def _kinds(organizations: Sequence[str], roles: dict[str, str], company_topic: bool = False) -> list[str]:
    """The kind of news, from who is in it: companies, governments."""
    out = []
    if any(o.split()[-1] in lx.CORPORATE_SUFFIXES for o in organizations) or company_topic:
        out.append("company news")
    if any(any(r in role for r in GOVERNMENT_ROLES) for role in roles.values()) or any(
            w in GOVERNMENT_BODIES for o in organizations for w in o.split()):
        out.append("government")
    return out


def _main_country(place_mentions: list[str]) -> str:
    """The country named most often, directly or through its cities."""
    counts: dict[str, int] = {}
    for place in place_mentions:
        found = lx.gazetteer().lookup(place)
        if found and found[1]:
            counts[found[1]] = counts.get(found[1], 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else ""


def _levers(settings: ExtractSettings) -> tuple[dict[str, str], set[str]]:
    """Editors' tag synonyms (by spelling key) and never-tags (spelling keys)."""
    return ({tag_key(k): v for k, v in settings.tag_synonyms.items()} if settings.tag_synonyms else {},
            {tag_key(t) for t in settings.not_tags})


def _normalized(raw, synonyms: dict[str, str], blocked: set[str], never: Collection[str] = frozenset(),
                out: dict[str, str] | None = None) -> dict[str, str]:
    """Spelling key -> tag, synonyms applied, blocked keys and places left out; adds to ``out``."""
    out = {} if out is None else out
    for tag in raw:
        tag = synonyms.get(tag_key(tag), tag)
        key = tag_key(tag)
        if key not in blocked and key not in out and tag not in never:
            out[key] = tag
    return out
