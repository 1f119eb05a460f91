"""What publishing relies on: the Pages workflow, a site without dotfiles, Atom feeds a real feed
reader accepts, sitemaps (split past the protocol's limit), robots.txt, and the metadata that
search engines and citation tools read from article and person pages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
import yaml

from dateline import render
from dateline.config import load_settings
from dateline.pipeline import build
from dateline.report import Report
from dateline.safety import MARK
from tests.conftest import ENTITY_ARTICLES, REPO, SEED, SUBPATH, build_project, write_project
from tests.xml_specs import sitemap_problems

BASE = "https://example.org" + SUBPATH
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEED_CAP = 3  # ENTITY_TOML's feed_entries
PER_PAGE = 2  # ...and per_page


# --- the GitHub Pages workflow -------------------------------------------------------------

def workflow() -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def readme_build_command() -> str:
    """The README's build command for a project page, as a reader would copy it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [command] = re.findall(r"^(bash scripts/build\.sh --base-url) https://OWNER\.github\.io/REPO/$",
                           readme, re.M)
    return command


def test_the_pages_workflow_builds_with_the_readmes_command_and_deploys():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    [pages_step] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages")]
    [run] = [s["run"] for s in build["steps"] if "run" in s]
    assert run.startswith(readme_build_command() + " ")
    assert f"steps.{pages_step['id']}.outputs.base_url" in run
    [upload] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"].rstrip("/") == "_site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_site_needs_no_dotfile_because_the_pages_upload_drops_them(sample_site, entity_site):
    for root in (sample_site, entity_site):
        site = root / "_site"
        hidden = [p.relative_to(site).as_posix() for p in site.rglob(".*")]
        assert hidden == [MARK]  # only Dateline's mark of a folder it built, no page needs it
        html = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
        assert not re.search(r"""(?:href|src)="[^"]*/\.""", html)


def test_the_build_reports_size_and_warns_before_the_pages_cap(tmp_path, capsys):
    for name, limit, warned in (("tiny", 0, True), ("roomy", 800, False)):
        root = write_project(tmp_path / name, [SEED], extra_toml=f"size_warning_mb = {limit}\n")
        report = Report()
        build(load_settings(root / "site.toml"), report)
        said = capsys.readouterr().err
        files = sum(1 for p in (root / "_site").rglob("*") if p.is_file())
        assert re.search(rf"site: [0-9.]+ MB in {files:,} files", said)
        assert ("GitHub Pages refuses sites over 1 GB" in said) is warned
        assert any("GitHub Pages" in w for w in report.warnings) is warned


# --- Atom feeds ----------------------------------------------------------------------------

def feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml"))


def test_every_feed_parses_with_absolute_urls_and_capped_entries(entity_site):
    site = entity_site / "_site"
    found = feeds(site)
    kinds = {p.relative_to(site).parts[0] for p in found if p.parent != site}
    assert kinds == {"people", "places", "organizations", "tags"}
    assert site / "feed.xml" in found
    for path in found:
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, f"{path}: {feed.get('bozo_exception')}"
        assert feed.version == "atom10"
        assert len(feed.entries) == FEED_CAP  # every term here is on all 7 articles
        assert feed.feed.link.startswith(BASE)
        assert [link.href for link in feed.feed.links if link.rel == "self"] == [
            BASE + path.relative_to(site).as_posix()]
        for entry in feed.entries:
            assert entry.link.startswith(BASE) and entry.id.startswith(BASE)
            assert entry.published_parsed and entry.title and entry.summary
            assert [a.name for a in entry.authors] == ["Ana Reporter", "Ben Editor"]
        dates = [e.published_parsed for e in feed.entries]
        assert dates == sorted(dates, reverse=True)  # the latest articles


def test_the_sample_sites_feed_is_valid_and_capped_at_the_default(sample_site):
    feed = feedparser.parse((sample_site / "_site" / "feed.xml").read_bytes())
    assert feed.bozo == 0
    articles = len(list((sample_site / "content").rglob("*.md")))
    assert len(feed.entries) == min(articles, 50)
    assert all(e.link.startswith(BASE) for e in feed.entries)


# --- sitemaps and robots.txt ---------------------------------------------------------------

def sitemap_locs(path: Path) -> list[str]:
    return [el.text or "" for el in ET.parse(path).getroot().iter(SITEMAP_NS + "loc")]


def test_one_sitemap_lists_every_page_and_robots_points_to_it(entity_site):
    site = entity_site / "_site"
    assert sitemap_locs(site / "sitemap.xml")[0] == BASE
    locs = set(sitemap_locs(site / "sitemap.xml"))
    assert len([loc for loc in locs if re.search(r"/\d{4}/\d{2}/envoys", loc)]) == ENTITY_ARTICLES
    for path in ("archive/", "2016/", "2016/01/", "people/", "people/john-kerry/", "tags/diplomacy/"):
        assert BASE + path in locs
    assert not (site / "sitemap-1.xml").exists()
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()


def test_past_the_limit_the_sitemap_becomes_an_index_of_parts(tmp_path, monkeypatch, entity_site):
    monkeypatch.setattr(render, "SITEMAP_LIMIT", 10)
    root = write_project(tmp_path / "split", {}, base_url=BASE)
    for md in (entity_site / "content").rglob("*.md"):
        target = root / "content" / md.relative_to(entity_site / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(md.read_bytes())
    build_project(root)
    site = root / "_site"
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == SITEMAP_NS + "sitemapindex"
    parts = sitemap_locs(site / "sitemap.xml")
    assert len(parts) >= 3 and all(p.startswith(BASE + "sitemap-") for p in parts)
    urls = [loc for part in parts for loc in sitemap_locs(site / part[len(BASE):])]
    assert all(len(sitemap_locs(site / p[len(BASE):])) <= 10 for p in parts)
    assert len(urls) == len(set(urls)) == len(set(sitemap_locs(entity_site / "_site" / "sitemap.xml")))
    for part in ["sitemap.xml", *(p[len(BASE):] for p in parts)]:  # the index and every part
        assert sitemap_problems(site / part, BASE) == [], part


# --- page metadata: canonical, Open Graph, JSON-LD, citation --------------------------------

class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.canonical: list[str] = []
        self.json_ld: list[dict] = []
        self.breadcrumbs: list[dict] = []  # BreadcrumbLists, apart (tests/test_share.py reads them)
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("property"):
            self.meta.append((values["property"] or "", values.get("content") or ""))
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values["href"] or "")
        self._in_ld = tag == "script" and values.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            ld = json.loads(data)
            (self.breadcrumbs if ld.get("@type") == "BreadcrumbList" else self.json_ld).append(ld)
            self._in_ld = False


def head_of(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def an_article(site: Path) -> Path:
    return next(site.glob("2016/01/envoys-*/index.html"))


def test_article_pages_carry_canonical_open_graph_and_news_article(entity_site):
    page = an_article(entity_site / "_site")
    url = BASE + page.parent.relative_to(entity_site / "_site").as_posix() + "/"
    head = head_of(page)
    assert head.canonical == [url]
    meta = dict(head.meta)
    assert meta["og:type"] == "article" and meta["og:url"] == url
    assert meta["article:published_time"] == "2016-01-19T00:00:00+00:00"
    assert sorted(v for k, v in head.meta if k == "article:tag") == ["cease-fire", "diplomacy"]
    [ld] = head.json_ld
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    assert ld["headline"] == "Envoys meet in Geneva for round 2 of talks on Syria"
    assert re.fullmatch(r"2016-01-19T00:00:00[+-]\d\d:\d\d", ld["datePublished"])
    assert ld["dateline"] == "GENEVA" and ld["inLanguage"] == "en" and ld["url"] == url
    assert ld["author"] == [{"@type": "Person", "name": "Ana Reporter"},
                            {"@type": "Person", "name": "Ben Editor"}]
    assert ld["publisher"]["@type"] == "Organization" and ld["publisher"]["name"] == "Dateline"
    mentioned = {(m["@type"], m["name"], m.get("url")) for m in ld["mentions"]}
    assert ("Person", "John Kerry", BASE + "people/john-kerry/") in mentioned
    assert ("Organization", "United Nations", BASE + "organizations/united-nations/") in mentioned
    assert ("Place", "Geneva", BASE + "places/geneva/") in mentioned
    assert {a["name"] for a in ld["about"]} == {"diplomacy", "cease-fire"}


def test_the_publisher_comes_from_site_toml(tmp_path):
    root = write_project(tmp_path / "pub", [SEED], base_url=BASE)
    toml = (root / "site.toml").read_text().replace("[site]\n", '[site]\npublisher = "The Gazette"\n'
                                                    'timezone = "-05:00"\nlanguage = "en-GB"\n')
    (root / "site.toml").write_text(toml)
    build_project(root)
    [ld] = head_of(next(p for p in (root / "_site" / "2016" / "12").glob("*/index.html")
                        if not p.parent.name.isdigit())).json_ld  # 2016/12/09/ is the day's page
    assert ld["publisher"]["name"] == "The Gazette"
    assert ld["datePublished"] == "2016-12-09T00:00:00-05:00" and ld["inLanguage"] == "en-GB"


def test_person_pages_carry_person_json_ld(entity_site):
    head = head_of(entity_site / "_site" / "people" / "john-kerry" / "index.html")
    [ld] = head.json_ld
    assert ld["@type"] == "Person" and ld["name"] == "John Kerry"
    assert ld["url"] == BASE + "people/john-kerry/" and ld["jobTitle"] == "Secretary of State"
    assert [a["headline"][-25:] for a in ld["subjectOf"]] == [  # the newest, one page's worth
        "round 7 of talks on Syria", "round 6 of talks on Syria"][: PER_PAGE]
    assert all(a["@type"] == "NewsArticle" and a["url"].startswith(BASE) for a in ld["subjectOf"])


@pytest.mark.parametrize(("path", "kind"), [("places/geneva/", "Place"),
                                            ("organizations/united-nations/", "Organization")])
def test_place_and_organization_pages_say_what_they_are(entity_site, path, kind):
    [ld] = head_of(entity_site / "_site" / path / "index.html").json_ld
    assert ld["@type"] == kind and ld["url"] == BASE + path and "jobTitle" not in ld


def test_tag_pages_claim_no_thing(entity_site):
    assert head_of(entity_site / "_site" / "tags" / "diplomacy" / "index.html").json_ld == []


def test_the_404_page_claims_no_canonical_address(entity_site):
    assert head_of(entity_site / "_site" / "404.html").canonical == []


def test_each_article_shows_a_ready_to_copy_citation(entity_site):
    page = an_article(entity_site / "_site")
    html = page.read_text(encoding="utf-8")
    [citation] = re.findall(r'<p class="citation" id="citation">(.*?)</p>', html, re.S)
    text = re.sub(r"<[^>]+>", "", citation).replace("&ldquo;", "“").replace("&rdquo;", "”")
    url = BASE + page.parent.relative_to(entity_site / "_site").as_posix() + "/"
    assert text == f"“Envoys meet in Geneva for round 2 of talks on Syria.” GENEVA, 19 January 2016. " \
                   f"Test Archive. {url}"


@pytest.mark.browser
def test_the_copy_button_copies_the_citation_and_is_hidden_without_script(served, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served + "2016/12/")
    page.locator(".days .article-list a").first.click()
    button = page.get_by_role("button", name="Copy citation")
    button.click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#citation").inner_text()
    assert copied.endswith(page.url.replace(served, BASE))
    context.close()
    no_js = browser.new_context(java_script_enabled=False)
    page = no_js.new_page()
    page.goto(served + "2016/12/")
    page.locator(".days .article-list a").first.click()
    assert page.get_by_role("button", name="Copy citation").count() == 0  # hidden, so not offered
    assert page.locator("#citation").is_visible()
    no_js.close()
