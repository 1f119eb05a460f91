"""JSON text in parts, each a bounded slice of the whole, for a large document written to a
file without its text (and that text's bytes) held whole in memory at once: the build state
is ~1 KB an article. The parts joined are exactly ``json.dumps(value)``."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping

ITEMS_A_PART = 4096  # entries of a large dict or list encoded at once (one C-speed call each)


def parts(value: object) -> Iterator[str]:
    """``json.dumps(value)`` in pieces: a large dict or list a slice of entries at a time, a
    small dict holding large ones key by key, anything else whole."""
    if isinstance(value, Mapping) and _other_mapping(value) and len(value) <= ITEMS_A_PART:
        value = dict(value.items())  # small: encoded whole, as a dict is
    if isinstance(value, dict) and all(isinstance(k, str) for k in value) \
            and any(_large(v) or _other_mapping(v) for v in value.values()):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield f"{', ' if number else ''}{json.dumps(key)}: "
            yield from parts(item)
        yield "}"
    elif _large(value):
        yield from _slices(value)  # type: ignore[arg-type]
    else:
        yield json.dumps(value)


def _other_mapping(value: object) -> bool:
    """A mapping json.dumps cannot encode itself (render.Fingerprints)."""
    return isinstance(value, Mapping) and not isinstance(value, dict)


def _large(value: object) -> bool:
    return isinstance(value, Mapping | list) and len(value) > ITEMS_A_PART


def _slices(value: Mapping | list) -> Iterator[str]:
    """A large mapping or list as its brackets and its entries' text a slice at a time (each
    slice's own entries encoded whole: the documents written hold plain values there)."""
    opening, closing = ("{", "}") if isinstance(value, Mapping) else ("[", "]")
    entries: Iterable = value.items() if isinstance(value, Mapping) else value
    it = iter(entries)
    yield opening
    number = 0
    while chunk := list(itertools.islice(it, ITEMS_A_PART)):
        text = json.dumps(dict(chunk) if isinstance(value, Mapping) else chunk)
        yield (", " if number else "") + text[1:-1]
        number += 1
    yield closing
