"""Settings from ``site.toml``. Every default lives here, once, and is documented in site.toml."""

from __future__ import annotations

import difflib
import json
import locale as c_locale
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import assets


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
    locale: str = ""  # Open Graph's og:locale, language_TERRITORY; "" reads it from language
    timezone: str = "+00:00"
    publisher: str = "Dateline"
    share_image: str = "static/share.png"  # what a shared link shows; "" for none
    link_index_files: bool = False  # links name .../index.html, for hosts without folder indexes
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
    # A Dask scheduler to extract and render on ("" builds on this machine). Left out of repr,
    # which fingerprints every page: the same site built here or on a cluster is the same site.
    dask: str = field(default="", repr=False)
    size_warning_mb: int = 800  # GitHub Pages caps a site at 1 GB
    max_article_kb: int = 1024  # a longer seed is published cut to this size, with a warning
    search: bool = True
    search_shard_by: str = "year"  # "" for one Pagefind index
    search_shard_max_pages: int = 2500  # a bigger year is split by month, a month by slug letter
    # Pages changed since their shard was indexed, indexed on their own until there are more
    # (then their shards are indexed again); 0: every changed shard is indexed again at once.
    search_edits_max_pages: int = 200
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    root: str = "."  # the folder site.toml is in; relative paths are taken from it

    def path(self, name: str) -> Path:
        """A [paths] setting (``seeds``, ``content``, ``output``...) as an absolute path. A project
        without its own templates/ or static/ (left at the default) gets the shipped look."""
        value = getattr(self, name)
        path = (Path(self.root) / value).resolve()
        if name in assets.NAMES and value == name and not path.exists():
            return assets.shipped(name)
        return path

    @property
    def base_path(self) -> str:
        """The URL path the site is served under: ``/`` or ``/repo/``."""
        rest = self.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"

    @property
    def og_locale(self) -> str:
        """og:locale: ``locale``, else the language tag's language and territory ("pt-BR" ->
        "pt_BR"), a bare language getting the territory the C library's locale aliases give it
        ("de" -> "de_DE"); "" when neither names one."""
        if self.locale:
            return self.locale
        language, *rest = self.language.lower().split("-")
        # A region subtag is two letters or, for a region larger than a country ("es-419",
        # Latin America), three digits, which no og:locale can say.
        regions = [part for part in rest if len(part) == 2 or (len(part) == 3 and part.isdigit())]
        region = regions[0].upper() if regions else \
            c_locale.normalize(language).split(".")[0].partition("_")[2]
        candidate = f"{language}_{region}"
        # AA and XX are ISO 3166's user-assigned codes, which some aliases use for "none".
        return candidate if LOCALE_RE.fullmatch(candidate) and region not in ("AA", "XX") else ""

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


SECTIONS = {"site": ("title", "description", "base_url", "language", "locale", "timezone", "publisher",
                     "share_image", "link_index_files"),
            "paths": ("seeds", "content", "output", "cache", "templates", "static"),
            "build": ("per_page", "home_articles", "feed_entries", "min_tag_articles",
                      "min_organization_articles", "min_person_articles", "min_place_articles",
                      "min_tag_archive", "workers", "dask", "size_warning_mb", "max_article_kb"),
            "search": ("search", "search_shard_by", "search_shard_max_pages", "search_edits_max_pages")}
SEARCH_KEYS = {"enabled": "search", "shard_by": "search_shard_by",
               "shard_max_pages": "search_shard_max_pages", "edits_max_pages": "search_edits_max_pages"}


class ConfigError(ValueError):
    pass


# Every numeric setting's smallest sensible value (and a few largest): below it a list page
# would drop articles, a feed be empty, or the build never start.
MINIMUM = {"per_page": 1, "home_articles": 1, "feed_entries": 1, "min_tag_articles": 1,
           "min_tag_archive": 0, "workers": 0, "size_warning_mb": 0, "max_article_kb": 1,
           "search_shard_max_pages": 0, "search_edits_max_pages": 0, "max_tags": 1}
MAXIMUM = {"workers": 1024, "max_article_kb": 1024 * 1024}
CHOICES = {"search_shard_by": ("", "year")}
TIMEZONE_RE = re.compile(r"Z|[+-](?:0\d|1[0-4]):[0-5]\d")
LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # a BCP 47 tag: en, pt-BR
LOCALE_RE = re.compile(r"[a-z]{2,3}_[A-Z]{2}")  # Open Graph's language_TERRITORY: en_US, pt_BR
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not text, nor valid in an Atom feed
MULTILINE = ("description",)  # may be written over several lines
REQUIRED_TEXT = ("title", "publisher")
FLAGS = {"seeds": "--seeds", "content": "--content", "output": "--output", "base_url": "--base-url",
         "dask": "--dask"}


def load_settings(path: str | Path = "site.toml", **overrides: object) -> Settings:
    """Read site.toml (missing file: all defaults); keyword overrides win (command-line flags).
    Every value is checked: a ``ConfigError`` names the file, the setting and the problem."""
    path = Path(path)
    data = _read_toml(path)
    values, where = _file_values(path, data)
    for name, value in overrides.items():
        if value is not None:
            values[name] = value
            where[name] = FLAGS.get(name, name)
    for name, value in values.items():
        _check(name, value, where[name])
    values["extract"] = _extract_settings(path, data.get("extract", {}))
    return replace(Settings(), root=str(path.parent.resolve()), **values)


def _file_values(path: Path, data: dict) -> tuple[dict[str, Any], dict[str, str]]:
    """The settings a site.toml sets, by Settings field, and where each was set (for messages).
    Values are Any: each is checked by ``_check`` before it reaches ``Settings``."""
    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    for section, table in data.items():
        if section == "extract":
            continue
        keys = SECTIONS.get(section)
        if keys is None:
            raise ConfigError(f"{path}: {_unknown_section(section, table)}")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [{section}] must be a section of 'key = value' lines")
        for key, value in table.items():
            name = SEARCH_KEYS.get(key, key) if section == "search" else key
            if name not in keys or (section == "search" and key not in SEARCH_KEYS):
                raise ConfigError(f"{path}: unknown setting [{section}] {key}"
                                  f"{_did_you_mean(key, _keys_of(section))}")
            values[name] = value
            where[name] = f"{path}: [{section}] {key}"
    return values, where


def _read_toml(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 text (byte {err.start})") from None


def _keys_of(section: str) -> tuple[str, ...]:
    return tuple(SEARCH_KEYS) if section == "search" else SECTIONS[section]


def _unknown_section(section: str, value: object) -> str:
    if not isinstance(value, dict):
        return (f"setting {section!r} is outside any section; put it under the section it "
                f"belongs to ({', '.join(f'[{s}]' for s in [*SECTIONS, 'extract'])})")
    return f"unknown section [{section}]{_did_you_mean(section, (*SECTIONS, 'extract'))}"


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _check(name: str, value: object, where: str) -> None:
    """Raise ``ConfigError`` when ``value`` cannot be setting ``name``."""
    problem = _type_problem(getattr(Settings(), name), value) or _value_problem(name, value)
    if problem:
        raise ConfigError(f"{where} = {_shown(value)}: {problem}")


def _type_problem(default: object, value: object) -> str:
    kind = type(default)
    if isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
        return f"must be {_KIND_NAMES[kind]}"
    return ""


_KIND_NAMES = {bool: "true or false (no quotes)", int: "a whole number (no quotes)",
               str: "text in quotes"}


def _value_problem(name: str, value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < MINIMUM.get(name, value):
            return f"must be at least {MINIMUM[name]}"
        if value > MAXIMUM.get(name, value):
            return f"must be at most {MAXIMUM[name]}"
        return ""
    if not isinstance(value, str):
        return ""
    if name in CHOICES and value not in CHOICES[name]:
        return "must be one of " + ", ".join(f'"{c}"' for c in CHOICES[name])
    if CONTROL_RE.search(value) or (name not in MULTILINE and re.search(r"[\n\t]", value)):
        return "must be one line of text, without control characters"
    if name in SECTIONS["paths"] and not value.strip():
        return "must name a folder"
    if name in REQUIRED_TEXT and not value.strip():
        return "must not be empty: it is shown on every page"
    return _FORMATS.get(name, lambda v: "")(value)


def _timezone_problem(value: str) -> str:
    if TIMEZONE_RE.fullmatch(value):
        return ""
    return 'must be an offset from UTC such as "+00:00", "-05:00" or "+05:30"'


def _language_problem(value: str) -> str:
    if LANGUAGE_RE.fullmatch(value):
        return ""
    return 'must be a language tag such as "en", "de" or "pt-BR"'


def _locale_problem(value: str) -> str:
    if not value or LOCALE_RE.fullmatch(value):
        return ""
    return 'must be a language and territory such as "en_US" or "pt_BR" ("" reads it from language)'


def _base_url_problem(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must start with https:// (or http://) and a host, e.g. https://OWNER.github.io/REPO/"
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        return "has a port that is not a number from 0 to 65535"
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return "must have no query (?...) or fragment (#...): every link is built on it"
    if re.search(r"[\s\"'<>\\^`{|}]", value) or "@" in parts.netloc:
        return "must be a plain address: no spaces, quotes, '<', '>', '\\' or user name"
    return _base_path_problem(parts.path)


def _base_path_problem(path: str) -> str:
    """Every link starts with this path: '//repo/' would make them protocol-relative links to a
    host named 'repo'. (A last segment with a dot is a folder: GitHub project names may hold
    dots, and Pages gives the address without its closing '/'.)"""
    segments = path.strip("/").split("/") if path.strip("/") else []
    if "//" in path or any(s in (".", "..") for s in segments):
        return "must have a plain path: no '//', '.' or '..' in it"
    return ""


def _dask_problem(value: str) -> str:
    """A scheduler's address as ``dask scheduler`` prints it; "" builds on this machine."""
    if not value:
        return ""
    parts = urlsplit(value)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or not port \
            or parts.path not in ("", "/") or parts.query or parts.fragment:
        return 'must be a Dask scheduler address such as "tcp://10.0.0.5:8786" ("" builds on this machine)'
    return ""


_FORMATS = {"timezone": _timezone_problem, "language": _language_problem, "locale": _locale_problem,
            "base_url": _base_url_problem, "dask": _dask_problem}


def _shown(value: object) -> str:
    """A value as it would be written in site.toml."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _extract_settings(path: Path, data: object) -> ExtractSettings:
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [extract] must be a section of 'key = value' lines")
    known = {f.name for f in fields(ExtractSettings)}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting [extract] {key}"
                              f"{_did_you_mean(key, tuple(sorted(known)))}")
        problem = _extract_problem(key, value)
        if problem:
            raise ConfigError(f"{path}: [extract] {key} = {_shown(value)}: {problem}")
    given: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return ExtractSettings(**given)


def _extract_problem(key: str, value: object) -> str:
    default = getattr(ExtractSettings(), key)
    if isinstance(default, dict):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return 'must be a table of "name" = "name" pairs, e.g. { "Assad" = "Bashar Assad" }'
        return ""
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return 'must be a list of names in quotes, e.g. ["Old City"]'
        return ""
    return _type_problem(default, value) or _value_problem(key, value)
