"""Values worked out from the whole archive, remembered between builds under a digest of all
they follow from: a one-story correction rarely changes them, and working them out again is
most of building the site model (the archive's names, the bodies every country has).

A memo file that cannot be read (cut short, another format, another Python's pickle) is no
memo: the value is worked out again and the file is named, never a traceback. One under
another digest (a name list or lever changed) is worked out again without a word.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .output import write_atomic
from .report import Report

T = TypeVar("T")


def digest_of(value: object) -> bytes:
    """The memo key of plain values (their repr is exact: names, lists, dicts, strings)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).digest()


def remembered(path: Path, key: bytes, make: Callable[[], T], report: Report | None = None) -> T:
    """What ``make`` gives, read from ``path`` if it was saved there under ``key``; else made
    and saved (a cache folder that cannot be written: made again next time)."""
    found, problem = _recalled(path, key)
    if problem and report is not None:
        report.notice(f"{path}: {problem}; worked out again")
    if found is not None:
        return found[0]
    value = make()
    with contextlib.suppress(OSError):
        write_atomic(path, pickle.dumps({"key": key, "value": value}, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def _recalled(path: Path, key: bytes) -> tuple[tuple | None, str]:
    """((value,), "") when ``path`` holds a value under ``key``; (None, why not) if it is
    unreadable; (None, "") when there is none, or one under another key or of another shape."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, ""
    except OSError as err:
        return None, f"cannot read the memo ({err.strerror or err})"
    try:
        saved = pickle.loads(data)
    except Exception:  # any damage (cut short, garbage, a class since renamed) means no memo
        return None, "the memo file is damaged"
    if not isinstance(saved, dict) or saved.get("key") != key or "value" not in saved:
        return None, ""  # another digest's, or an older Dateline's memo: stale, not damaged
    return (saved["value"],), ""
