"""Names one slip of the keyboard apart: "Chrsyler Corp" and "Chrysler Corp", "Saudia Arabia" and
"Saudi Arabia". The archive joins a misspelt form to the one more stories write (``archive.py``).

A slip is one letter left out, added, changed or two letters swapped, in one word of five letters
or more, its first letter kept ("David Karnes" and "David Barnes" are two men); every other word
the same. Names are indexed by each word left out, so a lookup reads only the few names that
share the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

SlipIndex = dict[tuple[int, str, str], list[str]]


def slip_index(names: Iterable[str]) -> SlipIndex:
    """Names by each of their words left out (``_gapped``), to find those one slip apart."""
    index: SlipIndex = {}
    for name in names:
        for i in range(len(name.split())):
            index.setdefault(_gapped(name, i), []).append(name)
    return index


def slipped(name: str, index: SlipIndex, capitals: AbstractSet[str] = frozenset()) -> list[str]:
    """The indexed names one slip of the keyboard from this one, in one word neither in capitals."""
    words = name.split()
    return [other for i in range(len(words)) for other in index.get(_gapped(name, i), ())
            if other != name and not {words[i], other.split()[i]} & capitals
            and _one_slip(words[i], other.split()[i])]


def _gapped(key: str, i: int) -> tuple[int, str, str]:
    """A key with its i-th word left out, where one slip may be, beside that word's first letter
    (a slip keeps it): the keys one slip apart share this."""
    words = key.split()
    return i, " ".join([*words[:i], "*", *words[i + 1:]]), words[i][0]


def _one_slip(right: str, typed: str) -> bool:
    """One letter left out, added, changed or two swapped, in a word of five letters or more,
    its first letter kept."""
    if min(len(right), len(typed)) < 5 or right[0] != typed[0] or right == typed:
        return False
    if len(right) == len(typed):
        diff = [i for i, (a, b) in enumerate(zip(right, typed, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and right[diff[0]] == typed[diff[1]] and right[diff[1]] == typed[diff[0]])
    short, long = sorted((right, typed), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))
