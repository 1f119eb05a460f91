"""Headline register: the words a lead's verb group carries that a wire headline leaves out.

Two classes, each read from the agency's own titles beside our headlines on the train split
(Reuters even-NEWID lead/title pairs outside the dev sample; tests/gold/README.md, fourteenth
round): a present copula before its complement ("are unchanged" -> "unchanged"; 6 of 54 titles
keep "is"/"are") and a manner adverb before the verb ("formally accepts" -> "accepts"; 2 of 28
titles keep one). A degree adverb ("barely changed", "nearly doubles") changes what the headline
says and stays; an adverb after the verb ("rises sharply") is often the news and stays too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon as lx
from .headline_words import FUNCTION_WORDS, MARK

# Adverbs of degree or extent: they change the claim ("nearly doubles" is not "doubles").
DEGREE_ADVERBS = lx.words("""nearly barely hardly scarcely almost partly largely mostly mainly only
narrowly slightly roughly fully""")
# Words in -ly that are adjectives, or whose stem is a time unit ("quarterly", "early").
LY_ADJECTIVES = lx.words("early likely unlikely only daily weekly monthly quarterly yearly hourly elderly")
DEATH_VERBS = lx.words("dies died")
# Lower-case words inside a name ("Bram van Rijn", "Cassa di Risparmio di Roma").
NAME_PARTICLES = lx.words("van von der den de di da du la le del bin al")
# After a copula these open a noun phrase, a figure or a clause: the copula stays ("is one of",
# "are seven ships", "is to be", "is no longer").
KEEPS_COPULA = lx.words("""the a an its his her their our this that these those some any each every all
both such one two three four five six seven eight nine ten no not to of as than being there it he she
they we what who also""")


def is_manner_adverb(word: str) -> bool:
    """'formally', 'unanimously', 'heavily': an adverb made from a common adjective, not one of
    degree; 'supply', 'family' or 'quarterly' are no adverbs."""
    low = word.strip(",;:")
    if not (low.endswith("ly") and low.isalpha() and low.islower()) or low in LY_ADJECTIVES \
            or low in DEGREE_ADVERBS:
        return False
    stem = low[:-2]
    common = lx.common_words()
    return len(stem) >= 3 and (stem in common or (stem.endswith("i") and stem[:-1] + "y" in common)
                               or (stem.endswith("b") and stem + "le" in common))


def without_manner_adverbs(words: list[str], verb: int) -> list[str]:
    """``words`` less the manner adverbs just before the marked verb at index ``verb`` (with
    the auxiliaries or adverbs between): "Reagan formally accepts" -> "Reagan accepts"."""
    drop = set()
    i = verb - 1
    while i > 0 and (is_manner_adverb(words[i]) or words[i].lower() in DEGREE_ADVERBS):
        if is_manner_adverb(words[i]):
            drop.add(i)
        i -= 1
    return [w for k, w in enumerate(words) if k not in drop]


def short_names(people: Iterable[str], text: str, organizations: Iterable[str] = ()) -> dict[str, str]:
    """Each person of ``people`` (names of two or three words) by the part of the name ``text``
    writes alone elsewhere, as wire copy names a person after the first mention: the surname
    ("Icahn"), or the first word where the name puts it first ("Mahathir Mohamad" ... "Mahathir
    said"). A name the text never shortens has no entry: its order is unsure; nor has a name
    that opens one of the article's ``organizations`` (a firm named for its founder, "Dean Witter
    Reynolds Inc", whose first words the people reader may still read as a person)."""
    short = {}
    bodies = [f"{o} " for o in organizations]
    for person in people:
        name = person.split()
        if len(name) not in (2, 3) or not all(w[:1].isupper() for w in name) \
                or any(b.startswith(f"{person} ") for b in bodies):
            continue
        last = _alone(text, name[-1], before=name[-2])
        first = _alone(text, name[0], after=name[1])
        if last and last >= first and name[-1].replace("-", "").isalpha() and not name[-1].isupper():
            short[person] = name[-1]
        elif first and name[0].replace("-", "").isalpha():
            short[person] = name[0]
    return short


def _alone(text: str, word: str, before: str = "", after: str = "") -> int:
    """How often ``word`` stands in ``text`` without the name part ``before`` or ``after`` it: not
    inside a longer word (no word character, ".", "-" before it, no word character or "-" after
    it), and not after ``before`` and a space, or, with no ``before``, not before a space and
    ``after``; counted as ``re.findall`` counts, a match going on after the one before. Read with
    ``str.find``, not a pattern: each name made a pattern of its own, and compiling them took ~5%
    of extract()."""
    if not word:  # never from a name's split words; the pattern, for the same count
        return len(re.findall(rf"(?<![\w.-])(?<!{re.escape(before)} )(?![\w-])" if before else
                              rf"(?<![\w.-])(?![\w-])(?! {re.escape(after)})", text))
    behind, ahead, size, count = f"{before} ", f" {after}", len(word), 0
    i = text.find(word)
    while i >= 0:
        end = i + size
        whole = not _word_or(text[i - 1:i], ".-") and not _word_or(text[end:end + 1], "-")
        beside = i >= len(behind) and text.startswith(behind, i - len(behind)) if before \
            else text.startswith(ahead, end)
        if whole and not beside:
            count += 1
            i = text.find(word, end)  # findall goes on after the match
        else:
            i = text.find(word, i + 1)
    return count


def _word_or(char: str, marks: str) -> bool:
    """Whether ``char`` (one character, or "" at either end of the text) is a word character as
    ``re`` reads one (a letter, digit or underscore, in any script) or one of ``marks``."""
    return char.isalnum() or char == "_" or (char != "" and char in marks)


def person_by_surname(marked: str, short: dict[str, str]) -> str:
    """``marked`` (a lead read with its verb marked) with the person its subject ends on named as
    the article names them after the first mention (``short``, from ``short_names``), as desks
    write a headline ("Corporate raider Carl Icahn acknowledges" -> "Icahn acknowledges",
    "Kenya's Daniel Komen breaks" -> "Kenya's Komen breaks"): on the train split the given name
    went in 18 of 22 Reuters titles and 14 of 18 desk headlines, the title before it mostly too.
    Only a name the article's people reader gave, never a firm named for its founder; a death
    keeps the full name (all four desk obituaries did), and so does a subject of two people or
    more. The name opens the subject, after a title at most, or a reported clause's ("Arvin
    says L.K. Evans elected")."""
    words = marked.split()
    k = next((i for i, w in enumerate(words) if MARK in w), len(words))
    plain = [w.replace(MARK, "").strip(",") for w in words]
    for person, surname in short.items():
        name = person.split()
        n = len(name)
        # the name ends the subject: the marked verb or a lower-case word follows it ("Icahn
        # acknowledges that ...", where the reported clause's verb is the one marked)
        i = next((i for i in range(0, k - n + 1) if plain[i:i + n] == name and i + n < len(words)
                  and not words[i + n - 1].endswith(",") and words[i + n].replace(MARK, "")[:1].islower()),
                 None)
        if i is None or plain[i + n].lower() in DEATH_VERBS or any(w.lower() in ("and", "&")
                                                                   for w in plain[:k]):
            continue
        if not (_is_title(plain[:i]) or (_is_title(plain[1:i]) and plain[0].endswith("'s"))
                or plain[i - 1:i] in (["says"], ["say"])):
            continue  # the name is no subject ("1860 Munich name Karlheinz Rauchfuss as coach")
        return " ".join([*_without_title(words[:i]), surname, *words[i + n:]])
    return marked


def _without_title(before: list[str]) -> list[str]:
    """What stays of the words before a person's name once the title goes: a country's
    possessive ("Kenya's Olympic champion" -> "Kenya's"), a nationality as its country's
    ("Polish President" -> "Poland's", as desks write "Kenya's Kibaki"; a country written in
    more than a word stays a nationality, "British director"), nothing for a bare title, and
    the whole where the words are no title ("Still life by")."""
    if before and before[0].endswith(("'s", "\u2019s")) and _is_title(before[1:]):
        return before[:1]
    if not _is_title(before):
        return before
    country = lx.demonyms().get(before[0], "") if before else ""
    if country and " " not in country:
        return [f"{country}'" if country.endswith("s") else f"{country}'s"]
    return before if country else []


def _is_title(words: list[str]) -> bool:
    """'Brazilian Finance Minister', 'Corporate raider', 'U.S. Secretary of State': words naming
    a role, with no phrase or clause in them ("Still life by", "Sales to")."""
    return all(w[:1].isalpha() and "," not in w and (w.lower() not in FUNCTION_WORDS or
                                                     (w == "of" and i and words[i - 1][:1].isupper()))
               for i, w in enumerate(words))


def without_copula(marked: str, got: str) -> str:
    """``got`` (the trimmed headline of ``marked``, the lead read with its verb marked) less the
    marked verb where that is a present copula before a complement the headline keeps ("Ice
    conditions is unchanged" -> "... unchanged"). Dropped after the trim, so the trim weighs
    the verb and its complement as it always has."""
    words = marked.split()
    k = next((i for i, w in enumerate(words) if MARK in w), None)
    if k is None or k + 2 >= len(words) or words[k].replace(MARK, "").lower() not in ("is", "are"):
        return got
    after = words[k + 1].replace(MARK, "")
    negated = after.lower() == "not"
    if not copula_goes(words[k + 2] if negated else after, negated):
        return got
    m = re.search(rf"(?<=\S)\s+(?:is|are)\s+(?={re.escape(after)}(?:\s|$))", got)
    return got if m is None else f"{got[:m.start()]} {got[m.end():]}"


def copula_goes(complement: str, negated: bool = False) -> bool:
    """A present copula before ``complement`` goes in a headline ("unchanged", "under way",
    "likely to"); before a noun phrase, a figure or a clause it stays. After "not" a participle
    counts as a complement too ("is not expected to" -> "not expected to")."""
    word = complement.replace(MARK, "")
    low = word.lower().strip(",;:")
    if not word[:1].islower() or not low.replace("-", "").isalpha() or low in KEEPS_COPULA:
        return False
    return negated or not low.endswith("ing")


def without_description(marked: str, people: Iterable[str] = ()) -> str:
    """``marked`` (a lead read with its verb marked) less a description before the name its
    subject opens on ("Swedish truck maker Volvo agrees" -> "Volvo agrees", "Mexican state oil
    firm Petroleos Mexicanos signs" -> "Petroleos Mexicanos signs", "German chemicals group
    Hoechst's profit falls" -> "Hoechst's profit falls"): the appositive a wire lead puts before
    a company or body, which the agency's titles drop (tests/gold/README.md, fifteenth round).
    Only words naming a role: a first word, then lower-case content words (no phrase, clause,
    figure or verb), then a name of capitalised words ending before the verb, a "says" or on a
    possessive; a subject of two names ("and") stays whole, and so does a person's (a given name
    first, or the subject of a death: "Swedish painter Tomas Lindgren dies", as all four desk
    obituaries kept it; nor one of ``people``, the article's people, whose role may be the news:
    "Ghana coach Milovan Rajevac names squad", nor one opening on a country's name for the same
    reason; ``person_by_surname`` names people)."""
    words = marked.split()
    k = next((i for i, w in enumerate(words) if MARK in w), None)
    if k is None or k < 3:
        return marked
    plain = [w.replace(MARK, "") for w in words[:k]]
    n = next((i for i in range(1, k) if plain[i][:1].isupper()), k)
    end = next((i + 1 for i in range(n, k) if plain[i].endswith(("'s", "\u2019s"))
                or plain[i + 1:i + 2] in (["says"], ["say"])), k)
    description, name = plain[:n], plain[n:end]
    if not (2 <= len(description) <= 6 and name) or not _is_description(description) \
            or not _is_name(name) or name[0] in lx.given_names() or _is_country(description[0]) \
            or words[k].replace(MARK, "").lower() in DEATH_VERBS \
            or any(" ".join(name).startswith(p) or p.endswith(" ".join(name)) for p in people):
        return marked
    return " ".join(words[n:])


def _is_country(word: str) -> bool:
    """'Ghana', 'Romania': a country's name opening the description says whose the subject is
    ("Ghana coach Milovan Rajevac"), which a headline keeps."""
    return word in set(lx.demonyms().values())


def _is_description(words: list[str]) -> bool:
    """'Swedish truck maker', 'Dutch chemicals and drugs group', 'Sole underwriter': a first
    word, then lower-case content words ending on a noun ("and" between two of them), none a
    function word, name particle ("Bram van Rijn"), figure, adverb, "-ing" form ("Heatwave
    gripping southern Spain": a participle's phrase) or with a comma."""
    rest = words[1:]
    # a first word of one letter or in capitals opens a name ("K mart Corp's board")
    return words[0].isalpha() and len(words[0]) > 1 and not words[0].isupper() \
        and rest[0] != "and" and rest[-1] != "and" \
        and all(w.islower() and w.replace("-", "").isalpha() and not w.endswith(("ly", "ing"))
                and w not in NAME_PARTICLES and (w not in FUNCTION_WORDS or w == "and") for w in rest) \
        and not rest[-1].endswith("ed")


def _is_name(words: list[str]) -> bool:
    """'Volvo', 'Petroleos Mexicanos', 'Cassa di Risparmio di Roma', "Hoechst's": capitalised
    words (short joining words inside, never "and": two names), the last capitalised, no comma."""
    return words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w in NAME_PARTICLES or w == "of" for w in words) \
        and not any("," in w for w in words)


# A company's governing body as the subject ("Acme's board declares", "Directors of Acme vote"): the
# agency's titles name the company alone (tests/gold/README.md, seventeenth round).
BODIES = lx.words("board directors")
BODY_OF = re.compile(r"^(?:The\s+)?(?:[Bb]oard(?:\s+of\s+directors)?|[Dd]irectors)\s+of\s+(?:the\s+)?"
                     r"(?P<name>.+)$")
BODY_AFTER = re.compile(r"^(?:The\s+)?(?P<name>.+?)(?:['\u2019]s?)?\s+"
                        r"(?:board(?:\s+of\s+directors)?|directors)$")
PLURAL_AUX = {"have": "has", "are": "is", "were": "was", "do": "does"}


def without_board(marked: str) -> str:
    """``marked`` (a lead read with its verb marked) with the company as its subject where the
    subject is the company's board or directors ("Davis Water's board declares" -> "Davis Water
    declares", "Directors of Hughes Tool recommend" -> "Hughes Tool recommends"). The body must
    be written in lower case after the name ("Canadian Wheat Board" is a name) and the name be
    capitalised words; a plural verb after "directors" takes the company's singular."""
    words = marked.split()
    k = next((i for i, w in enumerate(words) if MARK in w), None)
    if k is None or k < 2 or not any(w.lower().strip("'") in BODIES for w in words[:k]):
        return marked
    subject = " ".join(words[:k])
    m = BODY_OF.match(subject) or BODY_AFTER.match(subject)
    if not m:
        return marked
    name = m["name"].split()
    owned = re.search(r"['\u2019]s?\s+board\b|['\u2019]s?\s+directors\b", subject) is not None
    parts = [w.rstrip("'") for w in name if not (owned and w == "and")]  # "Davis Water and Waste's": one
    if not parts or not _is_name(parts) or (not owned and "and" in name):
        return marked
    name[-1] = name[-1].rstrip("'")
    verb = words[k].replace(MARK, "")
    if "directors" in subject.lower() and "board" not in subject.lower():
        verb = _singular(verb)
    return " ".join([*name, MARK + verb, *words[k + 1:]])


def _singular(verb: str) -> str:
    """'recommend' -> 'recommends', 'have' -> 'has'; a form already singular, or not a present,
    unchanged."""
    from .headline_words import _inflected, _is_base_verb

    if verb in PLURAL_AUX:
        return PLURAL_AUX[verb]
    if verb.islower() and verb.isalpha() and not verb.endswith("s") and _is_base_verb(verb):
        return _inflected(verb, False)
    return verb
