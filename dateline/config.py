"""Settings from ``site.toml``. Every default lives here, once, and is documented in site.toml."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class ExtractSettings:
    """Editors' levers on extraction, applied on the next run (documented in site.toml [extract]).

    ``aliases`` rename people, places and organizations, in each article and across the archive;
    the ``not_*`` lists drop a name from that kind; ``tag_synonyms`` and ``not_tags`` steer tags.
    """

    aliases: dict[str, str] = field(default_factory=dict)  # "Assad" -> "Bashar Assad"
    not_people: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    not_organizations: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    tag_synonyms: dict[str, str] = field(default_factory=dict)  # "ceasefire" -> "cease-fire"
    max_tags: int = 8


@dataclass(frozen=True)
class Settings:
    title: str = "Dateline Archive"
    description: str = "A searchable archive of news articles."
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "en"
    timezone: str = "+00:00"
    publisher: str = "Dateline"
    seeds: str = "seeds"
    content: str = "content"
    output: str = "_site"
    cache: str = ".dateline-cache"
    templates: str = "templates"
    static: str = "static"
    per_page: int = 50
    home_articles: int = 20
    feed_entries: int = 50
    min_tag_articles: int = 2  # a tag page needs this many articles once the archive is large
    min_organization_articles: int = 2  # most one-story organizations are a passing mention
    min_person_articles: int = 1
    min_place_articles: int = 1
    min_tag_archive: int = 200  # ...where "large" starts, in articles
    workers: int = 0  # 0: one per core
    size_warning_mb: int = 800  # GitHub Pages caps a site at 1 GB
    max_article_kb: int = 1024  # a longer seed is published cut to this size, with a warning
    search: bool = True
    search_shard_by: str = "year"  # "" for one Pagefind index
    search_shard_max_pages: int = 2500  # a bigger year is split by month, a month by slug letter
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    root: str = "."  # the folder site.toml is in; relative paths are taken from it

    def path(self, name: str) -> Path:
        """A [paths] setting (``seeds``, ``content``, ``output``...) as an absolute path."""
        return (Path(self.root) / getattr(self, name)).resolve()

    @property
    def base_path(self) -> str:
        """The URL path the site is served under: ``/`` or ``/repo/``."""
        rest = self.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


SECTIONS = {"site": ("title", "description", "base_url", "language", "timezone", "publisher"),
            "paths": ("seeds", "content", "output", "cache", "templates", "static"),
            "build": ("per_page", "home_articles", "feed_entries", "min_tag_articles",
                      "min_organization_articles", "min_person_articles", "min_place_articles",
                      "min_tag_archive", "workers", "size_warning_mb", "max_article_kb"),
            "search": ("search", "search_shard_by", "search_shard_max_pages")}
SEARCH_KEYS = {"enabled": "search", "shard_by": "search_shard_by",
               "shard_max_pages": "search_shard_max_pages"}


class ConfigError(ValueError):
    pass


def load_settings(path: str | Path = "site.toml", **overrides: object) -> Settings:
    """Read site.toml (missing file: all defaults); keyword overrides win (command-line flags)."""
    path = Path(path)
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    values: dict[str, object] = {"root": str(path.parent.resolve())}
    known = {f.name for f in fields(Settings)}
    for section, keys in SECTIONS.items():
        for key, value in data.get(section, {}).items():
            name = SEARCH_KEYS.get(key, key) if section == "search" else key
            if name not in keys or name not in known:
                raise ConfigError(f"{path}: unknown setting [{section}] {key}")
            values[name] = value
    values["extract"] = _extract_settings(path, data.get("extract", {}))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **values)


def _extract_settings(path: Path, data: dict) -> ExtractSettings:
    known = {f.name for f in fields(ExtractSettings)}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting [extract] {', '.join(sorted(unknown))}")
    return ExtractSettings(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
