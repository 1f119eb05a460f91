"""Train the entity model: ``python scripts/train_entities.py`` rewrites dateline/extract/entity_model.json.

Examples are the candidates Dateline's own evidence stage finds in every labelled article of a
training split (evaluation.TRAIN_SPLITS: the 1987 gold set's dev and test, the desk copy written for
the project, wikigold's and uner-pud's training parts), each labelled person / place / org / none by
matching its name against the article's hand labels. Held-out splits are never read here.
Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import os
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:  # the script puts the checkout on sys.path before importing the package
    from dateline.extract.evaluation import Score

ev = importlib.import_module("dateline.extract.evaluation")
ent = importlib.import_module("dateline.extract.entities")
ft = importlib.import_module("dateline.extract.features")
model = importlib.import_module("dateline.extract.model")
orgs = importlib.import_module("dateline.extract.organizations")
plc = importlib.import_module("dateline.extract.places")
read_seed = importlib.import_module("dateline.seeds").read_seed
ExtractSettings = importlib.import_module("dateline.config").ExtractSettings
contributors_from_credit = importlib.import_module("dateline.extract.contributors").contributors_from_credit


class Labels:
    """An article's hand labels as keys a candidate's name can be matched against."""

    def __init__(self, labels: dict[str, list[str]]):
        self.sure: dict[str, set[str]] = {"person": set(), "place": set(), "org": set()}
        self.maybe: set[str] = set()
        self.surnames: set[str] = set()
        for field, kind in (("people", "person"), ("places", "place"), ("organizations", "org")):
            for item in labels.get(field, []):
                optional = item.startswith("?")
                for form in item.lstrip("?").split("|"):
                    keys = self._keys(kind, form)
                    (self.maybe.update if optional else self.sure[kind].update)(keys)
                    if kind == "person" and not optional:
                        self.surnames.add(ev.norm(form).split()[-1] if ev.norm(form) else "")

    @staticmethod
    def _keys(kind: str, form: str) -> set[str]:
        if kind == "person":
            return {"p:" + ev.person_key(form)}
        keys = {f"{kind}:" + ev.norm(form)}
        canonical = plc.lookup(form) if kind == "place" else orgs.known(form)
        if canonical:
            keys.add(f"{kind}:" + ev.norm(canonical))
        if kind == "org":
            initials = orgs.initials(form)
            if len(initials) >= 2:
                keys.add("org:" + ev.norm(initials))
        return keys

    def extends_org(self, name: str) -> bool:
        """A longer name ending in a labelled organization ("Smith Barney Harris Upham and Co" where
        the labels have "Harris Upham and Co"): the name the silver labels' rules cut at a comma."""
        key = " " + ev.norm(name)
        return any(key.endswith(" " + org[4:]) for org in self.sure["org"])

    def label(self, name: str) -> str | None:
        """The candidate's class, or None when only an optional ("?") label fits it."""
        person = "p:" + ev.person_key(name)
        if person in self.sure["person"] or (" " not in name and ev.norm(name) in self.surnames):
            return "person"
        for kind in ("org", "place"):
            keys = self._keys(kind, name)
            if keys & self.sure[kind]:
                return kind
        if person in self.maybe or (self._keys("org", name) | self._keys("place", name)) & self.maybe:
            return None
        return "none"


# Hand labels count more than the silver 1987 ones, which outnumber them and are the old rules' reading;
# the hand-labelled 1987 articles count double again, or the desk copy (more of it) outweighs them.
SPLIT_WEIGHT = {"silver-1987": 1, "train-1987": 4, "dev": 4, "test": 4}
SILVER = frozenset({"silver-1987"})
# The old rules dropped what they could not confirm, so silver "none" on such a reading is no evidence
# (a name-shaped run with no cue: cross-validation, 5 folds, put 1987 gold people P 0.848 -> 0.875, R 1.0);
# nor is it on a firm's whole name where they kept only the part after a comma (Labels.extends_org).
UNSURE = frozenset({"candidate"})
HAND_WEIGHT = int(os.environ.get("DATELINE_HAND_WEIGHT", "2"))


def examples(items: list) -> tuple[list[tuple[tuple[str, ...], str]], Counter]:
    out: list[tuple[tuple[str, ...], str]] = []
    counts: Counter = Counter()
    for item in items:
        seed = read_seed(item.file)
        found, _, _ = ent.candidates(seed)
        evidence = ft.article_evidence(found, ent.plc.dateline_places(seed.dateline), seed.text)
        labels = Labels(item.labels)
        for c in found:
            label = labels.label(c.name)
            if label is None or (label == "none" and item.split in SILVER
                                 and (c.kind in UNSURE or labels.extends_org(c.name))):
                continue
            counts[label] += 1
            name = ent.weighed_name(c.name)  # "He Kang" is weighed as "Kang", as entities.decide does
            example = ((*ft.name_features(name), *ft.context_features(c, evidence)), label)
            out.extend([example] * SPLIT_WEIGHT.get(item.split, HAND_WEIGHT))
    return out, counts


def fold_models(items: list, folds: int, epochs: int) -> list[tuple[dict, list]]:
    """For each of ``folds`` folds: the weights trained without it, and its items."""
    fold_of = {i.file: zlib.crc32(i.file.encode()) % folds for i in items}
    out = []
    for k in range(folds):
        weights = model.train(examples([i for i in items if fold_of[i.file] != k])[0], epochs=epochs)
        out.append((weights, [i for i in items if fold_of[i.file] == k]))
    return out


class Reading:
    """One held-out article as the entity decision reads it, worked out once: its candidates and
    evidence (which no class offset changes) and, per fold model, each name's score without the
    offsets, with its number of mentions; a set of offsets then adds ``mentions * offsets`` to each
    name, as ``entities.name_scores`` adds the offsets on every mention."""

    def __init__(self, item) -> None:
        seed = read_seed(item.file)
        self.contributors = contributors_from_credit(seed.credit)
        self.found, self.short_forms, self.direct = ent.candidates(seed)
        self.dateline = plc.dateline_places(seed.dateline)
        self.evidence = ft.article_evidence(self.found, self.dateline, seed.text)
        self.mentions = Counter(c.name for c in self.found)
        self._scores: tuple[object, dict[str, int]] | None = None  # (the plain model, its scores)

    def name_scores(self, weights: dict, fold_model) -> dict[str, int]:
        """``entities.name_scores`` with ``fold_model``, whose weights are ``weights``."""
        plain = _plain_model(weights)
        if self._scores is None or self._scores[0] is not plain:
            self._scores = (plain, ent.name_scores(self.found, self.evidence, plain))
        offset = fold_model.offset
        return {name: s + self.mentions[name] * offset for name, s in self._scores[1].items()}

    def entities(self, weights: dict, fold_model, settings):
        """What ``entities.entities`` gives with ``fold_model``, whose weights are ``weights``."""
        decided = ent.decide(self.found, self.evidence, fold_model, self.name_scores(weights, fold_model))
        return ent.resolve([*self.direct, *decided], self.dateline, settings, self.contributors,
                           self.short_forms)


_READINGS: dict[str, Reading] = {}
_PLAIN: list[tuple[dict, object]] = []  # (weights, their model without offsets), one per fold


def _plain_model(weights: dict):
    for known, plain in _PLAIN:
        if known is weights:
            return plain
    _PLAIN.append((weights, model.Perceptron(weights)))
    return _PLAIN[-1][1]


def cross_scores(folds: list[tuple[dict, list]], bias: tuple[float, ...]) -> dict[str, dict[str, Score]]:
    """Per split and field, the scores of each fold's model on the fold it was not trained on (the
    same as ``entities.entities`` with that model: tests/test_entity_model.py checks it)."""
    settings = ExtractSettings()
    scores: dict[str, dict[str, Score]] = {}
    for weights, held in folds:
        fold_model = model.Perceptron(weights, bias)
        for item in held:
            reading = _READINGS.get(item.file) or _READINGS.setdefault(item.file, Reading(item))
            got = reading.entities(weights, fold_model, settings)
            # The desk copy also by kind (sports results, line-ups, prose...), as bench/evaluate.py has it.
            groups = (item.split, f"{item.split} / {item.kind}") if item.split == "train" else (item.split,)
            name = Path(item.file).name
            for group in groups:
                per = scores.setdefault(group, {f: ev.Score() for f in ev.FIELDS})
                for f in ev.FIELDS:
                    key = ev.person_key if f == "people" else ev.norm
                    per[f].add(ev.compare(getattr(got, f), item.labels[f], key, f"{name} {f}"))
    return scores


# The kinds of news the CV objective is the mean over, one weight each: the hand-labelled 1987
# Reuters copy (dev, test, train-1987), the desk copy (itself the mean over its kinds: results,
# line-ups, standings, sports prose, politics, business, obituaries...), wikigold, the uner-pud
# snippets. Summing counts over the whole pool let the largest kind, 1987 business copy, choose the
# offsets: the pooled objective rose twice while every held-out kind's figures fell.
SOURCE_OF_SPLIT = {"dev": "reuters-1987", "test": "reuters-1987", "train-1987": "reuters-1987",
                   "train": "desk", "train-wikigold": "wikigold", "train-uner": "uner",
                   "train-uner-hand": "uner"}


def kind_scores(scores: dict[str, dict[str, Score]]) -> dict[str, list[dict[str, Score]]]:
    """From ``cross_scores``: per kind of news, the field scores of each of its parts (the desk
    copy's kinds; one part, the splits' counts summed, for every other kind)."""
    out: dict[str, list[dict[str, Score]]] = {}
    for group, per in sorted(scores.items()):
        split, _, desk_kind = group.partition(" / ")
        source = SOURCE_OF_SPLIT.get(split)
        if source is None or (source == "desk") != bool(desk_kind):
            continue  # silver, or the desk split as a whole (its kinds stand for it)
        if source == "desk":
            out.setdefault(source, []).append(per)
            continue
        summed = out.setdefault(source, [{f: ev.Score() for f in ev.FIELDS}])[0]
        for f, sc in per.items():
            summed[f] = ev.Score(summed[f].tp + sc.tp, summed[f].fp + sc.fp, summed[f].fn + sc.fn)
    return out


def fields_value(per: dict[str, Score]) -> float:
    """The sum of the three fields' F1, people weighing precision a little more (a wrong person
    page is worse than a missing one)."""
    p, r = per["people"].precision, per["people"].recall
    people = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0  # F0.5... between F0.5 and F1
    return people + per["places"].f1 + per["organizations"].f1


def kind_values(scores: dict[str, dict[str, Score]]) -> dict[str, float]:
    """Per kind of news, ``fields_value`` (the mean over its parts)."""
    return {source: sum(map(fields_value, parts)) / len(parts)
            for source, parts in kind_scores(scores).items()}


def cv_objective(folds: list[tuple[dict, list]], bias: tuple[float, ...]) -> float:
    """Over the hand-labelled training pool scored by cross-validation, the mean over kinds of news
    of ``fields_value``. Silver articles are left out of the measure."""
    return cv_objectives(folds, bias).value


class Objective(NamedTuple):
    value: float  # over every fold's articles
    per_fold: tuple[float, ...]  # over each fold's articles alone: how far chance moves the value


def cv_objectives(folds: list[tuple[dict, list]], bias: tuple[float, ...]) -> Objective:
    """``cv_objective``, and the same over each fold's held-out articles alone."""
    hand = [(w, [i for i in held if i.split not in SILVER]) for w, held in folds]
    per_fold = [cross_scores([fold], bias) for fold in hand]
    summed: dict[str, dict[str, Score]] = {}
    for scores in per_fold:
        for group, per in scores.items():
            into = summed.setdefault(group, {f: ev.Score() for f in ev.FIELDS})
            for f, sc in per.items():
                into[f] = ev.Score(into[f].tp + sc.tp, into[f].fp + sc.fp, into[f].fn + sc.fn)
    return Objective(_mean_over_kinds(summed), tuple(map(_mean_over_kinds, per_fold)))


def _mean_over_kinds(scores: dict[str, dict[str, Score]]) -> float:
    values = kind_values(scores)
    return sum(values.values()) / len(values)


# The offsets first tried: person and org over a wide range, place nearer zero (places are read from
# the gazetteer, hardly by the model's margin). Where the choice lies on an edge of the grid, the grid
# grows that way (``grown``): the offsets chosen are never the last tried (at -8, the old grid's
# edge, the person offset was).
PERSON_ORG_GRID = (-16.0, -12.0, -8.0, -6.0, -4.0, -2.0, -1.0, 0.0, 1.0, 2.0, 4.0, 8.0)
PLACE_GRID = (-1.0, 0.0, 1.0, 2.0)
GROWTHS = 6  # at most this many growths: the objective is flat far out, and ties go to smaller offsets
Point = tuple[float, float, float]  # the person, org and place offsets
Axes = tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]


def objective_grid(folds: list[tuple[dict, list]], axes: Axes, known: dict[Point, Objective] | None = None
                   ) -> dict[Point, Objective]:
    """The CV objective at every point of the grid ``axes`` spans (``known`` points not scored again)."""
    grid = dict(known or {})
    for point in itertools.product(*axes):
        if point not in grid:
            person, org, place = point
            grid[point] = cv_objectives(folds, (0.0, person, place, org))
    return grid


def plateau_point(grid: dict[Point, Objective], axes: Axes) -> Point:
    """The top of the smoothed objective: each grid point scored by the mean of its neighbourhood
    (one step either way in each offset), so the choice is the middle of a plateau and not a lone
    peak that a small change of features moves across the grid (the raw argmax jumped
    (0,-8,0,1) -> (0,-6,1,0) on one such change and held-out fell ~0.01). Ties: the offsets
    nearest zero."""
    def smoothed(point: Point) -> float:
        near = [grid[n].value for n in _neighbours(point, axes)]
        return sum(near) / len(near)

    return max(sorted(itertools.product(*axes)),
               key=lambda p: (round(smoothed(p), 9), -sum(map(abs, p))))


def _neighbours(point: Point, axes: Axes) -> list[Point]:
    person, org, place = (axis[max(0, axis.index(v) - 1):axis.index(v) + 2]
                          for v, axis in zip(point, axes, strict=True))
    return list(itertools.product(person, org, place))


def grown(axes: Axes, point: Point) -> Axes | None:
    """``axes`` with one more value beyond each edge ``point`` lies on (a step as wide as the
    last), or None where it lies inside the grid."""
    out = []
    for axis, value in zip(axes, point, strict=True):
        if value == axis[0]:
            axis = (2 * axis[0] - axis[1], *axis)
        elif value == axis[-1]:
            axis = (*axis, 2 * axis[-1] - axis[-2])
        out.append(axis)
    new = (out[0], out[1], out[2])
    return new if new != axes else None


def as_bias(point: Point) -> tuple[float, ...]:
    """Offsets in the model's class order (none, person, place, org)."""
    person, org, place = point
    return 0.0, person, place, org


def simplest_within_noise(grid: dict[Point, Objective], best: Point) -> Point:
    """The smallest offsets whose objective is within one standard error of ``best``'s, the error
    that of the per-fold difference between the two (Breiman's one-standard-error rule). The
    objective moves ~0.008 from fold to fold, more than it differs between most offsets: at the
    plateau alone the choice followed chance (it moved across the grid as the grid grew) and fell on
    held-out copy."""
    def within(point: Point) -> bool:
        diffs = [a - b for a, b in zip(grid[best].per_fold, grid[point].per_fold, strict=True)]
        mean = sum(diffs) / len(diffs)
        error = (sum((d - mean) ** 2 for d in diffs) / (len(diffs) - 1) / len(diffs)) ** 0.5
        return grid[best].value - grid[point].value <= error

    return min(sorted(p for p in grid if within(p)), key=lambda p: (sum(map(abs, p)), -grid[p].value))


def tuned_bias(folds: list[tuple[dict, list]], show: bool = False) -> tuple[float, ...]:
    """The per-class offsets (none, person, place, org): the smallest within noise of the plateau
    of the CV objective, the grid grown until the plateau lies inside it; ``show`` prints the whole
    grid (person offset down, org across, one table per place offset)."""
    axes: Axes = (PERSON_ORG_GRID, PERSON_ORG_GRID, PLACE_GRID)
    grid = objective_grid(folds, axes)
    plateau = plateau_point(grid, axes)
    for _ in range(GROWTHS):
        wider = grown(axes, plateau)
        if wider is None:
            break
        axes = wider
        grid = objective_grid(folds, axes, grid)
        plateau = plateau_point(grid, axes)
    chosen = simplest_within_noise(grid, plateau)
    peak = max(sorted(grid), key=lambda p: grid[p].value)  # the raw argmax, reported beside them
    print(f"class offsets: chosen {as_bias(chosen)} (CV objective {grid[chosen].value:.4f}), plateau "
          f"{as_bias(plateau)} ({grid[plateau].value:.4f}), raw peak {as_bias(peak)} "
          f"({grid[peak].value:.4f}); per fold at the plateau "
          f"{' '.join(f'{v:.4f}' for v in grid[plateau].per_fold)}", file=sys.stderr)
    if show:
        for place in axes[2]:
            print(f"place {place:+}: person \\ org " + " ".join(f"{o:+7}" for o in axes[1]), file=sys.stderr)
            for person in axes[0]:
                row = " ".join(f"{grid[(person, org, place)].value:7.4f}" for org in axes[1])
                print(f"  {person:+5}  {row}", file=sys.stderr)
    return as_bias(chosen)


def report(scores: dict[str, dict[str, Score]], folds: int, errors: bool) -> None:
    for split, per in sorted(scores.items()):
        print(f"cross-validated ({folds} folds): {split}")
        for f, s in per.items():
            print(f"  {f:14} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
            if errors and " / " not in split:  # a kind's errors are listed under its split
                for e in s.errors:
                    print("     ", e)
    values = kind_values(scores)
    if values:  # what the CV objective is the mean of
        kinds = ", ".join(f"{k} {v:.4f}" for k, v in sorted(values.items()))
        print(f"per kind of news (people F0.5-ish + places F1 + organizations F1): {kinds}; "
              f"mean {sum(values.values()) / len(values):.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--output", type=Path, default=model.WEIGHTS_FILE)
    parser.add_argument("--cross-validate", type=int, metavar="FOLDS", default=0,
                        help="score the training pool by k-fold cross-validation (writes no model)")
    parser.add_argument("--errors", action="store_true", help="with --cross-validate: list misses and extras")
    parser.add_argument("--split", action="append", help="with --cross-validate: only these training splits")
    parser.add_argument("--tune", action="store_true", help="with --cross-validate: tune class offsets too")
    parser.add_argument("--show-grid", action="store_true", help="print the CV objective at every offset")
    parser.add_argument("--no-tune", action="store_true",
                        help="skip tuning the class offsets by 5-fold cross-validation (faster)")
    args = parser.parse_args(argv)
    items = [i for i in ev.load_labelled(ROOT) if i.split in ev.TRAIN_SPLITS]
    if args.cross_validate:
        wanted = [i for i in items if not args.split or i.split in args.split]
        folds = fold_models(wanted, args.cross_validate, args.epochs)
        # Untuned, score with the shipped model's offsets: the errors read are then those it makes.
        bias = tuned_bias(folds, args.show_grid) if args.tune else model.load().bias
        print(f"class offsets {dict(zip(model.CLASSES, bias, strict=True))}")
        report(cross_scores(folds, bias), args.cross_validate, args.errors)
        return 0
    data, counts = examples(items)
    weights = model.train(data, epochs=args.epochs)
    folds = fold_models(items, 5, args.epochs) if not args.no_tune else []
    bias = tuned_bias(folds, args.show_grid) if folds else (0.0,) * len(model.CLASSES)
    if folds:  # the training pool by cross-validation, at the offsets chosen
        report(cross_scores([(w, [i for i in held if i.split not in SILVER]) for w, held in folds], bias), 5,
               errors=False)
    by_split = Counter(i.split for i in items)
    model.save(weights, args.output, meta={
        "articles": dict(sorted(by_split.items())), "examples": dict(sorted(counts.items())),
        "epochs": args.epochs, "features": len(weights)}, bias=bias)
    print(f"{len(items)} articles ({', '.join(f'{k} {v}' for k, v in sorted(by_split.items()))}), "
          f"{len(data)} candidates ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}), "
          f"{len(weights)} features, class offsets {bias} -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
