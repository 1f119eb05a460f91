"""Extraction: what Dateline reads out of a seed's text. One module per kind of field.

``extract(seed, settings)`` is the only entry point the rest of Dateline uses; the
``build.py extract`` command prints exactly what it returns. Across articles,
``archive.canonical_people`` joins the names of one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Seed
from ..config import ExtractSettings
from .contributors import contributors_from_credit
from .entities import entities
from .headline import title_and_summary
from .tags import tags


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
    """Everything Dateline reads out of one seed; ``settings`` are the editors' levers."""
    settings = settings or ExtractSettings()
    contributors = contributors_from_credit(seed.credit)
    found = entities(seed, settings, contributors)
    title, summary = title_and_summary(seed, found.organizations)
    return Extraction(
        title=title,
        summary=summary,
        people=found.people,
        roles=found.roles,
        places=found.places,
        organizations=found.organizations,
        tags=tags(seed, found.place_mentions, settings, found.organizations, found.roles),
        contributors=contributors,
    )
