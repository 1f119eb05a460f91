"""Headline and summary, drawn from the lead paragraph (seeds carry no headline).

The title is the lead's first sentence made to read like a headline: wire brackets and an
opening dateline removed, "X said ... that Y" turned into "X says Y", trailing attribution
("officials said") dropped, wire abbreviations spelled out, then cut at the strongest natural
boundary (a clause, then a phrase) that keeps it within ~90 characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..article import Seed
from . import compress, headline_register, headline_tables
from . import lexicon as lx
from .tokens import is_table_row

MAX_TITLE = 90
MAX_SUMMARY = 300
# Lookbehinds must be fixed-width, hence one per abbreviation length.
# The leading lookahead rejects, in one test, every position that is no stop (most of the text).
SENTENCE_END_RE = re.compile(r'(?=[.!?])(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|vs))'
                             r'(?<!\b(?:Mrs|Inc|Ltd|Gen|Sen|Gov|Rep))'
                             r'(?<!\b(?:Corp|Sens|Reps|Dept|Bros|Gens|Sept|Prof))[.!?]["\u201d]?(?=\s+["\u201c]?[A-Z0-9])(?!\s+[A-Z]\.\s)')
LEAD_DATELINE_RE = re.compile(r"^[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de .,'-]{2,40}(?:\([A-Za-z]+\))?"
                              r"(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s*(?:--|[-\u2013\u2014])\s+")
# Wire abbreviations and what a reader would write; "57 mln dlr" becomes "$57 million".
WIRE_WORDS = {"mln": "million", "bln": "billion", "dlr": "dollar", "dlrs": "dollars", "pct": "percent",
              "stg": "sterling", "cts": "cents", "ct": "cent", "shr": "share", "qtly": "quarterly",
              "qtrly": "quarterly", "div": "dividend", "revs": "revenues"}
_WIRE_FIRSTS = "".join(sorted({w[0] for w in WIRE_WORDS}))
# The leading lookahead skips every position that cannot open a wire word before the alternation runs.
WIRE_RE = re.compile(rf"(?=[\d{_WIRE_FIRSTS}{_WIRE_FIRSTS.upper()}])"
                     r"\b(?:(\d[\d.,/-]*) ?(mln|bln|million|billion|) (?:dlrs?|dollars?)|("
                     + "|".join(WIRE_WORDS) + r"))\b",
                     re.IGNORECASE)

def sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    return [*out, tail] if tail else out


def headline(seed: Seed) -> str:
    """A headline of at most ~90 characters from the lead's first sentence."""
    return title_and_summary(seed)[0]


def summary(seed: Seed) -> str:
    """The lead's first sentence or two, at most ~300 characters."""
    return title_and_summary(seed)[1]


def title_and_summary(seed: Seed, organizations: Iterable[str] = (),
                      people: Iterable[str] = ()) -> tuple[str, str]:
    """Both at once: the lead is cleaned and split into sentences one time.

    A results or dividend table ("Shr 1.20 dlrs vs 98 cts", "Qtly div 17 cts vs 15 cts") gets a
    headline in words ("Acme Corp: quarterly results"), not its first row spelled out."""
    prose = _from_story(seed.paragraphs)
    parts = sentences(_clean(_lead(prose))) if prose else []
    sports = sports_headline(seed) if seed.paragraphs else ""
    table = (sports or table_headline(seed, organizations)) if seed.paragraphs else ""
    if parts and not table:
        lead = spell_out(compress.sentence_case(parts[0]))
        if lead.rstrip().endswith(":") and len(parts) == 1:  # a table's introduction: the table follows
            return compress.introduction(lead), table_summary(seed)
        short = headline_register.short_names(people, seed.text, organizations) if people else {}
        title = compress.headline(lead, short, seed.dateline)
        return title, prose_summary(title, parts, prose)
    return table, table_summary(seed, "" if sports else table, outcome=sports)


# "Norway 3 Malta 0", "In Oslo: Norway 3 Malta 0 (halftime 2-0)": one result row of a sports table.
TEAM = r"[A-Z][\w.'&-]*(?:\s+(?:[A-Z][\w.'&-]*|de|of|and|la|del))*?"
SCORE_ROW_RE = re.compile(rf"^(?:[A-Z][\w.' ]{{1,30}}:\s+)?(?P<a>{TEAM})\s+(?P<x>\d{{1,3}})\s+(?P<b>{TEAM})"
                          r"\s+(?P<y>\d{1,3})(?=\s|$|\.|,)")
BEAT_ROW_RE = re.compile(rf"^(?P<row>{TEAM}\s+(?:beat|drew\s+with|draw\s+with|lost\s+to)\s+{TEAM}"
                         r"\s+\d{1,3}-\d{1,3}(?:\s+\d{1,2}-\d{1,2})*)")
# "Results of European championship qualifying matches on Saturday:": the competition, in its words.
INTRO_RE = re.compile(r"^(?:the\s+)?(?:following\s+are\s+)?(?:the\s+)?(?:results?|scores?)\s+"
                      r"(?:of|from|in)\s+(?:the\s+)?(?P<comp>.+?)(?:\s+(?:matches|games|fixtures|ties|played))*"
                      r"(?:\s+(?:on|at|in)\s+[^:]+)?\s*:", re.IGNORECASE)


def sports_headline(seed: Seed) -> str:
    """'Scottish premier division: Rangers beat Raith Rovers 2-0', 'Nolan leads Australian Open by
    three shots': the competition and what happened, for a sports or election table below its
    introduction (`headline_tables`); the first result for a results table it cannot read whole."""
    paragraphs = seed.paragraphs
    heading = ""
    for skip in (1, 2):  # "GOLF - EUROPEAN MASTERS SCORES" (and "LONDON 1996-08-24") above the introduction
        if len(paragraphs) > skip + 1 and all(p.isupper() for p in paragraphs[:skip]) \
                and _clean(paragraphs[skip]).endswith(":"):
            heading, paragraphs = paragraphs[0].strip(), paragraphs[skip:]
            break
    lead = _clean(paragraphs[0])
    intro, colon, after = lead.partition(":")
    if (not colon and (len(paragraphs) < 4 or lead.count(" ") >= INTRO_WORDS)) \
            or not headline_tables.TABLE_WORDS_RE.search(intro):
        return ""  # no table's introduction: most articles end here, before any row is read
    slug = re.match(r"^([A-Z]+(?: [A-Z]+)?) - ", heading)
    if slug and not headline_tables.SLUG_RE.match(intro):
        intro = f"{slug[1].capitalize()} - {intro}"  # the desk's sport slug of its heading
    rows = [after.strip(), *(_clean(p) for p in paragraphs[1:headline_tables.MAX_ROWS])]
    rows = [r for r in rows if r]
    if not colon:  # "English Premier League standings after Saturday's matches." over its table
        intro = intro.rstrip(". ")
    if rows and "tabulated" in rows[0] and len(rows[0]) < 2 * MAX_TITLE:  # "STANDINGS (tabulated under ...):"
        intro, rows = f"{intro} {rows[0]}", rows[1:]
    told = headline_tables.table_headline(intro, rows)
    if told or not colon:
        return compress.finish(told) if told else ""
    m = INTRO_RE.match(f"{intro}:")
    if not m:
        return ""
    for row in rows[:5]:
        result = _result(row)
        if result:
            comp = re.sub(r"\s+(?:results?|scores?)$", "", compress.introduction(f"{intro}:"))
            comp = re.sub(r"\b(qualifiers|qualifying)\b", "qualifier", comp)
            return compress.finish(_cap(f"{comp}: {result}"))
    return ""


INTRO_WORDS = 25  # an introduction without its colon is one short line: a lead runs longer


def _result(row: str) -> str:
    """'Norway 3 Malta 0' -> 'Norway beat Malta 3-0'; a draw -> 'Norway and Malta draw 1-1'."""
    told = BEAT_ROW_RE.match(row)
    if told:
        return told["row"]
    m = SCORE_ROW_RE.match(row)
    if not m:
        return ""
    x, y = int(m["x"]), int(m["y"])
    if x == y:
        return f"{m['a']} and {m['b']} draw {x}-{y}"
    win, lose = (m["a"], m["b"]) if x > y else (m["b"], m["a"])
    return f"{win} beat {lose} {max(x, y)}-{min(x, y)}"


def prose_summary(title: str, parts: list[str], paragraphs: tuple[str, ...]) -> str:
    """What the lead adds to the headline: the sentences after the first (the next paragraph's
    when the lead has one sentence); the first only when the headline left most of it out."""
    rest = parts[1:]
    for paragraph in paragraphs[1:3] if not rest else ():
        rest = sentences(_clean(paragraph))
        if rest and not is_table_row(rest[0]):
            break
        rest = []
    if not rest:
        rest = [parts[0]]
    picked = ""
    for sentence in rest:
        if picked and len(picked) + len(sentence) + 1 > MAX_SUMMARY:
            break
        picked = f"{picked} {sentence}".strip()
    return shorten(spell_out(picked), MAX_SUMMARY)


def table_summary(seed: Seed, title: str = "", outcome: str = "") -> str:
    """A table's other rows in words: 'Net loss 585,866 vs loss 455,866; revenues 1.2 million ...';
    a row whose figures the results ``title`` already gives (its net row) goes, as the first does,
    and so does the row a sports headline (``outcome``) was read from: "Result: X won by ...", the
    title bout it names."""
    rows = [_clean(p) for p in seed.paragraphs[1:12]]
    rows = [r for r in headline_tables.dividend_dates(rows) if r and len(r) < 120 and not _told_by(title, r)
            and not (outcome and headline_tables.outcome_row(outcome, r))]
    text = "; ".join(spell_out(r.rstrip(".")) for r in rows)
    return shorten(text, MAX_SUMMARY)


ROW_FIGURE_RE = re.compile(r"\d[\d,./-]*\d|\d")


def _told_by(title: str, row: str) -> bool:
    """Every figure of ``row`` is in ``title``, one of them of three digits or more."""
    figures = ROW_FIGURE_RE.findall(row)
    said = set(ROW_FIGURE_RE.findall(title))
    return bool(figures) and any(len(f) >= 3 for f in figures) and all(f in said for f in figures)


# The first row of a results table, and of a dividend announcement.
RESULTS_ROW_RE = re.compile(r"^(?:Oper(?:ating)?\s+|Primary\s+|Fully diluted\s+)?(?:shr|net|revs|sales)\b",
                            re.IGNORECASE)
DIVIDEND_RE = re.compile(r"^(?:(?P<kind>" + headline_tables.DIVIDEND_KIND + r")?\s*(?:cash\s+)?"
                         r"(?:div|dividend|payout|distribution)"
                         r"|(?P<bare>qtly|qtrly|quarterly|monthly|semi-annual|semiannual))\s+(?P<new>[\d.,/-]+|\w+)"
                         r"\s*(?P<unit>cts?|dlrs?|p)?(?:\s+vs\s+(?P<old>[\d.,/-]+|\w+)|\s*$)", re.IGNORECASE)
# Period headings of a results table, in the table's own words ("Qtr", "Six mths", "Year").
PERIOD_LINES = {"qtr": "quarterly", "quarter": "quarterly", "4th qtr": "fourth-quarter",
                "fourth qtr": "fourth-quarter", "first qtr": "first-quarter", "1st qtr": "first-quarter",
                "second qtr": "second-quarter", "2nd qtr": "second-quarter", "third qtr": "third-quarter",
                "3rd qtr": "third-quarter", "six mths": "half-year", "6 mths": "half-year",
                "nine mths": "nine-month",
                "1st half": "half-year", "first half": "half-year", "9 mths": "nine-month", "year": "annual",
                "12 mths": "annual",
                "annual": "annual"}
PERIOD_WORD_RE = re.compile(r"(?i)\b(?:qtr|quarter|mths|year|periods?|weeks|wks|ended|ending)\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


# Memoised (bounded): the headline, the summary and the tags each ask for one article's table rows.
@lru_cache(maxsize=64)
def table_rows(seed: Seed) -> tuple[str, str]:
    """(period heading or "", first row) of a results or dividend table."""
    paragraphs = seed.paragraphs
    if len(paragraphs) > 2 and LEAD_DATELINE_RE.sub("", paragraphs[0]).rstrip().endswith(":") \
            and len(paragraphs[0]) < 90:
        paragraphs = paragraphs[1:]  # "Sherwin-Williams Co said on Wednesday:": the table follows
    first = LEAD_DATELINE_RE.sub("", paragraphs[0]).strip()
    heading = ""
    second = paragraphs[1].strip() if len(paragraphs) > 1 else ""
    is_row = RESULTS_ROW_RE.match(first) or DIVIDEND_RE.match(first)
    opens_table = RESULTS_ROW_RE.match(second) or DIVIDEND_RE.match(second)
    if len(first) < 45 and second and not is_row and (PERIOD_WORD_RE.search(first) or opens_table):
        heading, first = first, second  # "Qtr ended Jan 31" / "Shr 12 cts vs 10 cts"
    return heading, re.sub(r"(?i)^(?:(?:group|parent company|consolidated)\s+)+", "", first)


def _dividend(div: re.Match[str]) -> tuple[str, str, str]:
    """(kind, change, unit) of a dividend row: ("quarterly", "raised to", "cents")."""
    kind = headline_tables.dividend_kind(div["kind"] or div["bare"] or "")
    new, old = _amount(div["new"]), _amount(div["old"]) if div["old"] else None
    unit = {"ct": "cents", "cts": "cents", "dlr": "dollars", "dlrs": "dollars", "p": "pence"}.get(
        (div["unit"] or "").lower(), "")
    change = ""
    if new is not None and old is not None and unit:
        change = "unchanged at" if new == old else "raised to" if new > old else "cut to"
    return kind, change, unit


def _period(seed: Seed, heading: str, first: str) -> str:
    """'quarterly', 'annual', 'half-year', ... for a results table, from its own headings."""
    period = next((PERIOD_LINES[k] for k in (" ".join(heading.lower().split()[:n]) for n in (2, 1))
                   if k in PERIOD_LINES), "")
    headings = [p.strip().rstrip(".").lower() for p in seed.paragraphs[1:12] if len(p) < 30]
    for heading in headings if not period else ():
        words = re.sub(r"^(?:[a-z]{3,9}\s+\d{1,2}\s+)?", "", heading)  # "Oct 31 qtr" -> "qtr"
        if words in PERIOD_LINES:
            later = PERIOD_LINES[words]
            # a later "Six mths"/"Year" heading: the first block is the quarter
            period = "quarterly" if later in ("half-year", "nine-month", "annual") else later
            break
    if not period:
        m = re.search(r"\b(?:(qtr|quarter)|(year|annual))\b", f"{heading} {first}", re.IGNORECASE)
        period = ("quarterly" if m[1] else "annual") if m else ""
    return period


def table_kind(seed: Seed) -> tuple[str, str, str]:
    """What a results or dividend table reports, for tags: ("results", period, "") or
    ("dividend", kind, change); ("", "", "") for prose."""
    if not seed.paragraphs:
        return "", "", ""
    heading, first = table_rows(seed)
    div = DIVIDEND_RE.match(first)
    if div:
        kind, change, _ = _dividend(div)
        return "dividend", kind, change.split()[0] if change else ""
    if not RESULTS_ROW_RE.match(first) or " vs " not in first:
        return "", "", ""
    return "results", _period(seed, heading, first), ""


def table_headline(seed: Seed, organizations: Iterable[str] = ()) -> str:
    """'Kellogg quarterly profit rises to 96 cents a share from 83 cents', 'Quarterly dividend raised
    to 17 cents from 15 cents': whose (when the text names the company) and what happened."""
    heading, first = table_rows(seed)
    div = DIVIDEND_RE.match(first)
    is_results = RESULTS_ROW_RE.match(first) and (" vs " in first.lower() or _opens_table(seed, first))
    if not div and not is_results:
        return ""
    company = table_company(seed, organizations)  # only for a table: it reads every note line
    prefix = f"{company} " if company else ""
    if div:
        kind, change, unit = _dividend(div)
        what = f"{kind} dividend".strip()
        if change:
            same = change.startswith("unchanged")
            figure = _figure(div["new"], div["unit"] or "")
            tail = f" {figure}" + ("" if same else f" from {_figure(div['old'], div['unit'] or '')}")
            return compress.finish(_cap(headline_tables.with_company(company, f"{what} {change}{tail}")))
        if unit and not div["old"] and _amount(div["new"]) is not None:  # "Semi-annual dividend 4 cts"
            amount = f"{what} of {div['new']} {unit}"
            return compress.finish(_cap(headline_tables.with_company(company, amount)))
        return compress.finish(_cap(headline_tables.with_company(company, f"{what} declared")))
    period = headline_tables.which_quarter(seed.paragraphs, _period(seed, heading, first))
    told = _results_told(seed, first)
    if told:
        return compress.finish(_cap(headline_tables.results_headline(company, period, told)))
    return compress.finish(_cap(f"{prefix}{period} results".strip()))


# "Shr 1.20 dlrs vs 98 cts", "Oper net loss 1,200,000 vs profit 300,000", "Sales 3.65 billion crowns
# vs 3.40 billion": one row, read as two figures with their units.
_SIDE = (r"(?:(?P<k{n}>loss|profit)\s+)?"
         r"(?P<v{n}>[\d][\d.,/-]*|one|two|three|four|five|six|seven|eight|nine|ten|nil)"
         r"(?P<u{n}>(?:p\b|\s+(?!vs\b|loss\b|profit\b)[A-Za-z][A-Za-z.]{{0,7}}){{0,3}})(?:\s+(?P<t{n}>loss|profit))?")
ROW_RE = re.compile(r"^(?P<oper>oper(?:ating)?\s+)?(?:basic\s+|primary\s+|fully\s+diluted\s+)?"
                    r"(?P<what>shr|net(?:\s+(?:income|profit|earnings))?|revs|revenues?|sales|turnover)\s+"
                    r"(?:basic\s+|primary\s+|diluted\s+|fully\s+diluted\s+)?" + _SIDE.format(n=1)
                    + r"\s+vs\.?\s+(?:oper(?:ating)?\s+)?" + _SIDE.format(n=2) + r"\.?$",
                    re.IGNORECASE)


def results_change(row: str) -> str:
    """'profit rises to 96 cents a share from 83 cents', 'loss narrows to ...': the first row."""
    m = ROW_RE.match(row)
    if not m:
        return ""
    unit_a = m["u1"].strip()
    unit_b = m["u2"].strip() or _inherited_unit(unit_a, m["v2"])
    a, b = _value(m["v1"], unit_a), _value(m["v2"], unit_b)
    k1 = (m["k1"] or m["t1"] or "profit").lower()
    k2 = (m["k2"] or m["t2"] or "profit").lower()
    what = m["what"].lower().split()[0]
    noun = {"revs": "revenues", "revenue": "revenues"}.get(what, what) if what not in ("shr", "net") else ""
    if a is None or b is None or (noun and k1 + k2 != "profitprofit"):
        return ""
    oper = "operating " if m["oper"] else ""
    per = " a share" if what == "shr" else ""
    first, second = _figure(m["v1"], unit_a), _figure(m["v2"], unit_b)
    head = f"{oper}{noun or k1}"
    if k1 != k2:
        return f"{oper}{k1} of {first}{per} vs {k2} of {second}"
    if a == b:
        return f"{head} unchanged at {first}{per}"
    if k1 == "loss":
        move = "widens" if a > b else "narrows"
    else:
        move = ("rise" if a > b else "fall") + ("" if noun.endswith("s") else "s")
    return f"{head} {move} to {first}{per} from {second}"


def _inherited_unit(unit: str, number: str) -> str:
    """The unit a bare year-earlier figure shares with the first: all of it ("3.40" after "3.65
    billion crowns"), less the scale for a figure written out in full ("100,000" after "1.2 mln")."""
    if "," not in number:
        return unit
    return " ".join(w for w in unit.split() if w.lower() not in ("mln", "bln", "million", "billion"))


_SCALE = {"mln": 1e6, "million": 1e6, "bln": 1e9, "billion": 1e9, "dlr": 100, "dlrs": 100, "dls": 100,
          "dollars": 100}


SINGLE_ROW_RE = re.compile(r"^(?P<oper>oper(?:ating)?\s+)?shr\s+(?:(?P<k>loss|profit)\s+)?"
                           r"(?P<v>[\d][\d.,/-]*|one|two|three|four|five|six|seven|eight|nine|ten)"
                           r"(?P<u>(?:p\b|\s+[A-Za-z][A-Za-z.]{0,7}){0,2})$", re.IGNORECASE)


def _opens_table(seed: Seed, first: str) -> bool:
    """'Shr loss 11 cts' followed by 'Net loss 739,146': a table with no year-earlier column."""
    rows = [p.strip() for p in seed.paragraphs[1:4]]
    return len(first) < 60 and any(RESULTS_ROW_RE.match(r) or r.lower().startswith(("loss ", "avg shrs"))
                                   for r in rows)


# A share figure that says nothing: "Shr nil vs nil", "Shr not given", "Shr 23 cts vs not reported".
EMPTY_SIDE_RE = re.compile(r"(?i)\b(?:nil|not\s+(?:given|reported|available)|n/?a|same)\b")
NET_ROW_RE = re.compile(r"(?i)^(?:oper(?:ating)?\s+)?net\b")
NET_SINGLE_RE = re.compile(r"(?i)^(?P<oper>oper(?:ating)?\s+)?net\s+(?:(?P<k>loss|profit)\s+)?"
                           r"(?P<v>\d[\d.,]*\d|\d)(?P<u>(?:\s+(?:mln|bln|million|billion|stg|dlrs|yen)){0,2})"
                           r"(?:\s+vs\s+(?:not\s+given|n/?a|nil|not\s+reported))?$")


def _results_told(seed: Seed, first: str) -> str:
    """What the table's first row says happened; where its share figures are nil or missing, the
    net row below says it ("Shr nil vs nil" over "Net loss 59,922 vs loss 357,203"): a share rounded
    to nothing tells neither a reader nor an archive of look-alike tables anything."""
    row = first.rstrip(".")
    told = results_change(row) or results_figure(row) or _net_figure(row)
    if told and not EMPTY_SIDE_RE.search(row):
        return told
    rows = [p.strip().rstrip(".") for p in seed.paragraphs]
    at = next((i for i, p in enumerate(rows) if p.endswith(row)), None)
    for below in rows[at + 1:at + 3] if at is not None else ():
        if NET_ROW_RE.match(below):
            below = re.sub(r",(?=\s+vs\b)", "", below)  # "Net loss 77,879, vs loss 65,501"
            net = results_change(below) or _net_figure(below)
            return net if (net and not EMPTY_SIDE_RE.search(below)) or not told else told
    return told


def _net_figure(row: str) -> str:
    """'Net 3.1 mln vs not given' -> 'profit of 3.1 million': a net row with no year-earlier figure."""
    m = NET_SINGLE_RE.match(row)
    if not m:
        return ""
    kind = (m["k"] or "profit").lower()
    return f"{'operating ' if m['oper'] else ''}{kind} of {_figure(m['v'], m['u'].strip())}"


def results_figure(row: str) -> str:
    """'Shr loss 11 cts' (no year-earlier figure) -> 'loss of 11 cents a share'."""
    m = SINGLE_ROW_RE.match(re.sub(r"(?i)\s+vs\s+(?:not\s+given|n/?a|nil)$", "", row))
    if not m:
        return ""
    kind = (m["k"] or "profit").lower()
    return f"{'operating ' if m['oper'] else ''}{kind} of {_figure(m['v'], m['u'].strip())} a share"


def _value(number: str, unit: str) -> float | None:
    """A figure in one unit for comparing: cents, or the number as written."""
    value = 0.0 if number.lower() == "nil" else _amount(number)
    if value is None:
        return None
    for word in unit.lower().split():
        value *= _SCALE.get(word, 1)
    return value


_UNIT_WORDS = {"mln": "million", "bln": "billion", "cts": "cents", "ct": "cent", "p": "pence",
               "stg": "sterling",
               "dlr": "dollars", "dlrs": "dollars", "dls": "dollars"}


def _figure(number: str, unit: str) -> str:
    """'1.20', 'dlrs' -> '$1.20'; '98', 'cts' -> '98 cents'; '1.1', 'mln dlrs' -> '$1.1 million'."""
    words = [w if w.count(".") > 1 else w.rstrip(".") for w in unit.split()]
    words = [_UNIT_WORDS.get(w.lower(), w.lower() if w.isupper() and "." not in w else w) for w in words]
    if number.lower() in ("one", "1") and words in (["cents"], ["dollars"]):
        words = [words[0][:-1]]
    # "$1.1 million", but "78 million N.Z. dollars": a named dollar keeps its name
    if words and words[-1].lower() == "dollars" and number[:1].isdigit() and (len(words) == 1 or (
            len(words) == 2 and words[0] in ("million", "billion"))):
        return f"${number}{' ' + words[0] if len(words) == 2 else ''}"
    return " ".join([number, *words])


# A name that opens a sentence ("Reuter Inc is a spindle maker") or follows "full name is": the
# table's own company. Named anywhere else (", sold to Dominion Resources Inc") it is another one.
OWN_NAME_BEFORE_RE = re.compile(r"(?:^|[.:;]\s+|(?:full|company's|company)\s+(?:company\s+)?name\s+"
                                r"(?:of\s+(?:the\s+)?company\s+)?(?:is\s+)?)$", re.IGNORECASE)


# The agency's ways of giving a table's company its full name: "NOTE: Full name of company is X",
# "X is full name of company", or the name alone in brackets on a line of its own.
FULL_NAME_RES = (
    re.compile(r"(?i)\bfull\s+(?:company\s+)?name\s+(?:of\s+(?:the\s+)?company\s+)?is\s+"
               r"(?P<name>[^;\n]{3,80}?(?:\b(?:Inc|Corp|Co|Ltd)\.)?)(?:(?<!\b[A-Z])\.\s|\.?\s*$)", re.M),
    re.compile(r"^(?:NOTES?\s*:\s*)?(?P<name>[A-Z][^.;:\n]{2,80}?)\s+is\s+(?:the\s+)?full\s+name\s+of\s+"
               r"(?:the\s+)?company", re.M | re.I),
    re.compile(r"^\((?P<name>[A-Z][^()\n]{2,80})\)$", re.M),
    # "NOTE: Federal Home Loan Mortgage Corp. FHLMC had ...": a note that opens with a company's name
    re.compile(r"^(?:NOTES?|Notes?)\s*:\s*(?P<name>[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of|and|&))*?"
               r"\s+(?:Inc|Corp|Co|Ltd|Plc|PLC|Corporation|Company)\.?)(?=\s+[A-Z]|\s*$)", re.M),
    # "NOTE: Winthrop Insured Mortgage Investors II.": a note that is only a name
    re.compile(r"^(?:NOTES?|Notes?)\s*:\s*(?P<name>[A-Z][\w.&'-]*(?:\s+(?:[A-Z0-9][\w.&'/-]*|of|and|&|the|de))*?)"
               r"\.?$", re.M),
)
# "NOTE: Medar changed its fiscal year ...": the note's subject, a name no dictionary has.
NOTE_SUBJECT_RE = re.compile(r"^(?:NOTES?|Notes?)\s*:\s*(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})\s+"
                             r"(?P<verb>is|was|has|had|will|plans|expects|[a-z]+ed)\b", re.M)


def _named_in_full(text: str) -> str:
    """The company a table's note names as its own: in full, alone, or as the note's subject."""
    m = NOTE_SUBJECT_RE.search(text)
    common = lx.common_words()
    # "Year-ago restated": a compound of dictionary words is no name either
    if m and m["name"][:1].isupper() and not all(w.lower() in common for w in re.split(r"[\s-]+", m["name"])):
        return m["name"]
    for pattern in FULL_NAME_RES:
        m = pattern.search(text)
        if m:
            name = m["name"].strip().rstrip(".")
            return name if not name.islower() else " ".join(
                w if w in ("of", "and", "the", "for") else w[:1].upper() + w[1:] for w in name.split())
    return ""


def table_company(seed: Seed, organizations: Iterable[str]) -> str:
    """The company a results or dividend table reports on, when its own text names it."""
    text = "\n".join(seed.paragraphs)
    named = _named_in_full(text) or _owned(text)
    if named:
        return named
    for name in organizations:
        if name.split()[-1].rstrip(".") not in _COMPANY_ENDS and "Bancorp" not in name:
            continue
        for m in re.finditer(re.escape(name), text):
            line = text[max(0, m.start() - 40):m.start()].split("\n")[-1]
            before = re.sub(r"^(?:NOTES?|Note)\s*:?\s*", "", line)
            if OWNER_AFTER_RE.match(text, m.end()):
                continue
            clause = text[max(0, m.start() - 120):m.start()].split("\n")[-1]
            if OWN_NAME_BEFORE_RE.search(before) or _own_by_context(clause, text, m.end()):
                return name
    return ""


# "ITT Corp <ITT> owns 100 pct of ITT Canada common shares": a note on who owns the table's company
# names it as what is owned.
OWNED_RE = re.compile(r"^(?:NOTES?\s*:\s*)?[A-Z][^\n.;]{1,60}?\s+(?:<[A-Z0-9.]{1,10}>\s+)?owns\s+"
                      r"(?:about\s+)?[\d.]+\s+(?:pct|percent)\s+of\s+(?:the\s+)?"
                      r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})(?=\s+[a-z]|\.?$)", re.M)


def _owned(text: str) -> str:
    """The company a note says another owns (all or part of): the table's own."""
    m = OWNED_RE.search(text) if " owns " in text else None  # the scan only where a note can say so
    return m["name"] if m else ""


# Where a note writes the table's company by name in passing: the subject of a clause on its own
# accounts ("not presented as Great Country Bank converted to a stock bank"), or the holders the
# company pays ("company distributed its interest in the unit to Kay Corp holders").
CLAUSE_OPENER_RE = re.compile(r"(?i)\b(?:as|because|since|when|after|until)\s+$")
OWN_VERB_RE = re.compile(r"\s+(?:<[^<>]*>\s+)?(?:converted|changed|adopted|went|became|reported|restated"
                         r"|was\s+(?:formed|organized|incorporated|founded)|completed\s+its)\b")
HOLDERS_RE = re.compile(r"\s+(?:<[^<>]*>\s+)?(?:common\s+)?(?:share|stock)?holders\b")


def _own_by_context(before: str, text: str, end: int) -> bool:
    """The note names the table's company as a clause's subject on its own accounts, or as the
    company whose holders it pays: the wording, not the name, says whose it is."""
    if CLAUSE_OPENER_RE.search(before) and OWN_VERB_RE.match(text, end):
        return True
    return bool(re.search(r"(?i)\b(?:distributed|paid|issued)\b(?:[^.;]|\.(?=\d))*\bto\s+$", before)
                and HOLDERS_RE.match(text, end))


# "ITT Corp owns 100 pct of ITT Canada": the sentence's subject is the parent, not the table's company.
OWNER_AFTER_RE = re.compile(r"\s+(?:<[^<>]*>\s+)?(?:owns|owned|holds|held|controls|acquired|bought"
                            r"|has\s+a\s+stake)\b")


_COMPANY_ENDS = frozenset(["Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Cos", "Company",
                           "Ltd", "Ltd.", "Limited", "Plc", "PLC", "plc", "LP", "AG", "SA", "NV", "SpA",
                           "Group", "Bancorp", "Industries", "Holdings", "Trust", "Bank"])



def _amount(text: str) -> float | None:
    text = text.lower().rstrip(".,")
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    whole, _, frac = text.partition("-")
    try:
        value = float(whole.replace(",", ""))
        if frac and "/" in frac:
            a, b = frac.split("/", 1)
            value += int(a) / int(b)
        return value
    except ValueError:
        return None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# A paragraph that is only a date ("Friday, July 21, 2017", "21 July 2017"): a web page's or a
# converter's date line above the story, never its news.
DATE_LINE_RE = re.compile(rf"^(?:{compress.WEEKDAY},?\s+)?(?:{compress.MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
                          rf"|\d{{1,2}}\s+{compress.MONTH},?\s+\d{{4}})\.?$")


def _from_story(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraphs from the story's first: past date lines and lines above the story (a photo
    caption, a name line), all of them when no story paragraph follows."""
    for i, paragraph in enumerate(paragraphs):
        text = _clean(paragraph)
        if not DATE_LINE_RE.match(text) and not _above_story(text, paragraphs[i + 1:i + 2]):
            return paragraphs[i:]
    return paragraphs


CAPTION_WORDS = 14  # a caption or name line is short: wire leads run 20-40 words


def _above_story(text: str, following: tuple[str, ...]) -> bool:
    """'Far end of the convention floor', 'Braverman and Sunak': a short line with no sentence's
    stop, above a paragraph that is a sentence of the story (longer, ending on its stop); not a
    table row or introduction, not a heading in capitals (the desk's own headline, which the
    compressor reads), not a sentence the wire broke ("... and Walt Disney" / "expect to ...")."""
    words = text.split()
    if not following or len(words) > CAPTION_WORDS or text[-1:] in STOPS + ":;" or text.isupper() \
            or is_table_row(text):
        return False
    story = _clean(following[0])
    return len(story.split()) > len(words) + 5 and story[-1:] in STOPS and not story[:1].islower() \
        and not is_table_row(story)


STOPS = ".!?\"'\u201d"


def _lead(paragraphs: Sequence[str]) -> str:
    """The lead paragraph, joined with the next where the wire broke a sentence ("said a sharp" /
    "rise in its share price ...")."""
    lead = paragraphs[0]
    for following in paragraphs[1:3]:
        if lead.rstrip()[-1:] in ".!?\"'" or not following[:1].islower():
            break
        lead = f"{lead.rstrip()} {following.strip()}"
    return lead


def _clean(text: str) -> str:
    if "<" in text:  # most paragraphs have no brackets: two scans saved
        text = BRACKET_TICKER_RE.sub("", text)  # tickers: <SRD>, <AKZO.AS>
        text = COMPANY_BRACKETS_RE.sub(r"\1", text)  # Reuters' <Company Name>
    return LEAD_DATELINE_RE.sub("", text).strip()


BRACKET_TICKER_RE = re.compile(r"\s*<[A-Z0-9.]{1,10}>")
COMPANY_BRACKETS_RE = re.compile(r"<([^<>]{1,80})>")


def spell_out(text: str) -> str:
    """Wire abbreviations a reader would not use: mln, dlrs, pct."""
    text = WIRE_RE.sub(_spelled, text)
    if "illion" in text:
        text = DOUBLED_SIZE_RE.sub(r"\1", text)  # the wire's "1.143 billion mln"
    return text[:1].upper() + text[1:]


DOUBLED_SIZE_RE = re.compile(r"\b(billion|million)\s+(?:mln|million)\b")


def _spelled(m: re.Match[str]) -> str:
    if m[1]:
        size = {"mln": "million", "bln": "billion"}.get(m[2].lower(), m[2].lower())
        return f"${m[1]} {size}" if size else f"${m[1]}"
    if m[3].isupper() and len(m[3]) > 2:
        return m[3]  # "CTS Corp", "DIV" in a name: capitals are a name, not a wire word
    return WIRE_WORDS[m[3].lower()]


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, never mid-word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut_text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut_text + "\u2026"


def unique_titles(items: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Make titles unique across the archive: ``(id, title, dateline)`` -> ``{id: title}``.

    The first article (in the given order) keeps its title; a repeat gets its dateline city
    added, then a running number if that is still taken.
    """
    return distinct_titles((i, t, d, (), "") for i, t, d in items)


# A figure or date in a summary that can tell two same-titled stories apart ("May 3", "$1.2 million").
FIGURE_RE = re.compile(rf"\b{compress.MONTH}\s+\d{{1,2}}\b"
                       r"|\$?\d[\d.,]*\d(?:\s+(?:million|billion|percent|cents))?|\$\d+")


def distinct_titles(items: Iterable[tuple], fixed: Iterable[str] = ()) -> dict[str, str]:
    """Titles unique across the archive, told apart by what the text says before a number:
    ``(id, title, dateline, organizations, summary[, date])`` -> ``{id: title}``.

    The first article (in the given order) keeps its title; a repeat gets, in turn, a company its
    text names, its dateline city, a figure or date from its summary, the day it was filed, and
    only then the city and a running number. Titles of ``fixed`` ids (an editor's own headline)
    are never changed.
    """
    items = list(items)
    locked = set(fixed)
    taken = {title.lower() for article_id, title, *_ in items if article_id in locked}
    out: dict[str, str] = {}
    for article_id, title, dateline, *rest in items:
        if article_id in locked:
            out[article_id] = title
            continue
        organizations, summary = (list(rest[0]), rest[1]) if len(rest) >= 2 else ([], "")
        filed = _day(rest[2]) if len(rest) >= 3 else ""
        candidate = title
        if candidate.lower() in taken:
            city = dateline.split(",")[0].strip().title()
            options = _tellers(title, organizations, city, summary)
            # A daily report ("Federal Reserve enters government securities market") repeats its
            # headline word for word: the day it was filed is what tells one from the next.
            options += [f"{title} ({filed})"] if filed else []
            candidate = next((o for o in options if o.lower() not in taken), "")
            base = f"{title} ({city})" if city else title
            n = 2
            while not candidate or candidate.lower() in taken:
                candidate = f"{base} ({n})"
                n += 1
        taken.add(candidate.lower())
        out[article_id] = candidate
    return out


def _day(date: object) -> str:
    """'March 3' for a ``datetime.date`` or an ISO date string; "" for anything else."""
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            return ""
    return f"{date:%B} {date.day}" if isinstance(date, dt.date) else ""


def _tellers(title: str, organizations: list[str], city: str, summary: str) -> list[str]:
    """Ways to tell a repeated title apart, from the article's own text, most telling first."""
    low = title.lower()
    out = [f"{title} ({o})" for o in organizations[:2] if o.split()[0].lower() not in low]
    if city and city.lower() not in low:
        out.append(f"{title} ({city})")
    # a bare whole number ("(30)") would read as the running number the site falls back to
    figure = next((m.group(0) for m in FIGURE_RE.finditer(summary)
                   if m.group(0).lower() not in low and not m.group(0).isdigit()), "")
    if figure:
        out.append(f"{title} ({figure})")
    return out
