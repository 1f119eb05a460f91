"""The one place URLs are made. Every link and asset goes through here, so the same build works
at ``/`` and under a GitHub project path such as ``/repo/``."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote


def page_url(path: str, base_path: str) -> str:
    """Site-relative path ('2016/12/slug/') -> root-relative URL under the base path."""
    return base_path + quote(path.lstrip("/"), safe="/#?=&.-_~")


def absolute_url(path: str, base_url: str) -> str:
    """For feeds, sitemaps, canonical links and citations, which need the full address."""
    return base_url.rstrip("/") + "/" + quote(path.lstrip("/"), safe="/#?=&.-_~")


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
