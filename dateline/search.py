"""Stage 3: the rendered site -> Pagefind search bundles.

Pagefind's memory grows with every page it indexes at once (~75-280 KB a page), so a large
archive is indexed in shards, one per year by default, that the search page merges in the
browser (Pagefind's ``mergeIndex``). A shard is rebuilt only when one of its pages changed,
since Pagefind itself has no incremental mode.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from .site import Site

BUNDLE_ROOT = "pagefind"


class SearchError(RuntimeError):
    pass


def shard_names(site: Site) -> list[str]:
    """Shard names, newest first, so the newest year's bundle hosts the search UI."""
    if not site.settings.search_shard_by:
        return [""]
    return [str(year) for year in site.years]


def bundle_paths(site: Site) -> list[str]:
    """Site-relative folders of the search bundles the search page loads."""
    if not site.settings.search or not site.articles:
        return []
    return [f"{BUNDLE_ROOT}/{name}/" if name else f"{BUNDLE_ROOT}/" for name in shard_names(site)]


def shards_to_index(site: Site, changed_files: set[str], folder: Path) -> list[str]:
    """Shards whose pages changed, or whose bundle is missing from ``folder``."""
    names = shard_names(site)
    if names == [""]:
        touched = any(f.endswith(".html") for f in changed_files)
        return [""] if touched or not (folder / BUNDLE_ROOT / "pagefind.js").exists() else []
    return [name for name in names
            if not (folder / BUNDLE_ROOT / name / "pagefind.js").exists()
            or any(f.startswith(name + "/") and f.endswith(".html") for f in changed_files)]


def index(folder: Path, shards: list[str]) -> None:
    """Run the Pagefind binary over the built site, once per shard that needs it."""
    for name in shards:
        glob = f"{name}/**/*.html" if name else "**/*.html"
        bundle = bundle_of(name)
        shutil.rmtree(folder / bundle, ignore_errors=True)  # no stale fragments from a past index
        command = [str(get_executable()), "--site", str(folder), "--glob", glob,
                   "--output-subdir", bundle, "--silent"]
        done = subprocess.run(command, check=False, capture_output=True, text=True)
        if done.returncode != 0:
            raise SearchError(f"Pagefind failed on {bundle}: {done.stderr.strip() or done.stdout.strip()}")


def old_shards(folder: Path, site: Site) -> list[str]:
    """Bundle paths (relative to ``folder``) of shards that no longer exist: a year whose
    articles were all removed, or files left from an unsharded index."""
    root = folder / BUNDLE_ROOT
    wanted = set(shard_names(site))
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
