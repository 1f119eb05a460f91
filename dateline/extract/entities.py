"""People, places and organizations of one article: classify each capitalised run, then unify.

Order matters and is deliberate: a known name first (gazetteer, well-known organizations), then a
title before a name (so "Secretary of State John Kerry" is a person, not a department), then the
shape of an organization, then a given name, then context cues ("said X", "X neighborhood").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..article import Seed
from ..config import ExtractSettings
from . import features as ft
from . import lexicon as lx
from . import organizations as orgs
from . import people as ppl
from . import places as plc
from .model import CLASSES, Perceptron, unpack
from .model import load as load_model
from .tokens import BRACKET_RE, Run, bracketed, find_runs, is_shouting, is_table_row

# "Milwaukee-based", "state-owned": compounds whose capitalised head names a place or an organization.
COMPOUND_TAILS = frozenset({"based", "owned", "led", "backed", "born", "run", "made", "controlled", "held",
                            "registered", "listed", "bound", "area"})
PERSON, PLACE, ORG, ACRONYM, SINGLE = "person", "place", "org", "acronym", "single"
# Lowercase words before a role in an appositive (", vice president of", ", general director").
_ROLE_MODIFIERS = (r"(?:vice|deputy|general|executive|assistant|senior|chief|managing|acting|former|"
                   r"associate|joint|economic|finance|foreign|trade|marketing|sales|research|regional|international|"
                   r"financial|technical|press|public|information|national|group|company|bank|party|"
                   r"government|the company's)\s+")
# Roles only a person holds, as they follow a name in an appositive.
_ROLES = ("secretary", "chairman", "president", "leader", "spokes(?:man|woman)", "director", "minister",
          "official", "analyst", "economist")
# "X, a spokesman", "X, 52,", "X, who": an appositive only people get (a role may be capitalised).
APPOSITIVE_RE = re.compile(r"^,\s+(?:who|a|an|the|[a-z]+ (?:of|at|for)|"
                           r"\d{2}\b(?!\s+(?:to|mm|pct|mln|dlrs|and)\b)|"
                           rf"(?:[A-Z][\w-]*\s+|{_ROLE_MODIFIERS}){{0,5}}"
                           "(?:" + "|".join(f"[{r[0].upper()}{r[0]}]{r[1:]}" for r in _ROLES) + "))\\b")
# ", vice president of": a lowercase role right after the name says it is a person's.
ROLE_APPOSITIVE_RE = re.compile(rf"^,\s+(?:{_ROLE_MODIFIERS}){{0,3}}"
                                "(?:" + "|".join((*_ROLES, "manager", "governor")) + ")\\b")
# "X said he": a verb of speech, then a personal pronoun (companies say "it").
SAID_AFTER_RE = re.compile(r"^\s+(?:(?:said|says|told|added|noted|had|has|was|is|will|would|declined|urged)\b"
                           r"(?=.{0,30}\b(?:he|his|him|she|her)\b)|told\s+(?:Reuters|reporters|a\s|the\s)"
                           r"|said\s+(?:in\s+an?\s+(?:interview|speech|television))\b)")
SINGLE_AFTER_RE = re.compile(rf"{SAID_AFTER_RE.pattern}|^,\s+who\b")
SINGLE_BEFORE_RE = re.compile(r"\b(?:said|quoted|told)\s+$")
# "Gotoh said", "Pohl told": a lone word in a speaker's place (confirms a two-word name, see _people).
SPEAKS_RE = re.compile(r"^\s+(?:said|says|told|added|noted|stated|explained|warned|estimated|described|"
                       r"declined|urged|reassured)\b")
CANDIDATE = "candidate"
NONE = "none"  # a run the rules read as no name; the model may still read one
WHOLE = "whole"  # a run the rules split or renamed, as one name
SEGMENT = "segment"  # the words of a run between its joining words, when the rules read them otherwise
IT_RE = re.compile(r"\b(?:it|its)\b")
# "F. Hoffmann-La Roche und Co": a founder's name that goes on into a company's.
COMPANY_AFTER_RE = re.compile(r"^\s+(?:und|and|&|et)\s+(?:Co|Cie|Company|Sons)\b")
# "spokesman Rich Hall", "the party's president, Arnaldo Forlani": a lowercase role before a name.
ROLE_BEFORE_RE = re.compile(r"\b(?:president|chairman|secretary|minister|director|spokesman|spokeswoman|"
                            r"governor|leader|head|chief|analyst|economist|official|executive|treasurer|"
                            r"representative|negotiator|adviser|advisor|aide|envoy|ambassador|commissioner|"
                            r"undersecretary|(?<!lead )manager),?\s+$")
# "fibre firm American Enka", "association UKASTA": a lowercase kind of organization before a name.
ORG_BEFORE_RE = re.compile(r"\b(?:firm|company|group|unit|subsidiary|bank|agency|newspaper|daily|broker|"
                           r"brokerage|"
                           r"carrier|airline|maker|producer|manufacturer|retailer|conglomerate|concern|association|"
                           r"organisation|organization|federation|union|lead manager|co-manager|insurer|"
                           r"utility|"
                           r"brokers|banks|firms|companies|underwriters?|arranger)\s+$")
# ORG_BEFORE_RE ends in one of these words, then spaces: a cheap test in C that tells most texts
# before a run (which end in other words) without the search trying every position of them.
_ORG_BEFORE_LAST = tuple(lx.words("""firm company group unit subsidiary bank agency newspaper daily broker
brokerage carrier airline maker producer manufacturer retailer conglomerate concern association organisation
organization federation union manager insurer utility brokers banks firms companies underwriter underwriters
arranger"""))


def _org_before(before: str) -> bool:
    """``ORG_BEFORE_RE.search(before)``: a lowercase kind of organization just before the run."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped.endswith(_ORG_BEFORE_LAST) \
        and bool(ORG_BEFORE_RE.search(before))


FACILITY_AFTER_RE = re.compile(r"^\s+(?:(?:gold|silver|copper|coal|oil|gas|uranium|zinc|nickel|iron|ore)\s+)?"
                               r"(?:mine|mines|oilfield|field|fields|refinery|smelter|plant|well|deposit|"
                               r"reservoir|dam|pipeline|terminal)\b")
# "Merrill Lynch analyst", "Exxon spokesman": a name its staff is named after.
STAFF_AFTER_RE = re.compile(r"^\s+(?:analysts?|spokes(?:man|woman|person)|chairman|president|economists?|"
                            r"officials?|"
                            r"executives?|directors?|chief|treasurer|dealers?|traders?|correspondent|shareholders|"
                            r"vice|board|unit|subsidiary|lawyers?|sources)\b")
# "a Woodinville, Wash., company": a town followed by its state.
STATE_AFTER_RE = re.compile(r"^,\s(" + "|".join(re.escape(a) for a in lx.US_STATE_ABBR) + r")\.,?\s")
SAID_BEFORE_RE = re.compile(r"(?:\b(?:said|says|told|according to|asked)\s*)$")
# ", a Hong Kong daily", ", owners of the ferry": an appositive that describes an organization.
ORG_APPOSITIVE_RE = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:owners?|operators?|makers?|"
                               r"parent|subsidiary|unit|daily|newspaper|company|firm|group|bank|agency|"
                               r"manufacturer|producer|broker|brokerage|insurer|carrier|airline|lead manager|"
                               r"co-manager|"
                               r"underwriters?|arrangers?|chain|store|retailer)\b")


# A news digest's items open with their own dateline: "ZEEBRUGGE, Belgium - A capsized ferry ...".
INNER_DATELINE_RE = re.compile(r"^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"
                               r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?) - (?=[A-Z])")


# Titles that are also common surnames: after a given name they end a name ("Donna Pope").
SURNAME_TITLES = frozenset({"Pope", "King", "Bishop", "Judge", "Dean", "Marshal", "Major", "Prince",
                            "Cardinal", "Abbott", "Baron", "Earl", "Knight", "Duke", "Sheriff", "Chancellor"})


@dataclass
class Mention:
    kind: str
    name: str
    role: str = ""
    titled: bool = False  # a single-word person named with a title ("President Reagan")
    # Weak evidence: a single word in a speaker's place ("Bangemann said"), or a name known only
    # from its context ("said Carling O'Keefe"), which yields to an organization of that name.
    cue: bool = False
    speaks: bool = False  # a lone word before a verb of speech ("Gotoh said")
    # An acronym the article gives in brackets after a body's name: the name it stands for,
    # whatever its letters ("Institutional Revolutionary Party (PRI)", a Spanish party's initials).
    stands_for: str = ""


@dataclass
class Entities:
    people: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    place_mentions: list[str] = field(default_factory=list)  # every mention, for weighting tags


def entities(seed: Seed, settings: ExtractSettings, contributors: Sequence[str] = (),
             model: Perceptron | None = None) -> Entities:
    """Evidence (the rules' reading of every capitalised run) -> model (features.py, model.py) ->
    decision (this article's distinct people, places and organizations). ``model``: the shipped one
    unless given (cross-validation trains its own)."""
    found, short_forms, direct = candidates(seed)
    dateline = plc.dateline_places(seed.dateline)
    evidence = ft.article_evidence(found, dateline, seed.text)
    mentions = [*direct, *decide(found, evidence, model or load_model())]
    named = {m.name for m in mentions}
    mentions += [Mention(PLACE, p) for p in plc.written_alone(
        [c.name for c in found if c.kind == PLACE], named, seed.text)]
    mentions += [Mention(PLACE, p) for p in _officers_places(found, mentions)]
    return resolve(mentions, dateline, settings, contributors, short_forms, seed.text)


def _officers_places(found: list[ft.Candidate], mentions: list[Mention]) -> list[str]:
    """"Alberta" of "Alberta Premier Don Getty": the place a titled person's run opens, when the
    model named the person and gave the place no other kind."""
    people = {m.name for m in mentions if m.kind == PERSON}
    named = {m.name for m in mentions}
    out: list[str] = []
    for c in found:
        if c.kind == PERSON and c.role and c.part_of >= 0 and c.name in people:
            place = plc.before_title(found[c.part_of].name, c.name, c.role)
            if place and place not in named and place not in out:
                out.append(place)
    return out


def candidates(seed: Seed) -> tuple[list[ft.Candidate], dict[str, str], list[Mention]]:
    """Every name the rules read in the article's runs, prose, table rows and lists alike (the
    model weighs where a run stands); also the short forms the article gives in brackets, and the
    names that need no weighing (a news digest's own datelines, Reuters' <Company Name>)."""
    found: list[ft.Candidate] = []
    direct: list[Mention] = []
    short_forms: dict[str, str] = {}  # a short name the article gives in brackets -> the full name
    runs: list[tuple[Run, str]] = []
    base = 0
    for i, paragraph in enumerate(seed.paragraphs):
        table = is_table_row(paragraph)
        # A heading in capitals names nothing; a table row in capitals names its team ("BALTIMORE 55
        # 56 .495 25" in US standings), which the model weighs as any row.
        if not table and is_shouting(paragraph):
            base += len(paragraph) + 2
            continue
        where = "table" if table else ("list" if _is_name_list(paragraph) else "prose")
        if i and paragraph[:2].isupper() and " - " in paragraph[:40]:
            inner = INNER_DATELINE_RE.match(paragraph)
            if inner:
                direct.extend(Mention(PLACE, p) for p in plc.dateline_places(inner.group(1)))
                paragraph = paragraph[inner.end():]
        if "<" in paragraph:  # Reuters' <Company Name>: an organization, and a break in any run
            for n in bracketed(paragraph):
                direct.append(Mention(ORG, orgs.known(n) or orgs.clean(n)))
                if "(" in n and ")" in n:  # "<Arabian Investment Banking Corp (Investcorp) EC>"
                    short = n.split("(", 1)[1].split(")", 1)[0].strip()
                    if short[:1].isupper():
                        short_forms[short] = orgs.clean(n)
                        direct.append(Mention(ACRONYM, short))
            paragraph = BRACKET_RE.sub(" ; ", paragraph)
        for run in find_runs(paragraph, i, base):
            if run.tokens[0] in lx.CORPORATE_SUFFIXES:
                firm, run = _suffix_led(run)
                direct.extend(firm)
            if run.tokens:
                runs.append((run, where))
        base += len(paragraph) + 2
    mid_caps = {t for r, _ in runs if not r.sentence_start for t in r.tokens}
    for index, (run, where) in enumerate(runs):
        # A table row or a line-up opens with a name, not with a sentence's capitalised first word.
        full = _cased(run.tokens if _surname_opens(run) else _trim_connectors(run.tokens))
        tokens = _cased(_trim(run, mid_caps)) if where == "prose" else full
        readings = [m for piece in _pieces(tokens)
                    for m in classify(piece, run.after, run.before) or [Mention(NONE, " ".join(piece))]]
        whole = " ".join(full)
        part_of = -1
        # (A reading that only drops the period of "Inc." at a sentence end is the run itself.)
        read = readings[0].name if len(readings) == 1 else None
        if whole and read != whole and read != orgs.clean(whole):
            # The rules trimmed, cut or split the run ("Air France" at a sentence start, "Theresa May"
            # at the month, "Manchester" + "United"): the run as one name is a candidate too, and
            # when the model takes it the rules' readings go.
            found.append(ft.Candidate(WHOLE, whole, where, run.before, run.after, run.sentence_start,
                                      parts="+".join(sorted({m.kind for m in readings})), run=index))
            part_of = len(found) - 1
        found.extend(ft.Candidate(m.kind, m.name, where, run.before, run.after, run.sentence_start,
                                  m.role, m.cue, m.speaks, m.titled, part_of, run=index) for m in readings)
        if len(full) > 2:
            found.extend(_segments(full, {m.name for m in readings}, where, run, index))
    return found, short_forms, direct


def _segments(tokens: list[str], read: set[str], where: str, run: Run, index: int) -> list[ft.Candidate]:
    """'National Hockey League for the St. Louis Eagles and Boston Bruins': the words between a
    run's joining words, each of two words or more that the rules did not read as it stands, as
    candidates with their own text either side, so the model weighs a body that the run finder
    joined to the next ("Boston Bruins") against the rules' reading and the run whole
    ("Organization of the Petroleum Exporting Countries" keeps its "Petroleum Exporting Countries")."""
    if all(t not in lx.CONNECTORS or t in lx.NAME_PARTICLES for t in tokens[1:-1]):
        return []  # most runs: no joining word inside
    out: list[ft.Candidate] = []
    start = 0
    for end in range(len(tokens) + 1):
        if end < len(tokens) and (tokens[end] not in lx.CONNECTORS or tokens[end] in lx.NAME_PARTICLES):
            continue
        if end - start >= 2 and (start or end < len(tokens)):
            name = " ".join(tokens[start:end])
            if name not in read and orgs.clean(name) not in read:
                before = run.before + " ".join(tokens[:start]) + " " if start else run.before
                after = " " + " ".join(tokens[end:]) + run.after if end < len(tokens) else run.after
                out.append(ft.Candidate(SEGMENT, name, where, before, after, run.sentence_start and not start,
                                        run=index))
        start = end + 1
    return out


def _suffix_led(run: Run) -> tuple[list[Mention], Run]:
    """'Bio/dynamics Inc and Life Science Research Ltd': a run the finder opened at a company's
    suffix, since the name before it is no capitalised word of its shape ('Bio/dynamics'). The
    suffix ends that firm, named by the word before it, and the rest of the run is read alone."""
    tokens = list(run.tokens)
    while tokens and (tokens[0] in lx.CORPORATE_SUFFIXES or tokens[0] in lx.CONNECTORS):
        tokens.pop(0)
    head = run.before.rsplit(None, 1)[-1] if run.before.strip() and run.before[-1:] == " " else ""
    named = head[:1].isupper() and head[-1].isalnum()
    firm = [Mention(ORG, orgs.clean(f"{head} {run.tokens[0]}"))] if named else []
    return firm, Run(tokens, False, run.before, run.after, run.paragraph, run.offset)


def _cased(tokens: list[str]) -> list[str]:
    """'BOLIVIA', 'NEW YORK' in a table: a place written in capitals is read as the place."""
    if not tokens or not tokens[0].isupper():
        return tokens  # most runs, told at once (this runs twice for every run of the archive)
    if all(t.isupper() and len(t) > 2 for t in tokens):
        titled = [t.title() for t in tokens]
        if plc.lookup(" ".join(titled)):
            return titled
    return tokens


def _trim_connectors(tokens: list[str]) -> list[str]:
    tokens = list(tokens)
    while tokens and (tokens[0] in lx.FUNCTION_WORDS or tokens[0] in lx.CONNECTORS):
        tokens.pop(0)
    return tokens


def weighed_name(name: str) -> str:
    """The words of a name the model weighs: 'He Kang' (kept whole by ``_surname_opens``) as 'Kang',
    since the shape of a pronoun says nothing about the surname that looks like one."""
    head, _, rest = name.partition(" ")
    return rest if rest and head in lx.FUNCTION_WORDS else name


def decide(found: list[ft.Candidate], evidence: ft.ArticleEvidence, model: Perceptron,
           scores: dict[str, int] | None = None) -> list[Mention]:
    """The model's verdict, one per distinct name: the scores of all its mentions are summed, so a
    name is one thing throughout the article ("one sense per discourse"); "none" drops it. A run
    taken whole leaves its parts unread. ``scores``: ``name_scores`` worked out already (training
    tries many class offsets on one model's scores)."""
    scores = name_scores(found, evidence, model) if scores is None else scores
    verdicts = {name: _verdict(name, unpack(s)) for name, s in scores.items()}
    # "(December, 1978 equals 100)": a month or weekday alone names nothing, unless the article
    # gives it as a person's surname ("Theresa May", then "May said") or with a title ("Mrs May").
    titled = {c.name for c in found if c.titled}
    for name in _CALENDAR.intersection(verdicts):
        if name not in evidence.person_surnames and name not in titled:
            verdicts[name] = "none"
    # "Laidlaw Adams and Peck Inc", "Crosby Valve and Gauge Co": a name a company's name goes on from
    # is the company's opening words, never a person, wherever else the article names it.
    for c in found:
        if verdicts[c.name] != "person":
            continue
        run = found[c.part_of].name if c.part_of >= 0 else ""
        tail = run[len(c.name):] if run.startswith(c.name + " ") else c.after
        if _company_continues(tail):
            verdicts[c.name] = "none"
    # A surname read as a person makes the full name it ends a person too ("Komen" after "Daniel
    # Komen"): the same person, whose full name alone the model was less sure of.
    surnames = {n for n, v in verdicts.items() if v == "person" and " " not in n}
    # So does "Australian Grant Carrington" read as an organization: without the demonym or title it
    # is a person's name that ends in a surname the article reads as a person.
    for name, verdict in verdicts.items():
        if verdict in ("none", "org") and " " in name and name.rsplit(" ", 1)[1] in surnames:
            rest = _untitled(name, evidence)
            if len(rest) > 1 and (ppl.plausible_name(rest) or all(_given(t) for t in rest[:-1])) \
                    and (verdict == "none" or len(rest) < len(name.split())):
                verdicts[name] = "person"
    # "Queen Elizabeth College", "Rothschild et Associes Banque": a name that ends in an
    # organization's head noun is that body, never a person (the run it is part of, if any).
    out: list[Mention] = []
    for c in found:
        if verdicts[c.name] == "person" and _ends_in_body(c.name):
            whole = found[c.part_of].name if c.part_of >= 0 else c.name
            at = whole.find(c.name)
            verdicts[c.name] = "none"
            out.append(Mention(ORG, orgs.clean(whole[:at + len(c.name)] if at >= 0 else c.name)))
    for c in found:
        if c.kind == WHOLE and verdicts[c.name] == "org" and _two_bodies(c.name, verdicts):
            verdicts[c.name] = "none"
    for i in _surer_of_part(found, verdicts, scores):
        verdicts[found[i].name] = "none"
    taken = {i for i, c in enumerate(found) if c.kind == WHOLE and verdicts[c.name] != "none"}
    dropped = _beside_segments(found, verdicts, scores, {found[i].run for i in taken})
    for i, c in enumerate(found):
        verdict = verdicts[c.name]
        if c.part_of in taken or verdict == "none" or i in dropped:
            continue
        if verdict == "person":
            title, name = ppl.without_title(_without_demonym(c.name), c.sentence_start, evidence.lowercase)
            out.append(Mention(PERSON, name, c.role or title, titled=c.titled or bool(title)))
        elif verdict == "place":
            out.append(Mention(PLACE, plc.lookup(c.name) or c.name))
        elif verdict == "org":
            short = orgs.is_acronym(c.name)  # what it stands for is resolve()'s to say
            if c.kind == ACRONYM or short:
                out.append(Mention(ACRONYM, c.name))
            full = c.name if short else orgs.known(c.name) or orgs.clean(c.name)
            out.append(Mention(ORG, full))
            bracketed = _bracketed_acronym(c, found) if not short else ""
            if bracketed:
                out.append(Mention(ACRONYM, bracketed, stands_for=full))
    return out


_BRACKETED_RE = re.compile(r"^ \(([^()\s]{2,10})\)")


def _bracketed_acronym(c: ft.Candidate, found: list[ft.Candidate]) -> str:
    """The acronym written in brackets straight after a body's name ("Free Aceh Movement (GAM)"),
    when the name ends its run (a reading that opens a run is followed by the run's other words)."""
    if c.after[:2] != " (":
        return ""  # most names
    bracket = _BRACKETED_RE.match(c.after)
    if not bracket or not orgs.is_acronym(bracket.group(1)):
        return ""
    run = found[c.part_of].name if c.part_of >= 0 else c.name
    return bracket.group(1) if run == c.name or run.endswith(" " + c.name) else ""


def _surer_of_part(found: list[ft.Candidate], verdicts: dict[str, str], scores: dict[str, int]) -> set[int]:
    """The runs taken whole that give way to their one reading of the same class: "Shares of Kestrel
    Group Holding Ltd" and "Kestrel Group Holding Ltd" are both read as a firm, and which words are
    the firm's is the question, so the name the model is surer of per mention (its class's score
    over "none") wins, rather than always the longer."""
    parts: dict[int, list[ft.Candidate]] = {}
    for c in found:
        if c.part_of >= 0 and verdicts[found[c.part_of].name] == verdicts[c.name] != "none":
            parts.setdefault(c.part_of, []).append(c)
    if not parts:
        return set()  # most articles: no run taken whole beside a reading of its class
    margin = _margin_per_mention(found, verdicts, scores)

    return {i for i, ps in parts.items() if len(ps) == 1 and len(_parts_of(found, i)) == 1
            and not _surname_of(ps[0].name, found[i].name, verdicts)
            and margin(ps[0].name) > margin(found[i].name)}


def _surname_of(part: str, whole: str, verdicts: dict[str, str]) -> bool:
    """'Woods' of 'Tiger Woods', 'Tagoe' of 'Prince Tagoe', both read as a person: the part is the
    whole's surname, which the article's unification joins to the full name, so the full name
    stays. A lone surname is surer per mention than any full name (its later mentions say "said"),
    and letting it win lost the full name the labels give."""
    return verdicts[part] == PERSON and " " not in part and whole.endswith(" " + part)


def _margin_per_mention(found: list[ft.Candidate], verdicts: dict[str, str], scores: dict[str, int]
                        ) -> Callable[[str], float]:
    """How much surer than "none" the model is of a name's reading, per mention of the name: a
    name's score sums every mention's evidence, and one said often is not surer for that alone."""
    mentions: dict[str, int] = {}
    for c in found:
        mentions[c.name] = mentions.get(c.name, 0) + 1

    def margin(name: str) -> float:
        s = unpack(scores[name])
        return (s[CLASSES.index(verdicts[name])] - s[0]) / mentions[name]

    return margin


def _beside_segments(found: list[ft.Candidate], verdicts: dict[str, str], scores: dict[str, int],
                     whole_runs: set[int]) -> set[int]:
    """The mentions that give way where a run's segment is read as a name: every segment of a run
    taken whole; else a reading inside a named segment ("Boston" of "Boston Bruins"), and of a
    reading and a named segment inside it, the one the model is less sure of per mention."""
    segments = [i for i, c in enumerate(found) if c.kind == SEGMENT]
    if not segments:
        return set()  # most articles
    margin = _margin_per_mention(found, verdicts, scores)

    dropped: set[int] = set()
    for i in segments:
        seg = found[i]
        if seg.run in whole_runs or verdicts[seg.name] == "none":
            dropped.add(i)
            continue
        inner = f" {seg.name} "
        for j, c in enumerate(found):
            if c.run != seg.run or c.kind in (WHOLE, SEGMENT) or verdicts[c.name] == "none":
                continue
            if f" {c.name} " in inner:
                dropped.add(j)
            elif inner in f" {c.name} ":
                dropped.add(j if margin(seg.name) > margin(c.name) else i)
    return dropped


def _parts_of(found: list[ft.Candidate], whole: int) -> list[ft.Candidate]:
    """The readings of a run taken whole: the candidates just after it (``candidates`` adds them so)."""
    out = []
    for c in found[whole + 1:]:
        if c.part_of != whole:
            break
        out.append(c)
    return out


def name_scores(found: list[ft.Candidate], evidence: ft.ArticleEvidence, model: Perceptron) -> dict[str, int]:
    """Each distinct name's score, summed over its mentions, as the model packs scores (model.unpack).
    A name's part and a reading's combination of kind and place are remembered, a run's worked out
    once for all its readings, and a name's mentions add up in single integer additions."""
    name_score, parts_score = model.memo(ft.name_features), model.memo(ft.reading_parts)
    # The text either side of a run, a reading's word either side and the rest of its evidence each
    # take a few thousand values over an archive: remembered, they are weighed once each.
    before_score, after_score = model.memo(ft.before_features), model.memo(ft.after_features)
    across_score, side_score = model.memo(ft.across_features), model.memo(ft.side_features)
    evidence_score = model.memo(ft.evidence_features)
    totals: dict[str, int] = {}
    read_run, context_score, p1, n1 = -2, 0, "", ""
    for c in found:
        if c.run < 0 or c.run != read_run or c.kind == SEGMENT:  # a run's readings share its context
            read_run = c.run
            p1, p2, pp, before = ft.before_context(c.before)
            n1, n2, np, after, pronoun, paren = ft.after_context(c.after)
            context_score = (before_score(p1, p2, pp, before) + after_score(n1, n2, np, after, pronoun, paren)
                             + across_score(pp, n1, c.sentence_start))
        kind, gaz = c.kind, ft.sports_gaz(c, evidence)
        s = (model.offset + name_score(weighed_name(c.name)) + parts_score(*ft.reading_key(c, evidence))
             + context_score + side_score("p1", kind, p1, gaz) + side_score("n1", kind, n1, gaz)
             + evidence_score(ft.reading_evidence(c, evidence)))
        totals[c.name] = totals.get(c.name, 0) + s
    return totals


def _two_bodies(name: str, verdicts: dict[str, str]) -> bool:
    """'Japan and Sony Corp', 'Uber and Snapchat': a run joined by "and" whose first part is a
    name of its own (a place or an organization, as the article reads it or as it is known) names
    two, not one firm ("Michigan and Illinois" two places); "Hongkong and Shanghai Banking Corp"
    (two places, then the business) and "Procter and Gamble" (no name before "and") stay one."""
    for joiner in (" and ", " & "):
        left, found, right = name.partition(joiner)
        if not found:
            continue
        complete = verdicts.get(left) in ("place", "org") or bool(plc.lookup(left) or orgs.known(left)) \
            or orgs.is_acronym(left)
        business = " " in right and plc.lookup(right.split(" ", 1)[0])  # "Shanghai Banking Corp"
        return complete and not business
    return False


_CALENDAR = lx.MONTHS | lx.WEEKDAYS
_AND_WORDS = frozenset({"and", "&", "et", "und", "ve", "y"})


def _ends_in_body(name: str) -> bool:
    """The last word is an organization's head noun ("College", "Banque", "Ministry") and no
    common surname: "Mills" and "Banks" are people's names as often."""
    last = name.rsplit(" ", 1)[-1]
    rank = lx.census_surnames().get(last.upper())
    return last in lx.org_words()[0] and (rank is None or rank > 5000) and last not in lx.given_names()


def _company_continues(after: str) -> bool:
    """The text after a name goes on with a company's suffix, at once or after "and" and a few
    capitalised words ("and Peck Inc", "et Cie", "Ltd")."""
    words = [w.rstrip(".,;:") for w in after.split()[:5]]
    if not words or after[:1] not in " ,":
        return False
    if words[0] in lx.CORPORATE_SUFFIXES:
        return True
    if words[0] not in _AND_WORDS:
        return False
    for w in words[1:]:
        if w in lx.CORPORATE_SUFFIXES or w in ("Cie", "Sons"):
            return True
        if not w[:1].isupper():
            return False
    return False


def _given(word: str) -> bool:
    """A given name of the word lists or of the census ("Grant", a word too)."""
    if word.lower() in lx.NAME_PARTICLES:
        return False  # "Van Wijk": a particle, whatever the census says
    return word in lx.given_names() or word.upper() in lx.census_first_names()


def _untitled(name: str, evidence: ft.ArticleEvidence) -> list[str]:
    """A name's words once its titles and demonym go ("Australian Grant Carrington" -> "Grant Carrington")."""
    return ppl.without_title(_without_demonym(name), False, evidence.lowercase)[1].split()


def _without_demonym(name: str) -> str:
    """'American Levi Carter' -> 'Levi Carter': where a person is from is no part of the name."""
    first, _, rest = name.partition(" ")
    if " " in rest and first in lx.demonyms() and first not in lx.given_names():
        return rest
    return name


def _verdict(name: str, scores: Sequence[int]) -> str:
    """The best-scoring class; a person's name has no joining word but a particle ("Kai Lindner of
    Mercedes", "Jenny Seaton & Gary Carvolth" are two names, or a name and its team), so such a
    run read as a person is none and its parts are read instead."""
    verdict = CLASSES[max(range(len(scores)), key=scores.__getitem__)]
    if verdict == "person" and any(t in lx.CONNECTORS and t not in lx.NAME_PARTICLES for t in name.split()):
        return "none"
    return verdict


def _is_name_list(paragraph: str) -> bool:
    """A line-up or a scorer list: names between commas and semicolons, hardly any lowercase words."""
    if paragraph.count(",") + paragraph.count(";") < 3:
        return False
    words = paragraph.split()
    lower = sum(1 for w in words if w[:1].islower())
    return lower < 0.25 * len(words)


def _trim(run: Run, mid_caps: set[str]) -> list[str]:
    """Drop a sentence's capitalised opener ("Activists", "Divided", "The") unless it is a name.

    A run shaped like an organization keeps its first word ("First Boston Inc", "Economics Ministry"),
    but not a common word before "of" that is no body's head noun ("Shares of X Corp"; "Bank of
    Japan" stays whole).
    """
    tokens = list(run.tokens)
    if _surname_opens(run):
        return tokens
    if run.sentence_start and len(tokens) > 2 and tokens[1] == "of" and _opener(tokens[0], mid_caps) \
            and tokens[0] not in lx.org_words()[0] and tokens[0] not in lx.org_words()[1]:
        tokens = tokens[2:]  # "Shares of Alibaba Group Holding Ltd", "Troops of the Self-Defense Forces"
    if (run.sentence_start and tokens[0] not in lx.FUNCTION_WORDS and _opener(tokens[0], mid_caps)
            and not (len(tokens) > 1 and (orgs.org_in_run(tokens, run.after) or _known_start(tokens)))):
        tokens.pop(0)
    while tokens and (tokens[0] in lx.FUNCTION_WORDS or tokens[0] in lx.CONNECTORS):
        tokens.pop(0)
    return tokens


def _surname_opens(run: Run) -> bool:
    """'He Kang, Minister of Agriculture', 'An Byung-hwa, trade minister': a surname that is also an
    English function word opens the run, and a role follows the name, as it follows no pronoun."""
    tokens = run.tokens
    return (len(tokens) == 2 and tokens[0] in lx.FUNCTION_WORDS
            and tokens[0].upper() in lx.census_surnames() and tokens[1] not in lx.FUNCTION_WORDS
            and not plc.lookup(tokens[1]) and bool(ROLE_APPOSITIVE_RE.match(run.after.lower())))


def _pieces(tokens: list[str]) -> list[list[str]]:
    """Cut a run where a name cannot go on: at months and weekdays ("Felix Houphouet-Boigny
    March"), and after a compound like "Milwaukee-based" (its head is kept as a piece)."""
    if _PIECE_BREAKS.isdisjoint(tokens) and "-" not in "".join(tokens):
        # the common case, nothing to cut at: only the trailing connectors go
        while tokens and tokens[-1] in lx.CONNECTORS:
            tokens = tokens[:-1]
        return [tokens] if tokens else []
    out: list[list[str]] = [[]]
    for token in tokens:
        if token in lx.MONTHS or token in lx.WEEKDAYS:
            out.append([])
        elif "-" in token and token.rsplit("-", 1)[1] in COMPOUND_TAILS:
            head = token.rsplit("-", 1)[0]
            if plc.lookup(head) or orgs.known(head):
                out.append([head])  # "Milwaukee-based": the place is named
            out.append([])
        else:
            out[-1].append(token)
    for piece in out:
        while piece and piece[-1] in lx.CONNECTORS:
            piece.pop()  # "American Enka in [December]"
    return [p for p in out if p and not all(t in lx.CONNECTORS for t in p)]


_PIECE_BREAKS = lx.MONTHS | lx.WEEKDAYS


def _known_start(tokens: list[str]) -> bool:
    """'New Zealand investment...', 'Santa Fe said': the opener begins a known name."""
    return any(plc.lookup(" ".join(tokens[:n])) or orgs.known(" ".join(tokens[:n])) for n in (2, 3))


def _opener(word: str, mid_caps: set[str]) -> bool:
    """A capitalised word that is only capitalised because it opens the sentence."""
    if word in mid_caps or word in lx.given_names() or ppl.is_title(word):
        return False
    if plc.lookup(word) or orgs.known(word) or word in lx.demonyms():
        return False
    return word.lower() in lx.common_words() or word in lx.FUNCTION_WORDS


def classify(tokens: list[str], after: str, before: str) -> list[Mention]:
    """What one capitalised run names; a run of several names ("Kerry and Lavrov") gives several."""
    if len(tokens) == 1:
        return _single(tokens[0], after, before)
    name = " ".join(tokens)
    known = orgs.known(name)
    if known:
        return [Mention(ORG, known)]
    if len(tokens) > 2 and tokens[-1].isupper() and orgs.initials(" ".join(tokens[:-1])) == tokens[-1]:
        # "the Saudi Press Agency SPA said": a body's name, then its initials without brackets
        return [*classify(tokens[:-1], after, before), Mention(ACRONYM, tokens[-1])]
    place = plc.lookup(name)
    if place:
        return [Mention(PLACE, place)]
    if ppl.is_title(tokens[0]) and len(tokens) > 2 and "of" in tokens[1:5]:
        # "Governor of the Bank of England", "Deputy Assistant Secretary of the Treasury": the body
        i = tokens.index("of")
        rest = tokens[i + 1:] if tokens[i + 1:i + 2] != ["the"] else tokens[i + 2:]
        if all(ppl.is_title(t) for t in tokens[:i]) and rest:
            org = orgs.known(" ".join(rest)) or orgs.org_in_run(rest, after) or (
                rest[0] if len(rest) == 1 and rest[0] in lx.DEPARTMENT_WORDS else None)
            tail = ppl.name_tail(rest)
            if len(tail) >= 2 and len(rest) - len(tail) >= 2 and ppl.looks_like_person(tail):
                # "Director of the Office of Management and Budget James Miller"
                body = rest[:len(rest) - len(tail)]
                org = orgs.known(" ".join(body)) or orgs.org_in_run(body, ",")
                if org:
                    return [Mention(ORG, org), Mention(PERSON, " ".join(tail), " ".join(tokens[:i]))]
            elif org and ("and" not in tokens[:i] and ("and" not in rest or len(rest) > 3)):
                return [Mention(ORG, org)]
    if "and" in tokens and any(ppl.department_and(tokens, i) for i, t in enumerate(tokens) if t == "and"):
        titled = ppl.split_title(tokens)  # "Secretary of Trade and Industry Jose Concepcion"
        if titled:
            return [Mention(PERSON, " ".join(titled[1]), titled[0])]
    located = _located(tokens, after, before) or _plant_of(tokens, after)
    if located:
        return located
    joined = _joined(tokens, after, before)
    if joined is not None:
        return joined
    if tokens[-1] in lx.CORPORATE_SUFFIXES:
        return [Mention(ORG, orgs.clean(name))]
    if tokens[-1] in lx.STREET_WORDS and "and" not in tokens:
        return [Mention(PLACE, name)]  # "Pennsylvania Avenue" is a street, not the state
    titled = ppl.split_title(tokens)
    if titled:
        role, tail = titled
        employer = _employer(tokens[: len(tokens) - len(tail)])
        if employer and role.startswith(employer + " "):
            role = role[len(employer) + 1:]  # "Bank of Japan Governor" -> "Governor"
        found = [Mention(PERSON, " ".join(tail), role, titled=len(tail) == 1)]
        country = plc.lookup(tokens[0]) if tokens[0] in orgs.COUNTRY_PREFIXES else None
        if country:
            found.append(Mention(PLACE, country))  # "U.S. Agriculture Secretary Richard Lyng"
        return [Mention(ORG, employer), *found] if employer else found
    org = orgs.org_in_run(tokens, after)
    if org:
        return [Mention(ORG, org)]
    if FACILITY_AFTER_RE.match(after):
        return [Mention(PLACE, name)]  # "the Joe Mann mine", "the Hibernia field": a site, not a person
    if _org_before(before) or (STAFF_AFTER_RE.match(after) and tokens[0] not in lx.given_names()):
        # "of brokers James Capel", "Merrill Lynch analyst Thomas Kurlack": the body, not a person
        return [Mention(ORG, name)]
    if tokens[-1] in ppl.GEO_FEATURES and tokens[0] not in lx.given_names():
        return [Mention(PLACE, name)]  # "Gordon Lake", "Campos Basin"; "Thomas Bay, vice president" stays
    if len(tokens) > 2 and tokens[0] not in lx.given_names():
        for n in (3, 2):  # "San Jose Communique": a place opens the run, the rest is no name of a person
            head = " ".join(tokens[:n])
            place = plc.lookup(head) if len(tokens) > n and not orgs.known(head) else None
            if place:
                return [Mention(PLACE, place), *classify(tokens[n:], after, " ")]
    if ppl.looks_like_person(tokens):
        # Without an appositive ("X, president of") a name may be a company's ("Tony Lama Co").
        return [Mention(PERSON, name, cue=not APPOSITIVE_RE.match(after))]
    place = plc.place_in_run(tokens)
    if place:
        return [Mention(PLACE, place)]
    if len(tokens) == 2 and tokens[0] in lx.given_names() and tokens[1] in SURNAME_TITLES:
        return [Mention(PERSON, name, cue=not APPOSITIVE_RE.match(after))]  # "Donna Pope", "Larry King"
    if any(t in lx.CONNECTORS and t not in lx.NAME_PARTICLES for t in tokens):
        return _split(tokens, after, before)
    if ORG_APPOSITIVE_RE.match(after):
        return [Mention(ORG, name)]
    # "spokesman Rich Hall", "said Glen Hofer, vice president": a role says a common word is a given name.
    role_before = bool(ROLE_BEFORE_RE.search(before)) or bool(ROLE_APPOSITIVE_RE.match(after))
    cued = (role_before or APPOSITIVE_RE.match(after) or SAID_AFTER_RE.match(after)
            or SAID_BEFORE_RE.search(before))
    if cued and ppl.plausible_name(tokens, relaxed=role_before):
        return [Mention(PERSON, name, cue=not APPOSITIVE_RE.match(after))]
    if _place_cue(after):
        return [Mention(PLACE, name)]
    if STATE_AFTER_RE.match(after):
        return [Mention(PLACE, name), *_state(after)]
    if _org_before(before):
        return [Mention(ORG, name)]
    if tokens[0] in lx.demonyms() or tokens[0] in lx.PLACE_MODIFIERS:
        return classify(tokens[1:], after, before)
    known = plc.lookup(tokens[0]) or orgs.known(tokens[0])
    if known:  # "U.S. Banks", "Ontario Corn growers": the known name, then the rest
        kind = PLACE if plc.lookup(tokens[0]) else ORG
        return [Mention(kind, known), *classify(tokens[1:], after, " ")]
    if "-" in tokens[0] and ppl.is_title(tokens[0].rsplit("-", 1)[1]) and len(tokens) > 2:
        return [Mention(PERSON, " ".join(tokens[1:]), tokens[0])]  # "Rear-Admiral Augustus Aikhomu"
    if 2 <= len(tokens) <= 3 and tokens[0].lower() not in lx.common_words() \
            and not COMPANY_AFTER_RE.match(after) and tokens[0] not in lx.CONNECTORS \
            and tokens[-1] not in lx.CORPORATE_SUFFIXES and tokens[-1] != "Bros" \
            and ppl.plausible_name(tokens) and not orgs.is_acronym(tokens[-1]):
        # "Noboru Gotoh": a name-shaped run nothing else explains; a person if the article later
        # has the surname speak ("Gotoh said").
        return [Mention(CANDIDATE, name)]
    return []


def _joined(tokens: list[str], after: str, before: str) -> list[Mention] | None:
    """Runs joined by "and" or "of": two names ("Kerry and Lavrov", "Johnson of the Jofree Corp")
    or one ("Procter and Gamble Co", "Bank of Japan"). None when the run has no such joiner."""
    for joiner in ("of", "and", "&"):
        if joiner not in tokens[1:-1]:
            continue
        i = tokens.index(joiner)
        left, right = tokens[:i], tokens[i + 1:]
        while right and right[0] in lx.CONNECTORS:
            right = right[1:]
        if joiner == "of":
            left_kind = classify(left, ",", before) if right else []
            if left_kind and all(m.kind == PERSON for m in left_kind):
                # "Thomas McCrann of Merrill Lynch", "said Natsuo Okada of Sumitomo Bank": what a
                # person is "of" is an employer or a place.
                employer = [Mention(ORG, m.name) if m.kind == PERSON else m
                            for m in classify(right, after, " ")]
                return [*left_kind, *employer]
            if right and right[-1] in lx.CORPORATE_SUFFIXES and plc.lookup(" ".join(right[:-1])):
                return [Mention(ORG, orgs.clean(" ".join(tokens)))]  # "General Motors of Canada Ltd"
            if right and left[-1] in lx.CORPORATE_SUFFIXES:
                return [*classify(left, ",", before), *classify(right, after, " ")]
            if len(left) > 1 and left[0] not in lx.org_words()[1] \
                    and (league := orgs.org_in_run(right, after)) \
                    and right[-1] in lx.org_words()[0]:  # "Toronto Argonauts of the Canadian Football League"
                return [Mention(ORG, " ".join(left)), Mention(ORG, league)]
            continue
        if all(t in lx.CORPORATE_SUFFIXES for t in right):
            return [Mention(ORG, orgs.clean(" ".join(tokens)))]  # "Ivan F. Boesky and Co. L.P."
        if _one_firm(left, right):
            return [Mention(ORG, orgs.clean(" ".join(tokens)))]  # "Kansas City Power and Light Co"
        left_kind = classify(left, ",", before) if left else []
        right_kind = classify(right, after, " ") if right else []
        if left_kind and right_kind and not _weak(left_kind) and not _weak(right_kind):
            return [*left_kind, *right_kind]
        # "WHO and the Pan American Health Organization", "JAL and All Nippon Airlines"; not "LL and E"
        if len(left) == 1 and orgs.is_acronym(left[0]) and len(right) > 1 and len(right[0]) > 1 \
                and right_kind and all(m.kind == ORG for m in right_kind):
            return [*left_kind, *right_kind]
        if right and right[-1] in lx.CORPORATE_SUFFIXES and len(right) <= 2:
            return [Mention(ORG, orgs.clean(" ".join(tokens)))]  # "Louis Harris and Assoc Inc"
        if (left and left[-1] in lx.CORPORATE_SUFFIXES and len(right) == 1
                and right[0] not in lx.CORPORATE_SUFFIXES):
            # "Video Affiliates Inc and Citicorp"; "... Inc and BBB-plus" (a rating) names one company
            return [*left_kind, *([Mention(ORG, right[0])] if right[0].isalpha() else [])]
        if len(right) == 1 and right_kind and _weak(right_kind) and left_kind \
                and all(m.kind == ORG for m in left_kind):
            # "British Airways and Lufthansa": a body, then one word no rule reads alone. Read as
            # parts, so the run taken whole is a candidate too and the model weighs one firm
            # against two ("Marks and Spencer" has no body before "and" and stays whole).
            return [*left_kind, *right_kind]
        org = orgs.org_in_run(tokens, after)
        return [Mention(ORG, org)] if org else _split(tokens, after, before, {"and", "&"})
    return None


def _one_firm(left: list[str], right: list[str]) -> bool:
    """'Kansas City Power and Light Co', 'Hadley Crane and Voss Inc': the part after "and" is one
    word and a company suffix (or a place, a word and the suffix after a place: 'Hongkong and
    Shanghai Banking Corp'), so it names no company alone, and the part before it is no complete
    name of its own (an acronym, a known body, a place, a name with a suffix): "IBM and Apple
    Computer Inc", "Japan and Sony Corp" stay two."""
    suffixes = lx.CORPORATE_SUFFIXES
    if len(left) == 1 and len(right) == 3 and right[-1] in suffixes and right[1] not in suffixes \
            and plc.lookup(left[0]) and plc.lookup(right[0]):
        return True  # "Hongkong and Shanghai Banking Corp": two places, then the firm's business
    if not left or len(right) != 2 or right[-1] not in suffixes or right[0] in suffixes:
        return False
    name = " ".join(left)
    return (left[-1] not in lx.CORPORATE_SUFFIXES and not orgs.is_acronym(left[0]) and not orgs.known(name)
            and not plc.lookup(name))


def _weak(found: list[Mention]) -> bool:
    """A part that names nothing on its own ("Co", "Gamble", "National Oceanic")."""
    return all(m.kind in (SINGLE, ACRONYM) for m in found)


def _split(tokens: list[str], after: str, before: str,
           at: frozenset[str] | set[str] = frozenset()) -> list[Mention]:
    """Classify the parts of a run joined by small words; "X and Y neighborhoods" shares its cue."""
    parts: list[list[str]] = [[]]
    joiners: list[str] = []
    for token in tokens:
        if token in at if at else token in lx.CONNECTORS and token not in lx.NAME_PARTICLES:
            joiners.append(token)
            parts.append([])
        else:
            parts[-1].append(token)
    shared = after if joiners and all(j in ("and", "&") for j in joiners) else ""
    out: list[Mention] = []
    for i, part in enumerate(parts):
        if part:
            last = i == len(parts) - 1
            out.extend(classify(part, after if last else shared or ",", before if i == 0 else " "))
    return out


def _located(tokens: list[str], after: str, before: str) -> list[Mention]:
    """'Syrian Civil Defense in Aleppo', 'Hisham Nazer in The Hague': a name, then a place."""
    for joiner in ("in", "at"):
        if joiner in tokens[1:-1]:
            i = len(tokens) - 1 - tokens[::-1].index(joiner)
            place = plc.place_in_run(tokens[i + 1:])
            if place:  # "Earl Johnson of Harris Trust and Savings Bank in Chicago"
                return [*classify(tokens[:i], ",", before), Mention(PLACE, place)]
    return []


def _plant_of(tokens: list[str], after: str) -> list[Mention]:
    """'Iowa Beef Processors Inc Dakota City, Neb., plant': a company's name ends at its suffix, and
    a place written after it (known, or a town its state follows) is where the company is."""
    inside = tokens[1:-1]
    if lx.CORPORATE_SUFFIXES.isdisjoint(inside):
        return []  # most runs, told in C before the words are walked one by one in Python
    end = next((i + 1 for i, t in enumerate(inside, 1)
                if t in lx.CORPORATE_SUFFIXES and tokens[i + 1] not in lx.CORPORATE_SUFFIXES), 0)
    if not end:
        return []
    rest = " ".join(tokens[end:])
    place = [Mention(PLACE, rest), *_state(after)] if STATE_AFTER_RE.match(after) else (
        [Mention(PLACE, found)] if (found := plc.lookup(rest)) else [])
    return [Mention(ORG, orgs.clean(" ".join(tokens[:end]))), *place] if place else []


def _state(after: str) -> list[Mention]:
    found = STATE_AFTER_RE.match(after)  # callers have matched it already
    return [Mention(PLACE, lx.US_STATE_ABBR[found.group(1)])] if found else []


def _employer(head: list[str]) -> str | None:
    """'Bank of Japan Governor Satoshi Sumita': the organization named before the title."""
    first_title = next((i for i, t in enumerate(head) if ppl.is_title(t)), 0)
    prefix = head[:first_title]
    while prefix and (prefix[0] in lx.demonyms() or prefix[0] == "U.S."):
        prefix = prefix[1:]
    if len(prefix) < 2:
        return orgs.known(prefix[0]) if prefix else None
    return orgs.known(" ".join(prefix)) or orgs.org_in_run(prefix, ",")


@lru_cache(maxsize=1 << 15)
def _word_reading(word: str) -> tuple[str, str]:
    """What a lone capitalised word is whatever its context: (kind, name); kind "" for never a
    name, "?" for "depends on context" (name then says "1" when it could be a surname)."""
    known = orgs.known(word) or orgs.known(word + "'s")  # "Moody's" lost its "'s" as a possessive
    if known:
        return ORG, known
    if word in lx.demonyms():
        return "", ""
    place = plc.lookup(word)
    if place:
        return PLACE, place
    if word in lx.MONTHS or word in lx.WEEKDAYS or word in lx.FUNCTION_WORDS:
        return "", ""
    return "?", "1" if ppl.name_like(word, last=True) else ""


def _single(word: str, after: str, before: str = "") -> list[Mention]:
    kind, name = _word_reading(word)
    if kind == ORG and name != word and orgs.is_acronym(word):
        # "ICC": the body the article spells out (the International Criminal Court), else the
        # known one (the Interstate Commerce Commission); resolve() decides, once it has them all
        return [Mention(ORG, word)]
    if kind in (ORG, PLACE):
        return [Mention(kind, name)]
    if not kind:
        return []
    if _org_cue(after) or _org_before(before):
        return [Mention(ORG, word)]  # "association UKASTA", "Amro bank"
    if orgs.is_acronym(word):
        return [Mention(ACRONYM, word)]
    if _place_cue(after):
        return [Mention(PLACE, word)]
    if STATE_AFTER_RE.match(after):
        return [Mention(PLACE, word), *_state(after)]
    if name:
        cue = bool(SINGLE_AFTER_RE.match(after) or SINGLE_BEFORE_RE.search(before))
        speaks = bool(SPEAKS_RE.match(after)) and not IT_RE.search(after[:30])  # companies say "it"
        return [Mention(SINGLE, word, cue=cue, speaks=speaks)]
    return []


def _org_cue(after: str) -> bool:
    words = after.split(" ", 2)
    return after[:1] == " " and len(words) > 1 and words[1].rstrip(".,;:") in lx.ORG_CUES


def _place_cue(after: str) -> bool:
    if not after.strip() or after[:1] != " ":
        return False
    return after.split(" ", 2)[1].rstrip(".,;:") in lx.PLACE_CUES


def resolve(mentions: list[Mention], dateline: list[str], settings: ExtractSettings,
            contributors: Sequence[str], short_forms: dict[str, str] | None = None,
            text: str = "") -> Entities:
    """Turn mentions into the article's distinct people, places and organizations (``text``: the
    article's, where a place that opens a body's name is also written as the place)."""
    aliases = settings.aliases
    if aliases:
        for m in mentions:
            m.name = aliases.get(m.name, m.name)
    org_names = _unique(m.name for m in mentions if m.kind == ORG)
    acronyms = {m.name for m in mentions if m.kind == ACRONYM}
    ties = orgs.acronym_ties(org_names, acronyms)
    for short, full in _spelled_in_brackets(mentions).items():
        ties.setdefault(short, full)
    for short, full in (short_forms or {}).items():
        ties.setdefault(short, full)
    org_map = orgs.unify(org_names, ties)
    organizations = _unique(org_map[n] for n in org_names)
    organizations += _unique(ties[a] for a in acronyms if a in ties and ties[a] not in organizations)
    places = plc.one_form_each(_unique_casefold([*(aliases.get(d, d) for d in dateline),
                                                 *(m.name for m in mentions if m.kind == PLACE)]))
    people, roles = _people(mentions, settings, contributors,
                            set(organizations) | set(places) | set(short_forms or ()))
    # A town that is a person's surname here is that person ("Wilson" the minister), and one that
    # opens an organization's name is that body ("Toyota" the company); a country or the dateline
    # stays ("Jordan"), and so does a word inside a name ("Madrid" in "Atletico Madrid").
    surnames = {ppl.surname(p) for p in people if " " in p}
    drop = set(settings.not_places) | {p for p in surnames if plc.country_of(p) != p} - set(dateline)
    # A country stays: "Japan" opens "Japan Chamber of Commerce" and is named on its own too.
    prefixes = {" ".join(o.split()[:n]) for o in organizations for n in range(1, len(o.split()))}
    # ...unless the text also writes it where a place stands ("died in Kyoto" beside Kyoto University).
    drop |= {p for p in prefixes if p in places and plc.country_of(p) != p
             and not plc.written_as_place(p, text)} - set(dateline)
    # "survived by his wife, Salina": a town named only as a relative is that person's name.
    kin = plc.kin_names(text) if places else {}
    drop |= {p for p in places
             if p in kin and plc.country_of(p) != p and plc.only_kin(p, text, kin)} - set(dateline)
    never_organizations = set(settings.not_organizations)
    return Entities(
        people=people,
        roles=roles,
        places=[p for p in places if p not in drop],
        organizations=[o for o in organizations if o not in never_organizations],
        place_mentions=[*dateline, *(m.name for m in mentions if m.kind == PLACE)],
    )


def _spelled_in_brackets(mentions: list[Mention]) -> dict[str, str]:
    """Acronym -> the one body the article writes it in brackets after; an acronym written after
    two bodies ("(GER)" after each German club of a results table) stands for neither."""
    named: dict[str, set[str]] = {}
    for m in mentions:
        if m.stands_for:
            named.setdefault(m.name, set()).add(m.stands_for)
    return {short: next(iter(full)) for short, full in named.items() if len(full) == 1}


def _people(mentions: list[Mention], settings: ExtractSettings, contributors: Sequence[str],
            other_names: set[str]) -> tuple[list[str], dict[str, str]]:
    """The article's people: one fullest name each ("Berg" joins "Henning Berg"), the editors'
    never-list, the credit line's journalists and the article's other names left out."""
    persons = [m for m in mentions if m.kind == PERSON]
    mapping = ppl.unify(_unique(m.name for m in persons))
    blocked = set(settings.not_people) | set(contributors) | other_names
    # "Franco Nevada" beside "Franco Nevada Mining Corp Ltd", "Merrill Lynch" beside "Merrill Lynch
    # and Co": the opening words of an organization the article names are that organization.
    blocked |= {" ".join(o.split()[:n]) for o in other_names for n in range(2, len(o.split()))}
    # "Lorimar" beside "Lorimar-Telepictures Corp": the first half of a company's hyphenated name.
    blocked |= {o.split("-", 1)[0] for o in other_names if "-" in o.split()[0] and o.split()[0][:1].isupper()}
    contributor_surnames = {ppl.surname(c) for c in contributors}
    people: list[str] = []
    roles: dict[str, str] = {}
    for m in persons:
        name = settings.aliases.get(mapping.get(m.name, ""), mapping.get(m.name, ""))
        if not name or name in blocked or (len(name.split()) == 1 and name in contributor_surnames):
            continue
        if name not in people:
            people.append(name)
        if m.role and name not in roles:
            roles[name] = m.role
    return people, roles


def _unique_casefold(items: list[str]) -> list[str]:
    """First spelling of each name, case aside ("al-Sukkari" and "Al-Sukkari" opening a sentence)."""
    seen: dict[str, str] = {}
    for item in items:
        if item:
            seen.setdefault(item.casefold(), item)
    return list(seen.values())


def _unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)
