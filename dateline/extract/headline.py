"""Headline and summary, drawn from the lead paragraph (seeds carry no headline).

The title is the lead's first sentence made to read like a headline: wire brackets and an
opening dateline removed, "X said ... that Y" turned into "X says Y", trailing attribution
("officials said") dropped, wire abbreviations spelled out, then cut at the strongest natural
boundary (a clause, then a phrase) that keeps it within ~90 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..article import Seed

MAX_TITLE = 90
MAX_SUMMARY = 300
# Lookbehinds must be fixed-width, hence one per abbreviation length.
# The leading lookahead rejects, in one test, every position that is no stop (most of the text).
SENTENCE_END_RE = re.compile(r'(?=[.!?])(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|vs))'
                             r'(?<!\b(?:Mrs|Inc|Ltd|Gen|Sen|Gov|Rep))'
                             r'(?<!\bCorp)[.!?]["\u201d]?(?=\s+["\u201c]?[A-Z0-9])')
LEAD_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z]+\))?\s*(?:--|[-\u2013\u2014])\s+")
# "President Bashar Assad said in comments published Thursday that ..." / "X said it ..."
_WHO = r"^(?P<who>[A-Z<][^,;\"]{1,70}?)(?P<aside>,[^,]{1,60},)?\s+said"
# "Prices are said to be ...": a passive, not a speaker.
PASSIVE_END = (" is", " are", " was", " were", " be", " been")
PRONOUN_RE = re.compile(r"\b(?:it|he|she|they|we|its|his|her|their)\b")
SAID_THAT_RE = re.compile(_WHO + r"\b(?P<mid>[^\"]{0,60}?)\s+that\s+(?P<what>.+)$")
SAID_RE = re.compile(_WHO + r"\s+(?P<what>(?!(?:on|in|at|yesterday|today|last|this|late|earlier)\b)"
                              r"[\w$\"].+)$")
TRAILING_SAID_RE = re.compile(r",\s+(?:[^,\"]{0,60}?\s+)?(?:said|says|reported|announced|told reporters)"
                              r"(?:\s+(?:on\s+)?(?:today|yesterday|\w+day))?\.?$")
TITLES_RE = re.compile(r"^(?:(?:U\.S\.|[A-Z][a-z]+)\s+)*?"
                       r"(?:President|Prime Minister|Minister|Secretary|Chancellor|"
                       r"Governor|Gov\.|Sen\.|Rep\.|Chairman|Mr\.|Mrs\.|Ms\.|Dr\.|King|Premier)\s+")
# Wire abbreviations and what a reader would write; "57 mln dlr" becomes "$57 million".
WIRE_WORDS = {"mln": "million", "bln": "billion", "dlr": "dollars", "dlrs": "dollars", "pct": "percent",
              "stg": "sterling", "cts": "cents", "ct": "cent", "shr": "share", "qtly": "quarterly",
              "qtrly": "quarterly", "div": "dividend", "revs": "revenues"}
_WIRE_FIRSTS = "".join(sorted({w[0] for w in WIRE_WORDS}))
# The leading lookahead skips every position that cannot open a wire word before the alternation runs.
WIRE_RE = re.compile(rf"(?=[\d{_WIRE_FIRSTS}{_WIRE_FIRSTS.upper()}])"
                     r"\b(?:(\d[\d.,/-]*) (mln|bln) dlrs?|(" + "|".join(WIRE_WORDS) + r"))\b", re.IGNORECASE)
# Boundaries to cut at, strongest first, each with the least share of the limit a cut must keep.
BOUNDARIES = [(re.compile(p), keep) for p, keep in (
    (r";\s", 0.45), (r"\s--\s", 0.45), (r",\s+(?:but|while|although|as|after|because)\s", 0.45),
    (r",\s", 0.45),
    (r"\s(?:but|while|although|because|after|before|as|when|which|who|amid|despite|since|until)\s", 0.55),
    (r"\s(?:for|with|in|on|at|from|by|over|under|into|through)\s", 0.7))]
# Words a cut must not leave dangling at the end.
DANGLING_RE = re.compile(r"(?:\s+(?:the|a|an|its|his|her|their|of|and|or|to|said|says))+$")


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


def title_and_summary(seed: Seed, organizations: Iterable[str] = ()) -> tuple[str, str]:
    """Both at once: the lead is cleaned and split into sentences one time.

    A results or dividend table ("Shr 1.20 dlrs vs 98 cts", "Qtly div 17 cts vs 15 cts") gets a
    headline in words ("Acme Corp: quarterly results"), not its first row spelled out."""
    parts = sentences(_clean(_lead(seed.paragraphs))) if seed.paragraphs else []
    table = table_headline(seed, organizations) if seed.paragraphs else ""
    if parts and not table:
        first = parts[0] if len(parts[0]) <= MAX_TITLE else drop_asides(parts[0])
        title = cut(spell_out(as_headline(first)), MAX_TITLE)
    else:
        title = table
    picked = ""
    for sentence in parts:
        if picked and len(picked) + len(sentence) + 1 > MAX_SUMMARY:
            break
        picked = f"{picked} {sentence}".strip()
    return title, shorten(picked, MAX_SUMMARY)


# The first row of a results table, and of a dividend announcement.
RESULTS_ROW_RE = re.compile(r"^(?:Oper(?:ating)?\s+|Primary\s+|Fully diluted\s+)?(?:shr|net|revs|sales)\b",
                            re.IGNORECASE)
DIVIDEND_RE = re.compile(r"^(?P<kind>qtly|qtrly|quarterly|monthly|semi-annual|semiannual|annual|"
                         r"special|extra|initial)?\s*(?:div|dividend|payout)\s+(?P<new>[\d.,/-]+|\w+)"
                         r"\s*(?P<unit>cts?|dlrs?|p)?\s+vs\s+(?P<old>[\d.,/-]+|\w+)", re.IGNORECASE)
# Period headings of a results table, in the table's own words ("Qtr", "Six mths", "Year").
PERIOD_LINES = {"qtr": "quarterly", "quarter": "quarterly", "4th qtr": "fourth-quarter",
                "fourth qtr": "fourth-quarter", "first qtr": "first-quarter", "1st qtr": "first-quarter",
                "second qtr": "second-quarter", "2nd qtr": "second-quarter", "third qtr": "third-quarter",
                "3rd qtr": "third-quarter", "six mths": "half-year", "6 mths": "half-year",
                "nine mths": "nine-month",
                "1st half": "half-year", "first half": "half-year", "9 mths": "nine-month", "year": "annual",
                "12 mths": "annual",
                "annual": "annual"}
PERIOD_WORD_RE = re.compile(r"(?i)\b(?:qtr|quarter|mths|year)\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


def table_rows(seed: Seed) -> tuple[str, str]:
    """(period heading or "", first row) of a results or dividend table."""
    first = LEAD_DATELINE_RE.sub("", seed.paragraphs[0]).strip()
    heading = ""
    if len(first) < 30 and len(seed.paragraphs) > 1 and PERIOD_WORD_RE.search(first):
        heading, first = first, seed.paragraphs[1].strip()  # "Qtr ended Jan 31" / "Shr 12 cts vs 10 cts"
    return heading, re.sub(r"(?i)^(?:group|parent company|consolidated)\s+", "", first)


def _dividend(div: re.Match[str]) -> tuple[str, str, str]:
    """(kind, change, unit) of a dividend row: ("quarterly", "raised to", "cents")."""
    kind = {"qtly": "quarterly", "qtrly": "quarterly", "semiannual": "semi-annual"}.get(
        (div["kind"] or "").lower(), (div["kind"] or "").lower())
    new, old = _amount(div["new"]), _amount(div["old"])
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
    """'Acme Corp: quarterly results', 'Quarterly dividend raised to 17 cents from 15 cents'."""
    heading, first = table_rows(seed)
    company = next((o for o in organizations if o.split()[-1] in _COMPANY_ENDS), "")
    prefix = f"{company}: " if company else ""
    div = DIVIDEND_RE.match(first)
    if div:
        kind, change, unit = _dividend(div)
        what = f"{kind} dividend".strip()
        if change:
            same = change.startswith("unchanged")
            tail = f" {div['new']} {unit}" + ("" if same else f" from {div['old']} {unit}")
            return cut(_cap(f"{prefix}{what} {change}{tail}"), MAX_TITLE)
        return cut(_cap(f"{prefix}{what}"), MAX_TITLE)
    if not RESULTS_ROW_RE.match(first) or " vs " not in first:
        return ""
    what = f"{_period(seed, heading, first)} results".strip()
    if company:
        return cut(f"{company}: {what}", MAX_TITLE)
    row = SHARE_ROW_RE.match(first.rstrip("."))
    if row:
        a = WIRE_RE.sub(_spelled, f"{row['k1'].lower() + ' of ' if row['k1'] else ''}{row['a']}")
        b = WIRE_RE.sub(_spelled, f"{row['k2'].lower() + ' of ' if row['k2'] else ''}{row['b']}")
        kind = "operating " if row["oper"] else ""
        return cut(_cap(f"{what}: {kind}{a} a share vs {b}"), MAX_TITLE)
    return cut(_cap(f"{what}: {spell_out(first)[:1].lower() + spell_out(first)[1:]}"), MAX_TITLE)


_COMPANY_ENDS = frozenset(["Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Cos", "Company",
                           "Ltd", "Ltd.", "Limited", "Plc", "PLC", "plc", "LP", "AG", "SA", "NV", "SpA",
                           "Group", "Bancorp", "Industries", "Holdings", "Trust"])
# "Oper shr loss 22 cts vs profit 10 cts": the first row of a results table, read as words.
SHARE_ROW_RE = re.compile(r"^(?P<oper>oper(?:ating)?\s+)?shr\s+(?:(?P<k1>loss|profit)\s+)?(?P<a>[\w.,/-]+"
                          r"(?:\s+(?:dlrs?|cts?|yen|marks|francs))?|[\d.]+p)\s+vs\s+(?:(?P<k2>loss|profit)\s+)?"
                          r"(?P<b>[\w.,/-]+(?:\s+(?:dlrs?|cts?|yen|marks|francs))?|[\d.]+p)$", re.IGNORECASE)


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


def _lead(paragraphs: Sequence[str]) -> str:
    """The lead paragraph, joined with the next where the wire broke a sentence ("said a sharp" /
    "rise in its share price ...")."""
    lead = paragraphs[0]
    for following in paragraphs[1:3]:
        if lead.rstrip()[-1:] in ".!?\"'" or not following[:1].islower():
            break
        lead = f"{lead.rstrip()} {following.strip()}"
    return lead


# Clauses a headline can lose first: ", which was set up in 1982,", ", an affiliate of X,", "(ICCO)".
APPOSITIVE_RE = re.compile(r",\s+(?:which|who|whose|an?|the|based|owned|controlled|led|rumored|rumoured|"
                           r"adopted|guaranteed|founded|headed|known|privatised|privatized|faced|hit)\s"
                           r"[^,;\"]{3,80},\s+"
                           r"(?=(?!(?:a|an|the|and|or)\b)[a-z])")
BRACKETS_RE = re.compile(r" \([^()]{1,40}\)")


def drop_asides(text: str) -> str:
    """Without appositives and brackets: 'X, an affiliate of Y, said Z' -> 'X said Z'."""
    if "(" in text:
        text = BRACKETS_RE.sub("", text)
    text = APPOSITIVE_RE.sub(" ", text) if ", " in text else text
    return re.sub(r" {2,}", " ", text) if "  " in text else text


def _clean(text: str) -> str:
    text = re.sub(r"\s*<[A-Z0-9.]{1,10}>", "", text)  # tickers: <SRD>, <AKZO.AS>
    text = re.sub(r"<([^<>]{1,80})>", r"\1", text)  # Reuters' <Company Name>
    return LEAD_DATELINE_RE.sub("", text).strip()


def as_headline(sentence: str) -> str:
    """'X said on Thursday that Y.' -> 'X says Y'; 'Y, officials said.' -> 'Y'."""
    text = sentence.strip().rstrip(".")
    m = SAID_THAT_RE.match(text) if " said" in text else None
    if m and PRONOUN_RE.search(m["mid"]):
        m = None  # "said it is studying options that could ...": that "that" is not the reported clause
    m = m or (SAID_RE.match(text) if " said" in text else None)
    if m and len(m["what"]) > 20 and not (m["aside"] or m["who"]).endswith(PASSIVE_END):
        return f"{_speaker(m['who'])} says {m['what']}"
    stripped = TRAILING_SAID_RE.sub("", text)
    return stripped if len(stripped) > 25 else text


def _speaker(who: str) -> str:
    """'U.S. Treasury Secretary James Baker' -> 'Baker'; a company or body is kept whole."""
    who = who.strip()
    rest = TITLES_RE.sub("", who)
    if rest != who and rest and len(rest.split()) <= 4:
        return rest.split()[-1]
    return who


def spell_out(text: str) -> str:
    """Wire abbreviations a reader would not use: mln, dlrs, pct."""
    text = WIRE_RE.sub(_spelled, text)
    return text[:1].upper() + text[1:]


def _spelled(m: re.Match[str]) -> str:
    if m[1]:
        return f"${m[1]} {'million' if m[2].lower() == 'mln' else 'billion'}"
    return WIRE_WORDS[m[3].lower()]


def cut(text: str, limit: int) -> str:
    """Cut at the strongest natural boundary that keeps the text within ``limit``; appositives and
    brackets go first ("GAMCO Investors Inc, an affiliate of Gabelli and Co, says ...")."""
    if len(text) <= limit:
        return text
    shorter = drop_asides(text)
    if shorter != text:
        return cut(shorter, limit)
    for boundary, keep in BOUNDARIES:
        spots = [m.start() for m in boundary.finditer(text, 0, limit + 1) if m.start() >= limit * keep]
        if spots:
            return DANGLING_RE.sub("", text[: spots[-1]]).rstrip(" ,;:-")
    return shorten(text, limit)


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
    taken: set[str] = set()
    out: dict[str, str] = {}
    for article_id, title, dateline in items:
        candidate = title
        if candidate.lower() in taken:
            city = dateline.split(",")[0].strip().title()
            candidate = f"{title} ({city})" if city else title
        n = 2
        base = candidate
        while candidate.lower() in taken:
            candidate = f"{base} ({n})"
            n += 1
        taken.add(candidate.lower())
        out[article_id] = candidate
    return out
