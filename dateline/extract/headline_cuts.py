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
    ("a 30 billion yen, 10-year bond"), an adjective that says who its noun is ("interim |
    government"), or inside a name."""
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
            or (before == "to" and _is_base_verb(last)) or last in FACT_MODIFIERS:
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
# Adjectives that change who or what their noun is ("former finance minister" is no finance
# minister): a closed class of English grammar, never dropped as a mere modifier.
FACT_MODIFIERS = lx.words("former ex acting alleged suspected interim outgoing would-be")


TIME_NOUNS = lx.words("day days week weeks month months year years hour hours minute minutes")


# Words after which a clause with its own verb follows: subordinators, and past verbs of saying
# (the main verb is in the present by now) whose clause has no "that" ("after X told Congress Y | is").
CLAUSE_OPENERS = lx.words("because while when although though whereas if since said told")
# Nouns that name an act and want its infinitive ("efforts to set up", "plans a bid | to take over"):
# a closed class of English grammar (infinitive complements), not words of any one story.
INFINITIVE_NOUNS = lx.words("""effort efforts plan plans bid bids attempt attempts move moves decision
proposal proposals agreement offer offers right rights permission approval authority way chance
opportunity talks pressure pledge promise commitment deal option call calls request requests order
orders power refusal failure""")


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
    return _verb_soon(tail, 6) and head[j + 1].lower() not in FUNCTION_WORDS


def _verb_soon(tail: list[str], n: int) -> bool:
    """A verb among the first ``n`` words of ``tail``, before any comma."""
    for w in tail[:n]:
        if _verb_like(w):
            return True
        if w.endswith((",", ";")):
            return False
    return False


# Words that open an object by saying how much of it ("placing | all or part of the revenues").
QUANTIFYING = lx.words("all some any both each every most part")
PARTICLES = lx.words("up out off down back over")
# Words in the lead after the cut that open a clause of their own: a modal there belongs to it.
OWN_CLAUSE = CLAUSE_OPENERS | lx.words("which who whom whose that where when and or but")


def _complement_clause_cut(head: list[str], tail: list[str]) -> bool:
    """'Fleet hopes proposed merger | with Norstar can be completed': the clause a verb reports or
    hopes for, cut before its own verb; a modal a few words on, with no comma or clause opener
    between, is that clause's."""
    if len(head) < 3:
        return False
    for w in tail[:5]:
        low = w.lower().strip("\"'")
        if low in OWN_CLAUSE or not w[:1].isalpha():
            return False
        if low in MODALS and w.islower():  # "can", not the month "May"
            return True
        if w.endswith((",", ";", ":")):
            return False
    return False


def ends_whole(text: str, cut: int) -> bool:
    """Whether ``text`` cut at character ``cut`` ends a complete phrase (``_ends_complete``) that
    also keeps what its last words promise (not ``promises_more``)."""
    return _ends_complete(text, cut) and not promises_more(text, cut)


def promises_more(text: str, cut: int) -> bool:
    """Whether ``text`` cut at character ``cut`` stops on words that promise what the text goes on
    to give: an act noun before its infinitive, a clause a verb reports cut before its own verb, a
    subject pronoun before its verb, an "-ing" form before the object it quantifies, a "that"
    clause without its verb, a word inside a quoted name."""
    head, tail = text[:cut].rstrip(" ,;:").split(), text[cut:].lstrip(" ,;:").split()
    if not tail or not head or text[:cut].rstrip().endswith((",", ";")):
        return False
    last, nxt = head[-1].replace(MARK, ""), tail[0].replace(MARK, "")
    low, nlow = last.lower().strip("\"'\u201c\u201d"), nxt.lower().strip("\"'\u201c\u201d")
    if low in INFINITIVE_NOUNS and nlow == "to" and len(tail) > 1 and _is_base_verb(tail[1].lower()):
        return True  # "making every effort | to expand": the act without what it is
    if low in ("it", "he", "she", "they", "we") and nlow in AUX:
        return True  # "assures ministers it | is making"
    if last.islower() and low.endswith("ing") and nlow in QUANTIFYING:
        return True  # "start placing | all or part of revenues"
    if last.isalpha() and last.islower() and low not in FUNCTION_WORDS and nxt[:1].isdigit():
        return True  # "to sell additional | 300,000 tonnes": the figure and its noun lost
    before = head[-2].replace(MARK, "").lower() if len(head) > 1 else ""
    if low in PARTICLES and _is_base_verb(before) and (nxt[:1].isupper() or nlow in OBJECT_OPENERS):
        return True  # "proposals to cut back | U.S. ...": a phrasal verb without its object
    if nlow == "of" and len(tail) > 1 and (tail[1][:1].isdigit() or tail[1].lower() in NUMBER_WORDS) \
            and last.isalpha() and last.islower():
        return True  # "with coupon | of five percent": the noun without its figure
    counted = last[:1].isdigit() or ((before[:1].isdigit() or before in NUMBER_WORDS) and last.isalpha() \
        and last.islower() and low not in FUNCTION_WORDS)
    if counted and nxt[:1].isalpha() and nlow not in FUNCTION_WORDS and nlow not in PHRASE_STARTS \
            and nlow not in CLAUSE_STARTS and nlow not in GOES_ON and nlow not in MONTHS:
        return True  # "rebate of 46.80 | European Currency Units", "one new | share": the counted noun
    if last.count('"') % 2 and nxt[:1].isupper():
        return True  # 'introduces "Fast | Break" plan': inside a quoted name
    return _complement_clause_cut(head, tail) or _that_clause_cut(head, tail)


def _that_clause_cut(head: list[str], tail: list[str]) -> bool:
    """'court ruling that Mor-Flo | infringed': a "that" clause cut before its verb."""
    j = next((i for i in range(len(head) - 1, 0, -1) if head[i].lower() == "that"), None)
    if j is None or j == len(head) - 1 or head[j + 1].lower() in FUNCTION_WORDS:
        return False
    if any(_verb_like(w) for w in head[j + 1:]):
        return False
    return _verb_soon(tail, 4)


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
