"""Structured data for search engines and citation tools: schema.org JSON-LD."""

from __future__ import annotations

from .article import Article
from .config import Settings
from .site import Site, Term
from .urls import absolute_url


def _stamp(article: Article, settings: Settings) -> str:
    return f"{article.date:%Y-%m-%d}T00:00:00{settings.timezone}"


def news_article(article: Article, site: Site) -> dict:
    """schema.org NewsArticle: who, where and what an article mentions, for citation and search."""
    settings = site.settings
    url = absolute_url(article.url_path, settings.base_url)

    def things(kind: str, schema_type: str) -> list[dict]:
        return [{"@type": schema_type, "name": t.name,
                 "url": absolute_url(t.url_path, settings.base_url)}
                for t in site.article_terms(article, kind)]

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": _stamp(article, settings),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": settings.language,
        "isAccessibleForFree": True,
        "author": [{"@type": "Person", "name": n} for n in article.contributors],
        "publisher": {"@type": "Organization", "name": settings.publisher},
        "keywords": article.tags,
        "about": things("tags", "Thing"),
        "mentions": things("people", "Person") + things("organizations", "Organization"),
        "contentLocation": things("places", "Place"),
    }
    if article.dateline:
        data["dateline"] = article.dateline
    return data


def person(term: Term, site: Site) -> dict:
    settings = site.settings
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": term.name,
        "url": absolute_url(term.url_path, settings.base_url),
        "subjectOf": [{"@type": "NewsArticle", "headline": a.title,
                       "url": absolute_url(a.url_path, settings.base_url)}
                      for a in term.articles[: settings.per_page]],
    }
    if term.roles:
        data["jobTitle"] = term.roles[0]
    return data
