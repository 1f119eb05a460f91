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

def _day_pages(site: Site) -> Iterable[tuple[str, dict]]:
    months = {(m.year, m.month): m for m in site.months}
    for day in site.days:
        yield day.url_path, {"day": day, "month": months[(day.date.year, day.date.month)]}


def _day_reads(site: Site, context: dict) -> object:
    # Beyond its own stories and month: the previous and next days with stories.
    return [(d.url_path, d.date) if d else None for d in site.day_neighbours[context["day"].date]]


def _day_sitemap(site: Site) -> Iterable[tuple[str, dt.date | None]]:
    return ((day.url_path, day.date) for day in site.days)


ON_THIS_DAY_STORIES = 8  # stories shown per year; the day page has them all


def _on_this_day_pages(site: Site) -> Iterable[tuple[str, dict]]:
    for (month, day), days in sorted(site.calendar_days.items()):
        yield (days[0].on_this_day_path,
               {"when": dt.date(2000, month, day), "days": days, "per_year": ON_THIS_DAY_STORIES})


def _on_this_day_sitemap(site: Site) -> Iterable[tuple[str, dt.date | None]]:
    return ((days[0].on_this_day_path, days[0].date) for _, days in sorted(site.calendar_days.items()))


def _nothing(site: Site, context: dict) -> object:
    return None


PAGE_KINDS: dict[str, PageKind] = {
    # /YYYY/MM/DD/: every story of a day, by topic; linked from calendars and articles.
    "day": PageKind("day.html", _day_pages, _day_reads, _day_sitemap),
    # /on-this-day/MM-DD/: a calendar day across the years; linked from each day page.
    "on-this-day": PageKind("on-this-day.html", _on_this_day_pages, _nothing, _on_this_day_sitemap),
}


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
