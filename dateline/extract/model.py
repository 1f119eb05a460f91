"""The entity decision: an averaged perceptron over the evidence of one candidate name.

Small, fast and deterministic on purpose. The weights are a versioned JSON file beside this module
(``entity_model.json``), written by ``scripts/train_entities.py`` from the hand-labelled sets in
``tests/gold`` and ``../shared/corpus/other-news``; training twice on the same data gives the same file.

A candidate's features come in two parts (see ``features.py``): those that depend only on the name
(its words, shape, the word lists and gazetteer) and those of its context. The name's part of the score
is memoised, since the same names recur across an archive.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

CLASSES = ("none", "person", "place", "org")  # Perceptron's sums are written out for these four
WEIGHTS_FILE = Path(__file__).with_name("entity_model.json")


class Perceptron:
    """Scores per class as the sum of the weights of a candidate's features."""

    def __init__(self, weights: dict[str, Sequence[float]], bias: Sequence[float] = (0.0,) * len(CLASSES)):
        self.weights = {f: tuple(w) for f, w in weights.items()}
        # Per-class offsets chosen by cross-validation (scripts/train_entities.py): where to draw
        # the line between "a name" and "none" for each class, which training alone does not set.
        self.bias = tuple(bias)
        self._static = lru_cache(maxsize=1 << 16)(self._sum)

    def _sum(self, features: tuple[str, ...]) -> tuple[float, ...]:
        return self._add(self.bias, features)

    def scores(self, static: tuple[str, ...], dynamic: Iterable[str]) -> list[float]:
        return list(self._add(self._static(static), dynamic))

    def _add(self, start: Sequence[float], features: Iterable[str]) -> tuple[float, float, float, float]:
        # Four classes, summed in locals, in the features' order (the same sums to the last bit):
        # this loop runs for every feature of every candidate, so the look-ups run in map's C loop.
        a, b, c, d = start
        for w in map(self.weights.get, features):
            if w is not None:
                wa, wb, wc, wd = w
                a += wa
                b += wb
                c += wc
                d += wd
        return a, b, c, d

    def predict(self, static: tuple[str, ...], dynamic: Iterable[str]) -> tuple[str, float]:
        """The best class and its margin over the runner-up (a confidence, in score units)."""
        s = self.scores(static, dynamic)
        best = max(range(len(s)), key=s.__getitem__)
        runner = max((x for i, x in enumerate(s) if i != best), default=0.0)
        return CLASSES[best], s[best] - runner


def train(examples: Sequence[tuple[Sequence[str], str]], epochs: int = 12, seed: int = 1987
          ) -> dict[str, list[float]]:
    """Averaged multiclass perceptron (Collins 2002; the averaging of Freund and Schapire's voted
    perceptron) over (features, class) pairs. Deterministic for a given order and seed."""
    n = len(CLASSES)
    index = {c: i for i, c in enumerate(CLASSES)}
    weights: dict[str, list[float]] = {}
    totals: dict[str, list[float]] = {}
    stamps: dict[str, list[int]] = {}
    step = 0
    order = list(range(len(examples)))
    rng = random.Random(seed)

    def update(f: str, c: int, delta: float) -> None:
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
    averaged: dict[str, list[float]] = {}
    for f, w in weights.items():
        t, s = totals[f], stamps[f]
        avg = [round((t[i] + (step - s[i]) * w[i]) / step, 4) for i in range(n)]
        if any(avg):
            averaged[f] = avg
    return averaged


def save(weights: dict[str, list[float]], path: Path = WEIGHTS_FILE, meta: dict | None = None,
         bias: Sequence[float] = (0.0,) * len(CLASSES)) -> None:
    body = {"classes": list(CLASSES), "bias": list(bias), "meta": meta or {},
            "weights": dict(sorted(weights.items()))}
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
    return Perceptron(body["weights"], body.get("bias", (0.0,) * len(CLASSES)))
