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

try:  # the C parser is ~10x faster, which matters at 10^5 files
    from yaml import CSafeDumper as Dumper
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

FIELDS = ("id", "slug", "title", "date", "dateline", "summary", "people", "roles", "places",
          "organizations", "tags", "contributors", "source", "seed_sha256")
LIST_FIELDS = ("people", "places", "organizations", "tags", "contributors")
CHECKSUM_RE = re.compile(r"^checksum: *(\S*)\n", re.M)
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?\n)---\n?", re.S)


class ContentError(ValueError):
    """A content file that cannot be read; the message names the line where it can."""


def article_text(article: Article) -> str:
    """The content file for an article, ending with the checksum that marks it as generated."""
    data = {name: getattr(article, name) for name in FIELDS}
    front = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=10_000,
                      default_flow_style=None)
    unsigned = f"---\n{front}---\n\n{article.body}"
    return unsigned.replace("\n---\n", f"\nchecksum: {_checksum(unsigned)}\n---\n", 1)


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
    match = FRONT_MATTER_RE.match(text.lstrip("\ufeff"))
    if not match:
        raise ContentError(f"{path}: no front matter (the file must start with a '---' line)")
    try:
        data = yaml.load(match.group(1), Loader=Loader) or {}
    except yaml.YAMLError as err:
        raise ContentError(f"{path}: {_yaml_problem(err)}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path}: front matter is not a set of 'key: value' lines")
    return _article_from(data, text[match.end():].lstrip("\n"), path)


def _yaml_problem(err: yaml.YAMLError) -> str:
    """'line 5: ... (while parsing a flow sequence that starts on line 4)': the parser notices
    a mistake where it stops making sense, often a line after the one the editor got wrong."""
    # Marks count from 0 in the front matter; the file has the opening '---' line above it.
    mark, context = getattr(err, "problem_mark", None), getattr(err, "context_mark", None)
    where = f"line {mark.line + 2}: " if mark else ""
    text = f"{where}front matter is not valid YAML: {getattr(err, 'problem', None) or err}"
    if context and getattr(err, "context", None) and (not mark or context.line != mark.line):
        text += f" ({err.context} that starts on line {context.line + 2})"
    return text


def _article_from(data: dict, body: str, path: str) -> Article:
    missing = [k for k in ("id", "title", "date") if not data.get(k)]
    if missing:
        raise ContentError(f"{path}: front matter lacks {', '.join(missing)}")
    date = data["date"]
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise ContentError(f"{path}: date {date!r} is not YYYY-MM-DD") from None
    if isinstance(date, dt.datetime):
        date = date.date()
    lists = {k: _string_list(data.get(k), k, path) for k in LIST_FIELDS}
    roles = data.get("roles") or {}
    if not isinstance(roles, dict):
        raise ContentError(f"{path}: roles must be 'name: role' pairs")
    return Article(
        id=str(data["id"]), slug=str(data.get("slug") or data["id"]), title=str(data["title"]),
        date=date, dateline=str(data.get("dateline") or ""), summary=str(data.get("summary") or ""),
        body=body, roles={str(k): str(v) for k, v in roles.items()},
        source=str(data.get("source") or ""), seed_sha256=str(data.get("seed_sha256") or ""),
        path=path, **lists)


def _string_list(value: object, name: str, path: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ContentError(f"{path}: {name} must be a list")
    return [str(v) for v in value if v is not None and str(v).strip()]


def read_article(path: Path, root: Path) -> Article:
    return parse_article(path.read_text(encoding="utf-8"), str(path.relative_to(root)))


def write_article(article: Article, root: Path) -> Path:
    path = root / article.path
    write_atomic(path, article_text(article).encode("utf-8"))
    return path


def content_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.md")) if root.exists() else []


HEAD_ID_RE = re.compile(r"^id: *['\"]?([^'\"\n]+)", re.M)


def head_id(path: Path) -> str | None:
    """The article id from a content file's first lines, without a full YAML parse."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        found = HEAD_ID_RE.search(handle.read(512))
    return found.group(1).strip() if found else None
