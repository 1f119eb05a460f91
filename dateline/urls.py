"""The one place URLs are made. Every link and asset goes through here, so the same build works
at ``/`` and under a GitHub project path such as ``/repo/``."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from .config import Settings

SAFE = "/#?=&.-_~"  # URL syntax the paths carry themselves: never percent-encoded


def page_url(path: str, base_path: str, index_files: bool = False) -> str:
    """Site-relative path ('2016/12/slug/') -> root-relative URL under the base path."""
    return base_path + quote(linked_path(path, index_files), safe=SAFE)


# Full addresses remembered per process: the JSON-LD of an article page names ~20 (its terms',
# linked from many pages), a hub's up to a page of stories', each quoted again otherwise.
ADDRESSES_REMEMBERED = 8192


@functools.lru_cache(maxsize=ADDRESSES_REMEMBERED)
def absolute_url(path: str, base_url: str, index_files: bool = False) -> str:
    """For feeds, sitemaps, canonical links and citations, which need the full address."""
    return base_url.rstrip("/") + "/" + quote(linked_path(path, index_files), safe=SAFE)


def link(path: str, settings: Settings) -> str:
    """A link inside the site, as this site's settings make links."""
    return page_url(path, settings.base_path, settings.link_index_files)


def address(path: str, settings: Settings) -> str:
    """A page's full address, as this site's settings make links."""
    return absolute_url(path, settings.base_url, settings.link_index_files)


def linked_path(path: str, index_files: bool) -> str:
    """The path as a link names it: a folder ('people/x/', or '' for the home page) ends in '/'
    where the host serves a folder's index.html, and in '/index.html' where it does not (a
    plain object-store bucket: site.toml [site] link_index_files)."""
    path = path.lstrip("/")
    if not index_files:
        return path
    page, mark, rest = _split_suffix(path)
    return (output_file(page) if page.endswith("/") or not page else page) + mark + rest


def _split_suffix(path: str) -> tuple[str, str, str]:
    """'2016/12/#day-9' -> ('2016/12/', '#', 'day-9'); a query splits the same way."""
    cut = min((i for i in (path.find("#"), path.find("?")) if i >= 0), default=len(path))
    return path[:cut], path[cut:cut + 1], path[cut + 1:]


def output_file(path: str) -> str:
    """Pretty URLs: 'people/x/' is written as 'people/x/index.html'."""
    return path + "index.html" if path.endswith("/") or not path else path


def paginated(path: str, page: int) -> str:
    return path if page == 1 else f"{path}page/{page}/"


def day_path(date: object) -> str:
    """A day page: '2016/12/09/'."""
    return f"{date:%Y/%m/%d}/"


def on_this_day_path(month: int, day: int) -> str:
    """A calendar day across years: 'on-this-day/12-09/'."""
    return f"on-this-day/{month:02d}-{day:02d}/"


def day_pages(days: Iterable[int], per_page: int) -> dict[int, int]:
    """Day of the month -> the page of a paginated month that holds that day's heading.
    ``days`` are the month's articles' days in page order."""
    pages: dict[int, int] = {}
    for index, day in enumerate(days):
        pages.setdefault(day, index // per_page + 1)
    return pages
