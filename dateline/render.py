"""Stage 2b: the site model -> HTML, feeds and sitemaps in a staging folder.

``pages(site)`` lists every page as (path, template, context); ``render(site, folder)`` writes
them, only where the bytes changed, using every core (the model is shared by fork).

Incremental builds: every page gets a fingerprint of all it is made from (its context, the
parts of the site model its template reads, the templates, the code and settings). A page whose
fingerprint matches the last build's, and whose file is still there, is not rendered again;
it still counts among the files the build produced, so stale-file removal stays exact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import math
import os
import traceback
from array import array
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from . import assets, cluster, pagekinds, pagereads, progress, search, structured, urls
from .article import Article
from .config import ConfigError, Settings
from .markup import markdown_to_html
from .output import remove_leftover_temps, write_if_changed, write_new
from .safety import files_below
from .site import KINDS, Month, Site, Term

SITEMAP_LIMIT = 50_000  # URLs per sitemap file, the protocol's limit
PACKAGE = Path(__file__).parent
SHIPPED_TEMPLATES = assets.shipped("templates")  # the templates TEMPLATE_READS describes
# Code whose behaviour shows in rendered bytes: a change to any of it re-renders every page.
RENDER_SOURCES = ("render.py", "site.py", "article.py", "structured.py", "urls.py", "markup.py",
                  "search.py", "hubs.py", "pagekinds.py", "agate.py")
# Below this many pages per worker, forking costs more than it saves.
PAGES_PER_WORKER = 500
# At most this many pages to render are kept from the plan for the render (Plan.few): an
# edit's few dozen, never a cold build's every page (~1.6 KB each).
KEPT_PAGES = 2000
TEMPLATE_CACHE = "templates"  # compiled templates, in the cache folder


@dataclass(frozen=True, slots=True)  # ~3 per article, all listed at once: no __dict__ each
class Page:
    path: str  # site-relative: 'people/bashar-assad/' or 'feed.xml'
    template: str
    context: dict


@dataclass
class RenderResult:
    files: set[str]  # every file this build produced, relative to the output folder
    changed: set[str]  # those whose bytes differ from what was there
    fingerprints: Mapping[str, str] = field(default_factory=dict)  # file -> inputs' digest
    rendered: int = 0  # pages whose template actually ran


@dataclass
class Plan:
    """What a build will produce and which of it must be rendered again. No list of pages: a
    page is made from the model when it is fingerprinted and again when it is rendered (the
    list of every page was ~1.6 KB an article in the build's largest process)."""

    fingerprints: Fingerprints  # output file -> digest of the page's inputs
    todo: array[int]  # positions in pages(site) of those whose inputs changed or file is missing
    static: dict[str, Path]  # output file -> source file
    refused: list[Path] = field(default_factory=list)  # links in static/ to outside the project
    # The pages at ``todo`` themselves, when they are few (an edit's): rendering them then
    # needs no second walk through pages(site) up to the last of them (~0.15 CPU-s at 12.8k).
    # None: too many to keep (a cold build's), each is made again from the model.
    few: list[Page] | None = None


def plan(site: Site, folder: Path, templates: Path, static: Path,
         known: Mapping[str, str] | None = None, reads_cache: Path | None = None) -> Plan:
    """Every page with its fingerprint; ``known`` holds the fingerprints of what ``folder`` has;
    ``reads_cache`` is where pages' reads of the model are remembered (pagereads)."""
    known = known or {}
    there = str(folder)  # os.path, not pathlib: 10^5 pages
    start = _remembering(site, templates, reads_cache)
    quick = _quick_plan(site, start, known, there)
    if quick is not None:
        prints, todo, few = quick
    else:
        prints, todo, few = _full_plan(site, start, known, there)
    site.links.forget_article_names()  # every page's reads are taken: what they needed is kept
    found, refused = files_below(static, Path(site.settings.root))
    sources = {f"static/{rel}": static / rel for rel in found}
    return Plan(prints, todo, sources, [static / rel for rel in refused], few)


def _full_plan(site: Site, start: _Start, known: Mapping[str, str], there: str
               ) -> tuple[Fingerprints, array[int], list[Page] | None]:
    """Every page made, its fingerprint taken and compared with ``known``'s."""
    prints = Fingerprints()
    todo = array("I")
    few: list[Page] | None = []
    for position, (page, rel, digest) in enumerate(fingerprints(site, pages(site), start.templates,
                                                                start.reads_cache, start)):
        prints.add(rel, digest)
        if known.get(rel) != digest or not os.path.isfile(os.path.join(there, rel)):
            todo.append(position)
            if few is not None and len(few) < KEPT_PAGES:
                few.append(page)
            else:
                few = None
    return prints, todo, few


def _quick_plan(site: Site, start: _Start, known: Mapping[str, str], there: str
                ) -> tuple[Fingerprints, array[int], list[Page] | None] | None:
    """The plan of a build whose pages are the last build's, made without digesting each page
    again, or None where that cannot be told (the full plan is made).

    Under one links digest (every story's fields but the body, the settings, templates and
    code) the pages are the same ones in the same order, each reads what it read, and holds the
    same stories whole; a page holding none of the stories changed since has the fingerprint it
    had (remembered with the reads). So only the pages holding a changed story are digested:
    the page list is still made, to check it is the remembered one, and every file is still
    looked for. The per-page digests and look-ups were ~0.25 CPU-s of an edit at 12.8k."""
    last = start.known
    if not last.files or not last.whole() or start.reads_of_pages() is None:
        return None
    stale = start.stale
    rels: list[str] = []
    kept: dict[int, Page] = {}
    for position, page in enumerate(pages(site)):
        rel = urls.output_file(page.path)
        rels.append(rel)
        if rel in stale:
            kept[position] = page
    if rels != last.files:
        return None
    contexts, printed = bytearray(last.contexts), bytearray(last.prints)
    digest = start.digest()
    for position, page in kept.items():
        context, held = digest.held(page.context)
        if held != tuple(last.held_by(position)):  # never under one links digest; if so, be sure
            return None
        extra = last.reads_of(position)
        if extra is None:
            return None
        at = slice(position * pagereads.DIGEST, (position + 1) * pagereads.DIGEST)
        contexts[at] = context
        printed[at] = _fingerprint(start.common, page, context, extra)
    found = dataclasses.replace(last, contexts=contexts, prints=printed, models=digest.saved,
                                story_ids=start.found.story_ids,
                                story_digests=start.found.story_digests, _index=None)
    if found != last:
        pagereads.save(start.reads_cache, start.links, found)
    prints = Fingerprints.packed(rels, printed)
    todo = array("I", _differing(prints, known, there))
    few = [kept[p] for p in todo] if all(p in kept for p in todo) and len(todo) <= KEPT_PAGES else None
    return prints, todo, few


def _differing(prints: Fingerprints, known: Mapping[str, str], there: str) -> Iterator[int]:
    """Positions of the pages whose fingerprint is not ``known``'s or whose file is missing."""
    if isinstance(known, Fingerprints) and known.files == prints.files:
        ours, theirs = prints.digests, known.digests
        same = ours == theirs
        for position, rel in enumerate(prints.files):
            at = position * pagereads.DIGEST
            if (not same and ours[at: at + pagereads.DIGEST] != theirs[at: at + pagereads.DIGEST]) \
                    or not os.path.isfile(os.path.join(there, rel)):
                yield position
        return
    for position, (rel, digest) in enumerate(prints.pairs()):
        if known.get(rel) != digest or not os.path.isfile(os.path.join(there, rel)):
            yield position


class Fingerprints(Mapping[str, str]):
    """Output file -> the hex digest of its page's inputs, in the plan's order: the files in a
    list and their digests' 16 bytes side by side in one bytearray. A dict of hex strings was
    ~120 B a page, held from the plan to the build's end and inherited by every render worker.
    Nothing in a build looks a file up (it walks them all); a look-up indexes them once."""

    def __init__(self) -> None:
        self._files: list[str] = []
        self._digests = bytearray()
        self._index: dict[str, int] | None = None

    @classmethod
    def packed(cls, files: list[str], digests: bytearray) -> Fingerprints:
        """The fingerprints of ``files``, 16 bytes each side by side in ``digests``."""
        made = cls()
        made._files, made._digests = files, digests
        return made

    @property
    def files(self) -> list[str]:
        return self._files

    @property
    def digests(self) -> bytearray:
        return self._digests

    def add(self, rel: str, digest: str) -> None:
        # No check for a file met twice (which no two pages are: their URLs are unique): a
        # look-up, and the state file read back as JSON, take the last, as a dict would.
        self._files.append(rel)
        self._digests += bytes.fromhex(digest)

    def __getitem__(self, rel: str) -> str:
        if self._index is None:
            self._index = {f: i for i, f in enumerate(self._files)}  # the last of a file met twice
        at = self._index[rel] * 16
        return self._digests[at: at + 16].hex()

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def items(self) -> ItemsView[str, str]:
        return _InOrder(self)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """(file, hex digest) in the plan's order, without an index."""
        digests = self._digests
        return ((rel, digests[i * 16: i * 16 + 16].hex()) for i, rel in enumerate(self._files))


class _InOrder(ItemsView[str, str]):
    """A Fingerprints' items, walked without looking each file up."""

    _mapping: Fingerprints

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return self._mapping.pairs()


def pages_at(site: Site, positions: Sequence[int]) -> Iterator[Page]:
    """The pages at these (ascending) positions of pages(site): how a render share gets its
    pages, made from the model it already has rather than handed a list of them."""
    wanted = iter(positions)
    target = next(wanted, None)
    if target is None:
        return
    for position, page in enumerate(pages(site)):
        if position == target:
            yield page
            target = next(wanted, None)
            if target is None:
                return


def static_unchanged(work: Plan, folder: Path) -> bool:
    return all(_same_bytes(folder / rel, source) for rel, source in work.static.items())


def _same_bytes(target: Path, source: Path) -> bool:
    try:
        return target.read_bytes() == source.read_bytes()
    except OSError:
        return False


def render(site: Site, folder: Path, templates: Path, static: Path,
           known: dict[str, str] | None = None, work: Plan | None = None, empty: bool = False
           ) -> RenderResult:
    """Write the site into ``folder``, rendering only pages whose inputs changed since ``known``
    (fingerprints of the files already in ``folder``; None renders every page). ``empty``: the
    folder holds nothing yet (a cold build), so pages are written without comparing."""
    work = work or plan(site, folder, templates, static, known)
    changed = set()
    for share in _render_in_parallel(site, work.todo, folder, templates, empty, work.few):
        changed.update(share)
    # Made after the render, not before: the workers would each inherit a set of every file
    # (~70 B a page). The plan's fingerprints, not a copy: neither changes after.
    result = RenderResult(set(work.fingerprints), changed, work.fingerprints, len(work.todo))
    for rel, source in work.static.items():
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


def _render_in_parallel(site: Site, todo: array[int], folder: Path, templates: Path,
                        empty: bool = False, few: list[Page] | None = None) -> Iterator[list[str]]:
    """Files whose bytes changed, per worker's share of ``todo`` (positions in pages(site));
    ``few``: the pages at ``todo``, if the plan kept them."""
    if not todo:
        return
    _JOB.update(site=site, todo=todo, folder=folder, templates=templates, empty=empty, few=few)
    workers = min(site.settings.worker_count, max(1, len(todo) // PAGES_PER_WORKER))
    workers = cluster.share_count(site.settings, len(todo)) or workers
    try:
        if workers <= 1:
            yield _render_share((0, 1))
            return
        with cluster.pool(site.settings, workers, inherit=("_JOB",)) as pool:
            yield from pool.imap_unordered(_render_share, [(i, workers) for i in range(workers)])
            if cluster.lost_work(pool):  # a rerun share cannot tell which pages its lost run changed
                remove_leftover_temps(folder)
                yield [urls.output_file(page.path) for page in _todo_pages(0, 1)]
    finally:
        _JOB.clear()


def _render_share(share: tuple[int, int]) -> list[str]:
    index, count = share
    env = environment(_JOB["site"], _JOB["templates"])
    changed = []
    for page in _todo_pages(index, count):
        rel = urls.output_file(page.path)
        try:
            data = env.get_template(page.template).render(page=page, **page.context)
        except Exception as err:  # any mistake in a template: named, never a traceback
            raise TemplateError(template_problem(err, page.template, _JOB["templates"])) from None
        target = _JOB["folder"] / rel
        if _JOB["empty"]:  # nothing there to compare with: every page is a new file
            write_new(target, data.encode("utf-8"))
            changed.append(rel)
        elif write_if_changed(target, data.encode("utf-8")):
            changed.append(rel)
        progress.advance()
    return changed


def _todo_pages(index: int, count: int) -> Iterable[Page]:
    """Share ``index`` of ``count`` of the job's pages to render."""
    few = _JOB["few"]
    return few[index::count] if few is not None else pages_at(_JOB["site"], _JOB["todo"][index::count])


class TemplateError(RuntimeError):
    """A template that cannot render; the message names the template, line and problem.
    (One plain string, so it crosses back from a worker process intact.)"""


def check_templates(site: Site, templates: Path) -> None:
    """Compile every template the site's pages use before anything is written: a syntax error
    or a missing template stops the build with its name, line and problem."""
    if not templates.is_dir():  # a setting that is wrong, not a template
        raise ConfigError(f"templates folder {templates} does not exist ([paths] templates)")
    env = environment(site, templates)
    # The pages' own templates, and every other one they may extend or include.
    names = sorted(set(TEMPLATE_READS) | set(env.list_templates(
        filter_func=lambda n: not any(part.startswith(".") for part in n.split("/")))))
    for name in names:
        try:
            env.get_template(name)
        except Exception as err:  # a missing or unparsable template
            raise TemplateError(template_problem(err, name, templates)) from None


def template_problem(err: Exception, page_template: str, templates: Path) -> str:
    """'templates/article.html: line 12: 'foo' is undefined (rendering 2016/12/x/)'."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        name, line, problem = err.filename or err.name or page_template, err.lineno, err.message
    elif isinstance(err, jinja2.TemplateNotFound):
        name, line, problem = page_template, None, f"template {err.name!r} not found in {templates}"
    else:  # raised while rendering: the innermost frame that is a template gives the line
        frames = [f for f in traceback.extract_tb(err.__traceback__)
                  if Path(f.filename).is_relative_to(templates)]
        name = frames[-1].filename if frames else page_template
        line = frames[-1].lineno if frames else None
        problem = str(err) if isinstance(err, jinja2.TemplateError) else f"{type(err).__name__}: {err}"
    shown = Path(name)
    shown_name = shown.relative_to(templates).as_posix() if shown.is_absolute() and \
        shown.is_relative_to(templates) else str(name)
    where = f"{templates.name}/{shown_name}" + (f": line {line}" if line else "")
    return f"{where}: {problem}"


@dataclass
class _Start:
    """What every page's fingerprint starts from: the site-wide inputs, the links digest, what
    the last build remembered under it, and the stories changed since (pagereads)."""

    templates: Path
    reads_cache: Path | None
    common: bytes
    links: bytes
    known: pagereads.Remembered
    found: pagereads.Remembered  # this build's, with its stories' digests
    stale: set[str]  # output files whose remembered context may no longer hold
    changed: set[str]  # ids of the stories changed since

    def digest(self) -> _Digest:
        return _Digest(self.known.still_held(self.changed))

    def reads_of_pages(self) -> Callable[[str], list[Reads] | None] | None:
        """Template -> its reads, or None if a page template may read the whole model."""
        reads_of = page_reads(self.templates)
        return None if any(reads_of(t) is None for t in page_templates()) else reads_of


def _remembering(site: Site, templates: Path, reads_cache: Path | None) -> _Start:
    common = _site_wide_inputs(site, templates)
    links = pagereads.links_digest(site, common)
    known = pagereads.load(reads_cache, links)
    stories = pagereads.story_digests(site)
    found = pagereads.Remembered(story_ids=list(stories.ids), story_digests=bytearray(stories.unread))
    changed = known.changed(found)
    return _Start(templates, reads_cache, common, links, known, found, known.stale(changed), changed)


def _fingerprint(common: bytes, page: Page, context: bytes, extra: bytes) -> bytes:
    parts = [common, page.path.encode(), page.template.encode(), context, extra]
    return hashlib.blake2b(b"\0".join(parts), digest_size=16).digest()


def fingerprints(site: Site, all_pages: Iterable[Page], templates: Path,
                 reads_cache: Path | None = None, start: _Start | None = None
                 ) -> Iterator[tuple[Page, str, str]]:
    """(page, output file, digest of everything its bytes are made from) per page, in order. A
    page's context and reads are digested again only where what they follow from changed since
    the last build (pagereads): a story's correction digests the few contexts holding it whole.
    What was found is remembered once the last page is fingerprinted."""
    start = start or _remembering(site, templates, reads_cache)
    common, links, known, stale = start.common, start.links, start.known, start.stale
    found = start.found
    digest = start.digest()
    found.models = digest.saved
    whole = b""  # the digest of the whole model, taken once if a template needs it
    reads_of = page_reads(templates)
    for page in all_pages:
        rel = urls.output_file(page.path)
        reads = reads_of(page.template)
        at = known.position(rel)
        if reads is None:
            whole = whole or digest.of([site.articles, site.terms, site.months])
            extra, own_reads = whole, None
        else:
            extra = own_reads = (known.reads_of(at) if at is not None else None) or hashlib.blake2b(
                repr([read(site, page) for read in reads]).encode(), digest_size=16).digest()
        if at is not None and rel not in stale:
            context, held = known.context_of(at), tuple(known.held_by(at))
        else:
            context, held = digest.held(page.context)
        found.add(rel, own_reads, context, held)
        printed = _fingerprint(common, page, context, extra)
        found.printed(printed)
        yield page, rel, printed.hex()
    if found != known:
        pagereads.save(reads_cache, links, found)


def _site_wide_inputs(site: Site, templates: Path) -> bytes:
    """What every page may show: settings, the templates, the rendering code, search bundles."""
    hasher = hashlib.blake2b(digest_size=16)
    # Not the settings no page shows: a new worker count must not re-render the site.
    hasher.update(repr(dataclasses.replace(site.settings, workers=0, size_warning_mb=0)).encode())
    hasher.update(repr((search.bundle_paths(site), search.edits_manifest(site))).encode())
    for file in sorted(templates.rglob("*")):
        if file.is_file():
            hasher.update(file.relative_to(templates).as_posix().encode() + b"\0" + file.read_bytes())
    for name in RENDER_SOURCES:
        hasher.update((PACKAGE / name).read_bytes())
    hasher.update(f"{jinja2.__version__} {_markdown_version()}".encode())
    return hasher.digest()


def _markdown_version() -> str:
    import markdown

    return markdown.__version__


# What each template file reads from the site model beyond its page's context, as plain values
# (their repr is the digest); never an article's body (pagereads keeps them across body edits).
# A page reads what its template and every template that one extends,
# includes or imports read. These describe the shipped templates: a template not listed, or one
# whose text differs from the shipped file of its name (a newsroom's own), is taken to read
# everything, so a new or edited template is correct before it is fast.
def _article_reads(site: Site, page: Page) -> object:
    article = page.context["article"]
    # The entity chips link terms that have a page; the JSON-LD names every term by its
    # archive-wide spelling, page or not.
    named = []
    for kind in KINDS:
        for name in getattr(article, KINDS[kind][0]):
            term = site.term_of.get((kind, name))
            named.append((kind, name, term and term.name, term and term.slug in site.terms[kind]
                          and term.url_path))
    neighbours = [(n.title, n.url_path) if n else None
                  for n in (site.older.get(article.id), site.newer.get(article.id))]
    return named, neighbours


def _masthead_reads(site: Site, page: Page) -> object:
    """base.html's edition line, on every HTML page: the years covered (no count, which would
    make every new story re-render every page)."""
    if not site.articles:
        return None
    return site.articles[-1].date.year, site.articles[0].date.year


def _home_reads(site: Site, page: Page) -> object:
    return list(site.years), _extent(site), [[(t.name, t.url_path, len(t.articles)) for t in
                                             site.top_terms(kind, HOME_TERMS)] for kind in KINDS]


def _extent(site: Site) -> object:
    """The article count and first and last dates, as the home and Dates pages give them."""
    ends = (site.articles[-1].date, site.articles[0].date) if site.articles else None
    return len(site.articles), ends


def _archive_reads(site: Site, page: Page) -> object:
    return _extent(site), [(m.url_path, m.name, len(m.articles)) for m in site.months]


def _nothing(site: Site, page: Page) -> object:
    return None


HOME_TERMS = 12  # terms per kind on the front page, as home.html asks site.top_terms for
Reads = Callable[[Site, Page], object]
TEMPLATE_READS: dict[str, Reads] = {
    "base.html": _masthead_reads, "macros.html": _nothing, "search-widget.html": _nothing,
    "article.html": _article_reads, "home.html": _home_reads, "archive.html": _archive_reads,
    "year.html": _nothing, "month.html": _nothing, "terms.html": _nothing, "term.html": _nothing,
    "feed.xml": _nothing, "sitemap.xml": _nothing, "sitemap-index.xml": _nothing,
    "search.html": _nothing, "404.html": _nothing, "robots.txt": _nothing,
}
TEMPLATE_READS.update(pagekinds.template_reads(TEMPLATE_READS))  # hubs, related, day pages...
# The templates pages(site) renders pages with (the others are extended, included, imported).
CORE_PAGE_TEMPLATES = ("home.html", "article.html", "archive.html", "year.html", "month.html",
                       "terms.html", "term.html", "search.html", "404.html", "feed.xml",
                       "sitemap.xml", "sitemap-index.xml", "robots.txt")


def page_templates() -> list[str]:
    return [*CORE_PAGE_TEMPLATES, *(kind.template for kind in pagekinds.PAGE_KINDS.values())]


def page_reads(templates: Path) -> Callable[[str], list[Reads] | None]:
    """Template name -> the reads of it and of all it uses, or None: it may read anything."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates))
    found: dict[str, list[Reads] | None] = {}

    def reads(name: str) -> list[Reads] | None:
        if name not in found:
            found[name] = None  # a template that uses itself (through another) reads nothing new
            found[name] = _closure_reads(env, templates, name, reads)
        return found[name]

    return reads


def _closure_reads(env: jinja2.Environment, templates: Path, name: str,
                   reads: Callable[[str], list[Reads] | None]) -> list[Reads] | None:
    own = TEMPLATE_READS.get(name)
    source = templates / name
    shipped = SHIPPED_TEMPLATES / name
    if own is None or not source.is_file() or not shipped.is_file() \
            or source.read_bytes() != shipped.read_bytes():
        return None
    out = [own]
    for used in jinja2.meta.find_referenced_templates(env.parse(source.read_text(encoding="utf-8"))):
        more = reads(used) if used is not None else None  # None: a name computed at render time
        if more is None:
            return None
        out += [r for r in more if r not in out]
    return out


class _Digest:
    """Stable bytes for context values; model objects are digested once and remembered, since a
    big term's article list is part of every one of its pages."""

    def __init__(self, saved: dict[tuple, bytes] | None = None) -> None:
        # By stable key (pagereads.Remembered.models): the last build's that still hold, and
        # this build's, to be remembered in turn.
        self.saved: dict[tuple, bytes] = {} if saved is None else saved
        self.memo: dict[int, bytes] = {}
        self.outlines: dict[int, bytes] = {}  # article id() -> digest of its fields but the body
        self.keep: list[object] = []  # memo keys are id()s: keep the objects alive
        self.holding: set[str] | None = None  # ids of the stories digested whole, while held()

    def held(self, value: object) -> tuple[bytes, tuple[str, ...]]:
        """The digest of ``value`` and the ids of the stories it holds whole (all fields, the
        body too); the rest of it follows from the model's outlines (pagereads)."""
        self.holding = set()
        try:
            # A digest, not the bytes of() gives (a term page's are ~50 stories' digests): every
            # page's is remembered for the build, and between builds (~0.8 KB an article).
            return hashlib.blake2b(self.of(value), digest_size=16).digest(), tuple(sorted(self.holding))
        finally:
            self.holding = None

    def of(self, value: object) -> bytes:
        if isinstance(value, str | int | float | bool | dt.date) or value is None:
            return repr(value).encode()
        if isinstance(value, list | tuple):
            return b"[" + b",".join(self.of(v) for v in value) + b"]"
        if isinstance(value, dict):
            return b"{" + b",".join(self.of(k) + b":" + self.of(v) for k, v in value.items()) + b"}"
        if isinstance(value, Article | Term | Month):
            return self._remembered(value)
        if dataclasses.is_dataclass(value):
            return self.of(_fields(value))
        raise TypeError(f"cannot fingerprint a {type(value).__name__}: add it to render._Digest")

    def _remembered(self, value: Article | Term | Month) -> bytes:
        if self.holding is not None and isinstance(value, Article):
            self.holding.add(value.id)
        found = self.memo.get(id(value))
        if found is None:
            key = _stable_key(value)
            found = self.saved.get(key)
            if found is None:
                # An article's fields are plain values whose repr is exact and fast to take; a
                # month's or a term's stories count without their bodies (_without_bodies).
                data = repr(_fields(value)).encode() if isinstance(value, Article) else \
                    self._without_bodies(value)
                found = self.saved[key] = hashlib.blake2b(data, digest_size=16).digest()
            self.memo[id(value)] = found
            self.keep.append(value)
        return found

    def _without_bodies(self, value: Term | Month) -> bytes:
        """A month or term as the shipped templates read it through the model (name, counts,
        calendar, roles, index letter): its stories' fields but their bodies. So a corrected
        story re-renders the pages listing it, not every page of its month, every day page
        beside it, every page of its terms and the terms' indexes. A page that shows a story's
        text or orders by it has the story itself in its context, body and all: its own page,
        its day's list (longest first), a term's first page (key stories, _term_pages)."""
        head = [type(value).__name__] + [getattr(value, f.name) for f in dataclasses.fields(value)
                                         if f.name != "articles"]
        return repr(head).encode() + b"".join(self._outline(a) for a in value.articles)

    def _outline(self, article: Article) -> bytes:
        found = self.outlines.get(id(article))
        if found is None:
            found = self.outlines[id(article)] = hashlib.blake2b(
                repr(pagereads.outlines([article])).encode(), digest_size=16).digest()
            self.keep.append(article)
        return found


def _stable_key(value: Article | Term | Month) -> tuple:
    """What names a model object from one build to the next (pagereads.Remembered.models)."""
    if isinstance(value, Article):
        return ("article", value.id)
    if isinstance(value, Term):
        return ("term", value.kind, value.slug, len(value.articles))
    return ("month", value.year, value.month, len(value.articles))


def _fields(value: Any) -> list:  # a dataclass instance
    return [type(value).__name__] + [getattr(value, f.name) for f in dataclasses.fields(value)]


class _Environment(jinja2.Environment):
    """Templates' globals as a plain dict, taken when each is loaded (every global is set before
    any template is). Jinja's default, a ChainMap over the environment's, is walked key by key
    each time a page starts (its context) and imports macros.html: ~7% of a term page."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def environment(site: Site, templates: Path) -> jinja2.Environment:
    settings = site.settings
    env = _Environment(
        loader=jinja2.FileSystemLoader(templates), bytecode_cache=_compiled_templates(settings),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
        auto_reload=False)  # one build: no template changes while it renders (no stat a page)
    months: dict[str, dict[int, int]] = {}  # computed once per month, not once per calendar cell

    def day_pages(month: Month) -> dict[int, int]:
        if month.url_path not in months:
            months[month.url_path] = urls.day_pages((a.date.day for a in month.articles), settings.per_page)
        return months[month.url_path]

    env.globals.update(
        site=site, settings=settings, kinds=KINDS,
        url=_remembered_urls(lambda path: urls.link(path, settings)),
        absolute_url=_remembered_urls(lambda path: urls.address(path, settings)),
        page_url=urls.paginated,
        day_url=lambda month, day: urls.link(
            f"{urls.paginated(month.url_path, day_pages(month)[day])}#day-{day}", settings),
        search_bundles=[urls.page_url(p, settings.base_path) for p in search.bundle_paths(site)],
        search_edits=search.edits_manifest(site) and urls.page_url(search.edits_manifest(site),
                                                                   settings.base_path),
        news_article_ld=lambda article: structured.news_article(article, site),
        term_ld=lambda term: structured.term_thing(term, site),
        breadcrumb_ld=lambda trail: structured.breadcrumb_list(trail, settings),
        date_trail=structured.date_trail, term_trail=structured.term_trail,
        search_filters=search.FILTERS, search_page_size=search.RESULTS_PER_PAGE,
        list_items=_remembered_items(), once=functools.cache(_rendered))
    env.filters.update(markdown=markdown_to_html, by_day=by_day, search_text=search.inert_text,
                       iso_datetime=lambda d: structured.iso_datetime(d, settings.timezone))
    return env


def _compiled_templates(settings: Settings) -> jinja2.BytecodeCache | None:
    """Where compiled templates are kept between builds (each process of a build compiled all
    of them, ~0.1 s a template, though they rarely change; Jinja checks each one's source
    before reusing it). None if the cache folder cannot be made: templates are compiled."""
    folder = settings.path("cache") / TEMPLATE_CACHE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


# URLs each render process remembers: the most recently linked, which are the often linked ones
# (a term is linked from each of its stories' pages). Every path remembered, each story's among
# them, was ~2.9 entries and ~0.9 KB an article in every render worker (12,673 articles).
URLS_REMEMBERED = 8192


def _remembered_urls(make: Callable[[str], str]) -> Callable[[str], str]:
    """``make`` with a recently linked path's URL quoted once: ~10^6 links in a build, most to
    the same few thousand paths."""
    return functools.lru_cache(maxsize=URLS_REMEMBERED)(make)


# Story items each render process remembers (a story's item is on every list page and feed that
# holds it, ~10 at 4,000 articles): ~0.5 KB each, so ~16 MB a worker at most.
ITEMS_REMEMBERED = 32768


def _remembered_items() -> Callable[..., Markup]:
    """``list_items(macro, articles, *variant)``: the macro's item for each story, joined, each
    rendered once per (macro, story, variant) while it stays among the recently rendered ones.
    The macro must come from a template imported without context (as ``{% from %}`` imports
    do), so what it renders follows from its arguments and the environment's globals alone."""
    rendered: dict[tuple, Markup] = {}

    def list_items(macro: Callable[..., Markup], articles: Iterable[Article], *variant: object
                   ) -> Markup:
        out = []
        for article in articles:
            key = (macro, article.id, variant)
            item = rendered.pop(key, None)  # popped and put back: the dict's order is recency
            if item is None:
                item = macro(article, *variant)
                if len(rendered) >= ITEMS_REMEMBERED:
                    del rendered[next(iter(rendered))]
            rendered[key] = item
            out.append(item)
        return Markup("".join(out))

    return list_items


def _rendered(macro: Callable[..., Markup], *args: object) -> Markup:
    """What ``once(macro, *args)`` renders once per render process and reuses: the parts of
    every page that are the same on all of them (the masthead: ~0.07 ms a page). Its macro
    comes from a template imported without context, so it depends on its arguments alone."""
    return macro(*args)


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
    for page_kind in pagekinds.PAGE_KINDS.values():
        for path, context in page_kind.pages(site):
            yield Page(path, page_kind.template, context)
    yield Page("search/", "search.html", {})
    yield Page("404.html", "404.html", {})
    yield Page("feed.xml", "feed.xml", {"title": settings.title, "path": "",
                                        "entries": site.articles[: settings.feed_entries]})
    yield from _sitemaps(site)
    yield Page("robots.txt", "robots.txt", {})


def _term_pages(term: Term, per_page: int, feed_entries: int) -> Iterator[Page]:
    for page in _paginate(term.url_path, "term.html", term.articles, per_page, {"term": term}):
        # Page 1 picks the term's key stories by their text (hubs), so every one of its stories
        # is in its context, body and all, for its fingerprint (the term is digested without).
        first = page.context["pager"]["number"] == 1
        yield Page(page.path, page.template, {**page.context, "texts": term.articles}) if first else page
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
    entries: list[tuple[str, dt.date | None]] = [("", None)]
    entries += [(a.url_path, a.modified) for a in site.articles]
    entries += [("archive/", None)] + [(f"{year}/", months[0].articles[0].date)
                                       for year, months in site.years.items()]
    entries += [(f"{kind}/", None) for kind in site.terms]
    entries += [(t.url_path, t.articles[0].date) for terms in site.terms.values()
                for t in terms.values()]
    entries += [(m.url_path, m.articles[0].date) for m in site.months]
    entries += [entry for kind in pagekinds.PAGE_KINDS.values() for entry in kind.sitemap(site)]
    if len(entries) <= SITEMAP_LIMIT:
        yield Page("sitemap.xml", "sitemap.xml", {"entries": entries})
        return
    parts = [entries[i: i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]
    names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    for name, part in zip(names, parts, strict=True):
        yield Page(name, "sitemap.xml", {"entries": part})
    yield Page("sitemap.xml", "sitemap-index.xml", {"parts": names})
