"""Structured data for search engines and citation tools: schema.org JSON-LD."""

from __future__ import annotations

import datetime as dt

from . import urls
from .article import Article
from .config import Settings
from .site import KINDS, Site, Term
from .urls import address

# Which schema.org type a kind of term is, for `mentions` and `about`.
SCHEMA_TYPES = {"people": "Person", "places": "Place", "organizations": "Organization", "tags": "Thing"}


def iso_datetime(date: object, timezone: str) -> str:
    """Articles carry a date only; feeds and JSON-LD want a full timestamp with a zone."""
    return f"{date:%Y-%m-%d}T00:00:00{timezone}"


def publisher(settings: Settings) -> dict:
    return {"@type": "Organization", "name": settings.publisher,
            "url": address("", settings)}


def _things(article: Article, kind: str, site: Site) -> list[dict]:
    """Every name of a kind in the article, linked to its page when it has one."""
    out: list[dict] = []
    for name in getattr(article, KINDS[kind][0]):
        term = site.term_of.get((kind, name))
        thing = {"@type": SCHEMA_TYPES[kind], "name": term.name if term else name}
        if term and term.slug in site.terms[kind]:
            thing["url"] = address(term.url_path, site.settings)
        if thing not in out:
            out.append(thing)
    return out


def news_article(article: Article, site: Site) -> dict:
    """schema.org NewsArticle: who, where and what an article mentions, for citation and search."""
    settings = site.settings
    url = address(article.url_path, settings)
    authors = [{"@type": "Person", "name": n} for n in article.contributors]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": iso_datetime(article.date, settings.timezone),
        "dateModified": iso_datetime(article.modified, settings.timezone),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": settings.language,
        "isAccessibleForFree": True,
        # Wire copy without a credit line is still the publisher's work.
        "author": authors or [publisher(settings)],
        "publisher": publisher(settings),
        "isPartOf": {"@type": "WebSite", "name": settings.title,
                     "url": address("", settings)},
        "keywords": article.tags,
        "about": _things(article, "tags", site),
        "mentions": [thing for kind in ("people", "organizations", "places")
                     for thing in _things(article, kind, site)],
        "contentLocation": _things(article, "places", site),
    }
    if article.dateline:
        data["dateline"] = article.dateline
    if settings.share_image:  # the archive has no photographs: the site's share card stands in
        data["image"] = address(settings.share_image, settings)
    return data


def term_thing(term: Term, site: Site) -> dict | None:
    """schema.org Person, Place or Organization for a term's page, with the articles about it
    (one page's worth, the newest); tags are keywords, not things, and get none."""
    if term.kind == "tags":
        return None
    settings = site.settings
    url = address(term.url_path, settings)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[term.kind],
        "name": term.name,
        "url": url,
        "mainEntityOfPage": url,
        "subjectOf": [{"@type": "NewsArticle", "headline": a.title,
                       "datePublished": iso_datetime(a.date, settings.timezone),
                       "url": address(a.url_path, settings)}
                      for a in term.articles[: settings.per_page]],
    }
    if term.kind == "people" and term.roles:
        data["jobTitle"] = term.roles[0]
    return data



def date_trail(date: dt.date, depth: int) -> list[tuple[str, str]]:
    """The dated pages above a page, as (name, site-relative path): Dates, then the year, the
    month and the day, ``depth`` of those three."""
    trail = [("Dates", "archive/"), (f"{date:%Y}", f"{date:%Y}/"), (f"{date:%B}", f"{date:%Y/%m}/"),
             (str(date.day), urls.day_path(date))]
    return trail[: 1 + depth]


def term_trail(term: Term) -> list[tuple[str, str]]:
    """A hub's place: its kind's A-Z index, then the hub."""
    return [(KINDS[term.kind][2], f"{term.kind}/"), (term.name, term.url_path)]


def breadcrumb_list(trail: list[tuple[str, str]], settings: Settings) -> dict:
    """schema.org BreadcrumbList for a page's trail (its own page last), as its kicker shows it."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": name,
                             "item": address(path, settings)}
                            for n, (name, path) in enumerate(trail, start=1)],
    }
