"""URL slugs: short, lowercase ASCII, stable. Non-Latin names are transliterated for the URL
only; pages always show the original spelling."""

from __future__ import annotations

import hashlib
import re

from .translit import to_ascii

MAX_SLUG = 80


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """'Assad: victory in Aleppo a "big gain"' -> 'assad-victory-in-aleppo-a-big-gain'."""
    ascii_text = to_ascii(text).lower().replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    # Emoji or symbols alone transliterate to nothing: a hash still gives a stable URL.
    return slug or "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
