"""Reading raw wire seeds: `` date YYYY-MM-DD DATELINE -- text``, paragraphs, a credit line.

Archives come from many systems, so reading is forgiving where the article is still usable
(a BOM, CRLF, Windows-1252, a US-style date) and records a warning; it refuses only what
cannot be an article, with a ``SeedError`` that names the problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from .article import Seed

CREDIT_RE = re.compile(
    r"^(?:Information for this (?:article|report|story) was contributed by"
    r"|(?:Additional )?reporting (?:was contributed )?by"
    r"|Contributing:|Associated Press writers?)\b",
    re.IGNORECASE,
)
DATE_FORMS = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\S+"
FIRST_LINE_RE = re.compile(
    rf"^\s*date\s+(?P<date>{DATE_FORMS})\s+(?:(?P<dateline>\S.*?)\s+)?--\s*(?P<lead>.*)$", re.DOTALL)
ID_IN_NAME_RE = re.compile(r"(?:^|_)([0-9a-f]{16})$")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
MIN_YEAR = 1800
MAX_SEED_BYTES = 10 * 1024 * 1024


class SeedError(ValueError):
    """A seed that cannot become an article; the message says why."""


def read_seed(path: str | Path, raw: bytes | None = None, today: dt.date | None = None) -> Seed:
    """Parse one seed file. Raises ``SeedError`` for a seed that cannot be used."""
    path = Path(path)
    raw = path.read_bytes() if raw is None else raw
    warnings: list[str] = []
    text = decode(raw, warnings)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first, rest = _first_line(lines)
    match = FIRST_LINE_RE.match(first)
    if not match:
        raise SeedError("first line is not ' date YYYY-MM-DD DATELINE -- text'")
    date = parse_date(match["date"], warnings, today or dt.date.today())
    paragraphs = split_paragraphs("\n".join([match["lead"], *rest]))
    credit = ""
    if paragraphs and CREDIT_RE.match(paragraphs[-1]):
        credit = paragraphs.pop()
    if not paragraphs:
        raise SeedError("no article text after the date line")
    sha = hashlib.sha256(raw).hexdigest()
    return Seed(
        path=str(path),
        id=seed_id(path, sha),
        sha256=sha,
        date=date,
        dateline=clean_space(match["dateline"] or ""),
        paragraphs=tuple(paragraphs),
        credit=credit,
        warnings=tuple(warnings),
    )


def seed_id(path: Path, sha256: str) -> str:
    """The 16-hex id in the file name (``000_6536ac6bf97a6d7c.txt``), else the text's hash."""
    found = ID_IN_NAME_RE.search(path.stem)
    return found.group(1) if found else sha256[:16]


def decode(raw: bytes, warnings: list[str]) -> str:
    if not raw.strip():
        raise SeedError("file is empty" if not raw else "file holds only whitespace")
    if len(raw) > MAX_SEED_BYTES:
        mb = MAX_SEED_BYTES // 1024 // 1024
        raise SeedError(f"file is {len(raw) / 1024 / 1024:.0f} MB, over the {mb} MB limit for one article")
    if b"\x00" in raw[:4096]:
        raise SeedError("file is binary, not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        warnings.append("not UTF-8; read as Windows-1252")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:4096]) / 20:
        raise SeedError("file is binary, not text")
    return text


def _first_line(lines: list[str]) -> tuple[str, list[str]]:
    for i, line in enumerate(lines):
        if line.strip():
            return line, lines[i + 1:]
    raise SeedError("file holds only whitespace")


def parse_date(value: str, warnings: list[str], today: dt.date) -> dt.date:
    """ISO dates as written by the wire; US ``12/09/2016`` and ``Dec. 9, 2016`` with a warning."""
    value = value.strip()
    date = _iso_date(value) or _other_date(value)
    if date is None:
        raise SeedError(f"date {value!r} is not a real date (expected YYYY-MM-DD)")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        warnings.append(f"date {value!r} is not YYYY-MM-DD; read as {date.isoformat()}")
    if date.year < MIN_YEAR:
        raise SeedError(f"date {date.isoformat()} is before {MIN_YEAR}")
    if date > today + dt.timedelta(days=1):
        raise SeedError(f"date {date.isoformat()} is in the future")
    return date


def _iso_date(value: str) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return None
    try:
        return dt.date(*map(int, value.split("-")))
    except ValueError:
        raise SeedError(f"date {value!r} does not exist") from None


def _other_date(value: str) -> dt.date | None:
    us = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    words = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", value)
    try:
        if us:
            return dt.date(int(us[3]), int(us[1]), int(us[2]))
        if words and words[1].lower() in MONTHS:
            return dt.date(int(words[3]), MONTHS[words[1].lower()], int(words[2]))
    except ValueError:
        raise SeedError(f"date {value!r} does not exist") from None
    return None


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; lines inside one are re-flowed."""
    blocks = re.split(r"\n\s*\n", text)
    return [p for p in (clean_space(b) for b in blocks) if p]


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_files(folder: Path) -> list[Path]:
    """Every seed below ``folder``, in a stable order; hidden files are skipped."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))
