"""What a shared link and a search engine read from every page: Open Graph and X card tags, the
canonical link, schema.org JSON-LD (NewsArticle, BreadcrumbList), all with absolute URLs under
the site's /repo/ base, and breadcrumbs that match the kicker a reader sees."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED, SUBPATH, build_project, write_project

BASE = f"https://example.org{SUBPATH}"


class Head(HTMLParser):
    """The share tags, canonical link, JSON-LD and kicker links of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.ld: list[dict] = []
        self.kicker: list[str] = []
        self._ld = False
        self._in_kicker = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._ld = True
        elif tag == "p" and "kicker" in a.get("class", "").split():
            self._in_kicker = True
        elif tag == "a" and self._in_kicker:
            self.kicker.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_kicker = False
        if tag == "script":
            self._ld = False

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.ld.append(json.loads(data))


def head_of(site: Path, rel: str) -> Head:
    parser = Head()
    parser.feed((site / rel).read_text(encoding="utf-8"))
    return parser


def address(rel: str) -> str:
    return BASE + rel.removesuffix("index.html")


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith("pagefind/"))


def test_every_page_has_open_graph_and_card_tags_with_its_own_absolute_address(entity_site):
    site = entity_site / "_site"
    pages = html_pages(site)
    assert len(pages) > 30
    for rel in pages:
        head = head_of(site, rel)
        for key in ("og:title", "og:description", "og:type", "og:site_name", "twitter:card"):
            assert len(head.meta.get(key, [])) == 1 and head.meta[key][0].strip(), (rel, key)
        assert head.meta["og:site_name"] == ["Test Archive"]
        assert head.meta["twitter:card"] == ["summary_large_image"]
        assert head.meta["og:image"] == [BASE + "static/share.png"], rel  # the shipped card
        assert head.meta["og:locale"] == ["en_US"], rel  # [site] language "en"
        if rel == "404.html":  # a missing page has no address of its own
            assert head.canonical == [] and "og:url" not in head.meta
            continue
        assert head.canonical == [address(rel)], rel
        assert head.meta["og:url"] == [address(rel)], rel
        expected = "article" if head.meta.get("article:published_time") else "website"
        assert head.meta["og:type"] == [expected], rel


def test_an_article_is_shared_as_an_article_with_its_headline_and_date(entity_site):
    site = entity_site / "_site"
    rel = "2015/11/envoys-meet-in-geneva-round-1/index.html"
    head = head_of(site, rel)
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:title"] == ["Envoys meet in Geneva for round 1 of talks on Syria"]
    assert head.meta["og:description"] == ["Diplomats opened round 1 of talks."]
    assert head.meta["article:published_time"] == ["2015-11-20T00:00:00+00:00"]
    assert head.meta["og:url"] == [BASE + "2015/11/envoys-meet-in-geneva-round-1/"]
    # A hub is shared by its name, without the site's title after it.
    assert head_of(site, "people/john-kerry/index.html").meta["og:title"] == ["John Kerry"]


def test_news_article_json_ld_is_complete_and_absolute(entity_site):
    head = head_of(entity_site / "_site", "2015/11/envoys-meet-in-geneva-round-1/index.html")
    (article,) = [d for d in head.ld if d["@type"] == "NewsArticle"]
    url = BASE + "2015/11/envoys-meet-in-geneva-round-1/"
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == head.meta["og:title"][0]
    assert article["url"] == article["mainEntityOfPage"] == url
    assert article["datePublished"] == "2015-11-20T00:00:00+00:00"
    assert [a["name"] for a in article["author"]] == ["Ana Reporter", "Ben Editor"]
    assert article["publisher"] == {"@type": "Organization", "name": "Dateline", "url": BASE}
    mentions = {m["name"]: m for m in article["mentions"]}
    assert mentions["Bashar Assad"] == {"@type": "Person", "name": "Bashar Assad",
                                        "url": BASE + "people/bashar-assad/"}
    assert mentions["United Nations"]["@type"] == "Organization"
    assert {p["name"] for p in article["contentLocation"]} == {"Geneva", "Syria"}
    assert len(article["headline"]) <= 110  # Google's limit for a headline
    assert article["image"] == BASE + "static/share.png"


def test_the_share_image_is_a_setting_and_links_share_without_one_when_it_is_empty(tmp_path):
    root = write_project(tmp_path / "own", [SEED], base_url=BASE)
    (root / "static").mkdir()
    (root / "static" / "card.png").write_bytes((REPO / "static" / "share.png").read_bytes())
    toml = root / "site.toml"
    text = toml.read_text().replace(f'static = "{REPO / "static"}"', 'static = "static"')
    toml.write_text(text.replace("[site]\n", '[site]\nshare_image = "static/card.png"\n', 1))
    build_project(root)
    site = root / "_site"
    [rel] = [p for p in html_pages(site) if p.startswith("2016/12/") and not p.split("/")[2].isdigit()
             and p.count("/") == 3]  # the article, not its month or day page
    assert head_of(site, rel).meta["og:image"] == [BASE + "static/card.png"]
    assert (site / "static" / "card.png").is_file()
    toml.write_text(text.replace("[site]\n", '[site]\nshare_image = ""\n', 1))
    build_project(root)
    head = head_of(site, rel)
    assert "og:image" not in head.meta and head.meta["twitter:card"] == ["summary"]
    (article,) = [d for d in head.ld if d["@type"] == "NewsArticle"]
    assert "image" not in article


@pytest.mark.parametrize(("language", "locale", "expected"), [
    ("pt-BR", "", ["pt_BR"]), ("de", "", ["de_DE"]), ("zh-Hant-TW", "", ["zh_TW"]),
    ("es-419", "", None), ("ar", "", None), ("ar", "ar_AR", ["ar_AR"])])
def test_og_locale_follows_the_sites_language_or_its_own_setting(tmp_path, language, locale, expected):
    """A region said in the language tag, else the usual one of a bare language; a region no
    og:locale can say (Latin America, 419) or a language without a usual one gets no tag,
    unless [site] locale names it."""
    root = write_project(tmp_path / "own", [SEED], base_url=BASE)
    toml = root / "site.toml"
    toml.write_text(toml.read_text().replace(
        "[site]\n", f'[site]\nlanguage = "{language}"\nlocale = "{locale}"\n', 1))
    build_project(root)
    head = head_of(root / "_site", "index.html")
    assert head.meta.get("og:locale") == expected


def crumbs(head: Head) -> list[tuple[int, str, str]]:
    (trail,) = [d for d in head.ld if d["@type"] == "BreadcrumbList"]
    assert trail["@context"] == "https://schema.org"
    return [(i["position"], i["name"], i["item"]) for i in trail["itemListElement"]]


def test_breadcrumbs_follow_the_kicker_and_end_at_the_page(entity_site):
    site = entity_site / "_site"
    cases = {
        "2015/11/envoys-meet-in-geneva-round-1/index.html":
            ["Dates", "2015", "November", "20", "Envoys meet in Geneva for round 1 of talks on Syria"],
        "people/bashar-assad/index.html": ["People", "Bashar Assad"],
        "places/geneva/page/2/index.html": ["Places", "Geneva"],
        "2015/11/20/index.html": ["Dates", "2015", "November", "20"],
    }
    for rel, names in cases.items():
        head = head_of(site, rel)
        trail = crumbs(head)
        assert [n for _, n, _ in trail] == names, rel
        assert [p for p, _, _ in trail] == list(range(1, len(names) + 1))
        assert all(item.startswith(BASE) for _, _, item in trail)
        # The kicker links to every crumb but the page itself, in the same order.
        assert [SUBPATH + item.removeprefix(BASE) for _, _, item in trail[:-1]] == head.kicker, rel
    # The last crumb is the page (a hub's later pages belong to its first).
    assert crumbs(head_of(site, "people/bashar-assad/index.html"))[-1][2] == BASE + "people/bashar-assad/"
