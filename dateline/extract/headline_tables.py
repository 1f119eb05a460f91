"""Headlines for sports and election tables that say what happened, read from the table's rows.

Evidence: each row below a table's introduction is read by shape (a match score line, "A beat B
6-4", a name with a column of figures, a rank or score before names, a share of the vote), and
the introduction gives the competition. Decision: the shape most rows share says what the table
is (results, standings, a leaderboard, a race, scorers, returns). Phrase: the competition and
the outcome from the rows ("Scottish premier division: Rangers beat Raith Rovers 2-0", "Aston
Villa top English premier league, a point ahead of Newcastle", "Nolan leads Australian Open by
three shots"). Names come from the table, in proper case. Nothing here knows a competition, a
club or a party by name: shapes only. Where the rows say nothing certain, "" (the caller keeps the
introduction as the headline).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import lexicon as lx
from .headline_words import without_legal_form

MAX_ROWS = 40  # rows read below the introduction: enough for any table's top
# A team or player: capitalised words, joined by the particles names carry ("Racing de Santander").
NAME = (r"[A-Z\u00c0-\u00de0-9][\w.'&/-]*(?:\s+(?:[A-Z\u00c0-\u00de0-9][\w.'&/-]*"
        r"|de|of|and|la|del|van|von|der|di|da|le))*?")
BRACKETS_RE = re.compile(r"\s*\([^()]*\)")
# "In Oslo: ", "Group three: " before a score line.
PLACE_PREFIX_RE = re.compile(r"^[A-Z][\w.' -]{1,30}:\s+")
# "Aberdeen 2 (Wishart 14) Kilmarnock 1", "Seattle 102 NEW JERSEY 94 (OT)": one match.
MATCH_RE = re.compile(rf"^(?P<a>{NAME})\s+(?P<x>\d{{1,3}})\s+(?P<b>{NAME})\s+(?P<y>\d{{1,3}})"
                      r"(?:\s+(?:OT|SO|aet|pens?|\d-\d)\b.*)?(?:[.;,]\s.*)?\.?$")
# "3 - Yevgeny Korolyov (Russia) beat Hendrik Dreesen (Germany) 6-2 6-1": seeds and countries go.
BEAT_RE = re.compile(rf"^(?:(?P<wseed>\d{{1,2}})\s+-\s+)?(?P<w>{NAME})\s+(?:beat|bt|def\.?|defeated)\s+"
                     rf"(?:(?P<seed>\d{{1,2}})\s+-\s+)?(?P<l>{NAME})\s+(?P<score>\d{{1,2}}-\d{{1,2}}(?:\s+\d{{1,2}}-\d{{1,2}})*)")
# "Manchester United 26 15 8 3 52 29 53", "Orlando 37 14 .725 -": a name and a column of figures.
STANDING_RE = re.compile(rf"^(?:\d{{1,2}}\.?\s+)?(?P<name>{NAME})\s+"
                         r"(?P<cells>(?:[-+]?\.?\d[\d.,]*|-)(?:\s+(?:[-+]?\.?\d[\d.,]*|-|\d/\d))+)$")
# "1. Damon Ashcroft (Britain) Williams 1 hour 32 minutes", "1 Tomba (Italy) 1:58.07": a placing.
GREEDY_NAME = (r"[A-Z\u00c0-\u00de][\w.'&/-]*(?:\s+(?:[A-Z\u00c0-\u00de][\w.'&/-]*"
               r"|de|van|von|der|di|da|le|of|the|and|for|du|des|la|del))*")
# "100 metres: 1. Donovan Baptiste (Canada) 10.03": an event's placings on one line.
PLACED_RE = re.compile(rf"^(?:(?P<event>[\w'][\w ,.'-]{{1,30}}):\s+)?(?P<pos>1|2)[.)]?\s+"
                       rf"(?P<name>{GREEDY_NAME})(?=[\s,;]|$)")
# "200 metres: Kemar Bailey-Cole (Jamaica) 19.96 seconds": an event and its winner's mark, in a
# table of winners (no placing written).
WINNER_RE = re.compile(rf"^(?P<event>[\w'][\w ,.'-]{{1,30}}):\s+(?P<name>{GREEDY_NAME})\s+(?:\([^()]*\)\s+)?"
                       r"\d[\d:.,]*(?:\s+\w+){0,2}$")
# "203 Greg Nolan 67 68 68", "11 - Fredi Brandl (VfB Stuttgart)", "65 Tiger Woods": a figure, then names.
FIGURE_FIRST_RE = re.compile(r"^(?P<fig>[-+]?\d{1,3}|E|par)\s+(?:-\s+)?(?P<names>[A-Z\u00c0-\u00de].*)$")
# "Democratic Union 50 seats, 47.1 percent", "Social Democrats 36.4 (45.3) 131 seats", "Boris Yeltsin
# 35.28", "National Party 20.39, 82": a name, its share (a decimal, or a figure with its unit), its seats.
VOTE_RE = re.compile(rf"^(?P<name>{GREEDY_NAME})(?:\s+-)?\s+(?:(?P<seats0>\d{{1,4}})\s+seats?,?\s*)?"
                     r"(?P<pct>\d{1,2}\.\d{1,2}|\d{1,2}(?=\s*(?:percent|pct|%)))\s*(?:percent|pct|%)?"
                     r"(?:,?\s+(?P<seats>\d{1,4})(?:\s+seats?)?)?[.,;]?(?:\s+.*)?$")
TOTAL_SEATS_RE = re.compile(r"\b(?P<n>\d{2,4})-(?:seat|member)\b")
# Words every table's introduction has ("Results of", "standings", "Leading scores"): without one, no
# row is read.
TABLE_WORDS_RE = re.compile(r"(?=[rRsStTlLwWpPfFbB])(?i:results?\b|scores?\b|standings|table\b|ladder|scorers"
                            r"|winners|placings|finishers|returns|leaderboard|box\s+lines\b|scoreboard|summary\b)")
# Introductions: what the table is and which competition it is of.
LEAD_WORDS_RE = re.compile(r"(?i)^(?:the\s+)?(?:following\s+are\s+)?(?:the\s+)?"
                           r"(?P<stage>(?:[\w$.,-]+\s+){0,4}?)"
                           r"(?P<what>results?|scores?|standings|table|ladder|(?:leading\s+)?(?:goal)?scorers"
                           r"|winners|placings|finishers|returns|leaderboard)"
                           r"(?:\s+and\s+(?:[\w-]+\s+){0,3}?(?:standings|placings|scorers|results))?"
                           r"\s+(?:of|from|in|at|for|after)\s+(?:the\s+)?(?P<rest>.+)$")
TRAILING_WHAT_RE = re.compile(r"(?i)^(?P<rest>.+?)\s+(?:soccer\s+|baseball\s+|basketball\s+|hockey\s+)?"
                              r"(?P<what>standings|table|ladder|results|box\s+lines)\b")
# Where a competition's name ends: the day, the venue, how it was played, a comma's aside.
COMP_END_RE = re.compile(r"(?:^|\s+)(?:on|after|with|as|announced|issued|released|played|held|run|counted"
                         r"|tabulated|matches|games|ties|fixtures|races|(?:up\s+)?to|(?:match\s+|game\s+)?between)\b.*$"
                         r"|,.*$|\s+(?:at|over)\s+the\s+weekend\b.*$"
                         # a race's distance ("over one mile", "over 261 km") is not its name
                         r"|\s+over\s+(?:[\w.,]+\s+){1,2}?(?:km|kilometres|metres|meters|miles?|furlongs|laps)\b.*$"
                         r"|\s+at\s+(?:the\s+)?"
                         r"(?:par-\d+\s+)?[A-Z].*$")
MONEY_RE = re.compile(r"^(?:the\s+)?(?:[A-Z]{0,2}\$|\u00a3)[\d.,]+\s+(?:(?:million|billion)\s+)?")
DAY_RE = re.compile(r"(?i)\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\s*")
STAGE_OF_RE = re.compile(r"(?i)^(?:the\s+)?(?P<stage>(?:[\w-]+\s+){0,2}?(?:stage|round|day|leg|race))\s+of\s+"
                         r"(?:the\s+)?(?P<comp>.+)$")
ROUND_RE = re.compile(r"(?i)\b(?P<round>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]round\b")
FINAL_RE = re.compile(r"(?i)\bfinal\b")
RUN_OFF_RE = re.compile(r"(?i)\brun-?off\b|\bsecond\s+round\b")
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True)
class Match:
    a: str
    x: int
    b: str
    y: int


@dataclass(frozen=True)
class Reading:
    """The rows of one shape: what a table is, and its rows in that shape's terms."""
    shape: str  # "match", "beat", "standing", "placed", "winner", "figure-first", "vote"
    rows: tuple


def table_headline(intro: str, rows: Sequence[str]) -> str:
    """What happened, from a table's introduction and its rows; "" where the rows do not say."""
    phrase = match_outcome(intro, rows) or title_fight(rows)
    if not phrase:
        comp, what, stage = competition(intro)
        companies = _agrees("company", what, intro)
        if not comp and not companies:
            return ""
        shapes = frozenset(shape for shape, _ in READERS
                           if (shape == "company" and companies) or (comp and _agrees(shape, what, intro)))
        reading = read_rows(rows, columns(intro), shapes)
        if reading is None:
            return ""
        if reading.shape == "company":
            return _finish(_companies(reading.rows, intro))
        phrase = PHRASES[reading.shape](reading.rows, comp, what, stage, intro, rows)
    slug = SLUG_RE.match(intro.strip())
    if phrase and slug:
        if len(slug["sport"]) + len(phrase) > SHORT and ", " in phrase:
            phrase = phrase.rsplit(", ", 1)[0]  # the margin goes before the desk's sport slug
        phrase = f"{slug['sport']} - {phrase[:1].upper()}{phrase[1:]}"
    return _finish(phrase) if phrase else ""


# "the third one-day international between Sri Lanka and India", "Tuesday's game between the Chicago
# Cubs and the St. Louis Cardinals": one match and its two sides.
BETWEEN_RE = re.compile(rf"(?:^|\s)(?P<match>(?:[\w'-]+\s+){{0,4}}?)between\s+"
                        rf"(?:the\s+)?(?P<a>{GREEDY_NAME})\s+and\s+(?:the\s+)?(?P<b>{GREEDY_NAME})")
# "Result: Sri Lanka won by eight wickets.": a match's outcome in its summary.
WON_BY_RE = re.compile(rf"^Result:\s+(?P<w>{GREEDY_NAME})\s+won\s+by\s+(?P<margin>[\w -]+?)\s*(?:\(.*)?\.?$")
# "St. Louis 200 000 21x - 5 10 0": a line score's innings (or periods), then the total.
LINE_SCORE_RE = re.compile(rf"^(?P<name>{GREEDY_NAME})\s+(?:[\dxX]{{1,3}}\s+){{2,}}-\s+(?P<total>\d{{1,3}})"
                           r"(?:\s+\d{1,2}){0,2}$")
MATCH_WORDS_RE = re.compile(r"(?i)^(?:\w+'s\s+)?(?:game|match)$")


def match_outcome(intro: str, rows: Sequence[str]) -> str:
    """One match's outcome where the introduction names its two sides ("between India and
    Australia") and a row says who won: a summary's "Result: India won by five runs" or a line
    score's totals; "" otherwise."""
    m = BETWEEN_RE.search(BRACKETS_RE.sub("", intro))
    if not m:
        return ""
    sides = (m["a"], m["b"])
    match = DAY_RE.sub("", re.split(r"\b(?:of|in|from|at)\s+", m["match"])[-1])
    match = re.sub(r"(?i)^(?:the|a)\s+", "", match.strip())
    within = f" in {match}" if match and not MATCH_WORDS_RE.match(match) else ""
    for row in rows[:MAX_ROWS]:
        won = WON_BY_RE.match(row.strip())
        if won and won["w"] in sides:
            lost = sides[1] if won["w"] == sides[0] else sides[0]
            return f"{won['w']} beat {lost} by {won['margin']}{within}"
    totals = [(side, int(line["total"])) for line in map(LINE_SCORE_RE.match, rows[:MAX_ROWS]) if line
              for side in sides if side.startswith(line["name"])]
    if len(totals) == 2 and totals[0][0] != totals[1][0] and totals[0][1] != totals[1][1]:
        (win, x), (lose, y) = sorted(totals, key=lambda t: -t[1])
        return f"{win} beat {lose} {x}-{y}{within}"
    return ""


# "WBC super-middleweight title: Nigel Bramble (Britain) 167-3/4 beat Sugar Ray Tillman (U.S.) 168 on
# points", "Light-welterweight (IBF title): Ricky Hatton (Britain) beat ...": a title bout on a card.
TITLE_BOUT_RE = re.compile(rf"^(?P<what>[A-Z][^:]{{2,60}}?\btitle\)?):\s+(?P<w>{GREEDY_NAME})\s+"
                           rf"(?:\([^()]*\)\s+)?(?:[\d/-]+\s+)?(?:beat|bt|def\.?|defeated|outpointed|stopped)\s+(?P<l>{GREEDY_NAME})")
BODY_TITLE_RE = re.compile(r"^(?P<weight>.+?)\s*\((?P<body>[^()]+?)\s+title\)$")


def title_fight(rows: Sequence[str]) -> str:
    """The first title bout of a fight card, its winner and loser: "Bramble beats Tillman in WBC
    super-middleweight title fight"; "" where no row's heading names a title."""
    for row in rows[:MAX_ROWS]:
        m = TITLE_BOUT_RE.match(row.strip())
        if not m:
            continue
        body = BODY_TITLE_RE.match(m["what"])
        what = f"{body['body']} {body['weight'].lower()} title" if body else m["what"]
        what = what if what.split()[0].isupper() else what[:1].lower() + what[1:]
        return f"{surname(proper(m['w']))} beats {surname(proper(m['l']))} in {what} fight"
    return ""


def outcome_row(headline: str, row: str) -> bool:
    """Whether ``row`` is the one a match's or a card's ``headline`` was read from."""
    if WON_BY_RE.match(row.strip()):
        return True
    m = TITLE_BOUT_RE.match(row.strip())
    return m is not None and all(surname(proper(m[k])) in headline for k in ("w", "l"))


def read_rows(rows: Sequence[str], cols: Sequence[str] = (),
              shapes: frozenset[str] | None = None) -> Reading | None:
    """The shape most of the table's rows share, with its rows read (two rows at least); ``cols``,
    the vote columns the introduction names, read an election's rows; only ``shapes`` the
    introduction allows are tried (all when None)."""
    readers = [(s, r) for s, r in READERS if shapes is None or s in shapes]
    found: dict[str, list] = {}
    for row in rows[:MAX_ROWS]:
        for shape, reader in readers:
            got = _vote_in(row, cols) if shape == "vote" and cols else reader(row)
            if got is not None:
                found.setdefault(shape, []).append(got)
                break
    if not found:
        return None
    counts = Counter({shape: len(got) for shape, got in found.items()})
    shape, n = counts.most_common(1)[0]
    if n < 2 and not (shape in ("match", "beat") and n == 1):
        return None
    return Reading(shape, tuple(found[shape]))


ELECTION_RE = re.compile(r"(?i)\b(?:elections?|votes?|voting|polls?|primar(?:y|ies)|referendum|ballots?|seats"
                         r"|parliament|assembly|presidential|constituenc(?:y|ies))\b")


def _agrees(shape: str, what: str, intro: str) -> bool:
    """Whether the introduction says the kind of table the rows' shape is: a column of figures is
    standings only under "standings"/"table" or a tabulation, a share of the vote only in an
    election, a figure before names only for scores or scorers."""
    if shape == "company":
        return GROUP_RE.search(intro) is not None and "bracket" in intro
    if shape == "vote":
        return ELECTION_RE.search(intro) is not None
    if ELECTION_RE.search(intro):
        return False
    if shape == "standing":
        return what in ("standings", "table", "ladder") or "tabulated" in intro
    if shape == "winner":
        return what == "winners"
    if shape == "figure-first":
        return "score" in what or what == "leaderboard"
    if shape == "placed":
        return what in ("results", "result", "placings", "finishers", "winners", "standings")
    return True


# --- evidence: one row read by shape --------------------------------------------------------

def _match(row: str) -> Match | None:
    told = TOTALS_RE.match(row.strip())
    if told:  # "Collingwood 15.12 (102) beat Carlton 10.8 (68)"
        return Match(proper(told["a"]), int(told["x"]), proper(told["b"]), int(told["y"]))
    text = BRACKETS_RE.sub("", PLACE_PREFIX_RE.sub("", row)).strip()
    m = MATCH_RE.match(text)
    if not m or not _is_name(m["a"]) or not _is_name(m["b"]):
        return None
    return Match(proper(m["a"]), int(m["x"]), proper(m["b"]), int(m["y"]))


# Australian rules: goals.behinds and the total in brackets either side of "beat" or "drew with".
TOTALS_RE = re.compile(rf"^(?P<a>{GREEDY_NAME})\s+\d+\.\d+\s+\((?P<x>\d+)\)(?:\s+\([^()]*\))?\s+"
                       rf"(?:beat|drew\s+with|lost\s+to)\s+(?P<b>{GREEDY_NAME})\s+\d+\.\d+\s+\((?P<y>\d+)\)")


def _beat(row: str) -> tuple[str, str, str, str, str] | None:
    """(winner, loser, score, loser's seed, winner's seed) of a tennis-style row."""
    m = BEAT_RE.match(BRACKETS_RE.sub("", row).strip())
    if not m:
        return None
    return proper(m["w"]), proper(m["l"]), m["score"], m["seed"] or "", m["wseed"] or ""


def _standing(row: str) -> tuple[str, tuple[str, ...]] | None:
    m = STANDING_RE.match(BRACKETS_RE.sub("", row).strip())
    if not m or not _is_name(m["name"]):
        return None
    cells = tuple(m["cells"].split())
    return (proper(m["name"]), cells) if len(cells) >= 3 else None


def _placed(row: str) -> tuple[int, str, str] | None:
    """(place, name, event or "") of a placing."""
    m = PLACED_RE.match(row.strip())
    if not m or not _is_name(m["name"]) or m["name"].split()[-1][:1].isdigit():
        return None
    return int(m["pos"]), proper(m["name"]), m["event"] or ""


def _winner(row: str) -> tuple[int, str, str] | None:
    """(1, winner, event) of a winners table's row, in a placing's terms."""
    m = WINNER_RE.match(row.strip())
    if not m or not _is_name(m["name"]):
        return None
    return 1, proper(m["name"]), m["event"]


def _figure_first(row: str) -> tuple[str, list[str]] | None:
    m = FIGURE_FIRST_RE.match(row.strip())
    if not m:
        return None
    names = [re.sub(r"(?:\s+\d{1,3})+$", "", BRACKETS_RE.sub("", n)).strip() for n in m["names"].split(",")]
    names = [proper(n) for n in names if n and _is_name(n)]
    return (m["fig"], names) if names else None


def _vote(row: str) -> tuple[str, str, str] | None:
    """(name, seats, share) of an election row; bracketed earlier results and parties go."""
    m = VOTE_RE.match(BRACKETS_RE.sub("", row).strip())
    if not m or not _is_name(m["name"]):
        return None
    return proper(m["name"]), m["seats0"] or m["seats"] or "", m["pct"] or ""


# "Likud 30", "Social Democrats 36.4 (45.3) 131 seats": a name and figures, read by the columns the
# introduction names.
FIGURES_ROW_RE = re.compile(rf"^(?P<name>{GREEDY_NAME})\s+"
                            r"(?P<figs>[-+]?\d[\d.,]*(?:\s*(?:pct|percent|%|seats?))?"
                            r"(?:[,;]?\s+[-+]?\d[\d.,]*(?:\s*(?:pct|percent|%|seats?))?)*)\.?$")
FIGURE_RE = re.compile(r"[-+]?\d[\d.,]*")


def columns(intro: str) -> tuple[str, ...]:
    """What an election table's figures are, from its introduction's bracket: "(percent of vote,
    1994 result in brackets, seats in the 349-seat Riksdag)" -> ("pct", "seats"); () if none."""
    specs = re.findall(r"\(([^()]{3,200})\)", intro)
    for spec in reversed(specs):
        cols = []
        for item in (i.strip().lower() for i in re.split(r",|;", spec)):
            if "bracket" in item or re.fullmatch(r"(?:party|parties|candidates?|names?)", item):
                continue
            pct = re.search(r"percent|pct|share|%|votes?\b", item)
            cols.append("seats" if "seat" in item else "pct" if pct else "other")
        if "seats" in cols or "pct" in cols:
            return tuple(cols)
    return ()


def _vote_in(row: str, cols: Sequence[str]) -> tuple[str, str, str] | None:
    """(name, seats, share) of a row whose figures stand in the introduction's columns."""
    m = FIGURES_ROW_RE.match(BRACKETS_RE.sub("", row).strip())
    if not m or not _is_name(m["name"]):
        return None
    figures = [f.rstrip(".,") for f in FIGURE_RE.findall(m["figs"])]
    if len(figures) > len(cols):
        return None
    got = dict(zip(cols, figures, strict=False))
    seats, pct = got.get("seats", "").replace(",", ""), got.get("pct", "")
    if (seats and not seats.isdigit()) or (pct and not re.fullmatch(r"\d{1,2}(?:\.\d+)?", pct)):
        return None
    return (proper(m["name"]), seats, pct) if seats or pct else None


# "Westpac Banking Corp 681 (613)", "Broken Hill Proprietary Co Ltd (BHP) 412 (loss 108)": a company's
# figure beside its year-earlier one in brackets.
COMPANY_ROW_RE = re.compile(r"^(?P<name>[A-Z][^()\d]{1,60}?)\s+(?:\([^()\d]{1,20}\)\s+)?"
                            r"(?P<now>(?:loss\s+)?[\d,.]+)\s+\((?P<was>(?:loss\s+)?[\d,.]+)\)$")


def _company_row(row: str) -> tuple[str, float, float] | None:
    """(company, figure, year-earlier figure) of a many-company results table, a loss negative."""
    m = COMPANY_ROW_RE.match(row.strip())
    if not m:
        return None
    now, was = _signed(m["now"]), _signed(m["was"])
    return (m["name"], now, was) if now is not None and was is not None else None


def _signed(figure: str) -> float | None:
    loss = figure.startswith("loss")
    value = _number(figure.removeprefix("loss").strip().replace(",", ""))
    return -value if loss and value is not None else value


READERS = (("company", _company_row), ("vote", _vote), ("beat", _beat), ("match", _match),
           ("placed", _placed), ("winner", _winner), ("standing", _standing), ("figure-first", _figure_first))


def _is_name(text: str) -> bool:
    """A team's, player's or party's name: capitalised, not a heading word alone, not a figure."""
    words = text.split()
    return bool(words) and len(words) <= 7 and words[0][:1].isupper() and not words[0][:1].isdigit() \
        and text.lower() not in HEADING_WORDS


# Headings a table's rows sit under, never a name ("Group two", "Played on Saturday", "Year").
HEADING_WORDS = frozenset(["group", "played", "overall", "standings", "scorers", "attendance", "attendances",
                           "total", "turnout", "others", "other", "year", "pool", "division"])


def proper(name: str) -> str:
    """A name written in capitals ("NEW JERSEY", "ST LOUIS") in proper case; others as written. An
    initialism ("N.Y.", "NY") stays in capitals."""
    if not any(ch.isalpha() and ch.isupper() for ch in name) or not name.isupper():
        return name
    return " ".join(w if "." in w or len(w) <= 1 or w.isdigit() or not VOWELS_RE.search(w)
                    else w[:1] + w[1:].lower() for w in name.split())


VOWELS_RE = re.compile(r"[AEIOU]")


# --- the competition, from the introduction -----------------------------------------------

def competition(intro: str) -> tuple[str, str, str]:
    """(competition, what the table is, stage): ("Australian Open", "scores", "third round")."""
    text = BRACKETS_RE.sub("", intro).strip().rstrip(":. ")
    text = SLUG_RE.sub("", text)
    text = DAY_RE.sub("", text)
    m = LEAD_WORDS_RE.match(text)
    found = _named(m["stage"].strip(), m["what"].lower(), m["rest"]) if m else ("", "", "")
    t = TRAILING_WHAT_RE.match(text) if not found[0] else None
    if t:  # "English Premier League soccer standings after Saturday's matches"
        found = _named("", t["what"].lower(), t["rest"], whole=True)
    comp, what, stage = found
    comp = proper(comp) if comp.isupper() and " " in comp else comp  # "NBA" alone is an acronym
    return (comp, what, stage) if comp and len(comp) <= 60 else ("", "", "")


def _named(stage: str, what: str, rest: str, whole: bool = False) -> tuple[str, str, str]:
    """(competition, what, stage) from the words after "results of"; an empty name when only the
    day or venue follows. ``whole``: the words before "standings" are the name itself, with
    nothing to cut ("Russia's electoral commission on Friday issued ... results" names none)."""
    rest = MONEY_RE.sub("", re.sub(r"^(?:a|an|the)\s+", "", rest.strip()))
    of = STAGE_OF_RE.match(rest)
    event = EVENT_RE.match(rest) if not of and rest[:1].islower() else None
    if of:
        stage, rest = f"{stage} {of['stage']}".strip(), of["comp"]
    elif event:  # "second-round matches at the Rotterdam indoor tournament"
        stage, rest = f"{stage} {event['stage']}".strip(), MONEY_RE.sub("", event["event"])
    vote = ELECTION_TO_RE.match(rest)  # "election to the Bundestag, ..." -> "Bundestag election"
    comp = f"{COMP_END_RE.sub('', vote[2]).strip()} {vote[1]}" if vote else COMP_END_RE.sub("", rest).strip()
    if whole and comp != rest.strip():
        return "", "", ""
    comp = STAGE_WORD_RE.sub("", comp)
    comp = re.sub(r"^\d+-(?:seat|member)\s+", "", comp)  # the house's size is a figure, not its name
    comp = re.sub(r"(?i)\s+(?:soccer|matches|games)$", "", comp).strip()
    comp = re.sub(r"\b(?:qualifiers|qualifying)\b", "qualifier", comp)  # one match of the round
    stage = re.sub(r"(?i)\b(?:leading|final|provisional|official|the)\b", "", stage).strip()
    return (comp, what, stage) if _names_one(comp) else ("", "", "")


def _names_one(comp: str) -> bool:
    """Whether the words left name a competition: a capitalised word ("Super 12"), or two words or
    more in lower case ("world handball championship"); a lone common word ("card") names none."""
    words = comp.split()
    if any(w[:1].isupper() for w in words):
        return True
    return len(words) >= 2 and words[0].lower() not in LOWER_OPENERS and all(w[:1].isalpha() for w in words)


# A lower-case remainder opening on these is an aside, not a competition's name.
LOWER_OPENERS = frozenset(["a", "an", "the", "this", "that", "its", "their", "his", "her", "some", "all",
                           "other", "several", "two", "three", "four"])


STAGE_WORD_RE = re.compile(r"(?i)^(?:leading|final|provisional|official|preliminary|near-final|partial)"
                           r"(?:\s+|$)")
EVENT_RE = re.compile(r"^(?P<stage>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)"
                      r"(?:\s+(?:matches|games|races|events|ties))?\s+(?:at|in)\s+(?:the\s+)?(?P<event>[A-Za-z\d$].+)$")
ELECTION_TO_RE = re.compile(r"^(elections?|vote|poll)\s+(?:to|for)\s+(?:the\s+)?(.+)$")


# A desk's sport slug before an introduction ("Soccer - ", "Golf: "), kept before the headline.
SLUG_RE = re.compile(r"^(?P<sport>[A-Z][a-z]+(?:\s+[a-z]+){0,2})\s*(?:\s-|:)\s+(?=[A-Z])")


# --- decision and phrase, per shape ----------------------------------------------------------

def _matches(rows: tuple, comp: str, what: str, stage: str, *_: object) -> str:
    first = next((m for m in rows if m.x != m.y), rows[0])  # a win is the news before a draw
    return f"{_with_stage(comp, stage)}: {_result(first)}"


def _with_stage(comp: str, stage: str) -> str:
    """'Rotterdam indoor tennis tournament second-round': the round a result line belongs to."""
    return f"{comp} {stage}" if stage and stage.lower() not in comp.lower() else comp


def _result(m: Match) -> str:
    if m.x == m.y:
        return f"{m.a} and {m.b} draw {m.x}-{m.y}"
    win, lose = (m.a, m.b) if m.x > m.y else (m.b, m.a)
    return f"{win} beat {lose} {max(m.x, m.y)}-{min(m.x, m.y)}"


def _beats(rows: tuple, comp: str, what: str, stage: str, *_: object) -> str:
    """A seed beaten by a lower seed or an unseeded player is the news of a round ("Hrubes beats top
    seed Solvang"); else the first result."""
    upsets = sorted((int(r[3]), r) for r in rows if r[3] and (not r[4] or int(r[4]) > int(r[3])))
    if upsets:
        seed, (win, lose, *_rest) = upsets[0]
        which = "top seed" if seed == 1 else f"No. {seed} seed"
        return f"{surname(win)} beats {which} {surname(lose)} at {comp}"
    win, lose, score, *_rest = rows[0]
    return _fit(f"{_with_stage(comp, stage)}: {win} beat {lose} {score}",
                f"{comp}: {surname(win)} beat {surname(lose)} {score}",
                f"{comp}: {surname(win)} beat {surname(lose)}")


def _standings(rows: tuple, comp: str, what: str, stage: str, intro: str, raw: Sequence[str]) -> str:
    """The leader and the margin over the second, in the table's points or games-behind column; in
    a table of divisions, the first division's leader."""
    leader, cells = rows[0]
    second, cells2 = rows[1]
    section, together = _first_section(raw)
    if section and comp.split()[-1].lower() == section.split()[0].lower():
        comp = comp.rsplit(" ", 1)[0]  # "Euroleague group" over "Group A"
    where = f"{comp} {section}" if section else comp
    column = _points_column(intro, len(cells))
    margin = ""
    if not together:
        column = None
    if column == "gb" and cells2[-1].replace(".", "").isdigit():
        behind = _games(raw, rows[1])
        margin = f" by {behind} game{'' if behind == '1' else 's'}" if behind else ""
    elif column is not None and isinstance(column, int) and len(cells2) == len(cells):
        a, b = _number(cells[column]), _number(cells2[column])
        if a is not None and b is not None and a >= b:
            gap = a - b
            margin = (f", {_count(gap)} point{'s' if gap != 1 else ''} ahead of {second}" if gap
                      else f", level on points with {second}")
    return _fit(f"{leader} top {where}{margin}", f"{leader} top {where}")


def _first_section(raw: Sequence[str]) -> tuple[str, bool]:
    """The heading over the first rows of a table of divisions ("Atlantic Division"), "" for one
    table; and whether the first two rows stand under one heading."""
    first = next((i for i, text in enumerate(raw) if _standing(text)), None)
    if first is None:
        return "", False
    together = first + 1 < len(raw) and _standing(raw[first + 1]) is not None
    later = any(_is_heading(text) for text in raw[first + 1:])
    heading = next((text for text in reversed(raw[:first]) if _is_heading(text)), "")
    if not later or not heading:
        return "", together
    return proper(heading.rstrip(":")), together


def _is_heading(text: str) -> bool:
    """A division's or group's heading ("NORTHEAST DIVISION", "Group B"); not a row of column
    names ("W L T GF GA PTS")."""
    words = text.rstrip(":").split()
    return 0 < len(words) <= 4 and not any(ch.isdigit() for ch in text) and words[0][:1].isupper() \
        and not all(w.isupper() and len(w) <= 4 for w in words)


SHORT = 80  # a longer phrase loses its last detail (the margin) where a shorter one says the news


def _fit(*phrases: str) -> str:
    """The first phrase short enough for a wire headline, else the shortest."""
    return next((p for p in phrases if len(p) <= SHORT), min(phrases, key=len))


def _games(raw: Sequence[str], row: tuple) -> str:
    """Games behind as the table writes it ("6 1/2", "two"), from the second row's text."""
    for text in raw:
        if proper(text).startswith(row[0]):
            m = re.search(r"(\d+(?:\s+1/2)?|1/2)\s*$", text)
            if m:
                return _count(int(m[1])) if m[1].isdigit() else m[1]
    return ""


def _points_column(intro: str, width: int) -> int | str | None:
    """Which cell is the points: named in "(tabulated under ... points)"; "gb" for games behind."""
    m = re.search(r"\(tabulated under ([^()]*)\)", intro)
    if not m:
        return None
    heads = [h.strip().lower() for h in re.split(r",|\band\b", m[1]) if h.strip()]
    if heads and heads[-1] in ("games behind", "gb"):
        return "gb"
    for i, head in enumerate(heads):
        named = head in ("points", "pts", "point") or re.fullmatch(r"[\w-]+ points", head)
        if named and len(heads) == width:
            return i
    return None


def _number(cell: str) -> float | None:
    try:
        return float(cell.replace(",", ""))
    except ValueError:
        return None


def _count(n: float) -> str:
    whole = int(n)
    return NUMBER_WORDS[whole] if whole == n and whole < len(NUMBER_WORDS) and whole != 1 else \
        ("a" if whole == n == 1 else f"{n:g}")


def _placed_rows(rows: tuple, comp: str, what: str, stage: str, intro: str, raw: Sequence[str]) -> str:
    """A race's or event's winner; the overall leader too where a standings line names another."""
    winner, event = next(((name, event) for pos, name, event in rows if pos == 1), ("", ""))
    if not winner:
        return ""
    event = event or _event_heading(raw, winner)
    where = f"{event} at {comp}" if event else f"{stage} of {comp}" if stage else comp
    won = f"{surname(winner)} wins {where}"
    leader = _overall_leader(raw)
    if leader and surname(leader) != surname(winner):
        return _fit(f"{won}, {surname(leader)} leads overall", won)
    return won


def _event_heading(raw: Sequence[str], winner: str) -> str:
    """The event a winner's placings stand under, from the line just above them ("Men's 400 metres
    freestyle" over "1. Sun Yang (China) 3:42.58"); "" where none is, or only "Men" is."""
    for i, text in enumerate(raw):
        placed = _placed(text)
        if placed and placed[0] == 1 and placed[1] == winner:
            above = raw[i - 1].strip() if i else ""
            words = above.split()
            if 2 <= len(words) <= 6 and above[:1].isupper() and not _placed(above) \
                    and not re.search(r"[():;]", above) and not OVERALL_RE.match(above):
                return above[:1].lower() + above[1:] if not words[0].isupper() else proper(above)
            return ""
    return ""


OVERALL_RE = re.compile(r"(?i)^overall(?:\s+(?:standings|classification|placings))?\s*:?\s*(?P<rest>.*)$")


def _overall_leader(raw: Sequence[str]) -> str:
    """Who leads the overall standings below a stage's results: "Overall standings: 1. Ravnholt"."""
    for i, text in enumerate(raw):
        m = OVERALL_RE.match(text.strip())
        if not m:
            continue
        for following in (m["rest"], *raw[i + 1:i + 2]):
            placed = _placed(following) if following else None
            if placed and placed[0] == 1:
                return placed[1]
        return ""
    return ""


def _figure_first_rows(rows: tuple, comp: str, what: str, stage: str, intro: str, raw: Sequence[str]) -> str:
    """A leaderboard ("203 Greg Nolan 67 68 68") or a scorer list ("11 - Fredi Brandl (VfB Stuttgart)")."""
    fig, names = rows[0]
    leaders = " and ".join(surname(n) for n in names[:2])
    plural = len(names) > 1
    if "scorer" in what:
        verb = "lead" if plural else "leads"
        return f"{leaders} {verb} {comp} scorers with {fig}"
    if not fig.lstrip("+-").isdigit():
        return ""
    after = ""
    round_ = ROUND_RE.search(f"{stage} {intro}")
    if round_:
        after = f" after {round_['round'].lower()} round"
    final = (round_ is not None and round_["round"].lower() in ("final", "4th", "fourth")) or \
        FINAL_RE.search(stage or "") is not None
    gap = _gap(fig, rows[1][0]) if len(rows) > 1 and not plural else ""
    if final and not plural:
        return f"{leaders} wins {comp}{f' by {gap}' if gap else ''}"
    verb = "lead" if plural else "leads"
    return f"{leaders} {verb} {comp}{f' by {gap}' if gap else ''}{after}"


def _gap(first: str, second: str) -> str:
    """Strokes between the leader and the next score ("by three shots")."""
    try:
        gap = abs(int(second) - int(first))
    except ValueError:
        return ""
    if not gap:
        return ""
    return "one shot" if gap == 1 else f"{_count(gap)} shots"


def _votes(rows: tuple, comp: str, what: str, stage: str, intro: str, raw: Sequence[str]) -> str:
    """The winner and its share, seats and majority where the introduction gives the house's size;
    a run-off's two candidates where the text says so. Only where the table's first row is read:
    an unread row above might be the winner."""
    first = next((text for text in raw if not (_is_heading(text) and (text.endswith(":") or text.isupper()))),
                 "")
    if not first or proper(first).split()[0] != rows[0][0].split()[0]:
        return ""
    ranked = [r for r in rows if r[0].lower() not in HEADING_WORDS and not r[0].lower().startswith("against")]
    if not ranked:
        return ""
    ranked = sorted(ranked, key=lambda r: (int(r[1] or 0), float(r[2] or 0)), reverse=True)
    name, seats, pct = ranked[0]
    election = comp if re.search(r"(?i)\b(?:election|vote|poll|primary|referendum|ballot)s?\b", comp) \
        else f"{comp} election"
    if len(ranked) > 1 and pct and float(pct) < 50 and RUN_OFF_RE.search(" ".join(raw)):
        return f"{surname(name)} and {surname(ranked[1][0])} go to run-off in {election}"
    total = TOTAL_SEATS_RE.search(intro)
    share = f" with {pct} percent" if pct else ""
    if seats and total:
        n = int(total["n"])
        if int(seats) > n // 2:
            return _fit(f"{election}: majority for {name} with {seats} of {n} seats",
                        f"{election}: majority for {name}")
        return _fit(f"{election}: {name} first{share or f' with {seats} seats'} but short of majority",
                    f"{election}: {name} first{share or f' with {seats} seats'}")
    return _fit(f"{election}: {name} first{share}", f"{election}: {name} first") if share or seats else ""


# "reported by leading Swiss companies", "of Germany's big private banks": whose results a table lists.
GROUP_RE = re.compile(r"\b(?:by|of|from)\s+(?:the\s+)?"
                      r"(?P<group>(?:[\w'-]+\s+){0,4}?(?:companies|banks|firms|groups|insurers|carmakers|airlines"
                      r"|retailers|utilities|miners|brokers|brewers))\b")
PERIOD_RE = re.compile(r"(?i)^(?P<lead>half-year|first-half|annual|quarterly|nine-month|full-year)\b"
                       r"|\b(?:for|in)\s+(?P<year>(?:19|20)\d\d)\b")


def _companies(rows: tuple, intro: str) -> str:
    """How many of a many-company table's profits rose on the year-earlier figure in brackets."""
    group = GROUP_RE.search(intro)
    if not group or len(rows) < 3:
        return ""
    period = PERIOD_RE.search(intro)
    when = (period["lead"].lower() if period["lead"] else period["year"]) if period else ""
    up = sum(now > was for _, now, was in rows)
    down = sum(now < was for _, now, was in rows)
    n = len(rows)
    what = f"{when} profits".strip()
    if up == down:
        return f"{what} mixed at {group['group']}"
    move, k = ("rise", up) if up > down else ("fall", down)
    share = f"all {_count(n)}" if k == n else f"{_count(k)} of {_count(n)}"
    return f"{what} {move} at {share} {'of ' if k == n and chr(39) in group['group'] else ''}{group['group']}"


PHRASES: dict[str, Callable[..., str]] = {
    "match": _matches, "beat": _beats, "standing": _standings, "placed": _placed_rows, "winner": _placed_rows,
    "figure-first": _figure_first_rows, "vote": _votes}


PARTICLES = frozenset(["de", "van", "von", "der", "da", "di", "le"])


def surname(name: str) -> str:
    """A person's surname as a desk writes it in a headline; a name opening on a word of the
    dictionary ("Lady of the Lake", a horse; "Moon Jae-in", surname first) stays whole."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in lx.common_words() \
            or not all(w[:1].isupper() or w in PARTICLES for w in words):
        return name
    particles = [i for i, w in enumerate(words) if w in PARTICLES]
    return " ".join(words[particles[0]:]) if particles else words[-1]


def _finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(":,;")
    return text[:1].upper() + text[1:]


# --- results and dividend tables ("Shr 1.20 dlrs vs 98 cts", "Qtly div 17 cts vs 15 cts") ------------
# The rows are read in `headline`; here, what the table's own shape adds to their headline.

# A cumulative block below a quarter's figures says which quarter the first block is: a year's
# figures follow only the fourth quarter's, nine months' the third's, six months' the second's. On
# the train split (even NEWID) this agrees with the agency's own title ("4TH QTR NET") in 386 of
# the 389 tables that carry such a block (a title's slip, two month-and-year tables). "12 mths" is
# no such block: utilities report a rolling twelve months below a month or a quarter.
CUMULATIVE_RE = re.compile(r"(?i)^(?:[a-z]{3,9}\s+\d{1,2}\s+)?(?P<span>year|(?:nine|9|six|6)\s+m(?:on)?ths"
                           r"|(?:first|1st)\s+half)(?:\s+(?:ended|ending|to|thru|through)\b.{0,20})?\.?$")
QUARTER_BEFORE = {"year": "fourth", "nine": "third", "9": "third", "six": "second", "6": "second",
                  "first": "second", "1st": "second"}
# "NOTE: 1986 4th qtr net includes ...": a note naming the quarter the table reports.
ORDINAL_QUARTER_RE = re.compile(r"(?i)\b(?P<n>1st|2nd|3rd|4th|first|second|third|fourth)"
                                r"[- ](?:qtr|quarter)\b")
ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}


def which_quarter(paragraphs: Sequence[str], period: str) -> str:
    """'fourth-quarter' for a 'quarterly' table, or one whose first block has no period heading
    (""), when its own blocks say which quarter it is (the cumulative block below it); for a
    'quarterly' one, else the one quarter its notes name; ``period`` unchanged otherwise."""
    if period not in ("quarterly", ""):
        return period
    for text in paragraphs[1:MAX_ROWS]:
        block = CUMULATIVE_RE.match(text.strip()) if len(text) < 40 else None
        if block:
            return f"{QUARTER_BEFORE[block['span'].split()[0].lower()]}-quarter"
    if not period:
        return period
    named = {ORDINALS.get(n.lower(), n.lower()) for n in ORDINAL_QUARTER_RE.findall("\n".join(paragraphs))}
    return f"{named.pop()}-quarter" if len(named) == 1 else period


LIMIT = 90  # the headline's limit (headline.MAX_TITLE)
WIRE_LENGTH = 80  # a desk's results headline; longer ones lose the year-earlier figure first
SWING_RE = re.compile(r"^(?P<oper>operating\s+)?(?P<now>profit|loss) of (?P<a>.+?) "
                      r"vs (?P<was>profit|loss) of ")
# A net row's figures, not a share's: "profit falls to 59,608 from 95,909" is the net profit.
NET_TOLD_RE = re.compile(r"^(?P<oper>operating\s+)?(?P<kind>profit|loss)\b(?!.*\ba share\b)")
YEAR_EARLIER_RE = re.compile(r"\s+from\s+(?:profit\s+of\s+|loss\s+of\s+)?\S+"
                             r"(?:\s+(?:cents?|pence|million|billion|dollars?))?$")


def results_headline(company: str, period: str, told: str) -> str:
    """Whose results, for which period, and what happened: 'Kellogg third-quarter profit rises to 96
    cents a share from 83 cents'. Where that is long for a wire headline, the year-earlier figure
    goes first, then the period: the company and the change are the news. A swing between profit
    and loss reads 'results swing to loss of ... from profit of ...'; a net row's figures say
    'net profit', so that a bare figure is not read as a share's."""
    if not SWING_RE.match(told):
        told = NET_TOLD_RE.sub(lambda m: f"{m['oper'] or ''}{'' if m['oper'] else 'net '}{m['kind']}", told)
    told = SWING_RE.sub(lambda m: f"{m['oper'] or ''}results swing to {m['now']} of {m['a']} "
                                  f"from {m['was']} of ", told)
    shorter = YEAR_EARLIER_RE.sub("", told)
    short_name = without_legal_form(company)  # a desk drops it where the headline is long
    return _fit_wire(f"{company} {period} {told}", f"{short_name} {period} {told}",
                     f"{short_name} {period} {shorter}", f"{short_name} {shorter}")


def with_company(company: str, phrase: str) -> str:
    """'Acme Corp quarterly dividend raised to 17 cents from 15 cents'; the legal form goes where
    the headline is long for a wire headline."""
    return _fit_wire(f"{company} {phrase}", f"{without_legal_form(company)} {phrase}")


def _fit_wire(*phrases: str) -> str:
    """The first phrase within a wire headline's length, else the first within the limit, else the last."""
    clean = [re.sub(r"\s+", " ", p).strip() for p in phrases]
    return next((c for c in clean if len(c) <= WIRE_LENGTH), None) or \
        next((c for c in clean if len(c) <= LIMIT), clean[-1])


# A dividend row's first word, how often it is written: "Qtly", "Qtrly", "Qtlry", "Qlty", "Mthly",
# "Mtly", "Semi", "Semi-annual", "Special", "Interim": any one word before "div".
DIVIDEND_KIND = r"[A-Za-z][A-Za-z-]{2,11}"


def dividend_kind(word: str) -> str:
    """'quarterly', 'monthly', 'semi-annual', 'annual' for a dividend row's first word however it is
    abbreviated (by its opening letters: a desk's abbreviations keep them), or the word itself
    where it is a word of the dictionary ('special', 'interim'); "" for anything else."""
    word = word.lower()
    if word.startswith("semi"):
        return "semi-annual"
    if word.startswith("ann"):
        return "annual"
    if word in lx.common_words():
        return word if word not in ("div", "dividend", "cash") else ""
    if word.startswith("q"):
        return "quarterly"
    if word.startswith("m") and "t" in word:
        return "monthly"
    return ""


# A dividend table's date rows: "Pay March 31" (or "Payable", "Paid") and "Record March 13".
PAY_RE = re.compile(r"^(?:Pay(?:able)?|Paid|PAY(?:ABLE)?)\s+(?P<date>[A-Z][\w ,/-]{2,60}?)\.?$")
RECORD_RE = re.compile(r"^(?:Record|RECORD)\s+(?:[Dd]ate\s+)?(?P<date>[A-Z][\w ,/-]{2,60}?)\.?$")
DAY_WORD_RE = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8}\.?)\s+"
                         r"(?P<day>(?i:one|two|three|four|five|six|seven|eight|nine))\b")


def dividend_dates(rows: Sequence[str]) -> list[str]:
    """A dividend table's rows with its "Pay" and "Record" rows told in one phrase, the way the
    wire's prose tells them: "Payable March 31 to holders of record March 13"."""
    paid = held = ""
    at: int | None = None
    kept: list[str] = []
    for row in rows:
        pay = PAY_RE.match(row.strip()) if not paid else None
        record = RECORD_RE.match(row.strip()) if not held else None
        if not pay and not record:
            kept.append(row)
            continue
        paid = _day_in_figures(pay["date"]) if pay else paid
        held = _day_in_figures(record["date"]) if record else held
        if at is None:
            at = len(kept)
            kept.append("")
    if at is None:
        return kept
    kept[at] = (f"Payable {paid} to holders of record {held}" if paid and held
                else f"Payable {paid}" if paid else f"Holders of record {held}")
    return kept


def _day_in_figures(date: str) -> str:
    """'April Nine' -> 'April 9': a day of the month in figures, as a date is written."""
    return DAY_WORD_RE.sub(lambda m: f"{m['month']} {NUMBER_WORDS.index(m['day'].lower())}", date)
