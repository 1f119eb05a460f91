"""The two plain records that flow through Dateline: a parsed seed and a finished article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Seed:
    """One raw wire article as read from ``seeds/``, before any extraction.

    ``paragraphs`` excludes the credit line, which is kept apart in ``credit``.
    ``warnings`` are problems that still left a usable article (bad encoding, odd date format).
    """

    path: str
    id: str
    sha256: str
    date: dt.date
    dateline: str
    paragraphs: tuple[str, ...]
    credit: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


# slots: no per-article __dict__ (~350 bytes each, a third of a GB at 10^6 articles).
@dataclass(slots=True)
class Article:
    """An article as the site sees it: the front matter of a content file plus its body."""

    id: str
    slug: str
    title: str
    date: dt.date
    dateline: str = ""
    summary: str = ""
    body: str = ""  # Markdown
    people: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    source: str = ""
    seed_sha256: str = ""
    path: str = ""  # content file, relative to the content folder
    # The day an editor last changed the story for readers, written by the editor as
    # ``updated:`` (Dateline never stamps it: a hand-edited file is never rewritten, and a
    # file's mtime is not kept by git, so only a written date stays put from build to build).
    updated: dt.date | None = None

    @property
    def modified(self) -> dt.date:
        """The last day the story changed: its editor's ``updated:`` day, else its own."""
        return self.updated or self.date

    @property
    def url_path(self) -> str:
        """Site-relative path of the article page; fixed once the slug is written."""
        return f"{self.date:%Y/%m}/{self.slug}/"
