"""Stage 2b: the site model -> HTML, feeds and sitemaps in a staging folder.

``pages(site)`` lists every page as (path, template, context); ``render(site, folder)`` writes
them, only where the bytes changed, using every core (the model is shared by fork).
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import search, structured, urls
from .article import Article
from .markup import markdown_to_html
from .output import write_if_changed
from .site import KINDS, Month, Site, Term

SITEMAP_LIMIT = 50_000  # URLs per sitemap file, the protocol's limit


@dataclass(frozen=True)
class Page:
    path: str  # site-relative: 'people/bashar-assad/' or 'feed.xml'
    template: str
    context: dict


@dataclass
class RenderResult:
    files: set[str]  # every file this build produced, relative to the output folder
    changed: set[str]  # those whose bytes differ from what was there


def render(site: Site, folder: Path, templates: Path, static: Path) -> RenderResult:
    """Write the whole site into ``folder``; files nobody produced are removed."""
    all_pages = list(pages(site))
    result = RenderResult(set(), set())
    for files, changed in _render_in_parallel(site, all_pages, folder, templates):
        result.files.update(files)
        result.changed.update(changed)
    for source in sorted(static.rglob("*")) if static.is_dir() else []:
        if source.is_file():
            rel = "static/" + source.relative_to(static).as_posix()
            result.files.add(rel)
            if write_if_changed(folder / rel, source.read_bytes()):
                result.changed.add(rel)
    return result


def remove_stale(folder: Path, keep: set[str], keep_under: tuple[str, ...]) -> list[str]:
    """Delete files no page produced (a renamed tag, a removed article), except kept folders."""
    removed = []
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(keep_under):
            continue
        if path.is_file() and rel not in keep:
            path.unlink()
            removed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


# Rendering in worker processes: the site model is inherited through fork, not pickled.
_JOB: dict = {}


def _render_in_parallel(site: Site, all_pages: list[Page], folder: Path, templates: Path
                        ) -> Iterator[tuple[list[str], list[str]]]:
    _JOB.update(site=site, pages=all_pages, folder=folder, templates=templates)
    workers = min(site.settings.worker_count, max(1, len(all_pages) // 500))
    try:
        if workers <= 1:
            yield _render_share((0, 1))
            return
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap_unordered(_render_share, [(i, workers) for i in range(workers)])
    finally:
        _JOB.clear()


def _render_share(share: tuple[int, int]) -> tuple[list[str], list[str]]:
    index, count = share
    env = environment(_JOB["site"], _JOB["templates"])
    files, changed = [], []
    for page in _JOB["pages"][index::count]:
        rel = urls.output_file(page.path)
        data = env.get_template(page.template).render(page=page, **page.context)
        files.append(rel)
        if write_if_changed(_JOB["folder"] / rel, data.encode("utf-8")):
            changed.append(rel)
    return files, changed


def environment(site: Site, templates: Path) -> jinja2.Environment:
    settings = site.settings
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    months: dict[str, dict[int, int]] = {}  # computed once per month, not once per calendar cell

    def day_pages(month: Month) -> dict[int, int]:
        if month.url_path not in months:
            months[month.url_path] = urls.day_pages((a.date.day for a in month.articles), settings.per_page)
        return months[month.url_path]

    env.globals.update(
        site=site, settings=settings, kinds=KINDS,
        url=lambda path: urls.page_url(path, settings.base_path),
        absolute_url=lambda path: urls.absolute_url(path, settings.base_url),
        page_url=urls.paginated,
        day_url=lambda month, day: urls.page_url(
            f"{urls.paginated(month.url_path, day_pages(month)[day])}#day-{day}", settings.base_path),
        search_bundles=[urls.page_url(p, settings.base_path) for p in search.bundle_paths(site)],
        news_article_ld=lambda article: structured.news_article(article, site),
        term_ld=lambda term: structured.term_thing(term, site))
    env.filters.update(markdown=markdown_to_html, by_day=by_day,
                       iso_datetime=lambda d: structured.iso_datetime(d, settings.timezone))
    return env


def by_day(articles: list[Article]) -> list[tuple[object, list[Article]]]:
    """Consecutive articles grouped by date, keeping their (newest first) order."""
    groups: list[tuple[object, list[Article]]] = []
    for article in articles:
        if groups and groups[-1][0] == article.date:
            groups[-1][1].append(article)
        else:
            groups.append((article.date, [article]))
    return groups


def pages(site: Site) -> Iterator[Page]:
    settings = site.settings
    yield Page("", "home.html", {"latest": site.articles[: settings.home_articles]})
    for article in site.articles:
        yield Page(article.url_path, "article.html", {"article": article})
    yield Page("archive/", "archive.html", {})
    for year, months in site.years.items():
        yield Page(f"{year}/", "year.html", {"year": year, "months": months})
    for month in site.months:
        yield from _paginate(month.url_path, "month.html", month.articles, settings.per_page,
                             {"month": month})
    for kind, terms in site.terms.items():
        ordered = sorted(terms.values(), key=lambda t: (t.name.casefold(), t.slug))
        yield Page(f"{kind}/", "terms.html", {"kind": kind, "terms": ordered})
        for term in terms.values():
            yield from _term_pages(term, settings.per_page, settings.feed_entries)
    yield Page("search/", "search.html", {})
    yield Page("404.html", "404.html", {})
    yield Page("feed.xml", "feed.xml", {"title": settings.title, "path": "",
                                        "entries": site.articles[: settings.feed_entries]})
    yield from _sitemaps(site)
    yield Page("robots.txt", "robots.txt", {})


def _term_pages(term: Term, per_page: int, feed_entries: int) -> Iterator[Page]:
    yield from _paginate(term.url_path, "term.html", term.articles, per_page, {"term": term})
    yield Page(term.url_path + "feed.xml", "feed.xml", {
        "title": term.name, "path": term.url_path, "entries": term.articles[:feed_entries]})


def _paginate(path: str, template: str, articles: list[Article], per_page: int, context: dict
              ) -> Iterator[Page]:
    total = max(1, math.ceil(len(articles) / per_page))
    for number in range(1, total + 1):
        chunk = articles[(number - 1) * per_page: number * per_page]
        yield Page(urls.paginated(path, number), template, {
            **context, "articles": chunk, "pager": {"number": number, "total": total, "path": path}})


def _sitemaps(site: Site) -> Iterator[Page]:
    """One sitemap while it fits the protocol's 50,000 URLs, else an index of numbered parts."""
    entries = [("", None)] + [(a.url_path, a.date) for a in site.articles]
    entries += [("archive/", None)] + [(f"{year}/", months[0].articles[0].date)
                                       for year, months in site.years.items()]
    entries += [(f"{kind}/", None) for kind in site.terms]
    entries += [(t.url_path, t.articles[0].date) for terms in site.terms.values()
                for t in terms.values()]
    entries += [(m.url_path, m.articles[0].date) for m in site.months]
    if len(entries) <= SITEMAP_LIMIT:
        yield Page("sitemap.xml", "sitemap.xml", {"entries": entries})
        return
    parts = [entries[i: i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]
    names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    for name, part in zip(names, parts, strict=True):
        yield Page(name, "sitemap.xml", {"entries": part})
    yield Page("sitemap.xml", "sitemap-index.xml", {"parts": names})


def output_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a built site, for the GitHub Pages size warning."""
    total = count = 0
    for root, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count
