"""One stat pass over a folder, shared by the stages that follow it.

The look at what changed (unchanged.py) stats every seed and content file; ingest and the model
then walked and statted the same files again (~0.1 CPU-s a pass at 12.8k articles). A Listing
keeps what the look found, each file's (mtime_ns, size), so they ask it instead. It is only as
fresh as the pass: whoever writes into the folder after it (ingest) must take a new one.
"""

from __future__ import annotations

import os
import stat as st_kind
from pathlib import Path

from .safety import files_below


class Listing:
    """Every file below ``folder`` with its inode, size and mtime, from one walk."""

    def __init__(self, folder: Path, skip: str = "") -> None:
        self.folder = folder
        # path relative to the folder -> (mtime_ns, size), as ingest and load_articles key files
        self.stats: dict[str, tuple[int, int]] = {}
        # Only regular files, no link and no folder that could not be read: where anything else
        # is found, files() leaves the choice to safety.files_below, which knows links.
        self.plain = True
        self._files: dict[tuple[str, bool], list[str]] = {}
        self.rows = self._walk(skip)

    def _walk(self, skip: str) -> bytes:
        rows = [str(self.folder)]
        stack = [""]
        while stack:
            prefix = stack.pop()
            try:
                entries = os.scandir(os.path.join(self.folder, prefix))
            except OSError:
                rows.append(f"{prefix}\0-")
                self.plain = False
                continue
            with entries:
                for entry in entries:
                    rows.append(self._row(entry, prefix + entry.name, stack, skip))
        rows = [row for row in rows if row]
        rows.sort()
        return "\n".join(rows).encode("utf-8", "surrogateescape")

    def _row(self, entry: os.DirEntry, rel: str, stack: list[str], skip: str) -> str:
        """The digest's row for one entry ('' for a folder, whose files get rows of their own)."""
        if entry.is_dir(follow_symlinks=False):
            if entry.name != skip:
                stack.append(rel + "/")
            return ""
        try:
            st = entry.stat()
        except OSError:  # a broken link
            self.plain = False
            return f"{rel}\0-"
        if entry.is_symlink() or not st_kind.S_ISREG(st.st_mode):
            self.plain = False
        self.stats[rel] = (st.st_mtime_ns, st.st_size)
        return f"{rel}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}"

    def files(self, suffix: str = "", hidden: bool = True) -> list[str] | None:
        """What ``safety.files_below(folder, ..., suffix, hidden)`` would list, in its order, or
        None when a link or an unreadable entry is below the folder (files_below must judge it)."""
        if not self.plain:
            return None
        if (suffix, hidden) not in self._files:  # ingest and the model both ask for content's
            found = [rel for rel in self.stats if rel.endswith(suffix)
                     and (hidden or not (rel[0] == "." or "/." in rel))]
            self._files[(suffix, hidden)] = sorted(found, key=lambda rel: rel.split("/"))
        return list(self._files[(suffix, hidden)])


def files_listed(folder: Path, root: Path, listing: Listing | None, suffix: str = "",
                 hidden: bool = True) -> tuple[list[str], list[str]]:
    """``safety.files_below``'s (files, refused), from the listing when it can tell."""
    rels = listing.files(suffix, hidden) if listing is not None else None
    return (rels, []) if rels is not None else files_below(folder, root, suffix, hidden)


def stat_listed(listing: Listing | None, rel: str, path: str) -> tuple[int, int]:
    """(mtime_ns, size) of the file at ``path`` (``rel`` in the listing) as the listing has it,
    else from a stat: a file the listing does not hold is statted, never taken as missing."""
    known = listing.stats.get(rel) if listing is not None else None
    if known is not None:
        return known
    stat = os.stat(path)
    return stat.st_mtime_ns, stat.st_size
