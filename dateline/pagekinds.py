"""The registry of the archive's page kinds beyond render.py's core set, and what templates
read from the site model beyond their context.

A new kind of page is added here, once: its template, the pages it makes (path and context),
what its template reads from the model (for the incremental build's fingerprint) and its
sitemap entries. ``render`` takes pages, reads and sitemap entries from ``PAGE_KINDS``, so no
other file has to agree with this one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .site import Site

Reads = Callable[["Site", dict], object]


@dataclass(frozen=True)
class PageKind:
    template: str
    pages: Callable[[Site], Iterable[tuple[str, dict]]]  # (site-relative path, context)
    reads: Reads  # what the template reads from the model beyond its context, as plain values
    sitemap: Callable[[Site], Iterable[tuple[str, dt.date | None]]]  # (path, last modified)


def _term_reads(site: Site, context: dict) -> object:
    # The timeline, key stories and month groups come from the term itself (in the context) and
    # the archive's span (the timeline's axis); "often with" weighs other terms' article counts
    # against the whole archive's.
    others = site.links.often_with(context["term"])
    return site.links.archive_span(), [(kind, [(t.name, t.url_path) for t in terms])
                                       for kind, terms in others.items()]


def _article_reads(site: Site, context: dict) -> object:
    return [(r.article.title, r.article.url_path, r.shared) for r in site.links.related(context["article"])]


# Existing templates' extra reads, combined with render.TEMPLATE_READS' own.
EXTRA_READS: dict[str, Reads] = {"term.html": _term_reads, "article.html": _article_reads}

PAGE_KINDS: dict[str, PageKind] = {}


def template_reads(core: dict[str, Callable]) -> dict[str, Callable]:
    """render.TEMPLATE_READS entries for the registered kinds, and the core entries that read
    more now, each taking (site, page) like the core ones."""
    out: dict[str, Callable] = {}
    for template, extra in EXTRA_READS.items():
        base = core.get(template)
        out[template] = (lambda site, page, base=base, extra=extra:
                         (base(site, page) if base else None, extra(site, page.context)))
    for kind in PAGE_KINDS.values():
        out[kind.template] = lambda site, page, reads=kind.reads: reads(site, page.context)
    return out
