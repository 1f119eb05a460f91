"""Scoring extraction against hand labels (``tests/gold``) and against the Reuters manifest labels.

Used by ``bench/evaluate.py`` (the command) and by the tests that keep scores from sliding back.
Micro-averaged: true/false positives and misses are summed over articles, then P/R/F1 computed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..article import Seed
from ..translit import to_ascii
from . import lexicon as lx
from . import places as plc
from .people import surname

FIELDS = ("people", "places", "organizations")
CORPUS = Path("..") / "shared" / "corpus" / "reuters21578"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.errors.extend(other.errors)


@dataclass(frozen=True)
class GoldItem:
    file: str  # the seed's path as read
    split: str
    labels: dict[str, list[str]]
    kind: str = "reuters-1987"


# Splits the entity model is trained on (scripts/train_entities.py); every other split is scored only.
TRAIN_SPLITS = frozenset({"dev", "test", "train", "train-1987", "train-wikigold", "train-uner",
                          "train-uner-hand", "silver-1987"})
OTHER_NEWS = Path("..") / "shared" / "corpus" / "other-news"
# uner-pud snippets held out in tests/gold/other_news.jsonl: every third file from 000 to 177.
UNER_HELDOUT = frozenset(range(0, 180, 3))


def load_gold(root: Path, corpus: Path | None = None) -> list[GoldItem]:
    """Every gold article whose text is here; Reuters ones only when the corpus folder exists."""
    corpus = corpus if corpus is not None else root / CORPUS
    items: list[GoldItem] = []
    for line in (root / "tests" / "gold" / "local.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append(GoldItem(str(root / row["file"]), row["split"], row))
    seeds = corpus / "seeds"
    if seeds.is_dir():
        for line in (root / "tests" / "gold" / "reuters.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            items.append(GoldItem(str(seeds / row["file"]), row["split"], row))
    return items


def load_labelled(root: Path) -> list[GoldItem]:
    """Every labelled article whose text is here, of every kind: the 1987 gold set and its hand-labelled
    train split, the rules' silver 1987 labels, the desk copy written for the project (train and
    held-out), hand labels of other-news copy, and the
    other-news sets' own labels (wikigold: two thirds trained on, a third held out; uner-pud: the
    snippets labelled by hand in neither other_news.jsonl nor uner_train.jsonl)."""
    items = load_gold(root)
    gold = root / "tests" / "gold"
    for name in ("desk_train.jsonl", "desk_heldout.jsonl", "desk_heldout10t.jsonl", "other_news.jsonl",
                 "uner_train.jsonl"):
        path = gold / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            file = root / row["file"]
            if file.exists():
                items.append(GoldItem(str(file), row["split"], row, row.get("kind", "")))
    seeds = root / CORPUS / "seeds"
    for name in ("reuters_train.jsonl", "silver_reuters.jsonl"):
        if (gold / name).exists() and seeds.is_dir():
            for line in (gold / name).read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                kind = row.get("kind", "reuters-1987")
                items.append(GoldItem(str(seeds / row["file"]), row["split"], row, kind))
    other = root / OTHER_NEWS
    by_hand = {Path(i.file).name for i in items if "uner-pud" in i.file}
    for folder, kind in (("wikigold", "wikipedia"), ("uner-pud", "news-snippets")):
        path = other / folder / "gold.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            number = int(row["file"].split("_", 1)[0])
            if folder == "wikigold":
                split = "heldout-wikigold" if number % 3 == 2 else "train-wikigold"
            elif number in UNER_HELDOUT or row["file"] in by_hand:
                continue  # labelled by hand in other_news.jsonl or uner_train.jsonl
            else:
                split = "train-uner"
            items.append(GoldItem(str(other / folder / "seeds" / row["file"]), split,
                                  _conll_labels(row), kind))
    return items


def _conll_labels(row: dict) -> dict[str, list[str]]:
    """PER / LOC / ORG name lists in our convention: one item per person (a surname or a
    titled form joins the fullest name that contains it), places also under Dateline's name."""
    people = [_untitled(p) for p in row.get("PER", [])]
    people = [p for p in dict.fromkeys(people) if p and not any(
        p != q and set(p.split()) <= set(q.split()) for q in people)]
    places = [f"{p}|{plc.lookup(p)}" if plc.lookup(p) and plc.lookup(p) != p else p
              for p in row.get("LOC", [])]
    return {"people": people, "places": places, "organizations": list(row.get("ORG", []))}


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0] in lx.titles() or words[0] in lx.HONORIFICS
                              or words[0].rstrip(".") in lx.titles()):
        words.pop(0)
    return " ".join(words)


def norm(name: str) -> str:
    """Spelling-insensitive form: case, accents, punctuation, 'the', 'for'/'of' ignored."""
    words = re.sub(r"[^a-z0-9 ]", " ", to_ascii(name).lower().replace("'s", "")).split()
    return " ".join("of" if w == "for" else w for w in words if w != "the")


def person_key(name: str) -> str:
    """People match on first and last word: "Ivan F. Boesky" is "Ivan Boesky" ("Jr." aside)."""
    words = [w for w in norm(name).split() if w not in ("jr", "sr", "ii", "iii", "iv")]
    return f"{words[0]} {words[-1]}" if len(words) > 1 else (words[0] if words else "")


def compare(predicted: Iterable[str], gold: Iterable[str], key: Callable[[str], str] = norm,
            label: str = "") -> Score:
    """Match predictions to gold items (``A|B`` alternatives, ``?optional``), each at most once."""
    required: list[set[str]] = []
    optional: list[set[str]] = []
    for item in gold:
        forms = {key(f) for f in item.lstrip("?").split("|")}
        (optional if item.startswith("?") else required).append(forms)
    score = Score()
    for name in dict.fromkeys(predicted):
        k = key(name)
        hit = next((g for g in required if k in g), None)
        if hit is not None:
            required.remove(hit)
            score.tp += 1
        elif (opt := next((g for g in optional if k in g), None)) is not None:
            optional.remove(opt)
        else:
            score.fp += 1
            score.errors.append(f"{label} extra: {name}")
    score.fn = len(required)
    score.errors.extend(f"{label} missed: {min(g)}" for g in required)
    return score


def confusion(predicted: dict[str, list[str]], labels: dict[str, list[str]]) -> dict[tuple[str, str], int]:
    """Kind against kind: (gold field, the field Dateline put it in, or "missed") for every required
    gold name, and ("none", field) for a name Dateline gave that the labels have under no field."""
    def keys(kind: str, name: str) -> set[str]:
        key = person_key if kind == "people" else norm
        return {key(f) for f in name.lstrip("?").split("|")}
    out: dict[tuple[str, str], int] = {}
    for kind in FIELDS:
        for item in labels.get(kind, []):
            if item.startswith("?"):
                continue
            wanted = keys(kind, item)
            where = next((f for f in (kind, *FIELDS) if any(
                (person_key(p) if f == "people" else norm(p)) in (wanted | keys(f, item))
                for p in predicted.get(f, []))), "missed")
            out[(kind, where)] = out.get((kind, where), 0) + 1
    for kind in FIELDS:
        for name in predicted.get(kind, []):
            if not any(person_key(name) in keys("people", g) or norm(name) in keys(f, g)
                       for f in FIELDS for g in labels.get(f, [])):
                out[("none", kind)] = out.get(("none", kind), 0) + 1
    return out


# Reuters PLACES codes for names that do not slug to them.
REUTERS_PLACE = {"United States": "usa", "United Kingdom": "uk", "Soviet Union": "ussr", "Russia": "ussr",
                 "Germany": "west-germany", "United Arab Emirates": "uae",
                 "Trinidad and Tobago": "trinidad-tobago", "North Yemen": "yemen-arab-republic",
                 "South Yemen": "yemen-demo-republic", "Yemen": "yemen-arab-republic",
                 "Cambodia": "kampuchea", "Myanmar": "burma", "U.S. Virgin Islands": "us-virgin-islands",
                 "Czech Republic": "czechoslovakia", "Slovakia": "czechoslovakia", "Zaire": "zaire",
                 "Democratic Republic of the Congo": "zaire", "Congo": "congo"}
# Reuters ORGS codes for the canonical names Dateline writes.
REUTERS_ORG = {"European Community": "ec", "World Bank": "worldbank", "International Monetary Fund": "imf",
               "Organization of Petroleum Exporting Countries": "opec",
               "General Agreement on Tariffs and Trade": "gatt",
               "International Coffee Organization": "ico-coffee",
               "International Cocoa Organization": "icco",
               "Organization for Economic Cooperation and Development": "oecd",
               "United Nations Conference on Trade and Development": "unctad", "United Nations": "un",
               "International Natural Rubber Organization": "inro", "International Tin Council": "itc",
               "Food and Agriculture Organization": "fao", "International Energy Agency": "iea",
               "European Investment Bank": "eib", "Gulf Cooperation Council": "gcc",
               "Organization of Arab Petroleum Exporting Countries": "oapec",
               "International Sugar Organization": "isa", "International Wheat Council": "iwc-wheat",
               "Bank for International Settlements": "bis",
               "Council for Mutual Economic Assistance": "comecon",
               "Association of Southeast Asian Nations": "asean", "European Free Trade Association": "efta",
               "African Development Bank": "adb-africa", "Asian Development Bank": "adb-asia"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", to_ascii(text).lower()).strip("-")


def reuters_places(places: Iterable[str]) -> set[str]:
    """Map extracted places to Reuters country codes through each place's country."""
    codes = set()
    for place in places:
        country = plc.country_of(place)
        if country:
            codes.add(REUTERS_PLACE.get(country, slug(country)))
    return codes


@lru_cache(maxsize=1)
def _surface_forms() -> dict[str, tuple[str, ...]]:
    """Canonical place -> every way the gazetteer knows it is written ("United States" -> "U.S.", ...)."""
    forms: dict[str, list[str]] = {}
    for written, (canonical, _) in lx.gazetteer().places.items():
        forms.setdefault(canonical, []).append(written)
    return {k: tuple(v) for k, v in forms.items()}


def salient_places(seed: Seed, places: Iterable[str]) -> list[str]:
    """The places a story is about, as Reuters' PLACES label them: the dateline's, the lead's,
    and any named at least twice. Incidental one-off mentions ("listed in Luxembourg") are left out."""
    dateline = set(plc.dateline_places(seed.dateline))
    lead, text = seed.paragraphs[0] if seed.paragraphs else "", seed.text
    out = []
    for place in places:
        forms = _surface_forms().get(place, (place,))
        if place in dateline or any(f in lead for f in forms) or sum(text.count(f) for f in forms) >= 2:
            out.append(place)
    return out


def reuters_people(people: Iterable[str], vocabulary: set[str]) -> set[str]:
    """Map names to Reuters PEOPLE codes: "james-baker", a bare surname "yeutter", or a surname with
    its particle "von-weizsaecker", as the list has them."""
    codes = set()
    for name in people:
        words = [w for w in norm(name).split()]
        particle = next((i for i, w in enumerate(words[:-1]) if i and w in lx.NAME_PARTICLES), None)
        tail = slug(" ".join(words[particle:])) if particle else ""
        first_last = slug(f"{words[0]} {words[-1]}") if words else ""
        for candidate in (slug(name), first_last, tail, slug(surname(name))):
            if candidate in vocabulary:
                codes.add(candidate)
                break
    return codes


def reuters_orgs(orgs: Iterable[str]) -> set[str]:
    return {REUTERS_ORG[o] for o in orgs if o in REUTERS_ORG}


def set_score(predicted: set[str], gold: set[str], label: str = "") -> Score:
    s = Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))
    s.errors.extend(f"{label} extra: {x}" for x in sorted(predicted - gold))
    s.errors.extend(f"{label} missed: {x}" for x in sorted(gold - predicted))
    return s


def warm() -> None:
    """Load word lists and gazetteer before timing."""
    lx.gazetteer()
    lx.common_words()


# Reuters TOPICS codes a Dateline tag stands for (Reuters files dividends and results under "earn").
REUTERS_TOPIC = {"earnings": "earn", "dividends": "earn", "quarterly results": "earn",
                 "annual results": "earn", "half-year results": "earn", "nine-month results": "earn",
                 "mergers and acquisitions": "acq", "currencies": "money-fx", "grain": "grain",
                 "oil": "crude", "trade": "trade", "interest rates": "interest", "shipping": "ship",
                 "sugar": "sugar", "oilseeds": "oilseed", "coffee": "coffee", "gold": "gold",
                 "money supply": "money-supply", "livestock": "livestock", "natural gas": "nat-gas",
                 "inflation": "cpi", "cocoa": "cocoa", "jobs": "jobs", "steel": "iron-steel",
                 "cotton": "cotton", "rubber": "rubber", "housing": "housing", "retail": "retail"}
TOPIC_CODES = frozenset(REUTERS_TOPIC.values())


def reuters_topics(tags: Iterable[str]) -> set[str]:
    """The Reuters TOPICS codes (among ``TOPIC_CODES``) that a list of tags stands for."""
    return {REUTERS_TOPIC[t] for t in tags if t in REUTERS_TOPIC}


def topic_score(tags: Iterable[str], topics: Iterable[str], label: str = "") -> Score:
    """Tags against the agency's own topic labels, on the codes the tag vocabulary covers."""
    return set_score(reuters_topics(tags), set(topics) & TOPIC_CODES, label)


def tag_count_distribution(counts: Iterable[int]) -> dict[int, int]:
    """How many articles got 0, 1, 2, ... tags."""
    out: dict[int, int] = {}
    for n in counts:
        out[n] = out.get(n, 0) + 1
    return dict(sorted(out.items()))
