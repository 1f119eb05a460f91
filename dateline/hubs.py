"""Connections across the archive: what hub pages and articles show beyond their own lists.

A hub (a person, place, organization or tag page) gets a timeline of mentions by month, the
names it is "often with", its key stories and its stories grouped by year and month; an article
gets its related stories. Everything here is computed from the site model, once per build and
per term or article (``Connections`` remembers), so templates only lay it out.

Weights follow information retrieval: a name shared by many stories says little (the United
States on a 1987 wire), a rare one says much, so co-occurrence is weighed by pointwise mutual
information and shared names by inverse document frequency. Related stories are chosen among
older stories only and weighed with document frequencies *as of the story's date*, so an old
page never changes as newer stories arrive (Hugo's ``includeNewer = false``, made exact).
"""

from __future__ import annotations

import bisect
import calendar
import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import urls

if TYPE_CHECKING:
    import datetime as dt

    from .article import Article
    from .site import Site, Term

ENTITY_KINDS = ("people", "places", "organizations")  # what "often with" lists
OFTEN_WITH = 6  # names per kind
TIMELINE_MIN_MONTHS = 2  # an archive of one month gets no timeline...
TIMELINE_MIN_STORIES = 3  # ...nor does a hub of one or two stories: its list says it all
TIMELINE_MIN_SPAN = 12  # months on the axis at least, where the archive has them
MAX_MONTH_BARS = 120  # a longer span is drawn a bar a year: a month would be a sliver
TICK_WIDTH = 40  # SVG units a year label needs, so labels never overlap
KEY_STORIES = 5
KEY_STORIES_MIN = 8  # a smaller hub is read whole: no "key stories" above its list
BUSY_HUB = 12  # from this many stories a hub's list is grouped by month as well as year
# Hubs each process remembers (Connections.hub): a term's pages are rendered one after another.
HUBS_REMEMBERED = 64
RELATED = 5
# A story is related when it shares a person or organization and enough weight, as a share of
# what a name on one story in the archive (so far) would weigh: at 3,000 stories, one name on
# under 0.5% of them or two on under 5%. Sharing only places and tags it needs twice that: a
# city and a beat are on many stories that have nothing else in common.
RELATED_MIN_SHARE = 0.7
RELATED_MIN_SHARE_PLACES_TAGS = 1.4
TAG_WEIGHT = 0.5  # tags are beats ("earnings"), broader than any one name
RELATED_SOURCE_TERMS = 6  # candidates come from an article's rarest names...
RELATED_PER_TERM = 12  # ...and the nearest older stories of each
SAME_PERIOD_DAYS = 30  # a story this many days older keeps half its same-period bonus
SAME_PERIOD_BONUS = 0.5


# slots on the records kept for a whole build (a hub per term, related stories per article):
# no __dict__ each, ~100 bytes apiece, 10^6 of them at 10^5 articles.
@dataclass(frozen=True, slots=True)
class Bar:
    year: int
    month: int  # 0: the bar is the whole year (a span too long for a bar a month)
    count: int
    x: float
    y: float
    width: float
    height: float
    path: str  # site-relative link: the hub page (and anchor) listing this month's stories

    @property
    def label(self) -> str:
        stories = "story" if self.count == 1 else "stories"
        when = f"{calendar.month_name[self.month]} {self.year}" if self.month else str(self.year)
        return f"{when}: {self.count} {stories}"


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: list[Bar]  # one per month of the hub's span, empty months included
    width: int
    height: int
    ticks: list[tuple[float, str]]  # (x, label) under the bars
    baseline: float
    peak: int  # the busiest bar's count, the top of the scale
    unit: str = "month"  # what a bar counts: "month", or "year" over a long span


@dataclass(frozen=True, slots=True)
class Related:
    """One of an article's related stories, kept for the build: no score (it only orders them),
    and ``shared`` one tuple for every related story naming the same few names."""

    article: Article
    shared: tuple[str, ...]  # the rarest names both stories carry, to say why it is related


@dataclass(frozen=True, slots=True)
class Hub:
    first: dt.date
    last: dt.date
    peak_month: tuple[str, str, int] | None  # the most-covered month: (name, link path, count)
    timeline: Timeline | None
    key: list[Article]  # the stories the term is most central to, for page 1
    by_month: bool  # whether its list is grouped by month as well as year
    anchors: dict[tuple[int, int], str]  # (year, month) -> site-relative path#anchor


@dataclass(frozen=True, slots=True)
class Group:
    """Consecutive stories of one month in a list, under a year heading when it is the first."""

    year: int
    month: int
    anchor: str
    articles: list[Article]
    new_year: bool

    @property
    def name(self) -> str:
        return calendar.month_name[self.month]


def month_anchor(year: int, month: int) -> str:
    return f"m-{year}-{month:02d}"


def groups(articles: list[Article]) -> list[Group]:
    """A page of a hub's list (newest first) as runs of one month, each marked when it opens
    a year (the page's first run always does, so every page starts under a year heading)."""
    out: list[Group] = []
    for article in articles:
        key = (article.date.year, article.date.month)
        if out and (out[-1].year, out[-1].month) == key:
            out[-1].articles.append(article)
        else:
            out.append(Group(*key, month_anchor(*key), [article], not out or out[-1].year != key[0]))
    return out


class Connections:
    """The archive's cross-links, computed on demand and remembered for the build."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._hubs: dict[tuple[str, str], Hub] = {}
        self._often: dict[tuple[str, str], dict[str, list[Term]]] = {}
        # Per article, its related stories as one flat tuple (story, shared names, story, ...):
        # kept for the build and inherited by every render worker, a list of Related records
        # was ~0.3 KB an article; the records are made again when asked for.
        self._related: dict[str, tuple[Article | tuple[str, ...], ...]] = {}
        self._shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each Related.shared
        self._index: dict[str, int] | None = None
        self._names: dict[str, list[Term]] = {}
        self._entities: dict[str, list[Term]] = {}

    def forget_article_names(self) -> None:
        """Drop the per-article lists of terms, kept only to work out related stories and
        "often with" quickly (~450 B an article): once every page's reads are taken, they
        would only be inherited by every render worker. Asked for again, they are remade."""
        self._names.clear()
        self._entities.clear()

    # -- articles and their names ---------------------------------------------------------

    def names(self, article: Article, kinds: tuple[str, ...] | None = None) -> list[Term]:
        """Every term an article carries (with a page or not), each once; of ``kinds`` only."""
        found = self._names.get(article.id)
        if found is None:
            from .site import KINDS

            found = []
            for kind in KINDS:
                for raw in getattr(article, KINDS[kind][0]):
                    term = self.site.term_of.get((kind, raw))
                    # By identity: a Term's == compares its article lists.
                    if term is not None and all(t is not term for t in found):
                        found.append(term)
            self._names[article.id] = found
        return found if kinds is None else [t for t in found if t.kind in kinds]

    def _linked_entities(self, article: Article) -> list[Term]:
        """The people, places and organizations of an article that have pages."""
        found = self._entities.get(article.id)
        if found is None:
            found = self._entities[article.id] = [t for t in self.names(article, ENTITY_KINDS)
                                                  if self._has_page(t)]
        return found

    def _has_page(self, term: Term) -> bool:
        return self.site.terms[term.kind].get(term.slug) is term

    def _position(self, term: Term, article: Article) -> int:
        """Where an article stands in a term's (newest first) list: a term's list keeps the
        archive's order, so a binary search on archive positions finds it, where a map per
        term would hold an entry per (term, article) pair, ~10 per article."""
        return bisect.bisect_left(term.articles, self._archive_position(article),
                                  key=self._archive_position)

    def _archive_position(self, article: Article) -> int:
        if self._index is None:
            self._index = {a.id: i for i, a in enumerate(self.site.articles)}
        return self._index[article.id]

    # -- hubs -----------------------------------------------------------------------------

    def hub(self, term: Term) -> Hub:
        """The term's hub, remembered while it is among the last ``HUBS_REMEMBERED`` asked for:
        a term's pages come one after another (render.pages), each asks for it, and kept for
        every term a render worker meets (a timeline and anchors for each month it spans) they
        were most of what the worker grew by, ~1 KB an article in each worker."""
        key = (term.kind, term.slug)
        found = self._hubs.pop(key, None)  # popped and put back: the dict's order is recency
        if found is None:
            found = self._make_hub(term)
            if len(self._hubs) >= HUBS_REMEMBERED:
                del self._hubs[next(iter(self._hubs))]
        self._hubs[key] = found
        return found

    def _make_hub(self, term: Term) -> Hub:
        per_page = self.site.settings.per_page
        counts = Counter((a.date.year, a.date.month) for a in term.articles)
        anchors: dict[tuple[int, int], str] = {}
        for index, article in enumerate(term.articles):  # newest first: a month's first page
            ym = (article.date.year, article.date.month)
            if ym not in anchors:
                page = urls.paginated(term.url_path, index // per_page + 1)
                anchors[ym] = f"{page}#{month_anchor(*ym)}"
        peak = max(counts.items(), key=lambda kv: (kv[1], kv[0])) if counts else None
        months = self._span(min(counts), max(counts)) if counts else []
        drawn = len(months) >= TIMELINE_MIN_MONTHS and len(term.articles) >= TIMELINE_MIN_STORIES
        timeline = _timeline(months, counts, anchors) if drawn else None
        key = _key_stories(term) if len(term.articles) >= KEY_STORIES_MIN else []
        return Hub(first=term.articles[-1].date, last=term.articles[0].date,
                   peak_month=(f"{calendar.month_name[peak[0][1]]} {peak[0][0]}", anchors[peak[0]], peak[1])
                   if peak else None, timeline=timeline, key=key,
                   by_month=len(term.articles) >= BUSY_HUB or timeline is not None, anchors=anchors)

    def archive_span(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        months = self.site.months
        return ((months[-1].year, months[-1].month), (months[0].year, months[0].month)) if months else None

    def _span(self, first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
        """The months from a hub's first to its last, widened to a year where the archive
        reaches, earlier months first, so two busy months are not drawn as two slabs."""
        months = _month_span(first, last)
        start, end = self.archive_span() or (first, last)
        while len(months) < TIMELINE_MIN_SPAN and months[0] > start:
            months.insert(0, _month_before(months[0]))
        while len(months) < TIMELINE_MIN_SPAN and months[-1] < end:
            months.append(_month_span(months[-1], (months[-1][0] + 1, 12))[1])
        return months

    def often_with(self, term: Term) -> dict[str, list[Term]]:
        """Per kind, the names that appear with ``term`` more than their frequency predicts:
        co-occurrences times pointwise mutual information, so a name on every other story
        ranks below one that turns up with this term and rarely elsewhere."""
        key = (term.kind, term.slug)
        if key in self._often:
            return self._often[key]
        total = len(self.site.articles)
        together: Counter[int] = Counter()
        found: dict[int, Term] = {}
        for article in term.articles:
            for other in self._linked_entities(article):
                together[id(other)] += 1
                found[id(other)] = other
        together.pop(id(term), None)
        least = 2 if len(term.articles) >= 3 else 1  # one shared story is chance on a big hub
        scored: dict[str, list[tuple[float, str, Term]]] = {kind: [] for kind in ENTITY_KINDS}
        for ref, count in together.items():
            other = found[ref]
            pmi = math.log(count * total / (len(term.articles) * len(other.articles)))
            if count >= least and pmi > 0:
                scored[other.kind].append((count * pmi, other.name, other))
        out = {kind: [t for _, _, t in sorted(items, key=lambda s: (-s[0], s[1]))[:OFTEN_WITH]]
               for kind, items in scored.items() if items}
        self._often[key] = out
        return out

    # -- related stories --------------------------------------------------------------------

    def related(self, article: Article) -> list[Related]:
        """Up to five older stories sharing the most telling names, nearer in time first among
        equals; none newer than ``article`` and every weight taken as of its date, so adding
        newer stories never changes the list."""
        kept = self._related.get(article.id)
        if kept is None:
            kept = self._related[article.id] = self._related_stories(article)
        return [Related(kept[i], kept[i + 1]) for i in range(0, len(kept), 2)]  # type: ignore[arg-type]

    def _related_stories(self, article: Article) -> tuple[Article | tuple[str, ...], ...]:
        """``related``'s stories and shared names, flat: (story, names, story, names, ...)."""
        seen_before = len(self.site.articles) - self._archive_position(article)  # it and older
        weights: dict[int, tuple[float, Term]] = {}
        sources: list[tuple[int, Term, int]] = []
        for term in self.names(article):
            at = self._position(term, article)
            carried_before = len(term.articles) - at  # stories with this name, up to this one
            if carried_before < 2:
                continue  # no older story shares it
            weight = math.log(seen_before / carried_before) * (TAG_WEIGHT if term.kind == "tags" else 1)
            weights[id(term)] = (weight, term)
            sources.append((carried_before, term, at))
        candidates: dict[str, Article] = {}
        for _, term, at in sorted(sources, key=lambda s: (s[0], s[1].kind, s[1].slug))[:RELATED_SOURCE_TERMS]:
            for older in term.articles[at + 1: at + 1 + RELATED_PER_TERM]:
                candidates[older.id] = older
        telling_ids = {k for k, (_, t) in weights.items() if t.kind in ("people", "organizations")}
        bar = math.log(seen_before)
        scored = []
        for other in candidates.values():
            # In the other story's order of names: a set of ids per story, kept for the build,
            # would be ~1 KB a story, and its order (of memory addresses) differs run to run.
            shared = [key for key in map(id, self.names(other)) if key in weights]
            score = sum(weights[k][0] for k in shared)
            days = (article.date - other.date).days
            score *= 1 + SAME_PERIOD_BONUS * 0.5 ** (days / SAME_PERIOD_DAYS)
            least = RELATED_MIN_SHARE if not telling_ids.isdisjoint(shared) else RELATED_MIN_SHARE_PLACES_TAGS
            if score >= least * bar:
                best = sorted((weights[k] for k in shared), key=lambda s: (-s[0], s[1].name))[:3]
                scored.append((round(score, 6), other, tuple(t.name for _, t in best)))
        scored.sort(key=lambda r: (-r[0], -r[1].date.toordinal(), r[1].id))
        return tuple(part for _, other, names in scored[:RELATED]
                     for part in (other, self._shared.setdefault(names, names)))


def _month_before(month: tuple[int, int]) -> tuple[int, int]:
    return (month[0] - 1, 12) if month[1] == 1 else (month[0], month[1] - 1)


def _month_span(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    year, month = first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_AXIS = 720, 132, 22


def _timeline(months: list[tuple[int, int]], counts: Counter, anchors: dict[tuple[int, int], str]
              ) -> Timeline:
    """Bars for every month of the span (every year, when months would be slivers), scaled to
    the busiest; geometry in SVG user units."""
    slots: list[tuple[int, int, int, str]] = []  # (year, month or 0, count, link)
    if len(months) <= MAX_MONTH_BARS:
        slots = [(y, m, counts.get((y, m), 0), anchors.get((y, m), "")) for y, m in months]
    else:
        for year in range(months[0][0], months[-1][0] + 1):
            held = [ym for ym in counts if ym[0] == year]
            # The year's heading opens on the page of its newest month (lists run newest first).
            link = anchors[max(held)].split("#")[0] + f"#y-{year}" if held else ""
            slots.append((year, 0, sum(counts[ym] for ym in held), link))
    peak = max(s[2] for s in slots)
    plot = TIMELINE_HEIGHT - TIMELINE_AXIS
    step = TIMELINE_WIDTH / len(slots)
    gap = min(step * 0.2, 4.0)
    bars, ticks = [], []
    every = max(1, math.ceil(len({y for y, *_ in slots}) * TICK_WIDTH / TIMELINE_WIDTH))
    for i, (year, month, count, link) in enumerate(slots):
        # An empty slot keeps its place; a slot with one story still shows a visible bar.
        height = 0.0 if not count else max(3.0, plot * count / peak)
        x = i * step + gap / 2
        bars.append(Bar(year, month, count, round(x, 2), round(plot - height, 2),
                        round(step - gap, 2), round(height, 2), link))
        # Labels sit under their bar's middle, kept inside the drawing.
        middle = round(min(max(x + (step - gap) / 2, TICK_WIDTH / 2), TIMELINE_WIDTH - TICK_WIDTH / 2), 2)
        if len(slots) <= 18 and month:
            ticks.append((middle, calendar.month_abbr[month] + (f" {year}" if month == 1 or i == 0 else "")))
        elif (month in (0, 1) or i == 0) and (year - slots[0][0]) % every == 0:
            ticks.append((middle, str(year)))
    return Timeline(bars, TIMELINE_WIDTH, TIMELINE_HEIGHT, ticks, float(plot), peak,
                    "month" if slots[0][1] else "year")


def _key_stories(term: Term) -> list[Article]:
    """The stories a term is most central to: named in the dateline, the headline, the first
    paragraph, and often; newer first among equals."""
    name = term.name.casefold()
    short = name.split()[-1] if term.kind == "people" and " " in name else name

    def centrality(article: Article) -> float:
        body = article.body.casefold()
        lead = body.split("\n\n", 1)[0]
        score = 0.0
        if term.kind == "places" and article.dateline.casefold().startswith(name):
            score += 3
        if short in article.title.casefold():
            score += 3
        if short in lead:
            score += 2
        return score + min(body.count(short), 6) * 0.5

    ranked = sorted(term.articles, key=lambda a: (-centrality(a), -a.date.toordinal(), a.id))
    return ranked[:KEY_STORIES]
