"""Writing files so that a killed build never leaves a half-written one behind.

Files are written to a temporary name and renamed into place. A whole site is built in a
staging folder that starts as hard links to the live site, then the two folders are exchanged
in one step; unchanged pages keep their inode and mtime, so deploys upload only what changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

RENAME_EXCHANGE = 2


TEMP_NAME_RE = re.compile(r"^\..+\.\d+\.tmp$")  # what temp_name() makes


def temp_name(path: Path) -> Path:
    """Where ``path`` is written before the rename: hidden, and unique to this process."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_atomic(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never a part: even if the build is killed."""
    dump_atomic(path, lambda handle: handle.write(data))


def dump_atomic(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """``write_atomic`` with the bytes written by ``fill`` into the open file, so a large file
    (the articles cache: ~1.5 KB an article) is never held whole in memory first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(path)
    try:
        with open(tmp, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:  # a full disk, say: leave no half-written temp file behind
        tmp.unlink(missing_ok=True)
        raise _naming(err, path) from None


def _naming(err: BaseException, path: Path) -> BaseException:
    """A failed write names the file it was writing (a full disk's error names none)."""
    if isinstance(err, OSError) and not err.filename:
        return OSError(err.errno, err.strerror, str(path))
    return err


def remove_leftover_temps(folder: Path) -> list[Path]:
    """Temp files a killed run left in ``folder`` (call it only while holding the build lock)."""
    leftovers = [p for p in folder.rglob(".*.tmp") if TEMP_NAME_RE.match(p.name)]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the bytes differ; returns whether the file changed."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    tmp = temp_name(path)
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        except FileNotFoundError:  # its folder is new: made once, not checked before every file
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        with open(fd, "wb") as handle:  # a new inode: the live site's link to the old file stays
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        raise _naming(err, path) from None
    return True


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in a folder that started empty this build (a cold build's
    staging copy): no file there to compare with, none a reader or the live site's hard link
    could see half-written (a killed build's staging copy is removed whole), so no stat, no
    temp file and no rename: 3 system calls a file where write_if_changed makes 5 (strace,
    1,000 new files: 17% less kernel time; creating files and folders is the rest)."""
    try:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        except FileNotFoundError:  # its folder is new: made once, not checked before every file
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:  # the descriptor itself, not a buffered file object around it (~10^5 files)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except OSError as err:
        raise _naming(err, path) from None


def link_tree(source: Path, target: Path, spare: Path | None = None,
              lag: tuple[list[str], list[str]] | None = None) -> None:
    """A copy of ``source`` made of hard links (files are replaced, never edited in place).

    Linking a whole site costs a few seconds at 10^4 pages (one mkdir per article folder), so
    when ``spare`` (the site ``swap_in`` kept from the build before) is given with ``lag``, the
    (files, folders) that differ between it and ``source``, only those are brought up to date.
    """
    restore_interrupted_swap(source)
    shutil.rmtree(target, ignore_errors=True)
    if spare is not None and lag is not None and spare.is_dir() and source.is_dir():
        os.rename(spare, target)
        _catch_up(source, target, *lag)
        return
    if spare is not None:
        shutil.rmtree(spare, ignore_errors=True)
    if source.is_dir():
        shutil.copytree(source, target, copy_function=os.link)
    else:
        target.mkdir(parents=True)


def _catch_up(source: Path, target: Path, files: list[str], folders: list[str]) -> None:
    for rel in files:
        have, want = target / rel, source / rel
        if have.is_file() or have.is_symlink():
            have.unlink()
        if want.is_file():
            have.parent.mkdir(parents=True, exist_ok=True)
            os.link(want, have)
        else:
            _prune_empty(have.parent, target)
    for rel in folders:
        shutil.rmtree(target / rel, ignore_errors=True)
        if (source / rel).is_dir():
            shutil.copytree(source / rel, target / rel, copy_function=os.link)
        _prune_empty(target / rel, target)


def _prune_empty(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` while they are empty, as a cold build
    never leaves an empty folder."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def swap_in(staging: Path, live: Path, keep_old: Path | None = None) -> None:
    """Make ``staging`` the live folder in one step; the old site is dropped, or moved to
    ``keep_old`` for the next build's ``link_tree`` to reuse."""
    if not live.exists():
        os.rename(staging, live)
        return
    if _exchange(staging, live):
        _retire(staging, keep_old)
        return
    old = _old_twin(live)  # no atomic exchange here: two quick renames
    shutil.rmtree(old, ignore_errors=True)
    os.rename(live, old)
    os.rename(staging, live)
    _retire(old, keep_old)


def _retire(old_site: Path, keep_old: Path | None) -> None:
    if keep_old is None:
        shutil.rmtree(old_site)
        return
    shutil.rmtree(keep_old, ignore_errors=True)
    os.rename(old_site, keep_old)


def _old_twin(live: Path) -> Path:
    return live.with_name(f".{live.name}.old")


def restore_interrupted_swap(live: Path) -> None:
    """A run killed between the two renames of the fallback swap left no live site, only its
    old twin: put the old site back, so it is served and used as the base of the next build."""
    old = _old_twin(live)
    if old.is_dir() and not live.exists():
        os.rename(old, live)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swaps two paths atomically. False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd = -100
    result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.EXDEV):
        return False
    raise OSError(ctypes.get_errno(), f"cannot swap {a} and {b}")
