"""Tags: browsable topics from a fixed vocabulary of cues, normalised so near-duplicates never coexist."""

from __future__ import annotations

import re
from functools import lru_cache

from ..article import Seed
from ..config import ExtractSettings
from . import lexicon as lx

MIN_TAGS = 3


@lru_cache(maxsize=1)
def _cues() -> tuple[list[str], re.Pattern[str], dict[str, str]]:
    """One alternation over every cue; the group name tells which tag matched."""
    tags: list[str] = []
    patterns: list[str] = []
    owner: dict[str, str] = {}
    for line in lx._lines("tags.txt"):
        tag, _, cues = line.partition(":")
        tags.append(tag.strip())
        for cue in (c.strip() for c in cues.split(",") if c.strip()):
            body = re.escape(cue.rstrip("*")).replace(r"\ ", r"[\s-]+") + (r"[a-z]*" if cue.endswith("*") else "")
            group = f"g{len(owner)}"
            owner[group] = tag.strip()
            patterns.append(f"(?P<{group}>{body})")
    return tags, re.compile(r"\b(?:" + "|".join(patterns) + r")\b"), owner


def tag_key(tag: str) -> str:
    """The form two spellings of one tag share: 'cease-fire', 'ceasefire', 'Cease Fire' -> 'ceasefire'."""
    return re.sub(r"[^a-z0-9]", "", tag.lower())


def tags(seed: Seed, places: list[str], settings: ExtractSettings) -> list[str]:
    """3 to ``settings.max_tags`` topics: cue words counted, the lead counting double."""
    _, pattern, owner = _cues()
    scores: dict[str, float] = {}
    for i, paragraph in enumerate(seed.paragraphs):
        weight = 2.0 if i == 0 else 1.0
        for m in pattern.finditer(paragraph.lower()):
            tag = owner[m.lastgroup]
            scores[tag] = scores.get(tag, 0.0) + weight
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    picked = [t for t, s in ranked if s >= 2] or [t for t, _ in ranked[:MIN_TAGS]]
    country = _main_country(places)
    if "civil war" in picked:
        adjective = next((d for d, c in lx.demonyms().items() if c == country and not d.endswith("s")), "")
        if adjective:
            picked[picked.index("civil war")] = f"{adjective} civil war"
    if len(picked) < MIN_TAGS and country:
        picked.append(country)  # a thin article is still browsable by its country
    return normalize(picked, settings)[: max(settings.max_tags, 0)]


def _main_country(place_mentions: list[str]) -> str:
    """The country named most often, directly or through its cities."""
    counts: dict[str, int] = {}
    for place in place_mentions:
        found = lx.gazetteer().lookup(place)
        if found and found[1]:
            counts[found[1]] = counts.get(found[1], 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else ""


def normalize(raw: list[str], settings: ExtractSettings) -> list[str]:
    """Editors' synonyms and never-a-tag list applied; one tag per spelling key."""
    synonyms = {tag_key(k): v for k, v in settings.tag_synonyms.items()}
    blocked = {tag_key(t) for t in settings.not_tags}
    out: dict[str, str] = {}
    for tag in raw:
        tag = synonyms.get(tag_key(tag), tag)
        key = tag_key(tag)
        if key not in blocked and key not in out:
            out[key] = tag
    return list(out.values())
