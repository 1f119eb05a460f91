"""What the specifications require of an Atom feed (RFC 4287) and a sitemap or sitemap index
(the sitemaps.org protocol 0.9), checked offline: each function returns the problems found, one
line each naming the element, so a test can show them all. They check what the specs say
"MUST" (and the sitemap protocol's limits), not what a feed reader happens to accept."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# RFC 3339 date-time, as RFC 4287 3.3 requires it (an uppercase T and Z).
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
# W3C Datetime, the sitemap protocol's lastmod: a day, or a day and a time with a zone.
W3C_DATETIME = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?")
MAX_URLS = 50_000  # per sitemap or index
MAX_BYTES = 50 * 1024 * 1024  # uncompressed
MAX_LOC = 2048
TEXT_TYPES = {None, "text", "html", "xhtml"}
FEED_ONCE = ("id", "title", "updated")  # exactly one each
FEED_AT_MOST_ONCE = ("generator", "icon", "logo", "rights", "subtitle")
ENTRY_ONCE = ("id", "title", "updated")
ENTRY_AT_MOST_ONCE = ("content", "published", "rights", "source", "summary")


def atom_problems(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    if root.tag != ATOM + "feed":
        return [f"root is {root.tag}, not atom:feed"]
    problems = _counted(root, "feed", FEED_ONCE, FEED_AT_MOST_ONCE)
    problems += _common(root, "feed")
    entries = root.findall(ATOM + "entry")
    feed_author = bool(root.findall(ATOM + "author"))
    for n, entry in enumerate(entries, start=1):
        where = f"entry {n}"
        problems += _counted(entry, where, ENTRY_ONCE, ENTRY_AT_MOST_ONCE)
        problems += _common(entry, where)
        if not feed_author and not entry.findall(ATOM + "author"):
            problems.append(f"{where}: no atom:author, and the feed has none (4.1.1)")
        if entry.find(ATOM + "content") is None and not [
                link for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]:
            problems.append(f"{where}: neither atom:content nor a link rel=alternate (4.1.2)")
    ids = Counter(e.findtext(ATOM + "id") for e in entries)
    problems += [f"entry id {i} appears {k} times" for i, k in ids.items() if k > 1]
    return problems


def _counted(element: ET.Element, where: str, once: tuple[str, ...], at_most: tuple[str, ...]) -> list[str]:
    counts = Counter(child.tag for child in element)
    problems = [f"{where}: {counts[ATOM + n]} atom:{n}, exactly one required" for n in once
                if counts[ATOM + n] != 1]
    return problems + [f"{where}: {counts[ATOM + n]} atom:{n}, at most one allowed" for n in at_most
                       if counts[ATOM + n] > 1]


def _common(element: ET.Element, where: str) -> list[str]:
    """Dates, ids, links, people and text constructs of a feed or an entry."""
    problems = []
    for name in ("updated", "published"):
        for date in element.findall(ATOM + name):
            if not RFC3339.fullmatch((date.text or "").strip()):
                problems.append(f"{where}: atom:{name} {date.text!r} is not an RFC 3339 date-time")
    for ident in element.findall(ATOM + "id"):
        if not urlsplit((ident.text or "").strip()).scheme:
            problems.append(f"{where}: atom:id {ident.text!r} is not an absolute IRI")
    alternates = Counter((link.get("type"), link.get("hreflang")) for link in element.findall(ATOM + "link")
                         if link.get("rel", "alternate") == "alternate")
    problems += [f"{where}: {k} alternate links of one type and language"
                 for k in alternates.values() if k > 1]
    problems += [f"{where}: a link without href" for link in element.findall(ATOM + "link")
                 if not link.get("href")]
    for person in (*element.findall(ATOM + "author"), *element.findall(ATOM + "contributor")):
        if len(person.findall(ATOM + "name")) != 1 or not (person.findtext(ATOM + "name") or "").strip():
            problems.append(f"{where}: a person construct without exactly one non-empty atom:name")
    for name in ("title", "summary", "rights", "subtitle"):
        for text in element.findall(ATOM + name):
            if text.get("type") not in TEXT_TYPES:
                problems.append(f"{where}: atom:{name} type {text.get('type')!r}")
    for category in element.findall(ATOM + "category"):
        if not category.get("term"):
            problems.append(f"{where}: a category without term")
    return problems


def sitemap_problems(path: Path, base: str) -> list[str]:
    """A urlset or a sitemapindex at ``base`` + its name: every URL absolute and under the
    folder the sitemap is in, as the protocol requires of the URLs a sitemap may list."""
    data = path.read_bytes()
    problems = [f"{len(data):,} bytes, over the protocol's 50 MiB"] if len(data) > MAX_BYTES else []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("not UTF-8")
    root = ET.fromstring(data)
    item = {SITEMAP + "urlset": "url", SITEMAP + "sitemapindex": "sitemap"}.get(root.tag)
    if item is None:
        return [*problems, f"root is {root.tag}, not urlset or sitemapindex"]
    allowed = {"loc", "lastmod"} | ({"changefreq", "priority"} if item == "url" else set())
    entries = list(root)
    if len(entries) > MAX_URLS:
        problems.append(f"{len(entries):,} entries, over the protocol's {MAX_URLS:,}")
    for n, entry in enumerate(entries, start=1):
        if entry.tag != SITEMAP + item:
            problems.append(f"entry {n}: {entry.tag} where <{item}> belongs")
            continue
        problems += _entry_problems(entry, f"<{item}> {n}", allowed, base)
    locs = Counter(entry.findtext(SITEMAP + "loc") for entry in entries)
    return problems + [f"{loc} listed {k} times" for loc, k in locs.items() if k > 1]


def _entry_problems(entry: ET.Element, where: str, allowed: set[str], base: str) -> list[str]:
    counts = Counter(child.tag for child in entry)
    problems = [f"{where}: {tag} is no sitemap element" for tag in counts
                if not tag.startswith(SITEMAP) or tag[len(SITEMAP):] not in allowed]
    problems += [f"{where}: {k} <{tag[len(SITEMAP):]}>" for tag, k in counts.items() if k > 1]
    loc = (entry.findtext(SITEMAP + "loc") or "").strip()
    if not loc:
        return [*problems, f"{where}: no <loc>"]
    if len(loc) >= MAX_LOC:
        problems.append(f"{where}: <loc> of {len(loc)} characters (under {MAX_LOC})")
    if urlsplit(loc).scheme not in ("http", "https") or not loc.startswith(base):
        problems.append(f"{where}: <loc> {loc} is not an address under {base}")
    lastmod = entry.findtext(SITEMAP + "lastmod")
    if lastmod is not None and not W3C_DATETIME.fullmatch(lastmod.strip()):
        problems.append(f"{where}: <lastmod> {lastmod!r} is not a W3C Datetime")
    return problems
