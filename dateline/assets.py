"""Where the default look lives: the templates and static files Dateline ships. An installed
package carries them inside ``dateline/`` (package data); a checkout has them at the top of the
repository, where editors find them."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent
NAMES = ("templates", "static")


def shipped(name: str) -> Path:
    """The shipped ``templates`` or ``static`` folder."""
    if name not in NAMES:
        raise ValueError(f"no shipped folder {name!r}")
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name
