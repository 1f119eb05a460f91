"""Stage 2a: content/ -> the site model: articles in date order and every index over them.

Like Hugo's taxonomies: each kind (tags, people, places, organizations) maps a term to the
articles that carry it. The model is plain data; rendering decides how it looks.
"""

from __future__ import annotations

import calendar
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from . import content
from .article import Article
from .config import Settings
from .extract.archive import canonical_organizations, canonical_people
from .extract.headline import distinct_titles
from .output import write_atomic
from .report import Report
from .safety import files_below, link_warning
from .slugs import slugify

KINDS = {  # kind -> (article field, singular label, plural label)
    "tags": ("tags", "Tag", "Tags"),
    "people": ("people", "Person", "People"),
    "places": ("places", "Place", "Places"),
    "organizations": ("organizations", "Organization", "Organizations"),
}
CACHE_FILE = "articles.pickle"


@dataclass
class Term:
    kind: str
    name: str
    slug: str
    articles: list[Article] = field(default_factory=list)  # newest first
    roles: list[str] = field(default_factory=list)  # people only: roles seen across articles

    @property
    def url_path(self) -> str:
        return f"{self.kind}/{self.slug}/"

    @property
    def initial(self) -> str:
        """The A-Z index letter; names starting with a digit or a non-Latin letter file under '#'."""
        first = self.slug[:1].upper()
        return first if "A" <= first <= "Z" else "#"


@dataclass
class Month:
    year: int
    month: int
    articles: list[Article]  # newest first

    @property
    def url_path(self) -> str:
        return f"{self.year}/{self.month:02d}/"

    @property
    def name(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    def weeks(self) -> list[list[tuple[int, int]]]:
        """Calendar rows of (day, article count); day 0 pads the first and last week."""
        return self._weeks

    @cached_property
    def _weeks(self) -> list[list[tuple[int, int]]]:
        # Every page of a month shows its calendar: count a 10^4-article month once, not per page.
        counts: dict[int, int] = defaultdict(int)
        for article in self.articles:
            counts[article.date.day] += 1
        return [[(d, counts.get(d, 0)) for d in week]
                for week in calendar.Calendar().monthdayscalendar(self.year, self.month)]


@dataclass
class Site:
    settings: Settings
    articles: list[Article]  # newest first
    terms: dict[str, dict[str, Term]]  # kind -> slug -> term
    term_of: dict[tuple[str, str], Term]  # (kind, name as written in an article) -> term
    months: list[Month]  # newest first
    newer: dict[str, Article]  # article id -> the next article by date
    older: dict[str, Article]

    @property
    def years(self) -> dict[int, list[Month]]:
        out: dict[int, list[Month]] = defaultdict(list)
        for month in self.months:
            out[month.year].append(month)
        return dict(out)

    def top_terms(self, kind: str, count: int) -> list[Term]:
        """The most-covered terms of a kind, for the front page."""
        ranked = sorted(self.terms[kind].values(), key=lambda t: (-len(t.articles), t.name))
        return ranked[:count]

    def article_terms(self, article: Article, kind: str) -> list[Term]:
        """The term pages an article links to (terms too small for a page are left out)."""
        out = []
        for name in getattr(article, KINDS[kind][0]):
            term = self.term_of.get((kind, name))
            if term and term.slug in self.terms[kind] and term not in out:
                out.append(term)
        return out


def load_articles(settings: Settings, report: Report) -> list[Article]:
    """Every content file as an Article; files unchanged since the last run come from a cache."""
    root = settings.path("content")
    cache_path = settings.path("cache") / CACHE_FILE
    cache = _load_cache(cache_path)
    fresh: dict[str, tuple] = {}
    articles: list[Article] = []
    seen: dict[str, str] = {}  # id -> the content file that has it
    position: dict[str, int] = {}
    rels, refused = files_below(root, Path(settings.root), ".md")
    for rel in refused:
        report.warn(f"content/{rel}", link_warning(root / rel))
    for rel in rels:
        path = root / rel
        stat = os.stat(path)
        key = (stat.st_mtime_ns, stat.st_size)
        cached = cache.get(rel)
        if cached and cached[0] == key:
            article = cached[1]
        else:
            try:
                article = content.read_article(path, root)
            except (content.ContentError, UnicodeDecodeError, OSError) as err:
                article = _last_good(rel, cached, _content_problem(err, rel), report)
                if article is None:
                    continue
                key = cached[0] if cached else key  # stays stale, so the next run checks (and warns) again
        fresh[rel] = (key, article)
        if article.id in seen:
            kept = _one_of_two(root, seen[article.id], rel, report)
            if kept == rel:
                articles[position[article.id]] = article
                seen[article.id] = rel
            continue
        seen[article.id] = rel
        position[article.id] = len(articles)
        articles.append(article)
    articles = unique_urls(articles, report)
    if fresh.keys() != cache.keys() or any(fresh[k][0] != cache[k][0] for k in fresh):
        # Rewriting an unchanged cache costs seconds at 10^5 articles: only when it changed.
        write_atomic(cache_path, pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
    return articles


def _one_of_two(root: Path, first: str, second: str, report: Report) -> str:
    """Of two content files with one id (a copy an editor kept), the one edited by hand is the
    article, else the first by name; the other is named as left out. Returns the one kept."""
    def edited(rel: str) -> bool:
        try:
            return content.is_hand_edited((root / rel).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return False

    kept, dropped = (second, first) if edited(second) and not edited(first) else (first, second)
    report.warn(f"content/{dropped}", f"same id as content/{kept}; left out")
    return kept


def unique_urls(articles: list[Article], report: Report) -> list[Article]:
    """Two articles at one URL would share a page: one never published, its links opening the
    other. The first in content-file order keeps the URL (an editor's slug: clash or a copied
    file); each later one gets its id appended, and the clash is reported."""
    owners: dict[str, Article] = {a.url_path: a for a in reversed(articles)}
    taken = set(owners)
    out = []
    for article in articles:
        if owners[article.url_path] is article:
            out.append(article)
            continue
        slug = _free_slug(article, taken)
        taken.add(f"{article.date:%Y/%m}/{slug}/")
        report.warn(f"content/{article.path}", f"slug {article.slug!r} is already the URL of "
                    f"content/{owners[article.url_path].path}; published at {slug!r} instead "
                    "(set a slug of its own to choose another)")
        out.append(replace(article, slug=slug))  # a copy: the cached article stays as written
    return out


def _free_slug(article: Article, taken: set[str]) -> str:
    for length in (6, 16):
        slug = f"{article.slug}-{article.id[:length]}"
        if f"{article.date:%Y/%m}/{slug}/" not in taken:
            return slug
    number = 2
    while f"{article.date:%Y/%m}/{article.slug}-{number}/" in taken:
        number += 1
    return f"{article.slug}-{number}"


def _content_problem(err: Exception, rel: str) -> str:
    if isinstance(err, UnicodeDecodeError):
        return f"not UTF-8 text (byte {err.start}); save it as UTF-8"
    if isinstance(err, OSError):
        return f"cannot read: {err.strerror or err}"
    return str(err).removeprefix(f"{rel}: ")


def _last_good(rel: str, cached: tuple | None, problem: str, report: Report) -> Article | None:
    """A content file that no longer parses (an editor mid-edit) keeps its last good version
    on the site; without one it is skipped. Either way the file and problem are named."""
    if cached is None:
        report.skip(f"content/{rel}", problem, "unreadable content file")
        return None
    report.warn(f"content/{rel}", f"{problem}; the site keeps the last good version of this page")
    return cached[1]


def _load_cache(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return {}


def build_site(articles: list[Article], settings: Settings) -> Site:
    ordered = _with_unique_titles(sorted(articles, key=lambda a: (a.date, a.id), reverse=True), settings)
    terms, term_of = _taxonomies(ordered, settings)
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in ordered:
        by_month[(article.date.year, article.date.month)].append(article)
    months = [Month(y, m, arts) for (y, m), arts in by_month.items()]
    newer = {a.id: ordered[i - 1] for i, a in enumerate(ordered) if i > 0}
    older = {a.id: ordered[i + 1] for i, a in enumerate(ordered[:-1])}
    return Site(settings, ordered, terms, term_of, months, newer, older)


def _taxonomies(ordered: list[Article], settings: Settings
                ) -> tuple[dict[str, dict[str, Term]], dict[tuple[str, str], Term]]:
    canonical = _canonical_names(ordered, settings)
    terms: dict[str, dict[str, Term]] = {}
    term_of: dict[tuple[str, str], Term] = {}
    for kind, (attr, _, _) in KINDS.items():
        by_slug: dict[str, Term] = {}
        for article in ordered:
            for raw in getattr(article, attr):
                name = canonical[kind].get(raw, raw) if kind in canonical else \
                    settings.extract.aliases.get(raw, raw)
                if not name:  # an editor's never-a-person list
                    continue
                slug = slugify(name)
                term = by_slug.get(slug) or by_slug.setdefault(slug, Term(kind, name, slug))
                term_of[(kind, raw)] = term
                if not term.articles or term.articles[-1] is not article:
                    term.articles.append(article)
                role = article.roles.get(raw) if kind == "people" else None
                if role and role not in term.roles:
                    term.roles.append(role)
        terms[kind] = _with_pages(kind, by_slug, len(ordered), settings)
    return terms, term_of


def _with_pages(kind: str, by_slug: dict[str, Term], total: int, settings: Settings
                ) -> dict[str, Term]:
    """One-off tags get no page once the archive is large enough for tags to mean something."""
    if kind != "tags" or total < settings.min_tag_archive:
        return by_slug
    return {s: t for s, t in by_slug.items() if len(t.articles) >= settings.min_tag_articles}


def _editors_headlines(articles: list[Article], settings: Settings) -> set[str]:
    """Ids of articles whose headline an editor wrote (a hand-edited content file), among those
    sharing a headline: only those files are read, a few in a large archive."""
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        counts[article.title.lower()] += 1
    root = settings.path("content")
    out = set()
    for article in articles:
        if counts[article.title.lower()] < 2 or not article.path:
            continue
        try:
            text = (root / article.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if content.is_hand_edited(text):
            out.add(article.id)
    return out


def _canonical_names(ordered: list[Article], settings: Settings) -> dict[str, dict[str, str]]:
    """Archive-wide unification of names: "Assad" in one story and "Bashar Assad" in another
    are one person page; "Quaker Oats" and "Quaker Oats Co" one organization page."""
    return {
        "people": canonical_people([a.people for a in ordered], settings.extract,
                                   [a.organizations for a in ordered]),
        "organizations": canonical_organizations([a.organizations for a in ordered], settings.extract),
    }


def _with_unique_titles(newest_first: list[Article], settings: Settings) -> list[Article]:
    """Two stories with one headline are told apart by their own text (company, city, a figure),
    then a number; the earlier keeps its title, and an editor's headline is never changed."""
    oldest_first = newest_first[::-1]
    titles = distinct_titles(((a.id, a.title, a.dateline, a.organizations, a.summary) for a in oldest_first),
                             fixed=_editors_headlines(oldest_first, settings))
    return [a if titles[a.id] == a.title else replace(a, title=titles[a.id]) for a in newest_first]
