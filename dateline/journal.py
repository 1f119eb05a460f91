"""A cache of one entry per content file, written whole now and then and, in between, only the
entries changed since beside it.

The articles cache (~20 MB at 12.8k articles) and ingest's content scan (~4.7 MB) were written
whole whenever one content file's size or mtime moved: ~0.2 CPU-s of a one-story correction
for one changed entry. Now the entries that differ from the whole file's go to a small file
beside it, named by the whole file's token, until they are many; then the whole file is
written again under a new token and the small one dropped.

Each entry is (key, value), the key what tells an entry changed (a file's (mtime_ns, size)). A
whole file or a file of changes that cannot be read (cut short, garbage, another format) is
none: the whole one's entries are then worked out again; without the changes, their files'
entries are the whole file's, older than the files, so they are read again.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from .output import dump_atomic


@dataclass
class Base:
    """The file written whole: its token, and the key of each entry in it."""
    token: str
    keys: dict[str, object]


# The entries as read, and what the whole file held (load's value).
Loaded = tuple[dict, "Base | None"]


def load(path: Path, changes: Path, form: int) -> Loaded:
    """The entries, the changes beside the whole file applied, and what the whole file held;
    ``form``: the shape of entry the caller reads (another is no cache)."""
    saved = _unpickled(path, form)
    if saved is None or not isinstance(saved.get("files"), dict):
        return {}, None
    files = saved["files"]
    base = Base(saved["token"], {rel: entry[0] for rel, entry in files.items()}) \
        if isinstance(saved.get("token"), str) else None
    changed = _unpickled(changes, form)
    if base is not None and changed is not None and changed.get("token") == base.token \
            and isinstance(changed.get("files"), dict) and isinstance(changed.get("gone"), list):
        files.update(changed["files"])  # written after the file it names: newer than its entries
        for rel in changed["gone"]:
            files.pop(rel, None)
    return files, base


def save(path: Path, changes: Path, form: int, fresh: dict[str, tuple], base: Base | None,
         share: float, least: int) -> None:
    """The cache as ``fresh`` has it: the entries that differ from the whole file's (``base``)
    beside it, while they are at most ``share`` of all (or ``least``, if more); else the whole
    cache again, under a new token."""
    if base is not None:
        gone = [rel for rel in base.keys if rel not in fresh]
        changed = {rel: entry for rel, entry in fresh.items() if base.keys.get(rel) != entry[0]}
        if len(changed) + len(gone) <= max(least, share * len(fresh)):
            dump_atomic(changes, lambda handle: pickle.dump(
                {"format": form, "token": base.token, "files": changed, "gone": gone},
                handle, protocol=pickle.HIGHEST_PROTOCOL))
            return
    token = os.urandom(8).hex()  # what a file of changes names its base by
    dump_atomic(path, lambda handle: pickle.dump({"format": form, "token": token, "files": fresh},
                                                 handle, protocol=pickle.HIGHEST_PROTOCOL))
    changes.unlink(missing_ok=True)  # its base is gone: stale


def differs(fresh: dict[str, tuple], known: dict[str, tuple]) -> bool:
    """Whether ``fresh`` has other files, or other keys, than the cache as it was read."""
    return fresh.keys() != known.keys() or any(fresh[k][0] != known[k][0] for k in fresh)


def _unpickled(path: Path, form: int) -> dict | None:
    try:
        with open(path, "rb") as handle:
            saved = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError,
            IndexError, KeyError):
        return None
    if not isinstance(saved, dict) or saved.get("format") != form:
        return None
    return saved
