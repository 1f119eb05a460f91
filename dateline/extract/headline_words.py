"""The words of a lead a headline writer reads by shape: the verb group (auxiliaries, irregular
pasts, "-ed" and present forms, and the tests that tell a verb from an adjective or a noun), and the
closed classes (determiners, function words, pronouns) the other headline modules share."""

from __future__ import annotations

from functools import lru_cache

from . import lexicon as lx

AUX_BE = {"is": "is", "are": "are", "was": "is", "were": "are", "'s": "is"}


AUX_HAVE = {"has", "have", "had"}


MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "shall"}


AUX = set(AUX_BE) | AUX_HAVE | MODALS | {"did", "does", "do"}


# Irregular past forms and their present (third person singular, plural).
IRREGULAR = {
    "said": ("says", "say"), "rose": ("rises", "rise"), "fell": ("falls", "fall"), "sold": ("sells", "sell"),
    "bought": ("buys", "buy"), "won": ("wins", "win"), "lost": ("loses", "lose"), "made": ("makes", "make"),
    "took": ("takes", "take"), "gave": ("gives", "give"), "got": ("gets", "get"), "went": ("goes", "go"),
    "came": ("comes", "come"), "saw": ("sees", "see"), "told": ("tells", "tell"), "paid": ("pays", "pay"),
    "held": ("holds", "hold"), "led": ("leads", "lead"), "left": ("leaves", "leave"),
    "met": ("meets", "meet"),
    "kept": ("keeps", "keep"), "sought": ("seeks", "seek"), "struck": ("strikes", "strike"),
    "began": ("begins", "begin"), "broke": ("breaks", "break"), "chose": ("chooses", "choose"),
    "drew": ("draws", "draw"), "grew": ("grows", "grow"), "knew": ("knows", "know"),
    "spoke": ("speaks", "speak"), "stood": ("stands", "stand"), "wrote": ("writes", "write"),
    "brought": ("brings", "bring"), "built": ("builds", "build"), "sent": ("sends", "send"),
    "spent": ("spends", "spend"), "lent": ("lends", "lend"), "felt": ("feels", "feel"),
    "found": ("finds", "find"), "had": ("has", "have"), "became": ("becomes", "become"),
    "slid": ("slides", "slide"), "sank": ("sinks", "sink"), "swung": ("swings", "swing"),
    "ran": ("runs", "run"), "withdrew": ("withdraws", "withdraw"), "upheld": ("upholds", "uphold"),
    "fought": ("fights", "fight"), "caught": ("catches", "catch"), "froze": ("freezes", "freeze"),
    "flew": ("flies", "fly"), "arose": ("arises", "arise"), "dealt": ("deals", "deal"),
    "overtook": ("overtakes", "overtake"), "undertook": ("undertakes", "undertake"),
    "underwent": ("undergoes", "undergo"), "forecast": ("forecasts", "forecast"), "cut": ("cuts", "cut"),
    "set": ("sets", "set"), "put": ("puts", "put"), "hit": ("hits", "hit"), "bid": ("bids", "bid"),
    "shut": ("shuts", "shut"), "quit": ("quits", "quit"), "spread": ("spreads", "spread"),
    "threw": ("throws", "throw"), "drove": ("drives", "drive"), "rebuilt": ("rebuilds", "rebuild"),
    "meant": ("means", "mean"), "stole": ("steals", "steal"), "shot": ("shoots", "shoot"),
    "taught": ("teaches", "teach"), "wound": ("winds", "wind"), "beat": ("beats", "beat"),
    "hurt": ("hurts", "hurt"), "split": ("splits", "split"), "shed": ("sheds", "shed"),
    "cost": ("costs", "cost"), "did": ("does", "do"), "tore": ("tears", "tear"), "swore": ("swears", "swear"),
    "shook": ("shakes", "shake"), "rode": ("rides", "ride"), "hid": ("hides", "hide"),
    "rang": ("rings", "ring"),
    "sang": ("sings", "sing"), "swept": ("sweeps", "sweep"), "fled": ("flees", "flee"),
    "fed": ("feeds", "feed"),
    "stuck": ("sticks", "stick"), "hung": ("hangs", "hang"), "dug": ("digs", "dig"),
    "spun": ("spins", "spin"),
    "lit": ("lights", "light"), "bled": ("bleeds", "bleed"), "woke": ("wakes", "wake"),
    "wore": ("wears", "wear"),
    "sprang": ("springs", "spring"), "forgave": ("forgives", "forgive"),
    "overcame": ("overcomes", "overcome"),
    "heard": ("hears", "hear"), "understood": ("understands", "understand"), "thought": ("thinks", "think"),
    "was": ("is", "are"), "were": ("is", "are"),
}


PARTICIPLES = lx.words("""sold bought won lost made taken given held led left kept brought built sent
spent found seen known shown paid told put hit cut set chosen drawn driven
grown broken written spoken stolen frozen forecast beaten struck sought caught
fought shut begun run hurt split shed cost meant done gone become withdrawn
upheld undertaken overtaken dealt bid quit spread thrown sworn torn worn born
shaken risen fallen hidden ridden stricken woken forgiven proven flown blown heard
understood thought fed fled stuck hung dug spun lit swept overcome""")


# Words that open a noun phrase: an "-ed" word after one is an adjective ("the proposed merger").
DETERMINERS = lx.words("""the a an its his her their our this that these those some any no each every of
and or for with to from by in on at as than about""")


# "-ed" words that are seldom the verb of a lead.
NOT_VERBS = lx.words("""red bed need seed speed feed hundred limited united interested related
detailed so-called unchanged unemployed undisclosed unspecified unidentified
unnamed unsecured""")


ADVERBS = lx.words("""also now still already recently previously formally unanimously tentatively
jointly just further again not never only yet finally officially""")


PRONOUNS = {"it": "sg", "he": "sg", "she": "sg", "they": "pl", "we": "pl"}


# Words a headline must not end on: it would read as cut off.
FUNCTION_WORDS = lx.words("""a an the of to in on at for from by with into onto over under about after
before as than that which who whom whose and or but nor if because while
although though since until its his her their our my your is are was were be
been being has have had will would shall should can could may might must do
does did not no said says told compared versus vs per amid against between
during including like via upon within without toward towards plus whether
where when according say also its such any some each every all both this these those another other
through throughout across among amongst along alongside around beyond behind below beneath beside
besides despite near underneath""")


def _is_verb(words: list[str], i: int) -> bool:
    w = words[i]
    low = w.lower().strip(",;:")
    if w[:1].isupper() and i:
        return False
    prev = words[i - 1].lower() if i else ""
    if low in AUX or low in IRREGULAR:
        return prev not in ("the", "a", "an", "to") and not (low == "cut" and prev in DETERMINERS) \
            and not _agent_before_speech(words, i) and not _noun_before_verb(words, i)
    if low.endswith("ed") and len(low) > 3 and low not in NOT_VERBS and "-" not in low:
        possessive = prev.endswith(("'s", "\u2019s", "s'"))
        # "appears resolved", "remains committed": an adjective after a linking verb
        return prev not in DETERMINERS and prev not in LINKING and not possessive \
            and not _finite_follows(words, i) and not _attributive_after_adverb(words, i)
    return False


def _attributive_after_adverb(words: list[str], i: int) -> bool:
    """'Broadly defined money supply rose', 'the seasonally adjusted jobless rate fell': an adverb
    and an '-ed' word opening the subject before its noun modify that noun; the verb comes later."""
    prev = words[i - 1].lower() if i else ""
    if not (prev.endswith("ly") and prev.isalpha()) or i + 1 >= len(words):
        return False
    before = words[i - 2].lower() if i > 1 else ""
    # "broadly defined, seasonally adjusted M-3": a second such pair after the first one's comma
    listed = before.endswith(",") and before.rstrip(",").endswith("ed") \
        and _attributive_after_adverb(words, i - 2)
    opener = i == 1 or before in DETERMINERS or before.endswith(("'s", "s'")) or listed
    nxt = words[i + 1]
    low = nxt.lower()  # a noun's modifier or the noun itself: "jobless", "M-3", "money"
    noun_next = nxt[:1].isalnum() and not nxt.endswith((",", ";", ".")) and low not in FUNCTION_WORDS \
        and low not in DETERMINERS and low not in RELATIVE_PREPS and low not in OBJECT_OPENERS
    return opener and noun_next


RELATIVE_PREPS = lx.words("by on in at from for with under")


LINKING = lx.words("appears appear seems seem remains remain looks look stays stay becomes become "
                   "feels feel sounds sound")


OBJECT_OPENERS = lx.words("the a an its his her their this these those that it them him us")


def _noun_before_verb(words: list[str], i: int) -> bool:
    """'A surprise cut | sent shares lower', 'the rate set | fell': a past that is also a noun,
    right before a past of its own, is that verb's subject, not a verb."""
    if words[i].lower() not in NOUN_PASTS or i + 1 >= len(words):
        return False
    nxt = words[i + 1].lower()
    return nxt.isalpha() and ((nxt in IRREGULAR and nxt not in NOUN_PASTS and nxt not in AUX)
                              or (nxt.endswith("ed") and nxt not in NOT_VERBS and len(nxt) > 4))


def _agent_before_speech(words: list[str], i: int) -> bool:
    """'A group led by GFI Nevada, a unit of ..., said it cut': a participle with its agent that
    describes the speaker, whose verb of saying comes after a comma."""
    if i + 2 >= len(words) or words[i + 1] != "by" or not words[i + 2][:1].isupper() \
            or words[i].lower() in PAST_ONLY or words[i].lower() in AUX:
        return False
    said = next((k for k in range(i + 3, len(words)) if words[k] in ("said", "says")), None)
    return said is not None and any(w.endswith(",") for w in words[i + 2:said])


def _finite_follows(words: list[str], i: int) -> bool:
    """'A eurobond launched this week has been increased': an auxiliary soon after an '-ed' word,
    with no comma between, makes the '-ed' word a reduced relative, not the verb."""
    if i + 1 < len(words) and words[i + 1].lower() in OBJECT_OPENERS:
        return False  # "believed the dollar ...": a passive participle takes no object
    if i + 1 < len(words) and words[i + 1].lower() in PAST_ONLY:
        return True  # "demand as measured by products supplied | rose": the past after is the verb
    third = words[i + 2].lower() if i + 2 < len(words) else ""
    if third in IRREGULAR and third not in SHAPE_AMBIGUOUS:
        nxt = words[i + 1]
        if nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS and nxt not in DETERMINERS:
            return True  # "the major industrialised countries | lost": a modifier, its noun, the verb
    if i + 1 < len(words) and words[i + 1].lower() in RELATIVE_PREPS:
        # "miners employed by the state declared a strike", "calculations based on data show":
        # a later verb makes this one a relative
        for k in range(i + 2, min(len(words), i + 12)):
            if words[k - 1].endswith((",", ";")):
                break
            after = words[k + 1].lower() if k + 1 < len(words) else ""
            # "convertible subordinated debentures": an "-ed" word before its noun is no verb
            before_noun = after.isalpha() and after not in FUNCTION_WORDS and after not in DETERMINERS
            if words[k].lower() in IRREGULAR or (words[k].lower().endswith("ed") and words[k].islower()
                                                 and words[k - 1].lower() not in DETERMINERS
                                                 and not before_noun):
                return True
            then = words[k + 1].lower() if k + 1 < len(words) else ""
            if words[k - 1][:1].isupper() and _present_after_name(words[k]) \
                    and (then in OBJECT_OPENERS or then[:1].isdigit()):
                return True  # "a report produced by the National Bank | foresees slower growth"
    for k in range(i + 1, min(len(words), i + 14)):
        w, low = words[k], words[k].lower()
        if low in ("has", "have", "is", "are", "was", "were", "will"):
            return words[k - 1].lower() not in ("to", "that", "which", "who")
        if w.endswith((",", ";")) or low in ("that", "which", "who", "and"):
            return False
        if low in CLAUSE_OPENERS or (low == "as" and k > i + 1):
            return False  # "reserves increased 225 pct while gas reserves were up": that verb is the clause's
    return False


def _present_after_name(word: str) -> bool:
    """'foresees', 'shows': a lower-case '-s' form whose stem is a verb's base."""
    if not (word.islower() and word.isalpha() and word.endswith("s")) or word.endswith(("ss", "us", "is")):
        return False
    return _is_base_verb(word[:-1]) or (word.endswith("es") and _is_base_verb(word[:-2]))


# Irregular pasts that are also participles, nouns or presents ("prices cut", "the rate set").
SHAPE_AMBIGUOUS = lx.words("cut set put hit bid shut quit spread hurt split shed cost beat forecast left led "
                           "held made paid sold bought found built sent spent kept told had did said")


# Pasts spelt as nouns: "a surprise cut", "a record bid", "the forecast".
NOUN_PASTS = lx.words("cut set hit bid spread split shed cost forecast shot")


# Subordinators: a finite verb after one belongs to its clause, not to the words before it.
CLAUSE_OPENERS = lx.words("while because when whenever although though since if after before until unless "
                          "whereas")



def _verb_index(words: list[str]) -> int | None:
    """The first word that opens a verb group, past the subject; failing one, a present-tense
    verb before its object ("the plan keeps the company alive")."""
    past = next((i for i in range(1, len(words)) if _is_verb(words, i)), None)
    # a present before its object that comes first is the verb: "index shows the dollar at 101.6,
    # compared with ...": "compared" opens a participle's phrase
    return next((i for i in range(1, min(len(words) - 1, 14, past or len(words)))
                 if _is_present_verb(words, i)), past)


def _is_present_verb(words: list[str], i: int) -> bool:
    """'keeps' in 'plan keeps the company': a lower-case '-s' word whose stem is a verb, after a
    word that is no determiner, before an object's opener or a figure ("prices rise" is no case:
    a verb follows)."""
    w, prev, nxt = words[i], words[i - 1].lower(), words[i + 1].lower()
    if not (w.islower() and w.isalpha()) or prev in DETERMINERS or prev in FUNCTION_WORDS:
        return False
    if prev.endswith(","):
        return False
    if not (nxt in OBJECT_OPENERS or nxt in ("all", "more", "most", "no") or nxt.lstrip("$")[:1].isdigit()):
        return False
    if not w.endswith("s") or w.endswith(("ss", "us", "is")):
        # "programs benefit all": a plural subject's verb has no "-s"
        return prev.endswith("s") and not prev.endswith("ss") and prev.isalpha() and _is_base_verb(w) \
            and w not in FUNCTION_WORDS
    return _is_base_verb(w[:-1]) or (w.endswith("es") and _is_base_verb(w[:-2]))


# Participles that are not also the past ("has taken" -> "takes"): the past the present is read from.
PAST_OF_PARTICIPLE = {
    "taken": "took", "given": "gave", "seen": "saw", "known": "knew", "shown": "showed", "chosen": "chose",
    "drawn": "drew", "driven": "drove", "grown": "grew", "broken": "broke", "written": "wrote",
    "spoken": "spoke", "stolen": "stole", "frozen": "froze", "beaten": "beat", "begun": "began",
    "done": "did", "gone": "went", "become": "became", "withdrawn": "withdrew", "undertaken": "undertook",
    "overtaken": "overtook", "thrown": "threw", "sworn": "swore", "torn": "tore", "worn": "wore",
    "shaken": "shook", "risen": "rose", "fallen": "fell", "hidden": "hid", "ridden": "rode",
    "woken": "woke", "forgiven": "forgave", "flown": "flew", "overcome": "overcame",
    "run": "ran", "sprung": "sprang", "sung": "sang", "rung": "rang", "sunk": "sank", "swum": "swam",
}
# Past forms that are never participles ("rose", "took"): after an "-ed" word, the finite verb.
PAST_ONLY = frozenset(PAST_OF_PARTICIPLE.values())


@lru_cache(maxsize=4096)
def _present(past: str, plural: bool) -> str:
    """'lowered' -> 'lowers', 'agreed' -> 'agrees', 'planned' -> 'plans', 'denied' -> 'denies';
    a participle after 'has' too: 'taken' -> 'takes'."""
    low = PAST_OF_PARTICIPLE.get(past.lower(), past.lower())
    if low in IRREGULAR:
        return IRREGULAR[low][plural]
    if not low.endswith("ed"):
        return past
    common = lx.common_words()
    base = ""
    if low.endswith("ied") and len(low) > 4:
        base = low[:-3] + "y"
    else:
        # "employed" -> "employ", "used" -> "use": a stem ending in y, w or two consonants takes no e
        stem = low[:-2]
        plain_first = stem[-1:] in "yw" or (stem[-1:] not in "aeiou" and stem[-2:-1] not in "aeiou")
        order = (stem, low[:-1]) if plain_first else (low[:-1], stem)
        for candidate in (*order, low[:-3] if low[-3:-2] == low[-4:-3] else ""):
            inflects = candidate + "s" in common or candidate + "es" in common
            if candidate and candidate in common and inflects:
                base = candidate
                break
        base = base or _unknown_base(low)
    return _inflected(base, plural)


def _unknown_base(past: str) -> str:
    """The base of an '-ed' past no dictionary knows, by the spelling rule: a stem that cannot end
    an English word without its 'e' keeps it ('criticised' -> 'criticise', 'subpoenaed' ->
    'subpoena'); 'focused' -> 'focus'."""
    stem = past[:-2]
    if stem[-1:] in "vcz" or stem.endswith(("as", "is", "os", "es", "ng", "rg", "dg", "u")):
        return stem + "e" if not stem.endswith("ee") else stem
    return stem


def _inflected(base: str, plural: bool) -> str:
    """'lift' -> 'lifts' (a plural subject: 'lift'), 'study' -> 'studies', 'push' -> 'pushes'."""
    if plural:
        return base
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    if base.endswith("o") and base + "es" in lx.common_words() and base + "s" not in lx.common_words():
        return base + "es"  # "vetoes", "echoes": the dictionary's form
    return base + "s"


# "-ing" words that after "is" describe rather than act ("is willing to", "remains outstanding").
ING_ADJECTIVES = lx.words("""willing outstanding interesting missing promising pending appealing
misleading disappointing encouraging surprising worrying amazing striking demanding something nothing
anything everything during""")


def _progressive_base(word: str) -> str:
    """The verb of an '-ing' form after 'is': 'lifting' -> 'lift', 'raising' -> 'raise', 'planning'
    -> 'plan'; "" when the word is no verb's ('willing', 'something')."""
    low = word.lower()
    if not low.endswith("ing") or len(low) < 6 or low in ING_ADJECTIVES or not low.isalpha():
        return ""
    stem = low[:-3]
    undoubled = stem[:-1] if stem[-1:] == stem[-2:-1] and stem[-1:] not in "aeiouls" else ""
    for base in (stem + "e", stem, undoubled, stem[:-1] + "ie" if stem.endswith("y") else ""):
        if base and _is_base_verb(base):
            return base
    return ""


def _is_participle(word: str) -> bool:
    low = word.lower().strip(",;:")
    return (low.endswith("ed") and low not in NOT_VERBS) or low in PARTICIPLES


MARK = "\u2063"  # marks the verb that trimming must keep (with the word after it)


def _is_base_verb(word: str) -> bool:
    """'buy', 'acquire', 'maintain': a verb's base form (it has a past); not 'slowdown'."""
    if word in BASE_VERBS:
        return True
    common = lx.common_words()
    return word in common and (word + "ed" in common or word + "d" in common
                               or (word.endswith("y") and word[:-1] + "ied" in common))


BASE_VERBS = frozenset(plural for _, plural in IRREGULAR.values())


# A company's legal form, which a wire headline leaves out ("Quaker Oats Co" -> "Quaker Oats").
CORPORATE_WORDS = lx.words("Inc Corp Co Cos Ltd Plc PLC plc LP NV SA AG SpA BV GmbH AB ASA Corporation "
                           "Incorporated Limited")


def without_legal_form(name: str) -> str:
    """The name without its closing legal forms ("Acme Holdings Co Inc" -> "Acme Holdings"); a
    one-word name keeps what it has."""
    while " " in name and name.rsplit(" ", 1)[-1].rstrip(".") in CORPORATE_WORDS:
        name = name.rsplit(" ", 1)[0].rstrip(",")
    return name
