"""The one place URLs are made. Every link and asset goes through here, so the same build works
at ``/`` and under a GitHub project path such as ``/repo/``."""

from __future__ import annotations

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


def day_link(month_path: str, days: list[int], day: int, per_page: int) -> str:
    """The anchor of a day's articles on a paginated month: ``days`` are the month's articles'
    days in page order, so the day's first article says which page holds its heading."""
    page = days.index(day) // per_page + 1
    return f"{paginated(month_path, page)}#day-{day}"
