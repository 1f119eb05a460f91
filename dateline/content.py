"""Content files: Markdown with YAML front matter, the editors' source of truth.

A file Dateline writes carries a ``checksum`` of its own text. When the text no longer matches,
somebody edited it by hand, and no later run may overwrite it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import yaml

from .article import Article
from .output import write_atomic
from .seeds import MIN_YEAR, seed_id

try:  # the C parser is ~10x faster, which matters at 10^5 files
    from yaml import CSafeDumper as Dumper
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class Loader(_BaseLoader):
    """YAML without implicit timestamps: ``date: 2016-13-45`` would make the parser itself
    raise a bare ValueError; read as text, the date is checked here and the file named."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()}

FIELDS = ("id", "slug", "title", "date", "updated", "dateline", "summary", "people", "roles", "places",
          "organizations", "tags", "contributors", "source", "seed_sha256")
LIST_FIELDS = ("people", "places", "organizations", "tags", "contributors")
CHECKSUM_RE = re.compile(r"^checksum: *(\S*)\n", re.M)
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?\n)---\n?", re.S)
DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]\S.*)?")  # a time after it is ignored
# A slug is one segment of the article's URL and the name of its folder in the site: nothing
# that could climb out of it ('..', '/'), need escaping in a link, or be a file's name beside
# it (a slug 'index.html' would be the month page's own file).
SLUG_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_~-]{0,199}")
RAW_VALUE = r"^{key} *: *([^\s#]+)"  # a scalar as written, before YAML makes a number of it
TEXT_FIELDS = ("title", "slug", "dateline", "summary", "source", "seed_sha256")


class ContentError(ValueError):
    """A content file that cannot be read; the message names the line where it can."""


def article_text(article: Article) -> str:
    """The content file for an article, ending with the checksum that marks it as generated."""
    front = "".join(_front_line(name, getattr(article, name)) for name in FIELDS
                    if name != "updated" or article.updated)  # only an editor's file carries one
    unsigned = f"---\n{front}---\n\n{article.body}"
    return unsigned.replace("\n---\n", f"\nchecksum: {_checksum(unsigned)}\n---\n", 1)


def _front_line(name: str, value: object) -> str:
    """One field of the front matter, as PyYAML writes it in a mapping of them all. PyYAML's
    representer is pure Python (~0.13 ms an article, most of a cold ingest's YAML): values
    that can only be written one way (a date, a plain ASCII string YAML reads back as the
    same string, lists of them) are written here; anything else goes to PyYAML, one field
    at a time, which writes a top-level mapping's fields independently of each other."""
    if isinstance(value, str) and _plain(value, BLOCK_UNSAFE_RE):
        return f"{name}: {value}\n"
    if type(value) is dt.date:
        return f"{name}: {value.isoformat()}\n"
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and _plain(v, FLOW_UNSAFE_RE)
                                                for v in value):
        return f"{name}: [{', '.join(value)}]\n"
    if isinstance(value, dict) and not value:
        return f"{name}: {{}}\n"
    # In the whole mapping a scalar's field is a block line; alone, a mapping of scalars
    # would be written as one flow mapping, '{title: ...}'.
    flow = None if isinstance(value, (list, tuple, dict)) else False
    return yaml.dump({name: value}, Dumper=Dumper, sort_keys=False, allow_unicode=True,
                     width=YAML_WIDTH, default_flow_style=flow)


YAML_WIDTH = 10_000  # no line folded: one field, one line
# Where PyYAML (libyaml's emitter) would not write a string plain: anything but printable
# ASCII, an indicator first, a space at either end, ': ' or ' #' inside; in a flow list also
# any of ',?[]{}:'. Conservative on purpose: a string it flags is only written by PyYAML.
BLOCK_UNSAFE_RE = re.compile(r"[^ -~]|^[-?:,\[\]{}#&*!|>'\"%@`. ]|[ :]$|: | #")
FLOW_UNSAFE_RE = re.compile(r"[^ -~]|^[-?:,\[\]{}#&*!|>'\"%@`. ]|[ :]$|[,?\[\]{}:]| #")
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()  # the safe dumpers' own: how they tell '1987' from text


def _plain(value: str, unsafe: re.Pattern[str]) -> bool:
    """Whether PyYAML writes ``value`` as it is: nothing in it needs quoting, and YAML does not
    read it as another type ('1987', 'yes', 'null', '1:20')."""
    return (0 < len(value) < YAML_WIDTH // 2 and not unsafe.search(value)
            and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG)


def _checksum(unsigned_text: str) -> str:
    return hashlib.sha256(unsigned_text.encode("utf-8")).hexdigest()[:16]


def is_hand_edited(text: str) -> bool:
    """True when the file no longer matches the checksum Dateline wrote into it."""
    found = CHECKSUM_RE.search(text)
    if not found:
        return True  # written or rewritten by a person: leave it alone
    return _checksum(CHECKSUM_RE.sub("", text, count=1)) != found.group(1)


def parse_article(text: str, path: str = "") -> Article:
    """Read a content file's text. Raises ``ContentError`` naming the problem and line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")  # a file saved by a Windows editor
    match = FRONT_MATTER_RE.match(text)
    if not match:
        raise ContentError(f"{path}: no front matter (the file must start with a '---' line)")
    try:
        data = yaml.load(match.group(1), Loader=Loader) or {}
    except yaml.YAMLError as err:
        raise ContentError(f"{path}: {_yaml_problem(err)}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as err:
        # A tagged value the parser cannot build (!!timestamp 2016-13-45, !!int x), or nesting
        # too deep: YAML raises these bare, without a line.
        raise ContentError(f"{path}: front matter holds a value YAML cannot read: {err}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path}: front matter is not a set of 'key: value' lines")
    return _article_from(data, _without_controls(text[match.end():].lstrip("\n")), path, match.group(1))


def _yaml_problem(err: yaml.YAMLError) -> str:
    """'line 5: ... (while parsing a flow sequence that starts on line 4)': the parser notices
    a mistake where it stops making sense, often a line after the one the editor got wrong."""
    # Marks count from 0 in the front matter; the file has the opening '---' line above it.
    mark, context = getattr(err, "problem_mark", None), getattr(err, "context_mark", None)
    where = f"line {mark.line + 2}: " if mark else ""
    text = f"{where}front matter is not valid YAML: {getattr(err, 'problem', None) or err}"
    what = getattr(err, "context", None)  # only a MarkedYAMLError says what it was parsing
    if context and what and (not mark or context.line != mark.line):
        text += f" ({what} that starts on line {context.line + 2})"
    return text


def _article_from(data: dict, body: str, path: str, front: str = "") -> Article:
    text = {name: _text(data.get(name), name, path) for name in TEXT_FIELDS}
    article_id = _article_id(data, text, path, front)
    missing = [k for k, v in (("id", article_id), ("title", text["title"]), ("date", data.get("date")))
               if v is None or not str(v).strip()]
    if missing:
        raise ContentError(f"{path}: front matter lacks {', '.join(missing)}")
    if not SLUG_RE.fullmatch(article_id):  # ids become part of a URL when two slugs clash
        raise ContentError(f"{path}: id {article_id!r} must be letters, digits and hyphens only")
    slug = _slug(data.get("slug"), text["slug"], front, path) or article_id
    lists = {k: _string_list(data.get(k), k, path) for k in LIST_FIELDS}
    roles = data.get("roles") or {}
    if not isinstance(roles, dict) or not all(_is_scalar(v) for v in [*roles, *roles.values()]):
        raise ContentError(f"{path}: roles must be 'name: role' pairs")
    date = _date(data["date"], path)
    return Article(
        id=article_id, slug=slug, title=text["title"], date=date,
        dateline=text["dateline"], summary=text["summary"], body=body,
        roles={str(k): str(v) for k, v in roles.items() if v is not None},
        source=text["source"], seed_sha256=text["seed_sha256"], path=path,
        updated=_updated(data.get("updated"), date, path), **lists)


def _slug(value: object, text: str, front: str, path: str) -> str:
    """The slug as written (``slug: 0x1F`` is not "31"), checked to be one URL segment."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = _as_written("slug", value, front)
    if text and not SLUG_RE.fullmatch(text):
        raise ContentError(f"{path}: slug {text!r} is not one URL path segment: use letters, "
                           "digits and hyphens only (no '/', '.' or spaces), starting with a "
                           "letter or digit, at most 200")
    return text


def _article_id(data: dict, text: dict[str, str], path: str, front: str) -> str:
    """The id as written: YAML reads ``id: 0000000000000000`` as the number 0 (and a leading
    0 as octal), so a number is taken from the raw line instead. A file whose id: line was
    lost gets back its seed's id from its source and seed hash."""
    value = data.get("id")
    if isinstance(value, bool | list | dict):
        raise ContentError(f"{path}: id must be one word, not {_kind(value)}")
    if isinstance(value, int | float):
        return _as_written("id", value, front)
    if value not in (None, ""):
        return str(value).strip()
    if text["source"] and text["seed_sha256"]:
        return id_from_source(text["source"], text["seed_sha256"])
    return ""


def _as_written(key: str, value: object, front: str) -> str:
    raw = re.search(RAW_VALUE.format(key=key), front, re.M)
    return raw.group(1) if raw else str(value)


def id_from_source(source: str, seed_sha256: str) -> str:
    """The id ingest gives the article of seed file ``source`` with this hash."""
    return seed_id(Path(source), seed_sha256)


def _text(value: object, name: str, path: str) -> str:
    if value is None:
        return ""
    if not _is_scalar(value):
        raise ContentError(f"{path}: {name} must be text, not {_kind(value)} (put it in quotes "
                           "if it starts with '[' or '{')")
    text = _without_controls(str(value))
    return text.strip() if name in ("slug", "source", "seed_sha256") else text


# YAML lets "\x01" through in a quoted string; no page or feed may hold it (XML forbids it).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _without_controls(text: str) -> str:
    return CONTROL_RE.sub("", text) if CONTROL_RE.search(text) else text


def _is_scalar(value: object) -> bool:
    return value is None or (isinstance(value, str | int | float) and not isinstance(value, bool))


def _kind(value: object) -> str:
    return {list: "a list", dict: "a set of 'key: value' pairs", bool: "yes/no"}.get(
        type(value), type(value).__name__)


def _date(value: object, path: str, name: str = "date") -> dt.date:
    """A date written ``YYYY-MM-DD``; anything else (a list, a bare number, 2016-13-45) names
    the file and what is wrong."""
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), value, path, name)
    if isinstance(value, dt.date):
        return _in_range(value, value, path, name)
    found = DATE_RE.fullmatch(value.strip()) if isinstance(value, str) else None
    if not found:
        raise ContentError(f"{path}: {name} {value!r} is not a date written YYYY-MM-DD")
    try:
        date = dt.date(*(int(part) for part in found.groups()))
    except ValueError as err:
        raise ContentError(f"{path}: {name} {value!r} is not a real day ({err})") from None
    return _in_range(date, value, path, name)


def _in_range(date: dt.date, value: object, path: str, name: str) -> dt.date:
    if date.year < MIN_YEAR:  # as for seeds: a typo, and %Y would not give four digits
        raise ContentError(f"{path}: {name} {value!r} is before {MIN_YEAR}")
    return date


def _updated(value: object, published: dt.date, path: str) -> dt.date | None:
    """An editor's ``updated:`` day: on or after the story's own, and not ahead of today (a
    day's grace, as for seeds: time zones run ahead)."""
    if value is None or value == "":
        return None
    updated = _date(value, path, "updated")
    if updated < published:
        raise ContentError(f"{path}: updated {updated.isoformat()} is before the article's date "
                           f"{published.isoformat()}")
    if updated > dt.date.today() + dt.timedelta(days=1):
        raise ContentError(f"{path}: updated {updated.isoformat()} is in the future")
    return updated


def _string_list(value: object, name: str, path: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ContentError(f"{path}: {name} must be a list")
    if not all(_is_scalar(v) for v in value):
        raise ContentError(f"{path}: {name} must be a list of names, each one plain text")
    return [_without_controls(str(v)) for v in value if v is not None and str(v).strip()]


def read_article(path: Path, root: Path) -> Article:
    return parse_article(path.read_text(encoding="utf-8"), str(path.relative_to(root)))


def write_article(article: Article, root: Path) -> Path:
    path = root / article.path
    write_atomic(path, article_text(article).encode("utf-8"))
    return path


def content_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.md")) if root.exists() else []


HEAD_FIELD_RE = re.compile(r"^(id|source|seed_sha256) *: *['\"]?([^'\"\n]+)", re.M)


def head_fields(text: str) -> dict[str, str]:
    """id, source and seed_sha256 read line by line, from a file too broken for YAML."""
    head = text[:4096]
    return {key: value.strip() for key, value in reversed(HEAD_FIELD_RE.findall(head)) if value.strip()}
