"""Stage 3: the rendered site -> Pagefind search bundles.

Pagefind's memory grows with every page it indexes at once (~75-280 KB a page), so a large
archive is indexed in shards, one per year by default, that the search page merges in the
browser (Pagefind's ``mergeIndex``). A shard is rebuilt only when one of its pages changed,
since Pagefind itself has no incremental mode; its time grows with its pages (~1 ms each).

A year with more articles than ``search.shard_max_pages`` is split by month, and such a month
by the first letter of the article slugs (contiguous letter ranges), so both Pagefind's memory
and the time to re-index after a one-article edit stay bounded. The split depends only on the
articles, so an incremental build shards exactly as a cold one.

Between the builds that index a shard, the article pages changed since (edited, added) are
indexed on their own, in one small *edits* shard, and their old versions in their own shards
are named in the edits shard's manifest (``edits.json``: each one's Pagefind page id and its
filters), which the search page drops from those shards' results and filter counts. A one-article
edit then indexes a handful of pages, not the ~2,500 of its shard. Once the edits shard would
hold more than ``search.edits_max_pages``, the shards they belong to are indexed again and the
edits shard emptied; a cold build starts with it empty.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
import pickle
import re
import shutil
import subprocess
import tempfile
import weakref
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable

from . import progress
from .children import die_with_parent
from .output import write_atomic
from .site import Month, Site

BUNDLE_ROOT = "pagefind"
EDITS = "edits"  # the edits shard's name: no year or month shard is named by a letter first
EDITS_FILE = "edits.json"  # in the edits bundle: its pages, and the old versions it hides
FRAGMENT_MARK = b"pagefind_dcd"  # what starts a decompressed Pagefind file
INITIALS = "0123456789abcdefghijklmnopqrstuvwxyz"  # what slugify starts a slug with
BODY_MARK = b"data-pagefind-body"  # on a page: index this part; and leave out unmarked pages
IGNORED_RE = re.compile(rb"<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>")
MARKED_TAG_RE = re.compile(rb"<[a-zA-Z][^>]*\bdata-pagefind-[^>]*>[^<]*")


# The filters every article carries, in the order the search page offers them: (Pagefind filter
# name, what the page calls it, the kind of term whose names it holds; None: the year). A hub
# links to search/?NAME=its+name, which opens with that filter chosen.
FILTERS: tuple[tuple[str, str, str | None], ...] = (
    ("person", "People", "people"), ("organization", "Organizations", "organizations"),
    ("place", "Places", "places"), ("tag", "Tags", "tags"), ("year", "Years", None))
RESULTS_PER_PAGE = 10  # stories the search page shows before "More stories"


class SearchError(RuntimeError):
    pass


@dataclass(frozen=True)
class Shard:
    name: str  # '' (one index), '1987', '1987-03' or '1987-03-a-f'
    folder: str  # site folder its article pages live in: '', '1987/' or '1987/03/'
    initials: str | None = None  # first letters of the slugs it covers; None: all
    other: bool = False  # covers slugs starting with anything outside INITIALS

    @property
    def glob(self) -> str:
        if self.other:
            return f"{self.folder}[!{INITIALS}]*/index.html"
        if self.initials is not None:
            return f"{self.folder}[{self.initials}]*/index.html"
        return f"{self.folder}**/*.html"

    def holds(self, rel: str) -> bool:
        """Whether the page at ``rel`` is one this shard indexes."""
        if not rel.startswith(self.folder):
            return False
        if self.initials is None and not self.other:
            return True
        first = rel[len(self.folder):len(self.folder) + 1]
        return first not in INITIALS if self.other else first in (self.initials or "")


# The last site's shards: a build asks for them ~6 times (the bundles every page links, what to
# index, what is stale), and each split counts a big month's slugs. A weak reference: a server
# rebuilding the site must not keep the last model alive beside the new one.
_LAST: list[tuple[weakref.ref[Site], list[Shard]]] = []


def shards(site: Site) -> list[Shard]:
    """The shards, newest first, so the newest year's bundle hosts the search UI."""
    if _LAST and _LAST[0][0]() is site:
        return _LAST[0][1]
    found = _shards(site)
    _LAST[:] = [(weakref.ref(site), found)]
    return found


def _shards(site: Site) -> list[Shard]:
    if not site.settings.search_shard_by:
        return [Shard("", "")]
    limit = site.settings.search_shard_max_pages
    out = []
    for year, months in site.years.items():
        if not limit or sum(len(m.articles) for m in months) <= limit:
            out.append(Shard(str(year), f"{year}/"))
            continue
        for month in months:
            out.extend(_month_shards(month, limit))
    return out


def _month_shards(month: Month, limit: int) -> list[Shard]:
    name, folder = f"{month.year}-{month.month:02d}", month.url_path
    if len(month.articles) <= limit:
        return [Shard(name, folder)]
    counts = Counter(a.slug[:1] for a in month.articles)
    groups: list[str] = []
    size = 0
    for letter in INITIALS:  # contiguous ranges of letters, each within the limit if it can be
        if groups and size + counts[letter] <= limit:
            groups[-1] += letter
            size += counts[letter]
        else:
            groups.append(letter)
            size = counts[letter]
    out = [Shard(f"{name}-{g[0]}-{g[-1]}", folder, g) for g in groups if sum(counts[c] for c in g)]
    if sum(n for letter, n in counts.items() if letter not in INITIALS):
        out.append(Shard(f"{name}-other", folder, other=True))
    return out


def inert_text(value: object) -> str:
    """A value for a Pagefind filter or meta attribute, ready for the template to escape once
    more. Pagefind decodes entities twice (once reading the attribute, once more on its own:
    ``&amp;lt;`` is stored as ``<``), so the value is escaped twice here and once by the
    template: Pagefind keeps it HTML-escaped once, whatever it holds. static/search.js undoes
    that one escape and shows the value as text, so a place named ``<img src=x onerror=...>``
    is the characters it is (tests/test_harden_search.py checks it in Chromium)."""
    return html.escape(html.escape(str(value)))


def shard_names(site: Site) -> list[str]:
    return [shard.name for shard in shards(site)]


def bundle_paths(site: Site) -> list[str]:
    """Site-relative folders of the search bundles the search page loads."""
    if not site.settings.search or not site.articles:
        return []
    return [bundle_of(name) + "/" for name in shard_names(site)]


def edits_in_use(site: Site) -> bool:
    """Whether changed pages go to the edits shard: only beside other shards (one index is
    indexed whole) and while ``search.edits_max_pages`` allows any."""
    settings = site.settings
    return bool(settings.search and settings.search_shard_by and settings.search_edits_max_pages
                and site.articles)


def edits_manifest(site: Site) -> str:
    """Site-relative path of the edits shard's manifest the search page reads; '' when none."""
    return f"{bundle_of(EDITS)}/{EDITS_FILE}" if edits_in_use(site) else ""


@dataclass
class Edits:
    """What the edits shard holds: the article pages it indexes, and per shard the old versions
    of pages it hides there (their Pagefind page ids -> each one's filters)."""
    pages: list[str]
    hidden: dict[str, dict[str, dict[str, list[str]]]]


@dataclass
class SearchPlan:
    whole: list[str]  # shards to index whole
    edits: Edits | None  # what the edits shard is to hold; None: it stays as it is

    @property
    def indexed(self) -> list[str]:
        return self.whole + ([EDITS] if self.edits is not None else [])


def shards_to_index(site: Site, changed_files: set[str], folder: Path,
                    before: Path | None = None) -> list[str]:
    return plan(site, changed_files, folder, before).indexed


def plan(site: Site, changed_files: set[str], folder: Path, before: Path | None = None
         ) -> SearchPlan:
    """What to index: shards holding a changed page whose searchable part Pagefind would read
    differently, or whose bundle is missing from ``folder``, whole; or, while the edits shard
    has room, only the changed pages, in it. ``before``: the site those pages changed from (the
    live one); without it, every changed page counts."""
    every = shards(site)
    missing = {s.name for s in every if not (folder / bundle_of(s.name) / "pagefind.js").exists()}
    differs = _search_changes(site, folder, before)
    pages = sorted(f for f in changed_files if f.endswith(".html"))
    old = _read_edits(folder)
    if not edits_in_use(site):  # left by a build that used the edits shard: its shards are stale
        old = old or (_read_edits(before) if before else None)  # (the staging copy's is gone)
        missing |= _held(old, _owners(every)) if old else set()
        return SearchPlan([s.name for s in every if s.name in missing
                           or any(s.holds(f) and differs(f) for f in pages)], None)
    if old is None and (folder / edits_manifest(site)).exists():  # damaged: trust no shard
        missing = {s.name for s in every}
    owner = _owners(every)
    limit = site.settings.search_edits_max_pages
    fresh: dict[str, list[str]] = {}  # shard -> its changed pages
    for rel in pages:
        shard = owner(rel)
        if shard is not None and shard.name not in missing and differs(rel):
            fresh.setdefault(shard.name, []).append(rel)
            if sum(map(len, fresh.values())) > limit:  # too many for the edits shard anyway
                return _folded(every, missing, fresh, old, owner, pages, differs)
    before_edits = old or Edits([], {})
    kept = {p for p in before_edits.pages if (o := owner(p)) is not None and o.name not in missing}
    kept -= {p for changed in fresh.values() for p in changed}
    now = sorted(kept | {p for changed in fresh.values() for p in changed if _indexable(folder / p)})
    if len(now) > limit:
        return _folded(every, missing, fresh, old, owner, pages, differs)
    names = {s.name for s in every}
    hidden = {name: dict(ids) for name, ids in before_edits.hidden.items()
              if name in names and name not in missing}
    keep_index = site.settings.link_index_files
    for name, changed in fresh.items():
        found = _page_ids(folder / bundle_of(name), fragments_cache(site, name))
        for rel in changed:
            if (old_page := found.get(_pagefind_url(rel, keep_index))) is not None:
                hidden.setdefault(name, {})[old_page[0]] = old_page[1]
    edits = Edits(now, hidden)
    unchanged = old is not None and not fresh and old == edits
    return SearchPlan([s.name for s in every if s.name in missing], None if unchanged else edits)


def _folded(every: list[Shard], missing: set[str], fresh: dict[str, list[str]],
            old: Edits | None, owner: Callable[[str], Shard | None], pages: list[str],
            differs: Callable[[str], bool]) -> SearchPlan:
    """The plan once the edits shard is full: every shard it held pages of, or that has a changed
    page, indexed whole, and the edits shard emptied."""
    whole = missing | (_held(old, owner) if old else set()) | set(fresh)
    whole |= {s.name for s in every if s.name not in whole and any(s.holds(f) and differs(f) for f in pages)}
    return SearchPlan([s.name for s in every if s.name in whole], Edits([], {}))


def _held(edits: Edits, owner: Callable[[str], Shard | None]) -> set[str]:
    """The shards the edits shard holds pages of, or hides old versions in."""
    return {o.name for p in edits.pages if (o := owner(p)) is not None} | set(edits.hidden)


def _owners(every: list[Shard]) -> Callable[[str], Shard | None]:
    """The shard that indexes a page, if any: the one of its folder, and there of its initial."""
    by_folder: dict[str, list[Shard]] = {}
    for shard in every:
        by_folder.setdefault(shard.folder, []).append(shard)

    def owner(rel: str) -> Shard | None:
        for folder, candidates in by_folder.items():
            if rel.startswith(folder):
                return next((s for s in candidates if s.holds(rel)), None)
        return None

    return owner


def _indexable(path: Path) -> bool:
    """Whether Pagefind reads the page at all (it leaves out unmarked pages once any is marked)."""
    page = _read(path)
    return page is not None and BODY_MARK in page


def _pagefind_url(rel: str, keep_index: bool) -> str:
    """The URL Pagefind stores for a page of the site (its folder's, unless told to keep it)."""
    return "/" + (rel if keep_index else rel.removesuffix("index.html"))


# What each shard's page fragments were found to hold, per fragment file (its name, inode, size
# and mtime: Pagefind writes a new file for every fragment it indexes), in the cache folder.
FRAGMENTS_CACHE = "search-fragments"
FRAGMENTS_FORMAT = 1


def _page_ids(bundle: Path, cache: Path | None = None) -> dict[str, tuple[str, dict[str, list[str]]]]:
    """Each page a bundle indexes: its URL -> its Pagefind page id and filters (from its fragment,
    the only file that names the page). ``cache``: where what each fragment file held is kept
    between builds; an edit's shard was ~2,500 fragments unzipped and parsed (~0.1 CPU-s)."""
    out = {}
    try:
        entries = list(os.scandir(bundle / "fragment"))
    except OSError:
        return {}
    known = _load_fragments(cache)
    fresh: dict[str, tuple] = {}
    for entry in entries:
        try:
            st = entry.stat()
        except OSError:
            continue
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        held = known.get(entry.name)
        if held is None or held[0] != stamp:
            data = gzip.decompress(Path(entry.path).read_bytes()).removeprefix(FRAGMENT_MARK)
            fragment = json.loads(data)
            held = (stamp, fragment["url"], fragment.get("filters", {}))
        fresh[entry.name] = held
        out[held[1]] = (entry.name.removesuffix(".pf_fragment"), held[2])
    if cache is not None and fresh != known:
        with contextlib.suppress(OSError):  # a cache folder that cannot be written: read again
            write_atomic(cache, pickle.dumps({"format": FRAGMENTS_FORMAT, "fragments": fresh},
                                             protocol=pickle.HIGHEST_PROTOCOL))
    return out


def fragments_cache(site: Site, shard: str) -> Path:
    return site.settings.path("cache") / FRAGMENTS_CACHE / f"{shard or 'all'}.pickle"


def _load_fragments(cache: Path | None) -> dict[str, tuple]:
    if cache is None:
        return {}
    try:
        saved = pickle.loads(cache.read_bytes())
    except Exception:  # missing, cut short, another format: the fragments are read again
        return {}
    if not isinstance(saved, dict) or saved.get("format") != FRAGMENTS_FORMAT \
            or not isinstance(saved.get("fragments"), dict):
        return {}
    return saved["fragments"]


def _read_edits(folder: Path) -> Edits | None:
    """The edits shard's manifest in ``folder``; None if it is missing or cannot be read."""
    try:
        data = json.loads((folder / bundle_of(EDITS) / EDITS_FILE).read_bytes())
        hidden = {key.removeprefix(BUNDLE_ROOT + "/").rstrip("/"): ids
                  for key, ids in data["hidden"].items()}
        return Edits(list(data["pages"]), hidden)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _edits_text(edits: Edits) -> bytes:
    """The manifest: what the search page drops from each shard (keyed by the bundle's folder,
    as the page lists them) and the edits bundle to load beside them, if it holds any page."""
    return json.dumps({
        "bundle": bundle_of(EDITS) + "/" if edits.pages else None,
        "hidden": {bundle_of(name) + "/": ids for name, ids in sorted(edits.hidden.items()) if ids},
        "pages": edits.pages}, sort_keys=True, ensure_ascii=True).encode()


def _search_changes(site: Site, folder: Path, before: Path | None) -> Callable[[str], bool]:
    """Whether the page at a path reads differently to Pagefind in ``folder`` than in ``before``.
    Once any page marks its searchable part (data-pagefind-body, as article.html does), Pagefind
    leaves out every page that does not, and reads nothing in an element marked
    data-pagefind-ignore but its filters, meta and sort values: a day page changing beside an
    edited story, or a story's related links and neighbours when a new one arrives, re-index
    nothing. Templates that mark no page make every changed page count."""
    templates = site.settings.path("templates")
    marked = any(BODY_MARK in file.read_bytes() for file in templates.rglob("*") if file.is_file())
    if before is None or not marked:
        return lambda rel: True
    seen: dict[str, bool] = {}

    def differs(rel: str) -> bool:
        if rel not in seen:
            now, then = _read(folder / rel), _read(before / rel)
            indexed = [page for page in (now, then) if page is not None and BODY_MARK in page]
            seen[rel] = bool(indexed) and (now is None or then is None
                                           or searched_part(now) != searched_part(then))
        return seen[rel]

    return differs


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def searched_part(page: bytes) -> bytes:
    """The page without its data-pagefind-ignore elements, but for the tags inside them that
    carry data-pagefind- values (and their text), which Pagefind still reads."""
    out, at = [], 0
    while found := IGNORED_RE.search(page, at):
        end = _element_end(page, found)
        out.append(page[at:found.start()])
        out.extend(MARKED_TAG_RE.findall(page, found.end(), end))
        at = end
    out.append(page[at:])
    return b"".join(out)


def _element_end(page: bytes, start: re.Match[bytes]) -> int:
    """Where the element opened at ``start`` closes; just after its start tag if it cannot be
    told (a void element, unbalanced tags): then only that tag is left out."""
    name = re.escape(start[1])
    depth = 1
    for tag in re.finditer(rb"<(/?)" + name + rb"(?=[\s>/])[^>]*>", page[start.end():], re.I):
        depth += -1 if tag[1] else 1
        if not depth:
            return start.end() + tag.end()
    return start.end()


def index(folder: Path, names: list[str], site: Site) -> None:
    """Run the Pagefind binary over the built site, once per shard named, one per core at a
    time (Pagefind indexes mostly on one thread; shards are independent)."""
    globs = {shard.name: shard.glob for shard in shards(site)}
    with ThreadPoolExecutor(max(1, min(site.settings.worker_count, len(names)))) as pool:
        keep_index = site.settings.link_index_files
        failures = [f for f in pool.map(lambda n: _counted(_index_one(folder, n, globs[n], keep_index)),
                                        names) if f]
    if failures:
        raise SearchError(failures[0])


def index_edits(folder: Path, edits: Edits, site: Site) -> None:
    """Index the edits shard's pages into its bundle (from links to them in a scratch folder
    beside the site, so that Pagefind gives them the URLs they have there) and write its
    manifest."""
    bundle = folder / bundle_of(EDITS)
    shutil.rmtree(bundle, ignore_errors=True)
    if edits.pages:
        with tempfile.TemporaryDirectory(prefix=".dateline-search-edits-", dir=folder.parent) as scratch:
            for rel in edits.pages:
                target = Path(scratch, rel)
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(folder / rel, target)
                except OSError:  # a file system without hard links
                    shutil.copyfile(folder / rel, target)
            problem = _run_pagefind(Path(scratch), "**/*.html", ["--output-path", str(bundle)],
                                    site.settings.link_index_files, EDITS)
        if problem:
            raise SearchError(problem)
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / EDITS_FILE).write_bytes(_edits_text(edits))
    progress.advance()


def _counted(problem: str) -> str:
    progress.advance()  # one shard indexed
    return problem


def _index_one(folder: Path, name: str, glob: str, keep_index: bool) -> str:
    """Index one shard into its bundle; returns what went wrong, or ''. ``keep_index``: result
    links name '.../index.html', as every other link does on a host without folder indexes."""
    bundle = bundle_of(name)
    shutil.rmtree(folder / bundle, ignore_errors=True)  # no stale fragments from a past index
    return _run_pagefind(folder, glob, ["--output-subdir", bundle], keep_index, bundle)


def _run_pagefind(site: Path, glob: str, output: list[str], keep_index: bool, what: str) -> str:
    command = [str(get_executable()), "--site", str(site), "--glob", glob, *output,
               "--silent", *(["--keep-index-url"] if keep_index else [])]
    done = subprocess.run(command, check=False, capture_output=True, text=True,
                          preexec_fn=die_with_parent)
    if done.returncode != 0:
        return f"Pagefind failed on {what}: {done.stderr.strip() or done.stdout.strip()}"
    return ""


def old_shards(folder: Path, site: Site) -> list[str]:
    """Bundle paths (relative to ``folder``) of shards that no longer exist: a year whose
    articles were all removed, or files left from an unsharded index."""
    root = folder / BUNDLE_ROOT
    wanted = set(shard_names(site)) | ({EDITS} if edits_in_use(site) else set())
    if not root.is_dir() or wanted == {""}:
        return []
    return sorted(f"{BUNDLE_ROOT}/{child.name}" for child in root.iterdir()
                  if child.name not in wanted or not child.is_dir())


def remove_old_shards(folder: Path, site: Site) -> list[str]:
    """Drop the bundles ``old_shards`` names; returns them."""
    gone = old_shards(folder, site)
    for rel in gone:
        target = folder / rel
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    return gone


def bundle_of(shard: str) -> str:
    return f"{BUNDLE_ROOT}/{shard}" if shard else BUNDLE_ROOT
