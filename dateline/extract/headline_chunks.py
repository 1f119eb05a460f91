"""A lead sentence as chunks, the constituents a headline keeps or drops whole.

Over the words the compressor already has (its main verb marked), the sentence is grouped into
noun phrases (determiners, modifiers, a figure with its unit and noun, possessives and
"of"-complements, names joined by "and"), the verb group (auxiliaries, adverbs, "to" and an
infinitive, particles), prepositional phrases (a preposition and its noun phrase), infinitives
("to set up") and clause openers. From the chunks follows the headline's core: the subject, the
verb group and what the verb cannot do without (its object noun phrase whole; an object's
infinitive after a verb or noun that wants one, "invites houses | to bid"; a copula's complement;
the phrase after a verb that does not end its clause, "calls | on"; "as record date" after a date
set). ``core_end`` says where it ends, so that a cut before it is known to lose the object, and
``whole_cut`` builds a headline of whole chunks: the core, then the optional chunks that follow
while they fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx
from .headline_cuts import (
    APPROXIMATORS,
    CLAUSE_STARTS,
    CURRENCY_WORDS,
    FACT_MODIFIERS,
    INFINITIVE_NOUNS,
    MONTHS,
    NUMBER_WORDS,
    PHRASE_STARTS,
    UNIT_WORDS,
    _ends_complete,
    _ends_on_verb,
    _verb_follows,
    _wants_of,
)
from .headline_words import (
    ADVERBS,
    AUX,
    DETERMINERS,
    FUNCTION_WORDS,
    MARK,
    OBJECT_OPENERS,
    _is_base_verb,
    _is_participle,
    _verb_index,
)

# Prepositions that open a phrase; "as", "while", "because" open a clause here.
PREPOSITIONS = (PHRASE_STARTS - lx.words("while as because after before than according")) \
    | lx.words("of to about instead ahead thanks prior owing worth payable effective due")
CLAUSE_MARKS = CLAUSE_STARTS | lx.words("but yet whose according than whereby")
NP_OPENERS = lx.words("the a an its their his her")
LINKS = FUNCTION_WORDS - NP_OPENERS  # after "and", a word that opens no noun phrase
UNLISTED_PREPOSITIONS = PREPOSITIONS - PHRASE_STARTS  # "instead", "worth": phrases the cut rules miss
MEASURES = CURRENCY_WORDS | UNIT_WORDS
ORDINALS = lx.words("first second third fourth fifth sixth seventh eighth ninth tenth last final")
COUNTING = NUMBER_WORDS | ORDINALS
AGENT_PREPS = lx.words("to by on for in with")
# Words after a noun that open a new phrase or clause: a second determiner, a subject pronoun.
PHRASE_BREAKS = lx.words("a an the this these those its their his her it they he she we")
PARTICLES = lx.words("up out off down back")
COPULAS = lx.words("is are was were be been being remains remain seems seem becomes become stays stay")
SPEECH_VERBS = lx.words("says say tells tell")
# Verbs whose object is followed by what it is asked or allowed to do ("invites houses to bid"): a
# closed class of English grammar (object control), not words of any one story; the nouns that
# want an infinitive are in ``headline_cuts``.
CONTROL_VERBS = lx.words("""asks ask urges urge invites invite requests request tells tell allows allow
permits permit authorizes authorize authorises authorise orders order forces force persuades persuade
encourages encourage enables enable requires require calls call advises advise wants want expects expect
instructs instruct directs direct approves approve""")
# Verbs that name their object to a post ("elects Smith | as chairman"): the "as" phrase is the news,
# a closed class of English grammar like the control verbs.
NAMING_VERBS = lx.words("""elects elect re-elects re-elect names name appoints appoint nominates nominate
chooses choose selects select designates designate installs install confirms confirm""")
SAYING = SPEECH_VERBS | lx.words("said")
CALLING = CONTROL_VERBS | lx.words("call calls")  # "calls on X | to do Y"
WANTING = CALLING | INFINITIVE_NOUNS


@dataclass(frozen=True)
class Chunk:
    """Words ``start`` to ``end`` (exclusive) of one kind: NP, VG, PP, TO (an infinitive), CLAUSE
    (a clause opener and what follows it), and whether a comma closes it."""

    kind: str
    start: int
    end: int
    comma: bool = False


@lru_cache(maxsize=16384)
def _plain(word: str) -> str:
    return word.replace(MARK, "").lower().strip(",;:\"'")


def _verb_group_end(words: list[str], k: int) -> int:
    """The end of the verb group opened at ``k``: auxiliaries, "not", adverbs, "to" and a base verb,
    "be" and a participle, a particle ("set up")."""
    end = k + 1
    auxiliary = _plain(words[k]) in AUX or _plain(words[k]) == "to"
    while end < len(words) and not words[end - 1].endswith(","):
        low, nxt = _plain(words[end]), _plain(words[end + 1]) if end + 1 < len(words) else ""
        if low in ADVERBS:
            end += 1
        elif words[end].islower() and (low in ("be", "been", "being") or (low in AUX and low != "'s")):
            auxiliary = True
            end += 1
        elif low == "to" and nxt and words[end + 1].islower() and _is_base_verb(nxt):
            end += 2
        elif auxiliary and words[end].islower() and (_is_participle(low) or _is_base_verb(low)
                                                     or _progressive(low)
                                                     or (_plain(words[end - 1]) in ("not", "never")
                                                         and low.isalpha() and low not in FUNCTION_WORDS)):
            auxiliary = False  # "has not | gone", "could | begin", "is | considering": the main verb
            end += 1
        elif low in PARTICLES and nxt not in PREPOSITIONS and not (low == "up" and nxt == "to"):
            end += 1
        else:
            break
    return end


def _progressive(word: str) -> bool:
    return word.endswith("ing") and (_is_base_verb(word[:-3]) or _is_base_verb(word[:-3] + "e"))


def _relative(words: list[str], j: int) -> bool:
    """'banks | holding surplus reserves': an "-ing" form after a lower-case noun opens a
    participle's phrase, not a noun ("weekend | meeting" is a noun: it ends the phrase)."""
    w, prev = words[j], words[j - 1]
    if not w.endswith(("ed", "ing")) or MARK in prev:
        return False  # "issues | ruling": the verb's object, not a participle after a noun
    if w.islower() and w.endswith("ed") and _is_participle(w) and prev.islower() and prev.isalpha() \
            and prev not in FUNCTION_WORDS and j + 1 < len(words) and _plain(words[j + 1]) in AGENT_PREPS:
        return True  # "transactions | needed to repay", "tax | imposed on exports"
    if not (w.islower() and _progressive(w) and len(w) > 5 and prev.islower() and prev.isalpha()
            and prev not in FUNCTION_WORDS and j + 1 < len(words)):
        return False
    nxt = words[j + 1]
    low = _plain(nxt)
    # a complement follows ("holding the ..."), or a plural noun stands before: not "floating rate"
    return low in OBJECT_OPENERS or (low in DETERMINERS and low not in PREPOSITIONS) \
        or nxt[:1].isupper() or nxt[:1].isdigit() or (prev.endswith("s") and not prev.endswith("ss"))


def _infinitive_at(words: list[str], i: int) -> bool:
    """'to | bid': "to" and a base verb; not "from time to time" (one noun either side of "to")."""
    if _plain(words[i]) != "to" or i + 1 >= len(words) or not words[i + 1].islower():
        return False
    # "to sharply cut": a split infinitive, its adverb before the base
    split = _plain(words[i + 1]).endswith("ly") and i + 2 < len(words) and words[i + 2].islower()
    j = i + 2 if split else i + 1
    return _base_verb(_plain(words[j])) and not (i and _plain(words[i - 1]) == _plain(words[j]))


@lru_cache(maxsize=4096)
def _base_verb(word: str) -> bool:
    """A verb's base form, also where its past doubles the last letter ("submit", "submitted")."""
    return _is_base_verb(word) or (len(word) > 3 and word + word[-1] + "ed" in lx.common_words())


def _np_end(words: list[str], i: int) -> int:
    """Where the noun phrase opened at ``i`` ends: before a preposition (but "of" and what it
    governs stay), a clause opener, a verb, an infinitive; after a comma; "and" joins two nouns."""
    j = i
    while True:
        # "Alfred, David and Martha Billes": a list of names goes on past its commas
        listed = words[j][:1].isupper() and j + 1 < len(words) and words[j + 1][:1].isupper() \
            and "and" in words[j + 1:j + 4]
        if words[j].endswith((",", ";")) and not listed:
            return j + 1
        j += 1
        if j >= len(words) or _breaks_phrase(words, i, j):
            return j


def _breaks_phrase(words: list[str], i: int, j: int) -> bool:
    """Whether word ``j`` (past ``i``, where a noun phrase opened) opens a new chunk: the verb, an
    infinitive, a clause, a preposition (not "of"; not "to" or "about" inside a figure, "up to
    50", "20 to 25"), a participle's phrase, a second determiner or a subject pronoun, an
    auxiliary, or "and" before a verb."""
    low, prev = _plain(words[j]), _plain(words[j - 1])
    if MARK in words[j] or low in CLAUSE_MARKS or (low == "to" and _infinitive_at(words, j)):
        return True
    nxt = words[j + 1] if j + 1 < len(words) else ""
    figure = nxt.lstrip("$")[:1].isdigit() and (low == "about" or (low == "to" and (prev[:1].isdigit())))
    if low in PREPOSITIONS and low != "of" and not figure and not (low == "to" and prev == "up"):
        return True
    if (j > i + 1 and _relative(words, j)) or (low in PHRASE_BREAKS and prev not in ("of", "and", "or")):
        return True  # "house arrest | a day after", "price | it charges"
    if words[j].islower() and low in AUX:
        return True  # "U.S. trade deficit | would decline": the reported clause's verb
    if low in ("and", "or"):
        verb = nxt.islower() and (_verb_index(["x", nxt, "y"]) == 1 or _verb_follows(words[j + 1:j + 3]))
        return verb or not nxt or _plain(nxt) in LINKS
    return False


def chunks(words: list[str], horizon: int = 0) -> list[Chunk]:
    """The sentence's chunks, in order; the verb group is the one holding the marked verb. With
    ``horizon``, from the verb group on and only that many past it (all a core needs: it reads
    four at most)."""
    return _chunks(tuple(words), horizon)


@lru_cache(maxsize=512)
def _chunks(words: tuple[str, ...], horizon: int) -> list[Chunk]:
    out: list[Chunk] = []
    seq = list(words)
    i, past = 0, -1
    if horizon:
        i = next((n for n, w in enumerate(seq) if MARK in w), 0)
    while i < len(seq) and past < (horizon or len(seq)):
        low = _plain(seq[i])
        if MARK in seq[i]:
            kind, end = "VG", _verb_group_end(seq, i)
        elif low in CLAUSE_MARKS:
            kind, end = "CLAUSE", len(seq)
        elif _infinitive_at(seq, i):
            kind, end = "TO", _verb_group_end(seq, i + 1)
        elif low in PREPOSITIONS or (i and _relative(seq, i)):
            kind = "PP" if low in PREPOSITIONS else "REL"
            alone = i + 1 >= len(seq) or seq[i].endswith((",", ";"))  # "effective, | and ..."
            end = i + 1 if alone else _np_end(seq, i + 1)
        else:
            kind, end = "NP", _np_end(seq, i)
        out.append(Chunk(kind, i, end, seq[end - 1].endswith((",", ";"))))
        past += past >= 0 or kind == "VG"
        i = end
    return out


def _date(words: list[str]) -> bool:
    return any(_plain(w) in MONTHS for w in words) and any(w[:1].isdigit() for w in words)


def _head(words: list[str], chunk: Chunk) -> str:
    """The noun phrase's head for the words it governs: its last word before any "of"."""
    span = [_plain(w) for w in words[chunk.start:chunk.end]]
    return span[span.index("of") - 1] if "of" in span[1:] else span[-1]


def _frame_end(words: list[str], parts: list[Chunk], v: int) -> tuple[int, list[Chunk]]:
    """The end of what the verb group (or infinitive) ``parts[v]`` cannot do without, and the
    chunks inside it that may still go where room is short (a participle's phrase after the
    object, a phrase between the object and its infinitive)."""
    vg = parts[v]
    verb = _plain(words[vg.end - 1])
    rest = parts[v + 1:]
    if not rest or vg.comma:
        return vg.end, []
    first = rest[0]
    if verb in SPEECH_VERBS and first.kind != "CLAUSE":  # "X says Y does Z": the reported clause's core
        tail = words[vg.end:]
        k = _verb_index(tail)
        if not k or _plain(tail[k]) in SAYING:
            return first.end, []
        inner = [*tail[:k], MARK + tail[k].replace(MARK, ""), *tail[k + 1:]]
        end, optional = _core(inner)
        return vg.end + end, [Chunk(c.kind, c.start + vg.end, c.end + vg.end) for c in optional]
    if first.kind == "CLAUSE" and verb not in COPULAS:
        return vg.end, []
    if first.kind == "TO" or (verb in COPULAS and first.kind != "NP"):
        return _infinitive_frame(words, parts, v + 1)
    if first.kind == "NP":
        return _object_frame(words, parts, v + 1, verb)
    if first.kind == "PP":
        head = [w.replace(MARK, "") for w in words[:vg.end]]
        ends = _ends_on_verb(head, words[vg.end:], False)
        if ends and verb not in COPULAS:
            return vg.end, []
        if verb in CALLING and len(rest) > 1 and rest[1].kind == "TO" \
                and not first.comma:
            return _infinitive_frame(words, parts, v + 2)  # "calls on government | to seek help"
        return first.end, []
    return first.end, []


def _object_frame(words: list[str], parts: list[Chunk], o: int, verb: str) -> tuple[int, list[Chunk]]:
    """The object ``parts[o]`` and what it needs: its infinitive after a verb or noun that wants
    one (past a participle's phrase or a phrase between), "as record date" after a date."""
    obj = parts[o]
    end = _object_end(words, obj)
    if obj.comma or o + 1 >= len(parts):
        return end, []
    nxt = parts[o + 1]
    if _date(words[obj.start:obj.end]) and nxt.kind in ("PP", "CLAUSE") \
            and _plain(words[nxt.start]) in ("as", "for"):
        return _np_end(words, nxt.start + 1), []  # "sets March 26 | as record date"
    if verb in NAMING_VERBS and nxt.kind in ("PP", "CLAUSE") and _plain(words[nxt.start]) == "as" \
            and not obj.comma and _names_post(words, nxt.start + 1):
        # "elects Sato | as leader": the post is the news, yet where nothing fits it goes before
        # the person's name does
        post = _np_end(words, nxt.start + 1)
        return post, [Chunk("PP", nxt.start, post)]
    if not (verb in CONTROL_VERBS or _head(words, obj) in INFINITIVE_NOUNS):
        return end, []
    # the infinitive may follow a phrase or two about the object ("urges farmers in the north |
    # to plant", "signs agreement with Sharp | to build copiers")
    to = o + 1
    while to < min(len(parts), o + 3) and parts[to].kind in ("REL", "PP") and not parts[to - 1].comma:
        to += 1
    if to >= len(parts) or parts[to].kind != "TO" or parts[to - 1].comma:
        return end, []
    inner, optional = _infinitive_frame(words, parts, to)
    return inner, [*parts[o + 1:to], *optional]


def _names_post(words: list[str], i: int) -> bool:
    """'as (its) leader', 'as prime minister': a post in lower case after "as", not a clause ("as
    Institutional Revolutionary Party met")."""
    while i < len(words) and _plain(words[i]) in NP_OPENERS:
        i += 1
    return i < len(words) and words[i].islower() and _plain(words[i]).isalpha()


def _infinitive_frame(words: list[str], parts: list[Chunk], t: int) -> tuple[int, list[Chunk]]:
    """An infinitive (or a copula's complement) ``parts[t]`` and its own object or phrase."""
    if parts[t].kind == "TO":
        return _frame_end(words, parts, t)
    return parts[t].end, []


def _object_end(words: list[str], chunk: Chunk) -> int:
    """The object's end: its head noun, with the "of"-complement only where the head is empty
    without it ("portion of", "Bank of")."""
    span = [_plain(w) for w in words[chunk.start:chunk.end]]
    if "of" not in span[1:]:
        return chunk.end
    head = chunk.start + span.index("of", 1) - 1
    figure = words[head].lstrip("$")[:1].isdigit() or _plain(words[head]) in UNIT_WORDS
    return chunk.end if _wants_of(words[head]) or figure else head + 1  # "$3.5 billion | of debt"


def _marked(words: list[str]) -> list[str]:
    """The words with a verb marked: the compressor's, else "plans | to issue" (an "-s" verb
    before an infinitive), which the compressor's shapes miss."""
    if any(MARK in w for w in words):
        return words
    for i in range(1, len(words) - 2):
        w = words[i]
        if w.islower() and w.endswith("s") and _is_base_verb(w[:-1]) and _infinitive_at(words, i + 1):
            return [*words[:i], MARK + w, *words[i + 1:]]
    return words


def _core(words: list[str]) -> tuple[int, list[Chunk]]:
    parts = chunks(words, horizon=5)
    v = next((n for n, c in enumerate(parts) if c.kind == "VG"), None)
    if v is None:
        return len(words), []
    return _frame_end(words, parts, v)


def core_end(words: list[str]) -> int:
    """How many words the headline's core takes: subject, verb group and the verb's object or
    complement (the whole text when no verb is marked)."""
    return _core(_marked(words))[0]


def loses_object(text: str, kept: int) -> bool:
    """Whether the first ``kept`` words of ``text`` stop inside its core (before its verb's object
    or complement ends)."""
    words = text.split()
    if kept < len(words) and _phrase_opens(words, kept):
        return False  # the common cut, decided without chunking
    words = _marked(words)
    if not any(MARK in w for w in words[:kept]):
        return False
    return kept < core_end(words)


def _phrase_opens(words: list[str], kept: int) -> bool:
    """A cut before a phrase ("... | in the city") that can lose no core: two or more words follow
    the verb group and no word kept asks for an infinitive after a phrase ("urges farmers in the
    north | to plant")."""
    nxt = _plain(words[kept])
    if nxt not in PHRASE_STARTS or nxt in ("to", "as", "for") or words[kept - 1].endswith(","):
        return False
    k = next((i for i, w in enumerate(words[:kept]) if MARK in w), None)
    return k is not None and _verb_group_end(words, k) < kept - 1 \
        and not any(_plain(w) in WANTING for w in words[k:kept])


def whole_cut(text: str, target: int, limit: int) -> str:
    """A headline of whole chunks of ``text``: the core, then each following chunk while the
    headline stays within ``target`` characters and no clause or comma intervenes; where the core
    is over ``limit``, its optional chunks go, then the object's modifiers from the left
    (adjectives, never a figure or a name). "" when the core cannot be made to fit or would end
    on a word that wants the next."""
    words = _marked(text.split())
    parts = chunks(words)
    v = next((n for n, c in enumerate(parts) if c.kind == "VG"), None)
    if v is None:
        return ""
    end, optional = _frame_end(words, parts, v)
    for chunk in parts[v + 1:]:
        if chunk.end <= end:
            continue
        before = words[chunk.start - 1]
        if chunk.kind not in ("PP", "TO") or before.endswith((",", ";")) or chunk.start < end:
            break
        if len(" ".join(words[:chunk.end]).replace(MARK, "")) > target:
            break
        end = chunk.end
    if not _ends_whole(words, end):
        return ""
    gone = {i for c in optional for i in range(c.start, c.end)} \
        if len(" ".join(words[:end])) > limit else set()
    kept = [w for i, w in enumerate(words[:end]) if i not in gone]
    for _ in range(6):
        if len(" ".join(kept).replace(MARK, "")) <= limit:
            return " ".join(kept).replace(MARK, "").rstrip(",;")
        shorter = _without_first_modifier(kept)
        shorter = _first_conjunct(kept) if shorter == kept else shorter
        if shorter == kept:
            return ""
        kept = shorter
    return ""


def _ends_whole(words: list[str], end: int) -> bool:
    """Whether a headline of the first ``end`` words ends where the sentence may: the cut rules
    agree (or a phrase they do not know opens next, "sorghum | instead of maize"), and it does not
    end on a participle, an "-ing" form, an infinitive, "up" before "to", or a figure before its
    noun ("$100 | per share offer")."""
    if end >= len(words):
        return True
    plain = " ".join(words).replace(MARK, "")
    last, after = _plain(words[end - 1]), _plain(words[end])
    if not _ends_complete(plain, len(" ".join(words[:end]).replace(MARK, ""))) \
            and after not in UNLISTED_PREPOSITIONS:
        return False
    lower = words[end - 1].islower() and MARK not in words[end - 1]
    if lower and (last.endswith(("ing", "ed")) or _is_participle(last) or last == "up"):
        return False
    if end >= 2 and _plain(words[end - 2]) == "to" and lower:
        return False  # "efforts to recover | ...": the infinitive wants its object
    return not (last.lstrip("$")[:1].isdigit() and words[end].islower() and after.isalpha()
                and after not in PREPOSITIONS)


def _modifier(word: str) -> bool:
    """A lower-case adjective before the head of its noun phrase, which may go: no figure, unit,
    currency, number word ("two-for-one"), name, function word, plural noun ("interest rates"),
    verb form or "-ing" noun ("restraining order")."""
    low = word.lower()
    return word.islower() and word.replace("-", "").isalpha() and low not in FUNCTION_WORDS \
        and (low in lx.common_words() or "-" in low) \
        and low not in UNIT_WORDS and low not in CURRENCY_WORDS \
        and not any(part in COUNTING for part in low.split("-")) \
        and not low.endswith(("s", "ing")) \
        and not _is_participle(low) and not _is_base_verb(low) and low not in APPROXIMATORS \
        and low not in FACT_MODIFIERS


def _without_first_modifier(words: list[str]) -> list[str]:
    """The words (their verb marked) without the first modifier of an object noun phrase, left of
    its head and before another lower-case word: "75 million Australian dollar floating rate
    notes" keeps its figure, unit and "notes"; never one of two coordinated modifiers ("research
    and development project"). The subject's modifiers go last, and only from a subject of one
    part (its words say who: "high interest rates, sluggish growth and ...")."""
    parts = chunks(words)
    v = next((n for n, c in enumerate(parts) if c.kind == "VG"), len(parts))
    subject = [c for c in parts[:v] if not any(w.endswith(",") or _plain(w) in ("and", "or")
                                               for w in words[c.start:c.end])]
    for chunk in [*parts[v + 1:], *subject]:
        if chunk.kind != "NP" or _plain(words[chunk.start]) in ("and", "or"):
            continue
        head = _head_index(words, chunk)
        span = [_plain(w) for w in words[chunk.start:head]]
        first = max((chunk.start + n + 2 for n, w in enumerate(span)
                     if w in ("and", "or") or words[chunk.start + n].endswith(",")), default=chunk.start)
        for i in range(first, head):
            nxt = words[i + 1]
            if MARK in nxt:
                break
            adverb = words[i].islower() and words[i].endswith("ly")
            if adverb and _is_participle(_plain(nxt)) and i + 2 < head:
                return [*words[:i], *words[i + 2:]]  # "previously announced offer": both go
            if _droppable(words, chunk.start, i):
                return [*words[:i], *words[i + 1:]]
    return words


def _head_index(words: list[str], chunk: Chunk) -> int:
    """The noun phrase's head: its word before "of", or before an "-ing" word after a noun
    ("statement | covering offering"; not "dollar floating rate notes"), else its last word."""
    span = [_plain(w) for w in words[chunk.start:chunk.end]]
    for n in range(1, len(span)):
        before = span[n - 1]
        if span[n] == "of" or (span[n].endswith("ing") and before not in MEASURES
                               and not before[:1].isdigit()):
            return chunk.start + n - 1
    return chunk.end - 1


def _droppable(words: list[str], start: int, i: int) -> bool:
    """Word ``i`` of a noun phrase opened at ``start`` may go: an adjective before another
    lower-case word of the phrase, or, past a figure's unit or currency, any lower-case word that
    describes the paper ("120 million dollar | floating rate | notes")."""
    word, nxt = words[i], words[i + 1]
    if word.endswith(",") or not (nxt.islower() and nxt.isalpha()) or _plain(nxt) in FUNCTION_WORDS:
        return False
    figured = any(_plain(w) in MEASURES for w in words[start:i]) and word.islower() \
        and word.replace("-", "").isalpha() \
        and _plain(word) not in FUNCTION_WORDS | MEASURES
    return figured or _modifier(word)


def _first_conjunct(words: list[str]) -> list[str]:
    """'signs $150 million credit facility and $150 million paper program' -> 'signs $150 million
    credit facility': of a coordinated object that does not fit, the first part, where it ends on
    its own head noun (a lower-case word that is no modifier, or a name)."""
    k = next((i for i, w in enumerate(words) if MARK in w), None)
    if k is None:
        return words
    for i in range(len(words) - 2, k + 1, -1):
        before, after = words[i - 1], words[i + 1]
        # a second noun phrase opens after "and" (a figure, a determiner): not "Harper and Row",
        # "fixed and flexible rates", "manufacturing and marketing agreement"
        opens = after.lstrip("$")[:1].isdigit() or _plain(after) in NP_OPENERS
        if _plain(words[i]) == "and" and opens and before.islower() and before.isalpha():
            return words[:i]
    return words
