"""Extraction: what Dateline reads out of a seed's text. One module per kind of field.

``extract(seed, settings)`` is the only entry point the rest of Dateline uses; the
``build.py extract`` command prints exactly what it returns. Across articles,
``archive.canonical_people`` joins the names of one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Seed
from ..config import ExtractSettings


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


def load_readers() -> None:
    """Load every reader now, as ``extract`` would at its first seed: before worker processes
    fork, so that each does not load them again."""
    from . import contributors, entities, headline, tags  # noqa: F401


def extract(seed: Seed, settings: ExtractSettings | None = None) -> Extraction:
    """Everything Dateline reads out of one seed; ``settings`` are the editors' levers."""
    # Imported here, not above: the site model needs only archive.py of this package, and a
    # build with no new seed (a no-op) should not load every reader (~0.07 CPU-s).
    from .contributors import contributors_from_credit
    from .entities import entities
    from .headline import title_and_summary
    from .tags import tags

    settings = settings or ExtractSettings()
    contributors = contributors_from_credit(seed.credit)
    found = entities(seed, settings, contributors)
    title, summary = title_and_summary(seed, found.organizations, found.people)
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
