"""The stages in order, with the safety around them: one build at a time, and a live site
that is only ever replaced whole."""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import render as render_stage
from . import search
from .config import Settings
from .ingest import ingest
from .output import link_tree, swap_in
from .report import Report
from .site import Site, build_site, load_articles

LOCK_FILE = "build.lock"


class BuildLockedError(RuntimeError):
    pass


@dataclass
class Built:
    site: Site
    changed: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    shards: list[str] = field(default_factory=list)


@contextmanager
def build_lock(settings: Settings) -> Iterator[None]:
    """Refuse a second concurrent build instead of letting two interleave their writes."""
    cache = settings.path("cache")
    cache.mkdir(parents=True, exist_ok=True)
    lock = cache / LOCK_FILE
    # flock, not a pid file: the kernel drops it when the holder dies, even by SIGKILL, so a
    # killed build never leaves a stale lock behind.
    with open(lock, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(f"another Dateline build is running on {settings.root} "
                                   f"(it holds {lock}); try again when it ends") from None
        yield


def build(settings: Settings, report: Report, refresh: bool = False, do_ingest: bool = True,
          do_render: bool = True, do_search: bool = True) -> Built | None:
    with build_lock(settings):
        if do_ingest:
            ingest(settings, report, refresh=refresh)
        if not do_render:
            return None
        site = build_site(load_articles(settings, report), settings)
        _count(site, report)
        return publish(site, report, do_search and settings.search)


def publish(site: Site, report: Report, with_search: bool) -> Built:
    """Render and index into a staging copy of the live site, then swap it in whole."""
    settings = site.settings
    live = settings.path("output")
    staging = live.with_name(f".{live.name}.staging")
    link_tree(live, staging)
    result = render_stage.render(site, staging, settings.path("templates"), settings.path("static"))
    built = Built(site, result.changed)
    built.removed = render_stage.remove_stale(staging, result.files, (search.BUNDLE_ROOT + "/",))
    if with_search:
        search.remove_old_shards(staging, site)
        built.shards = search.shards_to_index(site, result.changed | set(built.removed), staging)
        search.index(staging, built.shards)
    else:
        shutil.rmtree(staging / search.BUNDLE_ROOT, ignore_errors=True)
    if built.changed or built.removed or built.shards or not live.exists():
        swap_in(staging, live)
    else:
        shutil.rmtree(staging)  # nothing changed: the live site is not touched at all
    report.counts["pages changed"] = len(built.changed)
    report.counts["files removed"] = len(built.removed)
    report.counts["search shards indexed"] = len(built.shards)
    _warn_size(live, settings, report)
    return built


def _count(site: Site, report: Report) -> None:
    report.counts["articles"] = len(site.articles)
    for kind, terms in site.terms.items():
        report.counts[kind] = len(terms)


def _warn_size(live: Path, settings: Settings, report: Report) -> None:
    size, files = render_stage.output_size(live)
    report.info(f"site: {size / 1e6:,.1f} MB in {files:,} files at {live}")
    if size > settings.size_warning_mb * 1e6:
        report.warn(str(live), f"{size / 1e6:,.0f} MB: GitHub Pages refuses sites over 1 GB")
