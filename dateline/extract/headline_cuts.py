"""Where a headline may end: whether a lead cut at a word ends a complete phrase (never on the verb
before its object, a function word, a figure without its noun, a word that wants the next one, or
inside a name)."""

from __future__ import annotations

from . import lexicon as lx
from .headline_words import (
    ADVERBS,
    AUX,
    FUNCTION_WORDS,
    MARK,
    MODALS,
    NOT_VERBS,
    OBJECT_OPENERS,
    _is_base_verb,
    _is_participle,
    _is_present_verb,
    _is_verb,
)

# Words that open a phrase trimming may drop from the end ("... in the first 10 days of March").
PHRASE_STARTS = lx.words("""in on at for from by with over under into through during against between amid
within after before via according ahead despite including excluding than thanks
while as because""")


def _verb_follows(words: list[str]) -> bool:
    """'and said ...', 'and now stands ...': a second predicate, not a second noun."""
    first = words[0].lower()
    probe = ["x", *words]
    return first in ADVERBS or first.endswith("ly") or _is_verb(probe, 1) \
        or (len(probe) > 2 and _is_present_verb(probe, 1))


def _ends_complete(text: str, cut: int) -> bool:
    """Whether ``text`` cut at character ``cut`` ends a complete phrase: never on the verb, an
    infinitive, an "-ing" or "-ed" form after its verb, a function word, a figure without its noun
    ("a 30 billion yen, 10-year bond"), or inside a name."""
    head, tail = text[:cut].rstrip(" ,;:").split(), text[cut:].lstrip(" ,;:").split()
    if not tail:
        return True
    if not head:
        return False
    last = head[-1].replace(MARK, "").lower().strip("\"'")
    before = head[-2].replace(MARK, "").lower() if len(head) > 1 else ""
    if MARK in head[-1] and _ends_on_verb(head, tail, text[cut:].lstrip().startswith(",")):
        return True  # "approval rating falls | after ...": the verb ends its clause
    subject_pronoun = last in ("it", "he", "she", "they", "we") and not _verb_like(before) \
        and before not in PHRASE_STARTS and before != "to"  # "assures ministers it | is making"
    if MARK in head[-1] or last in FUNCTION_WORDS or last == "due" or subject_pronoun \
            or (before == "to" and _is_base_verb(last)):
        return False  # "agrees to buy | assets"; not "points to slowdown | in"
    noun_before = len(head) > 1 and head[-2].islower() and head[-2].replace("-", "").isalpha() \
        and MARK not in head[-2] and not before.endswith("ly") and before not in FUNCTION_WORDS
    if last.endswith(("ing", "ed")) and not noun_before and head[-1].islower() and last not in NOT_VERBS:
        return False  # "unit voluntarily recalling", "boats that tried", "1994 | paying"
    if last.endswith("ly") and head[-1].islower():
        return False  # "was fairly | priced"
    if last.endswith("ed") and last not in NOT_VERBS and head[-1].islower():
        return False  # "special tax imposed | on exports": a participle wants what follows
    nxt = tail[0]
    comma = text[:cut].rstrip().endswith(",") or text[cut:].lstrip().startswith(",")
    if not comma and _wants_what_follows(head, tail):
        return False
    if comma and (nxt[:1].isdigit() or nxt.lower() in FUNCTION_WORDS) \
            and (last[:1].isdigit() or last.strip(",") in UNIT_WORDS or last.strip(",") in CURRENCY_WORDS):
        return False  # "30 billion yen, | 10-year bond"
    if last.lstrip("$")[:1].isdigit() and nxt.lower() in UNIT_WORDS:
        return False  # "$39.8 | million"
    if not comma and (last[:1].isdigit() or last in UNIT_WORDS or last in CURRENCY_WORDS):
        return not nxt[:1].islower() or nxt.lower() in PHRASE_STARTS or nxt.lower() in CLAUSE_STARTS \
            or nxt.lower() in GOES_ON  # "$620 million | tomorrow"
    return not (head[-1][:1].isupper() and nxt[:1].isupper() and not comma)


# Nouns that say how much of something, or name an act: empty without their "of" ("a portion of").
PART_NOUNS = lx.words("portion part number share percent pct stake majority half rest lot kind type "
                      "series range amount total line group set sale purchase")


def _wants_of(word: str) -> bool:
    """'portion | of', 'establishment | of', 'Bank | of New England': the word is empty or cut inside
    a name without its "of"; not 'prices | of its latexes'."""
    low = word.lower().strip(",\"'")
    return (word[:1].isupper() or low in PART_NOUNS
            or low.endswith(("ment", "tion", "sion", "ance", "ence", "ing")))


DATED = lx.words("payable effective dated expiring maturing due")
MONTHS = lx.words("january february march april may june july august september october november december "
                  "jan feb mar apr jun jul aug sept sep oct nov dec")
QUANTIFIERS = lx.words("more less fewer least most than")


NUMBER_WORDS = lx.words("one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
                        "fifty "
                        "hundred hundreds thousand thousands dozen dozens several")


APPROXIMATORS = lx.words("around about nearly almost roughly approximately some over under up")


TIME_NOUNS = lx.words("day days week weeks month months year years hour hours minute minutes")


# Words after which a clause with its own verb follows: subordinators, and past verbs of saying
# (the main verb is in the present by now) whose clause has no "that" ("after X told Congress Y | is").
CLAUSE_OPENERS = lx.words("because while when although though whereas if since said told")


def _verb_like(word: str) -> bool:
    low = word.replace(MARK, "").lower().strip(",;:")
    return low in AUX or _is_verb(["x", low], 1) or (
        low.endswith("s") and low.isalpha() and (_is_base_verb(low[:-1]) or _is_base_verb(low[:-2])))


def _clause_without_verb(head: list[str], tail: list[str]) -> bool:
    """'profit falls 20 percent as weak demand | offset strong sales': a subordinate clause cut
    before its verb."""
    j = next((i for i in range(len(head) - 1, 0, -1) if head[i].lower() in CLAUSE_OPENERS), None)
    if j is None or j == len(head) - 1:
        return False
    clause = head[j + 1:]
    for p, w in enumerate(clause):
        nxt = clause[p + 1] if p + 1 < len(clause) else (tail[0] if tail else "")
        if w.lower().endswith("ed") and nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS:
            continue  # "when (a) crowded bus": an adjective before its noun
        if _verb_like(w):
            return False
    window = []
    for w in tail[:6]:
        window.append(w)
        if w.endswith((",", ";")):
            break
    return any(_verb_like(w) for w in window) and head[j + 1].lower() not in FUNCTION_WORDS


def _wants_what_follows(head: list[str], tail: list[str]) -> bool:
    """The last word of ``head`` needs the first of ``tail``: a noun before its "of" ("portion |
    of", "Bank | of New England"), a list before its last item ("Alfred, David | and Martha"),
    "more | than", "a day | after", a verb before its object ("improves | its appeal", "could
    result | in", "has not gone | as fast"), "trade beginning | to emerge", "Chinese | submarine"."""
    last, nxt = head[-1].replace(MARK, ""), tail[0].replace(MARK, "")
    low, nlow = last.lower().strip("\"'"), nxt.lower().strip("\"'")
    before = head[-2].replace(MARK, "").lower() if len(head) > 1 else ""
    if _clause_without_verb(head, tail):
        return True
    if nlow == "of" and _wants_of(last):
        return True
    if before == "and" and last.islower() and nxt.islower() and nlow not in FUNCTION_WORDS \
            and last.endswith("s") and (_is_base_verb(low[:-1]) or _is_base_verb(low[:-2])):
        return True  # "keeps company afloat and improves | standing": a second verb without its object
    if low in MONTHS and nxt[:1].isdigit():
        return True  # "due March | 31"
    if nlow in PART_NOUNS and last.isalpha() and last.islower():
        return True  # "substantial | portion of": the modifier without its noun
    if low in QUANTIFIERS or low in NUMBER_WORDS or low in APPROXIMATORS:
        return True  # "three | batches", "of around | $600 million"
    if last.endswith(("'s", "\u2019s", "s'")) and nxt[:1].islower():
        return True  # "its Emulsion Polymers Division's | styrene-based latexes"
    if nlow in ("and", "or", "&") and not _verb_follows(tail[1:3] or ["x"]):
        return True
    if low in TIME_NOUNS and nlow in ("after", "before", "earlier", "later", "ago"):
        return True
    if last.islower() and (before in MODALS or before in ("not", "been", "has", "have", "had")) \
            and (_is_base_verb(low) or _is_participle(low)):
        return True
    if last.islower() and low.endswith("ing") and (nlow == "to" or nlow in OBJECT_OPENERS
                                                   or nxt[:1].isupper() or nxt[:1].isdigit()):
        return True  # "quarter ending | March 28", "trade beginning | to emerge"
    if low in DATED and (nxt[:1].isupper() or nxt[:1].isdigit()):
        return True  # "dividend payable | April eight"
    if last.islower() and len(tail) > 1 and _is_present_verb(["x", last, nxt], 1):
        return True
    if last.isalpha() and last.islower() and nlow.endswith("ed") and nxt.islower() and len(tail) > 1 \
            and tail[1].isalpha() and tail[1].islower() and tail[1] not in FUNCTION_WORDS:
        return True  # "convertible | subordinated debentures": inside a noun phrase
    if before == "as" and nlow == "as":
        return True  # "has not gone as fast | as the administration would have liked"
    if low in PREPOSITION_HEADS and nlow in ("to", "of"):
        return True  # "thanks | to a try", "ahead | of the vote": half of a preposition
    if _modifier_before_head(low, nlow, last, nxt):
        return True  # "economic reform | programme", "for artificial | intelligence": the head noun
    # "Arab | fund", "Texaco | stake", "Chinese | submarine": a name or demonym used as a modifier
    return last[:1].isupper() and nxt.islower() and nxt.isalpha() and nlow not in FUNCTION_WORDS \
        and nlow not in PHRASE_STARTS and nlow not in CLAUSE_STARTS and not _is_participle(nlow) \
        and not nlow.endswith("ing") and MARK not in tail[0]


# Words a lead may go on with after a complete noun phrase: where, when, how, not its head noun.
GOES_ON = lx.words("here there today tomorrow yesterday tonight now again also too each apiece ago "
                   "last next this due effective payable")
# The first words of two-word prepositions ("thanks to", "ahead of").
PREPOSITION_HEADS = lx.words("thanks owing ahead instead prior because next close")
# Adjectives that say which or how many: never the end of a noun phrase ("certain | Qume printers").
SELECTORS = lx.words("certain various other such many own same")


def _modifier_before_head(low: str, nlow: str, last: str, nxt: str) -> bool:
    """A lower-case word before a lower-case noun that goes on the noun phrase: the cut loses the
    head ("government's economic reform | programme", "multi-million | dlr system")."""
    if low in SELECTORS:
        return True
    plain = last.replace("-", "").isalpha() and nxt.replace("-", "").isalpha()
    if not (plain and last.islower() and nxt.islower()) or low in FUNCTION_WORDS or nlow in FUNCTION_WORDS:
        return False
    if nlow in PHRASE_STARTS or nlow in CLAUSE_STARTS or nlow in GOES_ON or nlow in ADVERBS:
        return False
    if nlow.endswith(("ing", "ly")) or _is_participle(nlow) or _verb_like(nlow):
        return False  # "plant closed", "prices rise": a verb, not the head noun
    return not _verb_like(low)  # "raises | prices": the verb's object follows


# What may follow a verb that ends its clause: "falls after", "resigns, ending", "strained when".
VERB_FINAL_NEXT = lx.words("after as because while when amid despite since although though following "
                           "whereas but")


def _ends_on_verb(head: list[str], tail: list[str], comma: bool) -> bool:
    """A headline may end on its main verb when the verb ended its clause in the lead: a comma or
    a subordinator came next, not an object, infinitive or preposition ("agrees | to buy")."""
    verb = head[-1].replace(MARK, "").lower()
    if len(head) < 3 or verb in AUX or verb in ("be", "been", "being") or verb in MODALS:
        return False
    return comma or tail[0].lower() in VERB_FINAL_NEXT


CURRENCY_WORDS = lx.words("yen guilder guilders franc francs mark marks dollar dollars lira lire peseta "
                          "pesetas crown crowns krona kronor schilling schillings rand ringgit rupee rupees "
                          "pound pounds sterling ecu ecus dlr dlrs stg")


CLAUSE_STARTS = lx.words("when after before because while as since although if until which who that where")


UNIT_WORDS = lx.words("million billion percent dollars cents marks yen francs sterling tonnes tons barrels")
