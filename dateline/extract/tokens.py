"""Finding the capitalised runs of an article: the raw material for people, places and organizations.

One regular expression does the scanning (speed: the whole archive is read on every cold build);
Python only looks at the runs it returns, a few dozen per article.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import CORPORATE_SUFFIXES, census_surnames, gazetteer, given_names, known_organizations, words

# A capitalised word: dotted acronyms (U.S.), abbreviations that keep their period (Sen., Co.),
# initials (J.), Arabic article prefixes (al-Watan), O'Neill, McDonald, AT&T.
_ABBR = (r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Gov|Rep|Reps|Gen|Col|Lt|Maj|Capt|Adm|Sgt|Cmdr|Prof|Rev"
         r"|Co|Inc|Corp|Ltd|Jr|Sr|St|Mt|Ft|Bros|Messrs|Cos)\.")
# Latin letters with accents count ("Mel Tormé", "Joachim Król", "Ólafur"): news names are not ASCII.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(chr(c) for c in range(0x100, 0x17F) if chr(c).isupper())
_LETTER = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u017e"
_WORD = (r"(?:(?:[A-Z]\.){2,}(?:[A-Z](?![\w.]))?"
         rf"|{_ABBR}"
         r"|[A-Z]\.(?=\s+[A-Z])"
         rf"|(?:(?:al|el|ad|an|as|ash|at|ar|az|bin|ibn)-)?[{_UPPER}][{_LETTER}]*(?:['\u2019&-][{_LETTER}]+)*)")
_JOIN = (r"(?:[ \t]+(?:(?:of|for|the|and|&|et|de|da|del|della|di|van|von|der|den|du|la|le|ten|ter|bin|ibn|y"
         r"|in|on)[ \t]+)*)")
# "Energy Security Analysis, Inc": a company suffix after a comma still belongs to the name.
_COMMA_SUFFIX = r"(?:,[ \t](?:Inc|Ltd|Corp|Co|LP|L\.P|Plc|PLC|SA|NV|AG)\b\.?)?"
# The first lookahead lets the engine skip, in one cheap test, every position no run can start at;
# the second turns away the common lower-case letters (a, e, i, b) that open no Arabic article
# ("al-", "bin-") before the word's alternation is tried: a tenth of the scan's time.
_ARTICLE_OR_CAPITAL = rf"(?=[{_UPPER}]|(?:al|el|ad|an|as|ash|at|ar|az|bin|ibn)-)"
RUN_RE = re.compile(rf"(?=[{_UPPER}aeib])(?<![\w\-.']){_ARTICLE_OR_CAPITAL}"
                    rf"{_WORD}(?:{_JOIN}{_WORD})*{_COMMA_SUFFIX}")
BRACKET_RE = re.compile(r"<([^<>\n]{2,80})>")
TICKER_RE = re.compile(r"^[A-Z0-9.]{1,10}$")
SENTENCE_END_BEFORE_RE = re.compile(r"(?:^|[.!?:;]['\"\u201d)]?|[\"\u201c(\[-])\s*$")
# Counting characters by deleting them: str.translate runs in C.
_DROP_UPPER = str.maketrans("", "", string.ascii_uppercase)
_DROP_DIGITS = str.maketrans("", "", string.digits)
WORD_RE = re.compile(r"[a-z][a-z'-]+")


# Single capitalised words that open sentences and never name anything.
SKIP_WORDS = words("""The A An This That These Those It Its He She They We I You His Her Their Our But And Or
If When While Although As At By For From In On To With After Before Since Until During Under Over Also
However Meanwhile There Here Where What Which Who Why How Some Many Most Much More Each Every No Not
Only Even Still Yet So Then Both Shr Net Revs Avg""")


@dataclass(slots=True)
class Run:
    """A capitalised run with just enough context to classify it."""

    tokens: list[str]
    sentence_start: bool
    before: str  # up to 40 characters before the run
    after: str  # up to 40 characters after it
    paragraph: int
    offset: int  # position in the article, for ordering

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def is_shouting(paragraph: str) -> bool:
    """A paragraph in capitals (a wire headline, a table heading): its capitals mean nothing."""
    head = paragraph[:80]
    return head.isupper() and len(head) - len(head.translate(_DROP_UPPER)) > 8


def is_table_row(paragraph: str) -> bool:
    """Results tables: many figures, few words."""
    if len(paragraph) >= 200:
        return False
    digits = len(paragraph) - len(paragraph.translate(_DROP_DIGITS))
    return digits > 0.25 * len(paragraph)


def find_runs(paragraph: str, index: int, base: int) -> list[Run]:
    """Every maximal capitalised run of ``paragraph`` (numbered ``index``) as a ``Run``."""
    runs: list[Run] = []
    append = runs.append
    for start, end in _spans(paragraph):
        text = paragraph[start:end]
        if text in SKIP_WORDS:
            continue  # "The", "He", "It": most runs, and never a name
        before = paragraph[start - 40 if start > 40 else 0:start]
        if "," in text or "'" in text or "\u2019" in text:
            runs.extend(_split_run([t.rstrip(",") for t in text.split()], _opens_sentence(before),
                                   before, paragraph[end:end + 40], index, base + start))
        else:
            # _opens_sentence, inlined: this loop runs for every capitalised run of the archive
            last = before.rstrip()[-2:]
            opens = not last or last[-1] in "\"\u201c([-:;!?" or (last[-1] == "." and last[:1] != ".") or (
                last[-1] in "'\"\u201d)" and last[:1] in ".!?")
            append(Run(text.split(), opens, before, paragraph[end:end + 40], index, base + start))
    return _partnerships(runs) if ", " in paragraph else runs


def _spans(paragraph: str) -> Iterator[tuple[int, int]]:
    """Where the runs of ``paragraph`` are. A firm's name ends at its suffix when another name
    follows: after the suffix's period and a capital that is no further suffix ("Standard and
    Poor's Corp. Salomon Brothers Inc said"; "Co. Inc" stays one), or before "and" and a name of
    two words or more ("Morgan Stanley and Co Inc and Salomon Brothers Inc"; "Video Affiliates Inc
    and Citicorp" is read by the rules)."""
    for m in RUN_RE.finditer(paragraph):
        start, end = m.span()
        text = m.group()
        if ". " not in text and " and " not in text and " & " not in text:
            yield start, end  # nearly every run
            continue
        at = 0
        for stop in _SUFFIX_STOP_RE.finditer(text):
            yield start + at, start + stop.start() + len(stop.group(1) or stop.group(2))
            at = stop.end()
        yield start + at, end


_SUFFIX = r"(?:Co|Corp|Inc|Ltd|Cos|Plc|PLC|LP|SA|NV|AG)"
# "Corp. Salomon": a suffix with its period, then a capitalised word that is not a suffix itself;
# "Co Inc and Salomon Brothers": a suffix, "and", then two capitalised words that open no suffix.
_SUFFIX_STOP_RE = re.compile(rf"\b((?:Co|Corp|Inc|Ltd|Cos)\.) (?!(?:{_SUFFIX}|and|&)\b)(?=[A-Z])"
                             rf"|(?<= )({_SUFFIX}\.?) (?:and|&) (?!{_SUFFIX}\b)(?=[A-Z][\w'.-]* [A-Z])")


def _opens_sentence(before: str) -> bool:
    """Nothing before the run, or a sentence end, a colon, a quote or a bracket."""
    last = before.rstrip()[-2:]
    return not last or last[-1] in "\"\u201c([-:;!?" or (last[-1] == "." and last[:1] != ".") or (
        last[-1] in "'\"\u201d)" and last[:1] in ".!?")


def _split_run(tokens: list[str], sentence_start: bool, before: str, after: str,
               index: int, offset: int) -> list[Run]:
    """Cut a run where it cannot continue: after a possessive ("Aleppo's Old City")."""
    out: list[Run] = []
    current: list[str] = []
    for i, tok in enumerate(tokens):
        # "Vernell's Fine Candies Inc" is one name; "Ivan Boesky's Seemala Corp" is two.
        possessive = tok.endswith(("'s", "\u2019s")) and not (
            _company_follows(tokens, i) and tokens[0] not in given_names()
            and not (i == 0 and gazetteer().lookup(tok[:-2])))  # "Iraq's Rafidain Bank" is two names
        current.append(tok[:-2] if possessive else tok)
        if possessive and i < len(tokens) - 1:
            out.append(Run(current, sentence_start if not out else False, before, "'s", index, offset))
            current = []
    if current:
        out.append(Run(current, sentence_start if not out else False, before if not out else "'s",
                       after, index, offset + len(out)))
    return out


def _company_follows(tokens: list[str], i: int) -> bool:
    """"Vernell's Fine Candies Inc", "Lloyd's of London": the possessive is part of a name."""
    return any(t.rstrip(".") in _SUFFIXES for t in tokens[i + 1:i + 5])


_SUFFIXES = words("Inc Corp Co Ltd Plc PLC LP SA NV AG Group Bank")


# A partnership's name ends "and Co", "and Smith Inc", "& Co Inc": one founder after the joiner at most.
_PARTNERS_AND = frozenset({"and", "&"})


def _partnerships(runs: list[Run]) -> list[Run]:
    """Join the runs of a firm named for its partners, which the wire writes with commas ("Bear,
    Stearns and Co", "Merrill Lynch, Pierce, Fenner and Smith Inc"): the last part ends in a company
    suffix after "and", each part before it is one to three words ending in a surname, and none is an
    acronym or a known organization ("IBM, Xerox and Apple Inc" are three companies). A run that goes
    on past the suffix ("Peabody and Co Inc and Goldman, Sachs and Co") gives its rest back."""
    out: list[Run] = []
    for run in runs:
        end = 0 if CORPORATE_SUFFIXES.isdisjoint(run.tokens) else _partnership_end(run.tokens)
        chain = len(out)
        while end and chain and _joins(out[chain - 1], run if chain == len(out) else out[chain]):
            chain -= 1
        if chain == len(out):
            out.append(run)
            continue
        first, rest = out[chain], run.tokens[end:]
        tokens = [t for r in out[chain:] for t in r.tokens] + run.tokens[:end]
        del out[chain:]
        after = " " + " ".join(rest) if rest else run.after
        out.append(Run(tokens, first.sentence_start, first.before, after, run.paragraph, first.offset))
        while rest and rest[0] in _PARTNERS_AND:
            rest = rest[1:]
        if rest and " ".join(rest) not in SKIP_WORDS:  # "Bear, Stearns and Co. It said"
            out.append(Run(rest, False, " and ", run.after, run.paragraph, run.offset + 1))
    return out


def _partnership_end(tokens: list[str]) -> int:
    """Where a partnership's last part ends: after 'Stearns and Co', 'Fenner and Smith Inc',
    'Harris Upham and Co Inc'; 0 when the run opens with none."""
    joiner = next((i for i, t in enumerate(tokens) if t in _PARTNERS_AND), 0)
    if not 1 <= joiner <= 2 or not _partner(tokens[:joiner]):
        return 0
    end = joiner + 1
    if end < len(tokens) and tokens[end] not in CORPORATE_SUFFIXES:
        end += 1  # "and Smith Inc": one more founder
    if end >= len(tokens) or tokens[end] not in CORPORATE_SUFFIXES:
        return 0
    while end < len(tokens) and tokens[end] in CORPORATE_SUFFIXES:
        end += 1
    return end


def _joins(left: Run, right: Run) -> bool:
    """``left`` is a partner's name written just before ``right``, a comma between them."""
    return (left.paragraph == right.paragraph and left.after.startswith(", " + right.tokens[0])
            and len(left.tokens) <= 3 and _partner(left.tokens))


def _partner(tokens: list[str]) -> bool:
    """'Bear', 'Merrill Lynch', 'Harris Upham': capitalised words ending in a surname."""
    return (all(t[:1].isupper() and not t.isupper() for t in tokens) and tokens[0] not in SKIP_WORDS
            and tokens[-1].upper() in census_surnames() and " ".join(tokens) not in known_organizations())


# Markup in a seed's text ("<b>", "<Script>", "<img src=x onerror=...>", "</p>"), never a company.
HTML_ELEMENTS = words("""a abbr b body br button code div em embed font form h1 h2 h3 head html i iframe img
input link meta object p pre script span strong style svg table td title tr u ul li video audio""")


def bracketed(paragraph: str) -> list[str]:
    """Reuters' ``<Company Name>`` convention: the contents; tickers (``<SRD>``) and markup left out.
    A company's name opens with a capital; a tag opens with a letter of any case, a slash or "!",
    and often carries attributes."""
    out = []
    for name in BRACKET_RE.findall(paragraph):
        name = name.strip()
        if TICKER_RE.match(name) or not name[:1].isupper() or "=" in name:
            continue
        first, *rest = name.split()
        if first.lower() in HTML_ELEMENTS and not any(w[:1].isupper() for w in rest):
            continue  # "<Script>"; "<B and H Ocean Carriers>" and "<Table Trac Inc>" are companies
        out.append(name)
    return out
