"""The stages in order, with the safety around them: one build at a time, and a live site
that is only ever replaced whole."""

from __future__ import annotations

import fcntl
import gc
import json
import os
import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import journal, pagereads, search, snapshot
from . import render as render_stage
from .config import Settings
from .ingest import ingest
from .output import dump_atomic, link_tree, remove_leftover_temps, swap_in, write_if_changed
from .report import Report
from .safety import MARK, MARK_TEXT, check_folders, check_output, link_warning
from .site import Site, build_site, load_articles
from .unchanged import Inputs

LOCK_FILE = "build.lock"
# What the last build left in the live site: page fingerprints, the files it produced, and how
# the spare copy kept beside the live site differs from it. Only trusted while both folders are
# the very ones (same inodes) that build left behind. A pickle, not JSON: an edit's build
# read and wrote ~8 MB of JSON at 12.8k articles (~0.2 CPU-s of ~3), the pickle ~0.03 s.
RENDER_STATE = "render-state.pickle"
STATE_FORMAT = 1  # a state of another shape (or an older Dateline's) is no state
# The JSON state builds before it kept; read only to recognise a site built before the mark.
OLD_RENDER_STATE = "render.json"


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
    with open(lock, "a") as handle:  # not "w": truncating it would touch a file on every run
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(f"another Dateline build is running on {settings.root} "
                                   f"(it holds {lock}); try again when it ends") from None
        yield


def build(settings: Settings, report: Report, refresh: bool = False, do_ingest: bool = True,
          do_render: bool = True, do_search: bool = True) -> Built | None:
    check_folders(settings)
    if do_render:  # before anything is written: the cache itself may be the clash
        check_output(settings, lambda: last_build_state(settings.path("cache")))
    with build_lock(settings), _no_cycle_collection():
        remove_leftover_temps(settings.path("cache"))  # a killed run's half-written state files
        inputs = Inputs(settings, (do_ingest, do_render, do_search))
        if not refresh and inputs.replayed(report):
            return None
        inputs.forget()
        written: dict = {}  # what ingest wrote, as load_articles would read it back
        if do_ingest:
            moved: list[str] = []
            with _stage("ingest", None, settings.path("content")):
                wrote = ingest(settings, report, refresh=refresh, articles=written,
                               seen=(inputs.seeds, inputs.content), moved=moved)
            if wrote or moved:  # else the listing taken before ingest stands (a walk: ~0.1 s at 10^4)
                inputs.content_written()
        built = None
        if do_render:
            site, cached = (None, None) if refresh or written else \
                snapshot.recalled(settings, inputs.model_key(), inputs.content)
            if site is None:
                site = _site_model(settings, report, inputs, written, cached)
            _count(site, report)
            built = publish(site, report, do_search and settings.search)
        _save_inputs(inputs, report)
        return built


def _site_model(settings: Settings, report: Report, inputs: Inputs, written: dict,
                cached: journal.Loaded | None) -> Site:
    """The site model made from content/ (``written``: what ingest just wrote; ``cached``: the
    articles cache, if read already), kept for the next build when making it said nothing
    (snapshot.py: a build that takes it says nothing)."""
    snapshot.forget(settings)  # before the articles cache is written: see snapshot.py
    said = (len(report.lines), len(report.notices))
    files: dict = {}
    with _stage("reading content", None, settings.path("cache")):
        articles = load_articles(settings, report, written, inputs.content, files, cached)
    written.clear()  # its articles are the model's now; its entries (~250 B each) are not
    site = build_site(articles, settings, report)
    # The model has them, or copies of those it retitled (_with_unique_titles): the
    # originals of those would live on beside them for the whole render.
    del articles
    if (len(report.lines), len(report.notices)) == said:
        snapshot.keep(site, files, inputs.model_key())
    return site


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The build's own process without the cyclic garbage collector. What it holds (caches read
    back, the site model: ~10^6 objects at 10^4 articles) lives the whole build and has no
    cycles to find, yet every full collection walks all of it, and loading and planning
    trigger many: ~0.3-0.5 CPU-s of a one-article edit at 12.8k. Refcounting still frees all
    else at once; the workers it forks collect as before (children.py)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _save_inputs(inputs: Inputs, report: Report) -> None:
    try:
        inputs.save(report)
    except OSError as err:  # the site is built; only the next run's early end is lost
        report.warn(str(inputs.record_path), f"cannot save the build's inputs "
                    f"({err.strerror or err}); the next build reads everything again")


def publish(site: Site, report: Report, with_search: bool) -> Built:
    """Render and index into a staging copy of the live site, then swap it in whole. Pages whose
    inputs did not change since the last build are not rendered; with nothing to do, the live
    site is not touched at all."""
    settings = site.settings
    live = settings.path("output")
    staging = live.with_name(f".{live.name}.staging")
    spare = live.with_name(f".{live.name}.spare")
    state_path = settings.path("cache") / RENDER_STATE
    state = _load_state(state_path, live, spare)
    render_stage.check_templates(site, settings.path("templates"))  # before anything is written
    if not settings.path("static").is_dir():
        report.warn(str(settings.path("static")), "no static folder: the site is published "
                    "without its stylesheet and icon ([paths] static in site.toml)")
    work = render_stage.plan(site, live, settings.path("templates"), settings.path("static"),
                             state.get("pages"), settings.path("cache") / pagereads.CACHE_FILE)
    for link in work.refused:
        report.warn(str(link), link_warning(link))
    produced = set(work.fingerprints) | set(work.static) | {MARK}
    gone = sorted(set(state["files"]) - produced) if "files" in state else None
    if gone == [] and not work.todo and render_stage.static_unchanged(work, live) \
            and (live / MARK).is_file() and _search_current(site, live, with_search):
        shutil.rmtree(staging, ignore_errors=True)  # a killed run's half-built site
        _tell(report, Built(site), 0)
        return Built(site)
    lag = (state["lag_files"], state["lag_dirs"]) if state.get("spare_ino") else None
    with _stage("render", staging, live):
        link_tree(live, staging, spare, lag)
        # A cold build starts from an empty folder: it holds only what this build writes, so
        # there is nothing stale to sweep and every size is known without a walk.
        cold = not any(os.scandir(staging))
        with report.progress.stage("render", len(work.todo), "pages"):
            result = render_stage.render(site, staging, settings.path("templates"),
                                         settings.path("static"), work=work, empty=cold)
        result.files.add(MARK)  # what lets the next build replace this folder (safety.py)
        if write_if_changed(staging / MARK, MARK_TEXT):
            result.changed.add(MARK)
        built = Built(site, result.changed)
        if gone is not None:
            built.removed = _remove(staging, gone)
        elif not cold:
            built.removed = render_stage.remove_stale(staging, result.files, (search.BUNDLE_ROOT + "/",))
    with _stage("search index", staging, live):
        bundles = _publish_search(site, staging, built, with_search, report)
    swap_in(staging, live, keep_old=spare)  # renames only: a full disk does not stop them
    sizes = _file_sizes(live, {} if cold else state.get("sizes"), built, bundles)
    try:
        _save_state(state_path, live, spare, result, built, bundles, sizes)
    except OSError as err:  # the new site is live; only the next build's head start is lost
        report.warn(str(state_path), f"cannot save the build state ({err.strerror or err}); "
                    "the next build renders every page again")
    _tell(report, built, result.rendered)
    _warn_size(live, sizes, settings, report)
    return built


class StageError(RuntimeError):
    """A stage failed (a full disk, a template mistake); the message names the stage, the
    path and the problem, and says the live site was left as it was."""


@contextmanager
def _stage(name: str, staging: Path | None, live: Path) -> Iterator[None]:
    """Run one stage; if it fails, remove the half-built staging folder (on a full disk it is
    what keeps the disk full) and say which stage failed, where and why."""
    try:
        yield
    except (OSError, render_stage.TemplateError, search.SearchError) as err:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        problem = f"{err.filename or staging or live}: {err.strerror or err}" \
            if isinstance(err, OSError) else str(err)
        if staging is None:
            after = f"every file in {live} is whole (none is left half-written)"
        else:
            after = f"the live site {live} is unchanged and the half-built copy {staging} was removed"
        raise StageError(f"{name} failed: {problem}; {after}") from None


def _publish_search(site: Site, staging: Path, built: Built, with_search: bool, report: Report
                    ) -> list[str]:
    """Index the shards whose pages changed; returns the bundle folders that changed."""
    root = staging / search.BUNDLE_ROOT
    if not with_search:
        had = root.exists()
        shutil.rmtree(root, ignore_errors=True)
        return [search.BUNDLE_ROOT] if had else []
    bundles = search.remove_old_shards(staging, site)
    work = search.plan(site, built.changed | set(built.removed), staging,
                       before=site.settings.path("output"))
    built.shards = work.indexed
    with report.progress.stage("search index", len(built.shards), "shards"):
        search.index(staging, work.whole, site)
        if work.edits is not None:
            search.index_edits(staging, work.edits, site)
    return bundles + [search.bundle_of(name) for name in built.shards]


def _search_current(site: Site, live: Path, with_search: bool) -> bool:
    """Whether the live site's search bundles are what this build would leave."""
    if not with_search:
        return not (live / search.BUNDLE_ROOT).exists()
    return not search.plan(site, set(), live).indexed and not search.old_shards(live, site)


def _remove(folder: Path, files: list[str]) -> list[str]:
    """Delete files the last build produced and this one does not, and folders left empty."""
    for rel in files:
        target = folder / rel
        target.unlink(missing_ok=True)
        parent = target.parent
        while parent != folder and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return files


def _load_state(path: Path, live: Path, spare: Path) -> dict:
    """The last build's state, or {} when the live site is not the one it describes (a crash
    between swap and save, a hand-made _site, another output folder)."""
    state = read_state(path)
    if state.get("output") != str(live) or state.get("live_ino") != _inode(live):
        return {}
    if state.get("spare_ino") != _inode(spare):
        state["spare_ino"] = None
    return state


def last_build_state(cache: Path) -> dict:
    """The state the last build saved in ``cache``: this Dateline's, else the JSON one an older
    Dateline wrote (both record the live folder, which lets an unmarked site be rebuilt)."""
    state = read_state(cache / RENDER_STATE)
    if state:
        return state
    try:
        old = json.loads((cache / OLD_RENDER_STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return old if isinstance(old, dict) else {}


def read_state(path: Path) -> dict:
    """The build state saved at ``path``, or {} if there is none or it cannot be read (cut
    short, another format): the next build then renders every page again."""
    try:
        with open(path, "rb") as handle:
            saved = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError, IndexError):
        return {}
    if not isinstance(saved, dict) or saved.get("format") != STATE_FORMAT \
            or not isinstance(saved.get("state"), dict):
        return {}
    return saved["state"]


def _save_state(path: Path, live: Path, spare: Path, result: render_stage.RenderResult,
                built: Built, bundles: list[str], sizes: dict[str, int]) -> None:
    state = {"output": str(live), "live_ino": _inode(live), "spare_ino": _inode(spare),
             "pages": result.fingerprints, "files": sorted(result.files),
             "lag_files": sorted(built.changed | set(built.removed)), "lag_dirs": bundles,
             "sizes": sizes}
    # Pickled straight into the file (in frames): the state's text whole was the build's own
    # process's largest moment (~2 KB an article at once, after the render). The fingerprints
    # go as they are packed (render.Fingerprints), not as a dict of hex strings.
    dump_atomic(path, lambda handle: pickle.dump({"format": STATE_FORMAT, "state": state}, handle,
                                                 protocol=pickle.HIGHEST_PROTOCOL))


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _tell(report: Report, built: Built, rendered: int) -> None:
    report.counts["pages rendered"] = rendered
    report.counts["pages changed"] = len(built.changed)
    report.counts["files removed"] = len(built.removed)
    report.counts["search shards indexed"] = len(built.shards)


def _count(site: Site, report: Report) -> None:
    report.counts["articles"] = len(site.articles)
    for kind, terms in site.terms.items():
        report.counts[kind] = len(terms)


def _file_sizes(live: Path, known: dict[str, int] | None, built: Built, bundles: list[str]
                ) -> dict[str, int]:
    """Every live file's size, for the size warning: carried over from the last build and
    updated where this one wrote, since walking 10^5 files costs seconds."""
    if known is None:
        return _sizes_under(live, live)
    sizes = dict(known)
    for rel in built.removed:
        sizes.pop(rel, None)
    for rel in built.changed:
        sizes[rel] = (live / rel).stat().st_size
    for bundle in bundles:
        for rel in [r for r in sizes if r.startswith(bundle + "/")]:
            del sizes[rel]
        sizes.update(_sizes_under(live / bundle, live))
    return sizes


def _sizes_under(folder: Path, live: Path) -> dict[str, int]:
    out = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            out[os.path.relpath(path, live)] = os.path.getsize(path)
    return out


def _warn_size(live: Path, sizes: dict[str, int], settings: Settings, report: Report) -> None:
    size, files = sum(sizes.values()), len(sizes)
    report.info(f"site: {size / 1e6:,.1f} MB in {files:,} files at {live}")
    if size > settings.size_warning_mb * 1e6:
        report.warn(str(live), f"{size / 1e6:,.0f} MB: GitHub Pages refuses sites over 1 GB")
