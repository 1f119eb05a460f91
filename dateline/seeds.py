"""Reading raw wire seeds: `` date YYYY-MM-DD DATELINE -- text``, paragraphs, a credit line.

Archives come from many systems, so reading is forgiving where the article is still usable
(a BOM, CRLF, Windows-1252, a US-style date, an oversized file) and records a warning; it
refuses only what cannot be an article, with a ``SeedError`` that names the problem and says
which kind of problem it is, so the end-of-run summary can count them.
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
    r"|Associated Press writers?)\b"
    r"|^Contributing:",  # no \b after the colon: it would need a word character next
    re.IGNORECASE,
)
DATE_FORMS = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\S+"
# A dateline never starts with the "--" that ends it: "date X -- a -- b" has no dateline.
FIRST_LINE_RE = re.compile(
    rf"^\s*date\s+(?P<date>{DATE_FORMS})\s+(?:(?!--)(?P<dateline>\S.*?)\s+)?--\s*(?P<lead>.*)$",
    re.DOTALL)
# C0 controls and DEL are not text; Markdown also uses STX/ETX as internal placeholders.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What marks a file as binary: controls below 32 but tab, newline, form feed and return
# (counted by one regex pass, not a Python loop over every character of every seed).
BINARY_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
ID_IN_NAME_RE = re.compile(r"(?:^|_)([0-9a-f]{16})$")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
MIN_YEAR = 1800
DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024  # site.toml [build] max_article_kb
BINARY_SNIFF_BYTES = 4096  # how much of a file decides whether it is text at all


class SeedError(ValueError):
    """A seed that cannot become an article; the message says why, ``kind`` names the class
    of problem ("empty file", "bad date"...) for the summary's counts."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def read_seed(path: str | Path, raw: bytes | None = None, today: dt.date | None = None,
              max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Seed:
    """Parse one seed file. Raises ``SeedError`` for a seed that cannot be used.

    A file over ``max_bytes`` is published cut at the last paragraph break before the limit,
    with a warning: one runaway file should neither vanish nor produce a page that stalls
    browsers and the search indexer. The full text stays in the seed.
    """
    path = Path(path)
    raw = path.read_bytes() if raw is None else raw
    sha = hashlib.sha256(raw).hexdigest()
    warnings: list[str] = []
    text = decode(truncated(raw, max_bytes, warnings), warnings)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first, rest = _first_line(lines)
    match = FIRST_LINE_RE.match(first)
    if not match:
        raise SeedError("first line is not ' date YYYY-MM-DD DATELINE -- text'", "no date line")
    date = parse_date(match["date"], warnings, today or dt.date.today())
    paragraphs = split_paragraphs("\n".join([match["lead"], *rest]))
    credit = ""
    if paragraphs and CREDIT_RE.match(paragraphs[-1]):
        credit = paragraphs.pop()
    if not paragraphs:
        raise SeedError("no article text after the date line", "no text")
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


def truncated(raw: bytes, max_bytes: int, warnings: list[str]) -> bytes:
    """``raw`` cut to at most ``max_bytes``, at a paragraph, line or word break if there is one."""
    if len(raw) <= max_bytes:
        return raw
    head = raw[:max_bytes]
    for brk in (b"\n\n", b"\n", b" "):
        at = head.rfind(brk)
        if at > max_bytes // 2:
            head = head[:at]
            break
    else:  # no break: do not end inside a multi-byte character, which would look like cp1252
        head = head.rstrip(bytes(range(0x80, 0x100)))
    warnings.append(f"file is {len(raw) / 1024 / 1024:.1f} MB; published its first "
                    f"{len(head) / 1024:,.0f} KB (limit: max_article_kb in site.toml)")
    return head


def decode(raw: bytes, warnings: list[str]) -> str:
    """The file's text; UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    if not raw.strip():
        raise SeedError("file is empty" if not raw else "file holds only whitespace",
                        "empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows "Unicode" text: UTF-16 with a BOM
        warnings.append("UTF-16, not UTF-8; read as UTF-16")
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise SeedError("file is binary, not text", "binary file")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        warnings.append("not UTF-8; read as Windows-1252")
    sample = text[:BINARY_SNIFF_BYTES]
    controls = len(BINARY_CONTROL_RE.findall(sample))
    if controls > len(sample) / 20:
        raise SeedError("file is binary, not text", "binary file")
    return text


def _first_line(lines: list[str]) -> tuple[str, list[str]]:
    for i, line in enumerate(lines):
        if line.strip():
            return line, lines[i + 1:]
    raise SeedError("file holds only whitespace", "empty file")


def parse_date(value: str, warnings: list[str], today: dt.date) -> dt.date:
    """ISO dates as written by the wire; US ``12/09/2016`` and ``Dec. 9, 2016`` with a warning."""
    value = value.strip()
    date = _iso_date(value) or _other_date(value)
    if date is None:
        raise SeedError(f"date {value!r} is not a date (expected YYYY-MM-DD)", "bad date")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        warnings.append(f"date {value!r} is not YYYY-MM-DD; read as {date.isoformat()}")
    if date.year < MIN_YEAR:
        raise SeedError(f"date {date.isoformat()} is before {MIN_YEAR}", "bad date")
    if date > today + dt.timedelta(days=1):  # a day's grace: wire time zones run ahead
        raise SeedError(f"date {date.isoformat()} is in the future", "bad date")
    return date


def _iso_date(value: str) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return None
    try:
        return dt.date(*map(int, value.split("-")))
    except ValueError:
        raise SeedError(f"date {value!r} does not exist", "bad date") from None


def _other_date(value: str) -> dt.date | None:
    us = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    words = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", value)
    try:
        if us:
            return dt.date(int(us[3]), int(us[1]), int(us[2]))
        if words and words[1].lower() in MONTHS:
            return dt.date(int(words[3]), MONTHS[words[1].lower()], int(words[2]))
    except ValueError:
        raise SeedError(f"date {value!r} does not exist", "bad date") from None
    return None


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; lines inside one are re-flowed. Text with no
    blank line at all (some systems write a paragraph per line) breaks after lines that end
    a sentence, so it does not become one wall of text."""
    blocks = re.split(r"\n\s*\n", text.strip())
    if len(blocks) == 1:
        blocks = re.split(r"(?<=[.!?\"\u201d])[ \t]*\n", blocks[0])
    return [p for p in (clean_space(b) for b in blocks) if p]


def clean_space(text: str) -> str:
    """One line of text: runs of whitespace as one space, control characters dropped."""
    return re.sub(r"\s+", " ", CONTROL_RE.sub("", text)).strip()


def seed_files(folder: Path, root: Path | None = None) -> list[Path]:
    """Every seed below ``folder``, in a stable order; hidden files are skipped, and so are
    symbolic links to files outside ``root`` (default: ``folder``) (see ``safety``)."""
    from .safety import files_below

    return [folder / rel for rel in files_below(folder, root or folder, hidden=False)[0]]
