"""What pages read from the site model beyond their context, remembered between builds.

Working out those reads (related stories, "often with", neighbours) for every page is most of an
incremental build's planning (~4 s at 10^4 articles), though they rarely change: they follow
from each article's names, headline, date, slug and summary and from the settings, templates and
code, never from an article's body. So their digests are kept, per output file, under a digest of
all those; while it holds (an edit to a story's text, the usual correction), they are reused.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from pathlib import Path

from .article import Article
from .output import write_atomic
from .site import Site

CACHE_FILE = "page-reads.pickle"
# Article fields no template's reads look at; everything else is part of the key.
UNREAD = frozenset({"body", "path"})
_READ_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name not in UNREAD)


def links_digest(site: Site, common: bytes) -> bytes:
    """The digest the remembered reads hold under: ``common`` (settings, templates, code) and
    every article's read fields, in the model's order."""
    hasher = hashlib.blake2b(common, digest_size=16)
    hasher.update(repr(outlines(site.articles)).encode())
    return hasher.digest()


def outlines(articles: list[Article]) -> list[list[object]]:
    """The articles' read fields: all but the body (and the content file's name)."""
    return [[getattr(a, name) for name in _READ_FIELDS] for a in articles]


def load(path: Path | None, links: bytes) -> dict[str, bytes]:
    """Output file -> digest of its page's reads, as the last build found them under ``links``."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            saved = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return {}
    return saved["reads"] if isinstance(saved, dict) and saved.get("links") == links else {}


def save(path: Path | None, links: bytes, reads: dict[str, bytes]) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, pickle.dumps({"links": links, "reads": reads}, protocol=pickle.HIGHEST_PROTOCOL))
