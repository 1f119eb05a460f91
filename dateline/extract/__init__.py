"""Extraction: what Dateline reads out of a seed's text. One module per kind of field.

``extract(seed, settings)`` is the only entry point the rest of Dateline uses; the
``build.py extract`` command prints exactly what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Seed
from ..config import ExtractSettings
from .contributors import contributors_from_credit
from .headline import headline, summary
from .names import entities


@dataclass
class Extraction:
    title: str
    summary: str
    people: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)


def extract(seed: Seed, settings: ExtractSettings | None = None) -> Extraction:
    settings = settings or ExtractSettings()
    found = entities(seed, settings)
    return Extraction(
        title=headline(seed),
        summary=summary(seed),
        people=found.people,
        roles=found.roles,
        places=found.places,
        organizations=found.organizations,
        tags=found.tags,
        contributors=contributors_from_credit(seed.credit),
    )
