"""Where a build may write its site, and what it may read into it.

The output folder is swapped away whole on every build, so it must never be (or hold, or sit
inside) one of the project's own folders, and a folder that Dateline did not build is never
replaced: whatever is in it would be lost for good. And a symbolic link in seeds/, content/ or
static/ that points outside the project is never followed: its target (any file the build can
read) would end up on the public site."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .config import ConfigError, Settings

# Written into every site Dateline builds; its presence is what makes a folder replaceable.
# A dotfile: GitHub Pages' upload leaves dotfiles out, and no page links to it.
MARK = ".dateline-site"
MARK_TEXT = b"This folder is built by Dateline and replaced whole on every build.\n"
GUARDED = ("seeds", "content", "templates", "static", "cache")


class OutputRefusedError(ConfigError):
    """The output folder would overwrite something that is not a built site."""


def check_output(settings: Settings, last_build: Callable[[], dict] | None = None) -> None:
    """Raise ``OutputRefusedError`` naming the clash when building into the output folder could
    delete an editor's or anyone's files. ``last_build`` gives the state the last build saved
    (read only for an unmarked folder: the state is large and its format the pipeline's)."""
    output = settings.path("output")
    root = Path(settings.root).resolve()
    _refuse_overlap(output, root, settings)
    if output.exists() and not output.is_dir():
        raise OutputRefusedError(f"output {output} is a file, not a folder")
    if output.is_dir() and not is_built_site(output, last_build):
        raise OutputRefusedError(
            f"output {output} is a folder Dateline did not build and it is not empty; every "
            "build replaces its output folder whole, so this one is left alone. Choose a new "
            f"or empty folder (or delete this one yourself)")


# Folders a build writes, and the folders each must stay clear of: content inside seeds would be
# read back as seeds; a cache holding content would be "safe to delete" with the archive in it.
WRITTEN = {"content": ("seeds", "templates", "static"),
           "cache": ("seeds", "content", "templates", "static")}


def check_folders(settings: Settings) -> None:
    """Raise ``OutputRefusedError`` when a folder a build writes overlaps one it reads."""
    for written, others in WRITTEN.items():
        mine = settings.path(written)
        for other in others:
            theirs = settings.path(other)
            if mine == theirs or _inside(mine, theirs) or _inside(theirs, mine):
                relation = "is" if mine == theirs else "is inside" if _inside(mine, theirs) \
                    else "holds"
                raise OutputRefusedError(f"the {written} folder {mine} {relation} the {other} "
                                         f"folder {theirs}; give each its own folder ([paths])")


def _refuse_overlap(output: Path, root: Path, settings: Settings) -> None:
    if output == root or _inside(root, output):
        raise OutputRefusedError(f"output {output} is the project folder or above it ({root}); "
                            "building there would delete the project")
    for name in GUARDED:
        folder = settings.path(name)
        if output == folder:
            raise OutputRefusedError(f"output {output} is the {name} folder; choose another one")
        if _inside(output, folder):
            raise OutputRefusedError(f"output {output} is inside the {name} folder {folder}")
        if _inside(folder, output):
            raise OutputRefusedError(f"output {output} holds the {name} folder {folder}; "
                                "building there would delete it")


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is strictly below ``folder``."""
    return path != folder and path.is_relative_to(folder)


def is_built_site(folder: Path, last_build: Callable[[], dict] | None = None) -> bool:
    """An empty folder, one carrying Dateline's mark, or the very folder (same inode) the last
    build recorded as its live site (sites built before the mark existed)."""
    try:
        if not any(folder.iterdir()) or (folder / MARK).is_file():
            return True
    except OSError:
        return False
    if last_build is None:
        return False
    state = last_build()
    try:
        return state.get("output") == str(folder) and state.get("live_ino") == os.stat(folder).st_ino
    except OSError:
        return False


def files_below(folder: Path, root: Path, suffix: str = "", hidden: bool = True
                ) -> tuple[list[str], list[str]]:
    """(files, refused): paths relative to ``folder``, in path-component order, of its files
    ending in ``suffix`` (names starting with '.' left out unless ``hidden``), and of the
    symbolic links among them whose target lies outside both ``root`` and ``folder``. Links to
    folders are not followed, as ``Path.rglob`` does not follow them either."""
    inside = (root.resolve(), folder.resolve())
    found: list[str] = []
    refused: list[str] = []
    stack = [""]
    while stack:
        prefix = stack.pop()
        try:
            entries = list(os.scandir(folder / prefix if prefix else folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if not hidden and entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                stack.append(rel + "/")
            elif entry.is_symlink() and entry.is_dir():  # not followed; named if it leads out
                if not _points_inside(entry.path, inside):
                    refused.append(rel)
            elif entry.name.endswith(suffix) and entry.is_file():
                (found if not entry.is_symlink() or _points_inside(entry.path, inside)
                 else refused).append(rel)
    key = lambda rel: rel.split("/")  # noqa: E731 - the order content_files always had
    return sorted(found, key=key), sorted(refused, key=key)


def _points_inside(link: str, folders: tuple[Path, ...]) -> bool:
    target = Path(link).resolve()
    return any(target.is_relative_to(folder) for folder in folders)


def link_warning(target: Path) -> str:
    return (f"a symbolic link to {target.resolve()}, outside the project: not published "
            "(copy the file into the project if it belongs on the site)")
