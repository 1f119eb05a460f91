"""Scoring headlines and summaries: the shape a reader sees on every list, and how close a headline
comes to the one the agency or the desk wrote.

Used by ``bench/evaluate.py`` (section "Headlines") and by the tests that keep the figures from
sliding. Every figure is a share of the articles of one corpus split:

- shape: headlines ending in an ellipsis, on a function word, with a colon; over 90 characters;
- results and dividend stories (from the agency's own title, e.g. "KELLOGG CO <K> 3RD QTR NET"):
  the headline names the company when the text names it, or names another one;
- summaries that repeat their headline (most of the headline's content words again);
- headlines shared by several articles (before the site makes them unique);
- content-word overlap (F1) with the real headline, where there is one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import lexicon as lx
from .headline_cuts import GOES_ON
from .headline_words import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    DETERMINERS,
    IRREGULAR,
    NOT_VERBS,
    OBJECT_OPENERS,
    PARTICIPLES,
    _is_base_verb,
    _is_verb,
    _verb_index,
)
from .headline_words import FUNCTION_WORDS as CLOSED_WORDS
from .tokens import is_table_row

MAX_TITLE = 90
# Words a headline must not end on: it would read as cut off ("...compared", "...of the").
FUNCTION_WORDS = lx.words("""a an the of to in on at for from by with into onto over under about after
before as than that which who whom whose and or but nor if because while although though since until
its his her their our my your is are was were be been being has have had will would shall should can
could may might must do does did not no said says told compared versus vs than per amid against
between during including like via upon within without toward towards plus through throughout across
among amongst along alongside around beyond behind below beneath beside besides despite near underneath""")
# The agency's title of a results or dividend story names the company, then what it reports.
RESULTS_TITLE_RE = re.compile(r"\b(?:NET|QTR|DIV|DIVIDEND|PAYOUT|LOSS|PROFIT|EARNINGS|SHR|RESULTS)\b")
TITLE_COMPANY_RE = re.compile(r"^(?:<(?P<a>[^<>]{2,60})>|(?P<b>[A-Z0-9][^<>]{1,60}?)\s*<[A-Z0-9.]{1,10}>)")
CORPORATE = lx.words("inc corp co cos ltd plc lp sa nv ag spa group corporation company limited "
                      "holdings industries the")
WORD_RE = re.compile(r"[a-z0-9][a-z0-9'.&-]*")
# Wire abbreviations in real titles and the words Dateline spells them out as.
SAME_WORD = {"mln": "million", "bln": "billion", "dlrs": "dollars", "dlr": "dollars", "pct": "percent",
             "cts": "cents", "qtr": "quarter", "div": "dividend", "qtly": "quarterly", "shr": "share",
             "sees": "expects", "says": "said", "u.s": "u.s."}


@dataclass
class Figures:
    """Counts over one corpus split."""

    articles: int = 0
    ellipsis: int = 0
    function_word: int = 0
    colon: int = 0
    over_limit: int = 0
    results: int = 0  # results and dividend stories whose text names their company
    results_named: int = 0
    results_any: int = 0  # every results and dividend story with a company in its agency title
    results_wrong: int = 0
    summary_repeats: int = 0
    shared: int = 0  # articles whose headline another article of the split also has
    numbered: int = 0  # ...and that still need a running number once the site tells repeats apart
    similarity: list[float] = field(default_factory=list)
    faults: Counter[str] = field(default_factory=Counter)  # fault class -> headlines showing it
    faulty: int = 0  # headlines showing any fault class
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, text: str) -> None:
        self.examples.setdefault(kind, []).append(text)

    def share(self, count: int, of: int | None = None) -> float:
        total = self.articles if of is None else of
        return count / total if total else 0.0

    @property
    def mean_similarity(self) -> float:
        return sum(self.similarity) / len(self.similarity) if self.similarity else 0.0


def last_word(title: str) -> str:
    words = title.rstrip(" .!?\"'\u201d)").split()
    return words[-1].lower().strip(",;:\"'()") if words else ""


def content_words(text: str) -> set[str]:
    """Lowercased words that carry meaning, lightly stemmed, wire abbreviations as spelled out."""
    text = re.sub(r"<[^<>]*>", " ", text.lower()).replace("$", " ")
    out = set()
    for w in WORD_RE.findall(text):
        w = SAME_WORD.get(w.rstrip("."), w.rstrip("."))
        if w in FUNCTION_WORDS or len(w) < 2:
            continue
        out.add(_stem(w))
    return out


def _stem(word: str) -> str:
    for end in ("ing", "ed", "es", "s"):
        if len(word) > len(end) + 3 and word.endswith(end):
            return word[: -len(end)]
    return word


def overlap_f1(ours: str, real: str) -> float:
    a, b = content_words(ours), content_words(real)
    if not a or not b:
        return 0.0
    both = len(a & b)
    return 2 * both / (len(a) + len(b))


def repeats(title: str, summary: str, threshold: float = 0.8) -> bool:
    """The summary says the headline again: most of the headline's content words are in it."""
    words = content_words(title)
    return bool(words) and len(words & content_words(summary)) >= threshold * len(words)


def title_company(title: str) -> str:
    """The company an agency title of a results or dividend story names ("KELLOGG CO"), or ""."""
    m = TITLE_COMPANY_RE.match(title)
    return (m["a"] or m["b"] or "").strip() if m else ""


def company_key(company: str) -> str:
    """The words that identify a company in text: its first word when distinctive ("Kellogg"),
    else its first two ("American Express"); corporate suffixes never count."""
    words = [w for w in re.findall(r"[A-Za-z0-9&'-]+", company) if w.lower() not in CORPORATE]
    if not words:
        return ""
    first = words[0].lower().removesuffix("'s")
    # A common word, nationality or place ("American", "Texas") says too little on its own.
    generic = (first in lx.common_words() or first.title() in lx.demonyms()
               or lx.gazetteer().lookup(first.title()) is not None)
    if (len(first) >= 4 and not generic) or len(words) == 1:
        return first
    return f"{first} {words[1].lower()}"


def names(text: str, key: str) -> bool:
    """``text`` names the company ``key`` (case-insensitive, whole words)."""
    return bool(key) and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])".replace(r"\ ", r"\W+"),
                                   text, re.IGNORECASE) is not None


def score_article(fig: Figures, title: str, summary: str, text: str, organizations: Iterable[str],
                  real_title: str = "", label: str = "") -> None:
    """Add one article's headline and summary to ``fig``."""
    fig.articles += 1
    shown = f"{label}: {title}"
    if title.endswith(("\u2026", "...")):
        fig.ellipsis += 1
        fig.note("ellipsis", shown)
    elif last_word(title) in FUNCTION_WORDS:
        fig.function_word += 1
        fig.note("function word", shown)
    if title.rstrip().endswith(":"):
        fig.colon += 1
        fig.note("colon", shown)
    if len(title) > MAX_TITLE:
        fig.over_limit += 1
        fig.note("over 90", shown)
    found = faults(title, text.split("\n\n", 1)[0])
    fig.faulty += bool(found)
    for fault in found:
        fig.faults[fault] += 1
        fig.note(fault, shown)
    if summary and repeats(title, summary):
        fig.summary_repeats += 1
        fig.note("summary repeats", f"{shown} | {summary[:120]}")
    if real_title:
        fig.similarity.append(overlap_f1(title, real_title))
        if RESULTS_TITLE_RE.search(real_title):
            _score_results(fig, title, text, organizations, real_title, shown)


def _score_results(fig: Figures, title: str, text: str, organizations: Iterable[str], real_title: str,
                   shown: str) -> None:
    keys = company_keys(real_title, text)
    if not keys:
        return
    fig.results_any += 1
    organizations = list(organizations)
    company = title_company(real_title)
    keys |= {company_key(o) for o in organizations
             if any(abbreviates(k, o) for k in keys) or shortens(company, o)} - {""}
    named = any(names(title, k) for k in keys)
    plain = re.sub(r"<[^<>]*>", " ", text)  # a ticker is no name
    if any(names(plain, k) for k in keys):
        fig.results += 1
        fig.results_named += named
        if not named:
            fig.note("results without their company", f"{shown}  [real: {real_title}]")
    # Another company in the headline: any organization of the article, or Reuters' <Name>, that is
    # not the one the story is about.
    others = {o for o in organizations if not any(names(o, k) for k in keys)}
    others |= {m for m in re.findall(r"<([^<>]{3,60})>", text) if not any(names(m, k) for k in keys)}
    if not named and any(_head_names(title, o) for o in others):
        fig.results_wrong += 1
        fig.note("results naming a wrong company", f"{shown}  [real: {real_title}]")


def abbreviates(key: str, name: str) -> bool:
    """'gm' for General Motors Corp, 'lilco' for Long Island Lighting Co, 'att' for American Telephone
    and Telegraph: a one-word key spelled by the name's initials."""
    if " " in key or not 2 <= len(key) <= 6:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name)
                       if w.lower() not in ("of", "and", "the")).lower()
    return len(initials) >= 2 and (initials.startswith(key) or key.startswith(initials))


def shortens(short: str, name: str) -> bool:
    """The agency's short form of ``name``: its letters, read in order, open words of the name
    ("PACTEL" Pacific Telesis, "AMERITECH" American Information Technologies, "CPL REIT" CPL Real
    Estate Investment Trust, "COMBINED INT'L" Combined International, "PAN AM'S" Pan Am Corp,
    "CONSOLIDATE CAPITAL" Consolidated Captial): the same company, however the title spells it.
    The short form must be four letters or more and open on the name's first word."""
    letters = "".join(re.sub(r"'[a-z]+$", "", w) for w in _short_words(short, apostrophes=True))  # INT'L
    words = _short_words(name, suffixes=True)  # "ARCO": Atlantic Richfield Co
    if len(letters) < 4 or not words or not letters.startswith(words[0][:1]):
        return False

    @cache
    def fits(i: int, j: int) -> bool:  # letters[i:] read from words[j:], word j opened or skipped
        if i == len(letters):
            return True
        if j == len(words):
            return False
        shortest = len(words[j]) if words[j] in CORPORATE else 1  # a suffix whole: TEXACO, not Texas Corp
        take = next((n for n in range(len(words[j]), shortest - 1, -1)
                     if letters.startswith(words[j][:n], i) and fits(i + n, j + 1)), 0)
        return bool(take) or (j > 0 and fits(i, j + 1))

    return fits(0, 0)


def _short_words(name: str, apostrophes: bool = False, suffixes: bool = False) -> list[str]:
    """A name's words in lower case, letters only (an inner apostrophe kept when asked), without
    possessives, joining words or (unless asked) corporate suffixes."""
    keep = "[^a-z']" if apostrophes else "[^a-z]"
    words = [re.sub(keep, "", w.lower().removesuffix("'s")) for w in name.split()]
    return [w for w in words if w and (suffixes or w not in CORPORATE) and w not in ("of", "and", "the")]


TICKER_RE = re.compile(r"<([A-Z0-9.]{1,10})>")


def company_keys(real_title: str, text: str) -> set[str]:
    """Ways the text may name the title's company: the title's own words ("KELLOGG"), and the name
    the text writes before the title's ticker ("General Motors Corp <GM>" for "GM <GM>")."""
    keys = {company_key(title_company(real_title))} - {""}
    ticker = TICKER_RE.search(real_title)
    if keys and ticker:
        before = re.finditer(rf"((?:[A-Z][\w.&'-]*|of|and|&)(?:\s+(?:[A-Z][\w.&'-]*|of|and|&)){{0,6}})\s*"
                             rf"<{re.escape(ticker[1])}>", text)
        keys |= {company_key(m[1]) for m in before} - {""}
    return keys


def _head_names(title: str, organization: str) -> bool:
    key = company_key(organization)
    return bool(key) and names(title, key)


def count_shared(fig: Figures, titles: Iterable[str], told_apart: Iterable[str] = ()) -> None:
    """Headlines shared by several articles, and how many the site can only number."""
    titles = list(titles)
    counts = Counter(t.lower() for t in titles)
    fig.numbered = sum(1 for t in told_apart if NUMBERED_RE.search(t))
    fig.shared = sum(n for n in counts.values() if n > 1)
    for t, n in counts.most_common(5):
        if n > 1:
            fig.note("shared", f"{n} x {t}")


NUMBERED_RE = re.compile(r"\(\d+\)$")


def read_manifest(folder: Path) -> list[dict]:
    path = folder / "manifest.jsonl"
    if not path.is_file():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def corpus_figures(seeds: Path, rows: list[dict], split_of: Callable[[int, dict], str]) -> dict[str, Figures]:
    """Figures per split (and "all") for the seeds of one corpus folder; ``rows`` are its manifest
    rows (``file``, ``title``), ``split_of(index, row)`` names each row's split."""
    from ..seeds import read_seed
    from . import extract
    from .headline import distinct_titles

    figures: dict[str, Figures] = {}
    titles: dict[str, list[str]] = {}
    items: dict[str, list[tuple]] = {}
    for index, row in enumerate(rows):
        path = seeds / row["file"]
        if not path.is_file():
            continue
        seed = read_seed(path)
        got = extract(seed)
        for split in dict.fromkeys((split_of(index, row), "all")):
            fig = figures.setdefault(split, Figures())
            score_article(fig, got.title, got.summary, seed.text, got.organizations,
                          str(row.get("title") or ""), row["file"])
            titles.setdefault(split, []).append(got.title)
            items.setdefault(split, []).append((seed.date, seed.id, got.title, seed.dateline,
                                                got.organizations, got.summary))
    for split, fig in figures.items():
        # The site's order: oldest first, the earlier keeps its title.
        told = distinct_titles((i, t, d, o, s, day) for day, i, t, d, o, s in sorted(items[split]))
        count_shared(fig, titles[split], told.values())
    return figures


TUNED_SPLITS = ("dev", "train")


def report(name: str, figures: dict[str, Figures], examples: int = 0) -> list[str]:
    """One line per split: every figure as a share of its articles; ``examples`` of each fault
    from the dev split."""
    lines = []
    for split, f in sorted(figures.items(), key=lambda kv: kv[0] == "all"):
        results = (f"results name company {f.share(f.results_named, f.results):.1%} of {f.results}, "
                   f"wrong {f.share(f.results_wrong, f.results_any):.1%} of {f.results_any}; "
                   if f.results_any else "")
        similar = f"overlap F1 {f.mean_similarity:.3f}; " if f.similarity else ""
        lines.append(f"  {name} {split} ({f.articles}): ellipsis {f.share(f.ellipsis):.1%}, "
                     f"function word {f.share(f.function_word):.1%}, colon {f.share(f.colon):.1%}, "
                     f"over 90 {f.share(f.over_limit):.1%}; {results}"
                     f"summary repeats {f.share(f.summary_repeats):.1%}; {similar}"
                     f"shared {f.share(f.shared):.1%}, then numbered {f.share(f.numbered):.1%}")
        if f.faults:  # counts only: a held-out split's headlines are never shown
            counts = ", ".join(f"{k} {n} ({f.share(n):.1%})" for k, n in f.faults.most_common())
            lines.append(f"      faults in {f.share(f.faulty):.1%}: {counts}")
        # Examples only from the splits tuned on: held-out splits are reported, never read.
        for kind, shown in f.examples.items() if examples and split in TUNED_SPLITS else ():
            lines.extend(f"      {kind}: {s}" for s in shown[:examples])
    return lines


def desk_rows(root: Path) -> list[dict]:
    """Desk gold rows under ``root`` (a checkout): ``tests/gold/desk_*.jsonl``, each row's ``file``
    relative to ``root`` and its real ``headline`` as the row's ``title``."""
    rows = []
    for manifest in sorted((root / "tests" / "gold").glob("desk_*.jsonl")):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append({**row, "title": row.get("headline", "")})
    return rows


# --- faults a wire editor marks, each a class over the whole population ------------------------
# Each check reads the headline's words (and the lead's, as evidence of what was cut) and says
# whether the fault is there; `faults` names every one that is. They are counts for choosing what
# to fix, not a grade: a check may fire on a headline a reader would pass.

PHRASE_WORDS = lx.words("of in on at for from with by over under between near")
COPULAS = lx.words("is are was were be remains remain seems seem looks look stays stay")
COMPLEMENT_OPENERS = lx.words("with to about of that for in on at from by than over")
CLAUSE_AFTER_AND = lx.words("there it he she they we its his their this these")
FIGURE_RE = re.compile(r"^\$?\d[\d.,/]*$")
SCALE_WORDS = lx.words("million billion trillion")
FIGURE_PREPS = lx.words("at to from by")
# Words the lead may go on with after a complete headline: when, where, how, or what follows.
LEAD_GOES_ON = lx.words("today tomorrow yesterday here there due effective payable")


def _words(text: str) -> list[str]:
    text = re.sub(r"<[A-Z0-9.]{1,10}>", " ", text).replace("<", " ").replace(">", " ")  # tickers go
    return [w for w in text.split() if w.strip(",;:.\"'()")]


def _plain(word: str) -> str:
    return word.lower().strip(",;:.\"'()")


def _verb_at(words: list[str]) -> int | None:
    """The headline's finite verb: a past or auxiliary by shape, else a lower-case '-s' form whose
    stem is a verb (after a word that opens no noun phrase), else "to" before a verb's base."""
    shaped = _verb_index(words)
    present = next((i for i in range(1, len(words)) if _finite_at(words, i)), None)
    return min((i for i in (shaped, present) if i is not None), default=None)  # the first wins


def _finite_at(words: list[str], i: int) -> bool:
    """Word ``i`` reads as a headline's verb: 'falls' (not after a determiner), 'to buy', a plural
    subject's 'plan', or a participle after a name or noun ('Mandela sworn in')."""
    w, prev = _plain(words[i]), _plain(words[i - 1])
    if not words[i].islower():
        return False
    if prev == "to":
        return _is_base_verb(w)
    if prev in DETERMINERS or prev in FUNCTION_WORDS:
        return False
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return _is_base_verb(w[:-1]) or (w.endswith("es") and _is_base_verb(w[:-2]))
    plural_before = words[i - 1][:1].isupper() or (prev.endswith("s") and not prev.endswith("ss"))
    return plural_before and (_is_base_verb(w) or w in PARTICIPLES)


def ends_on_bare_figure(words: list[str], lead: list[str]) -> bool:
    """'planning 450 million', 'buys 46,000': a figure or scale word closes the headline with no
    noun or currency ('$1.2 million', '2-0', a year and a percentage are complete)."""
    last = _plain(words[-1])
    if last in SCALE_WORDS:
        return len(words) > 2 and not words[-2].startswith("$") and _plain(words[-3]) not in FIGURE_PREPS
    return bool(FIGURE_RE.match(last)) and not words[-1].startswith("$") and "-" not in last \
        and not re.fullmatch(r"(?:19|20)\d\d", last) and _plain(words[-2]) not in FIGURE_PREPS \
        and _plain(words[-2]).title() not in lx.MONTHS


def bare_progressive(words: list[str], lead: list[str]) -> bool:
    """'Reichhold Chemicals raising prices': an '-ing' verb straight after the subject, its
    auxiliary dropped, and no finite verb before it."""
    for i in range(1, len(words)):
        w = words[i]
        if not w.islower():
            continue
        if not (w.endswith("ing") and len(w) > 5):
            return False  # the first lower-case word decides: a verb or a noun, not this
        stem = w[:-3]
        verb = _is_base_verb(stem) or _is_base_verb(stem + "e") or (stem[-1:] == stem[-2:-1]
                                                                    and _is_base_verb(stem[:-1]))
        prev = _plain(words[i - 1])
        # a verb past the word after it ("operating profit | falls"); the next word is its object
        later = any(_finite_at(words, j) or _is_verb(words, j) for j in range(i + 2, len(words)))
        return verb and not later and prev not in COPULAS and prev not in FUNCTION_WORDS \
            and not (words[i - 1].islower() and _is_base_verb(prev))
    return False


def past_after_subject(words: list[str], lead: list[str]) -> bool:
    """'Colonial BancGroup signed letter of intent': a past tense before its object (a passive
    participle, 'charged with', 'appointed to', takes no object)."""
    v = _verb_index(words)
    if v is None or v + 1 >= len(words) or any(_finite_at(words, j) for j in range(1, len(words)) if j != v):
        return False  # another verb: this '-ed' word is a modifier or a reduced relative
    w, nxt = _plain(words[v]), _plain(words[v + 1])
    past = (w in IRREGULAR and w not in ("was", "were", "had") and w not in BASE_VERBS) \
        or (w.endswith("ed") and w not in NOT_VERBS)
    if not past or (v and _plain(words[v - 1]) in COPULAS | AUX):
        return False
    object_like = nxt in OBJECT_OPENERS or nxt[:1].isdigit() or words[v + 1].startswith("$") \
        or (nxt.isalpha() and nxt not in FUNCTION_WORDS and not nxt.endswith("ly")
            and nxt not in ADVERBS and words[v + 1].islower())
    return object_like


def plural_with_singular_verb(words: list[str], lead: list[str]) -> bool:
    """'Democratic and Republican members meets', 'X and Y says': a plural or coordinated subject
    before an '-s' verb."""
    v = _verb_at(words)
    if v is None or v == 0 or v + 1 == len(words) or not words[v].endswith("s") \
            or words[v].endswith(("ss", "'s")):
        return False  # a last word is a noun ("singles results"), not the verb
    if _plain(words[v]) in ("is", "has", "was"):
        verb_s = True
    else:
        verb_s = _plain(words[v]) not in IRREGULAR and not words[v].endswith("ed")
    subject = [_plain(w) for w in words[:v]]
    # the subject's head: the last word before its first phrase ("drop in U.S. orders" -> "drop")
    end = next((i for i, w in enumerate(subject) if i and w in PHRASE_WORDS), len(subject))
    head = subject[end - 1]
    common = lx.common_words()
    plural_head = words[end - 1].islower() and head.endswith("s") and not head.endswith(("ss", "us", "is")) \
        and (head[:-1] in common or head[:-2] in common)
    joined = "and" in subject[1:end - 1] and subject[subject.index("and") + 1] in OBJECT_OPENERS
    return verb_s and (plural_head or joined)


def copula_without_complement(words: list[str], lead: list[str]) -> bool:
    """'Lawson is content' where the lead goes on 'content with sterling': an adjective after a
    copula, cut from the complement the lead gives it."""
    if len(words) < 3 or _plain(words[-2]) not in COPULAS or not words[-1].islower():
        return False
    return _next_in_lead(words, lead) in COMPLEMENT_OPENERS


def clause_left_after_conjunction(words: list[str], lead: list[str]) -> bool:
    """'Tremor hits northern Chile but there were no immediate reports': a second clause kept."""
    low = [_plain(w) for w in words]
    for i, w in enumerate(low[1:-1], 1):
        if w in ("but", "while", "whereas", "although"):
            return True
        if w == "and" and low[i + 1] in CLAUSE_AFTER_AND:
            return True
    return False


def no_verb(words: list[str], lead: list[str]) -> bool:
    """A headline with no finite verb where the lead (prose, not a table row) has one."""
    if lead and lead[-1].endswith(":"):
        return False  # a table's introduction: "National Basketball Association standings" is right
    return len(lead) >= 8 and _verb_at(words) is None and not any(w.endswith(("ing", "ed")) and w.islower()
                                                                  for w in words[1:]) \
        and _verb_index(lead) is not None


def too_thin(words: list[str], lead: list[str]) -> bool:
    """'Talks extended': three words or fewer from a lead of a dozen."""
    return len(words) <= 3 and len(lead) >= 12


def cut_inside_noun_phrase(words: list[str], lead: list[str]) -> bool:
    """'lifts lockout at its Dakota City, Nebraska' (the lead goes on ', plant'): the headline stops
    where the lead's noun phrase goes on to its head noun."""
    after = _next_in_lead(words, lead, keep_comma=True)
    comma = after.startswith(",")
    nxt = after.lstrip(",")
    if not nxt or not nxt.isalpha() or not nxt.islower() or nxt in FUNCTION_WORDS or nxt in ADVERBS \
            or nxt in CLOSED_WORDS or nxt in SAME_WORD or nxt in GOES_ON:
        return False  # a function word, a wire unit the headline spelled out, "today", "here"
    if nxt.endswith(("ing", "ed", "ly")) or nxt in IRREGULAR or nxt in COPULAS or nxt in LEAD_GOES_ON:
        return False
    if comma:  # "Dakota City, Nebraska, | plant": a place's state before the head noun
        return lx.gazetteer().lookup(words[-1].strip(",")) is not None
    return words[-1].islower() and _plain(words[-1]) not in FUNCTION_WORDS and not _is_base_verb(nxt[:-1])


def figure_cut_off(words: list[str], lead: list[str]) -> bool:
    """'... index shows U.S. Dollar' (the lead: 'the dollar at 101.6'): the lead's figure comes
    right after where the headline stops, behind one preposition."""
    after = _next_in_lead(words, lead, ahead=2)
    return bool(after) and after.split()[0] in ("at", "to", "of", "by") and len(after.split()) > 1 \
        and after.split()[1].lstrip("$")[:1].isdigit()


def capitalised_common_noun(words: list[str], lead: list[str]) -> bool:
    """'shows U.S. Dollar', '3,000 Metres record': a word the headline capitalises that the lead
    writes in lower case (a lead in capitals says nothing)."""
    if " ".join(lead[:8]).isupper():
        return False
    lowered = {w.strip(",;:.\"'()") for w in lead if w.islower()}
    capitals = {w.strip(",;:.\"'()") for w in lead if not w.islower()}
    return any(w[:1].isupper() and w.lower() in lowered and w.strip(",;:.\"'()") not in capitals
               for w in words[1:])


def _next_in_lead(words: list[str], lead: list[str], keep_comma: bool = False, ahead: int = 1) -> str:
    """The lead's words right after the headline's last two, lower case ("" when the headline's
    end is not found in the lead); a comma between them kept when asked for."""
    low = [_plain(w) for w in lead]
    for tail in ([_plain(w) for w in words[-2:]], [_plain(words[-1])]):  # the last two, else the last
        for j in range(len(tail) - 1, len(low)):
            if low[j - len(tail) + 1:j + 1] == tail:
                rest = lead[j + 1:j + 1 + ahead]
                if not rest:
                    return ""
                comma = "," if keep_comma and lead[j].endswith(",") else ""
                return comma + " ".join(_plain(w) for w in rest)
    return ""


FAULTS = {
    "figure without its noun": ends_on_bare_figure,
    "-ing verb without auxiliary": bare_progressive,
    "past tense before object": past_after_subject,
    "plural subject, -s verb": plural_with_singular_verb,
    "copula cut from complement": copula_without_complement,
    "second clause after but/and": clause_left_after_conjunction,
    "no finite verb": no_verb,
    "too thin": too_thin,
    "cut inside noun phrase": cut_inside_noun_phrase,
    "figure cut off": figure_cut_off,
    "capitalised common word": capitalised_common_noun,
}


def faults(title: str, lead: str) -> list[str]:
    """The fault classes ``title`` shows beside its ``lead`` (the lead's first paragraph)."""
    words = _words(title)
    if len(words) < 2:
        return ["too thin"] if words else []
    lead_words = [] if is_table_row(lead) else _words(lead)
    return [name for name, check in FAULTS.items() if check(words, lead_words)]
