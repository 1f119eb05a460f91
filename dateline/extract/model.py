"""The entity decision: an averaged perceptron over the evidence of one candidate name.

Small, fast and deterministic on purpose. The weights are a versioned JSON file beside this module
(``entity_model.json``), one table per feature template (value -> a weight per class), written by
``scripts/train_entities.py`` from the hand-labelled sets in ``tests/gold`` and
``../shared/corpus/other-news``; training twice on the same data gives the same file.

A candidate's features come in parts (see ``features.py``): those of its name, of its run's
surroundings, and of its reading. The entity decision sums the parts' scores, remembering those of
the parts that recur (a name, a combination of reading and place) with ``Perceptron.memo``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar

CLASSES = ("none", "person", "place", "org")
WEIGHTS_FILE = Path(__file__).with_name("entity_model.json")
# Weights are written with four decimals: scored in those units, as integers, a sum is exact and
# the same in any order, so the features of a candidate can be summed in parts, each part once.
UNIT = 10_000
# The four classes' integer weights are packed into one Python integer, a lane of LANE bits each,
# so that adding two weight vectors is one integer addition (and a sum of many runs in C); a lane
# holds any sum below 2**(LANE - 1) in magnitude, some hundred million times the largest weight.
LANE = 48
_LANE_MASK = (1 << LANE) - 1
_LANE_SIGN = 1 << (LANE - 1)
# Half a lane's range in every lane: added to a packed sum, it makes every lane a digit in
# [0, 2**LANE), so each is read alone with a shift and a mask, with no borrow between lanes.
_HALVES = sum(_LANE_SIGN << (LANE * i) for i in range(len(CLASSES)))
_SHIFTS = tuple(LANE * i for i in range(len(CLASSES)))
F = TypeVar("F", bound=Hashable)


def pack(weights: Sequence[float]) -> int:
    """A weight per class, in UNITs, as one integer (see LANE)."""
    if len(weights) == 4:  # every weight of the shipped model: packed once per feature at load
        a, b, c, d = weights
        return round(a * UNIT) + (round(b * UNIT) << LANE) + (round(c * UNIT) << 2 * LANE) \
            + (round(d * UNIT) << 3 * LANE)
    return sum(round(w * UNIT) << (LANE * i) for i, w in enumerate(weights))


def unpack(packed: int) -> list[int]:
    """The per-class sums (in UNITs) of a sum of packed weights."""
    digits = packed + _HALVES
    return [(digits >> shift & _LANE_MASK) - _LANE_SIGN for shift in _SHIFTS]


class Perceptron:
    """Scores per class as the sum of the weights of a candidate's features."""

    def __init__(self, weights: Mapping[Hashable, Sequence[float]],
                 bias: Sequence[float] = (0.0,) * len(CLASSES)):
        self._weights = {f: pack(w) for f, w in weights.items()}
        # Per-class offsets chosen by cross-validation (scripts/train_entities.py): where to draw
        # the line between "a name" and "none" for each class, which training alone does not set.
        self.bias = tuple(bias)
        self.offset = pack(bias)
        self._memos: dict[Callable[..., Any], Callable[..., int]] = {}

    def weigh(self, features: Iterable[Hashable]) -> int:
        """The packed sum of the features' weights (see ``unpack``); an unknown feature weighs nothing."""
        return sum(map(self._weights.get, features, repeat(0)))

    def memo(self, features_of: Callable[..., Iterable[Hashable]]) -> Callable[..., int]:
        """``weigh(features_of(*key))``, remembered per key: for the parts of a candidate that
        recur across an archive (its name, its reading's combination of kind and place)."""
        found = self._memos.get(features_of)
        if found is None:
            found = self._memos[features_of] = lru_cache(maxsize=1 << 16)(
                lambda *key: self.weigh(features_of(*key)))
        return found

    def predict(self, features: Iterable[Hashable]) -> tuple[str, float]:
        """The best class and its margin over the runner-up (a confidence, in score units)."""
        s = unpack(self.offset + self.weigh(features))
        best = max(range(len(s)), key=s.__getitem__)
        runner = max((x for i, x in enumerate(s) if i != best), default=0)
        return CLASSES[best], (s[best] - runner) / UNIT


def train(examples: Sequence[tuple[Sequence[F], str]], epochs: int = 12, seed: int = 1987
          ) -> dict[F, list[float]]:
    """Averaged multiclass perceptron (Collins 2002; the averaging of Freund and Schapire's voted
    perceptron) over (features, class) pairs. Deterministic for a given order and seed; the
    weights move by whole steps, so sums are exact and the order of an example's features is no
    matter."""
    n = len(CLASSES)
    index = {c: i for i, c in enumerate(CLASSES)}
    weights: dict[F, list[float]] = {}
    totals: dict[F, list[float]] = {}
    stamps: dict[F, list[int]] = {}
    step = 0
    order = list(range(len(examples)))
    rng = random.Random(seed)

    def update(f: F, c: int, delta: float) -> None:
        w = weights.setdefault(f, [0.0] * n)
        t = totals.setdefault(f, [0.0] * n)
        s = stamps.setdefault(f, [0] * n)
        t[c] += (step - s[c]) * w[c]
        s[c] = step
        w[c] += delta

    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, label = examples[k]
            step += 1
            scores = [0.0] * n
            for f in feats:
                w = weights.get(f)
                if w is not None:
                    for i in range(n):
                        scores[i] += w[i]
            guess = max(range(n), key=lambda i: (scores[i], -i))
            truth = index[label]
            if guess != truth:
                for f in feats:
                    update(f, truth, 1.0)
                    update(f, guess, -1.0)
    averaged: dict[F, list[float]] = {}
    for f, w in weights.items():
        t, s = totals[f], stamps[f]
        avg = [round((t[i] + (step - s[i]) * w[i]) / step, 4) for i in range(n)]
        if any(avg):
            averaged[f] = avg
    return averaged


def save(weights: Mapping[tuple[str, str], list[float]], path: Path = WEIGHTS_FILE, meta: dict | None = None,
         bias: Sequence[float] = (0.0,) * len(CLASSES)) -> None:
    """Write the weights as one table per template, templates and values sorted."""
    tables: dict[str, dict[str, list[float]]] = {}
    for (template, value), w in sorted(weights.items()):
        tables.setdefault(template, {})[value] = w
    body = {"classes": list(CLASSES), "bias": list(bias), "meta": meta or {}, "weights": tables}
    path.write_text(json.dumps(body, indent=0, sort_keys=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")


@lru_cache(maxsize=1)
def load(path: Path = WEIGHTS_FILE) -> Perceptron:
    """The shipped model; an empty one (everything "none") when the file is missing, so that a
    first training run can start from nothing."""
    if not path.exists():
        return Perceptron({})
    body = json.loads(path.read_text(encoding="utf-8"))
    if tuple(body["classes"]) != CLASSES:
        raise ValueError(f"{path}: classes {body['classes']} are not {list(CLASSES)}; retrain the model")
    tables = body["weights"]
    if not all(isinstance(table, dict) for table in tables.values()):
        raise ValueError(f"{path}: weights are not one table per feature template; retrain the model "
                         "(python scripts/train_entities.py)")
    weights: dict[Hashable, Sequence[float]] = {
        (template, value): w for template, table in tables.items() for value, w in table.items()}
    return Perceptron(weights, body.get("bias", (0.0,) * len(CLASSES)))
